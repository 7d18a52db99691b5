"""The demo's panel: members, one pretest of a real page's latest revision, answers with figures; run twice, once."""

from __future__ import annotations

import pytest

from automation.panel.demo import ANSWERS, demo_panel_install
from automation.panel.models import PanelMember, Pretest, PretestResponse
from automation.panel.results import pretest_results
from cms.themes.models import ThemeIndexPage, ThemePage
from tests.automation.panel.conftest import DRAFT_BODY, DRAFT_INTRO
from tests.cms.conftest import add_page

pytestmark = pytest.mark.django_db


def test_the_demo_panel_has_members_a_sent_pretest_and_answers_with_figures(home, wijken):
    index = add_page(home, ThemeIndexPage, title="Thema's", slug="themas")
    add_page(index, ThemePage, title="Grofvuil laten ophalen", slug="grofvuil", intro=f"{DRAFT_INTRO} {DRAFT_BODY}")
    assert demo_panel_install() == len(ANSWERS)
    assert demo_panel_install() == 0  # the seed runs again: nothing doubles
    assert PanelMember.objects.filter(status="active").count() == 13
    pretest = Pretest.objects.get()
    assert pretest.status == "sent" and pretest.title == "Grofvuil laten ophalen"
    results = pretest_results(pretest=pretest)
    assert (results.invited, results.answered) == (10, len(ANSWERS))
    assert sum(count for _value, _label, count in results.scales[0].counts) == len(ANSWERS)
    assert 0.3 < results.cloze_mean < 0.95 and results.gaps[0].missed_share > results.gaps[-1].missed_share
    assert PretestResponse.objects.count() == len(ANSWERS)
