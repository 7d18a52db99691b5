"""The demo's page experiment: started once on the green-roof page's button, left alone afterwards."""

from cms.experiments.pages.models import PageExperiment
from cms.importers.seed.context import SeedContext
from cms.importers.seed.experiments import PAGE_SLUG, VERSION_B, seed_page_experiment
from cms.importers.seed.structure import ensure_locales
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

LINK = "https://stad.gent/nl/klimaat/groendaken"


def context():
    return SeedContext(locales=ensure_locales(), media=None)


def test_the_seed_starts_a_running_experiment_on_the_pages_button(tree, client):
    page = add_page(tree.theme_index, ThemePage, title="Groendaksubsidie", slug=PAGE_SLUG,
                    body=[("call_to_action", {"label": "Groendaksubsidie aanvragen", "url": LINK, "description": ""})])
    experiment = seed_page_experiment(context())
    assert experiment.is_running() and experiment.page_id == page.pk and experiment.measured_link == LINK
    assert experiment.texts() == {"B": VERSION_B}
    answer = client.get(f"/api/content/nl/themas/{PAGE_SLUG}").json()
    assert answer["experiment"]["measured_link"] == LINK
    again = seed_page_experiment(context())
    assert again.pk == experiment.pk and PageExperiment.objects.count() == 1


def test_without_the_page_the_seed_warns_and_goes_on(tree):
    ctx = context()
    assert seed_page_experiment(ctx) is None
    assert any(PAGE_SLUG in warning for warning in ctx.warnings)
    assert not PageExperiment.objects.exists()
