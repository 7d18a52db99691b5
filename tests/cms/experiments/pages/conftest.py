"""A theme page with two buttons, and a way to start an experiment on it as an editor would."""

import pytest
from django.test import Client

from cms.experiments.pages.models import ExperimentField, PageExperiment, PageExperimentVersion
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

APPLY = "https://afspraken.stad.gent.example/grofvuil"
INFO = "https://www.ivago.be/grofvuil"
PATH = "/api/content/nl/themas/grofvuil-ophalen"


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def cta_page(tree):
    return add_page(
        tree.theme_index, ThemePage, title="Grofvuil ophalen", slug="grofvuil-ophalen",
        intro="Laat grofvuil aan huis ophalen.",
        body=[
            ("paragraph", "<p>Grofvuil is afval dat niet in de vuilniszak past.</p>"),
            ("call_to_action", {"label": "Maak een afspraak", "url": APPLY, "description": ""}),
            ("call_to_action", {"label": "Meer over grofvuil", "url": INFO, "description": ""}),
        ],
    )


@pytest.fixture
def start_experiment(cta_page):
    def start(*, field=ExperimentField.CALL_TO_ACTION, texts=("Vraag nu een ophaling aan",), control_weight=50,
              weights=None, measured_link=APPLY, page=None, **extra):
        experiment = PageExperiment.objects.create(
            name="Knoptekst grofvuil", page=page or cta_page, field=field, measured_link=measured_link,
            control_weight=control_weight, **extra)
        weights = weights or [(100 - control_weight) // len(texts)] * len(texts)
        for order, (text, weight) in enumerate(zip(texts, weights, strict=True)):
            PageExperimentVersion.objects.create(experiment=experiment, text=text, weight=weight, sort_order=order)
        return experiment

    return start
