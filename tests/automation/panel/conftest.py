"""Fixtures for the test panel: members in wijken, a draft page, a sent pretest with its tokens."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.rich_text import RichText

from automation.contacts.services import consent_record
from automation.contacts.subscribing import REF_PREFIX
from automation.panel.consent import CURRENT_VERSION
from automation.panel.models import PanelMember
from cms.core.models import Wijk
from cms.themes.models import ThemeIndexPage, ThemePage
from tests.automation.factories import CONSENT_TIME
from tests.cms.conftest import add_page, home, locales  # noqa: F401 (fixtures)

FRONTEND = "https://www.gent.example"
DRAFT_INTRO = "Vanaf 1 maart haalt de stad grofvuil aan huis op. U maakt daarvoor eerst een afspraak."
DRAFT_BODY = (
    "De ophaling kost 25 euro per beurt. U zet de spullen op de afgesproken dag voor 7 uur buiten. "
    "Grote elektrische toestellen neemt de ophaler niet mee: die brengt u naar het recyclagepark. "
    "Hebt u geen auto of kunt u niet tillen, dan helpt de buurtdienst u gratis."
)


@pytest.fixture(autouse=True)
def frontend(settings):
    settings.FRONTEND_URL = FRONTEND


def make_member(*, n: int, wijk: Wijk, language: str = "nl", active: bool = True, ref: str | None = None) -> PanelMember:
    from automation.contacts.models import Citizen

    citizen = Citizen.objects.create(ref=ref or f"{REF_PREFIX}{n:04d}", email=f"lid{n}@example.org", language=language)
    if active:
        consent_record(citizen=citizen, channel="email", granted=True, source="test", recorded_at=CONSENT_TIME)
    return PanelMember.objects.create(
        citizen=citizen, wijk=wijk, language=language, consent_version=CURRENT_VERSION, consent_source="test",
        asked_at=timezone.now(), status=PanelMember.Status.ACTIVE if active else PanelMember.Status.PENDING,
        confirmed_at=timezone.now() if active else None,
    )  # fmt: skip


@pytest.fixture
def wijken(db):
    return {slug: Wijk.objects.get(slug=slug) for slug in ("ledeberg", "rabot-blaisantvest", "brugse-poort-rooigem")}


@pytest.fixture
def draft_page(home):  # noqa: F811
    """A page with a published version and a newer draft: the draft is what a pretest tests."""
    index = add_page(home, ThemeIndexPage, title="Thema's", slug="themas")
    page = add_page(index, ThemePage, title="Grofvuil", intro="Oude tekst over grofvuil.")
    page.title, page.intro = "Grofvuil aan huis", DRAFT_INTRO
    page.body = [("paragraph", RichText(f"<p>{DRAFT_BODY}</p>"))]
    page.save_revision()  # not published
    return page


def invitation_tokens() -> list[str]:
    """The personal tokens in the invitation mails sent in this test (the links to the citizen site)."""
    return [m.group(1) for message in mail.outbox for m in re.finditer(r"/testpanel/tekst/([\w-]+)", message.body)]
