"""What an editor cannot start: each refusal names the field it is about."""

import datetime

from django.utils import timezone

from cms.experiments.pages.models import ExperimentField, ExperimentStatus
from cms.experiments.pages.validation import VersionDraft, page_experiment_problems
from cms.pressroom.models import PressReleasePage
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

from .conftest import APPLY, INFO

NOW = timezone.now()


def problems(page, *, field=ExperimentField.CALL_TO_ACTION, measured_link=APPLY, control_weight=50,
             versions=(VersionDraft("Vraag nu aan", 50),), starts_at=NOW, ends_at=None, experiment_id=None):
    return page_experiment_problems(page=page, field=field, measured_link=measured_link, control_weight=control_weight,
                                    versions=list(versions), starts_at=starts_at, ends_at=ends_at,
                                    experiment_id=experiment_id)


def test_a_complete_experiment_on_a_public_page_is_valid(cta_page):
    assert problems(cta_page) == {}
    assert problems(cta_page, measured_link=INFO, field=ExperimentField.TITLE) == {}
    assert problems(cta_page, measured_link="", control_weight=34,
                    versions=[VersionDraft("B", 33), VersionDraft("C", 33)]) == {}


def test_an_empty_version_is_refused(cta_page):
    assert set(problems(cta_page, versions=[VersionDraft("  ", 50)])) == {"versions"}
    assert set(problems(cta_page, versions=[])) == {"versions", "control_weight"}


def test_a_split_that_does_not_add_up_to_100_is_refused_naming_the_share(cta_page):
    found = problems(cta_page, control_weight=60)
    assert set(found) == {"control_weight"}
    assert "110 %" in found["control_weight"]


def test_a_page_that_is_not_public_is_refused(tree, cta_page):
    draft = add_page(tree.theme_index, ThemePage, title="Concept", publish=False)
    assert set(problems(draft)) >= {"page"}
    cta_page.unpublish()
    assert "niet publiek" in problems(cta_page)["page"]


def test_the_measured_link_must_be_a_button_of_the_page(cta_page, tree):
    assert set(problems(cta_page, measured_link="https://elders.example/")) == {"measured_link"}
    release = add_page(tree.press_room, PressReleasePage, title="Zonder knop", date=datetime.date(2026, 3, 9))
    assert "geen knop" in problems(release, measured_link="")["measured_link"]


def test_one_running_experiment_per_page(cta_page, start_experiment):
    running = start_experiment()
    assert "al een experiment" in problems(cta_page)["page"]
    assert problems(cta_page, experiment_id=running.pk) == {}  # editing the running one
    running.status = ExperimentStatus.STOPPED
    running.save()
    assert problems(cta_page) == {}


def test_the_end_must_come_after_the_start(cta_page):
    assert set(problems(cta_page, ends_at=NOW - datetime.timedelta(days=1))) == {"ends_at"}
