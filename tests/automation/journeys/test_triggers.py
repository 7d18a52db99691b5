"""Triggers besides milestones: a page published for a wijk or theme, a new subscription, a schedule."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from wagtail.models import Page, PageViewRestriction, Site

from automation.contacts.models import Subscription
from automation.contacts.signals import subscription_confirmed
from automation.journeys.models import Enrolment, Journey
from automation.journeys.versioning import journey_version_publish
from cms.core.models import HomePage, Theme
from cms.pressroom.models import PressReleasePage, PressRoomPage
from tests.automation.factories import make_citizen
from tests.automation.journeys import builders
from tests.cms.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def press_room(db):
    home = add_page(Page.get_first_root_node(), HomePage, title="Stad Gent", slug="stad-gent")
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return add_page(home, PressRoomPage, title="Persruimte", slug="pers")


def journey_on(trigger, *, slug="nieuws", steps=None) -> Journey:
    tpl = builders.template(slug)
    tpl.contents.filter(channel="email").update(subject="Nieuw: {{ page.title }}", body_text="Lees {{ page.url }}")
    journey = Journey.objects.create(slug=slug, name=slug, status=Journey.Status.ACTIVE, purpose="newsletter")
    journey.trigger_design = [trigger]
    journey.step_design = steps or [("send", {"key": "mail", "template": slug, "channels": "email", "delivery": "first"})]
    journey.save()
    journey_version_publish(journey=journey)
    return journey


def subscriber(ref, *, wijk=None, theme=None, kind="wijk_news", status="active", language="nl"):
    citizen = make_citizen(ref=ref, email=f"{ref}@example.be", language=language)
    Subscription.objects.create(citizen=citizen, kind=kind, wijk=wijk, theme=theme, status=status)
    return citizen


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_a_page_published_for_a_wijk_mails_its_news_subscribers_once(
    rabot, press_room, django_capture_on_commit_callbacks
):
    journey_on(("page_published", {"wijk": "rabot-blaisantvest", "theme": "", "start_step": ""}))
    subscriber("an", wijk=rabot)
    subscriber("pending", wijk=rabot, status="pending")
    subscriber("crisis-only", wijk=rabot, kind="crisis")
    with django_capture_on_commit_callbacks(execute=True):
        release = add_page(press_room, PressReleasePage, title="Nieuwe fietsstraat", date=datetime.date(2026, 11, 30))
        release.wijken.add(rabot)
        release.save_revision().publish()
    assert [m.to for m in mail.outbox] == [["an@example.be"]]
    assert mail.outbox[0].subject == "Nieuw: Nieuwe fietsstraat"
    assert "http://localhost:3000/nl/pers/nieuwe-fietsstraat" in mail.outbox[0].body
    publish(release, django_capture_on_commit_callbacks)  # a republish
    assert len(mail.outbox) == 1


def test_pages_of_other_wijken_drafts_and_private_pages_send_nothing(
    rabot, press_room, django_capture_on_commit_callbacks
):
    from cms.core.models import Wijk

    journey_on(("page_published", {"wijk": "rabot-blaisantvest", "theme": "", "start_step": ""}))
    subscriber("an", wijk=rabot)
    with django_capture_on_commit_callbacks(execute=True):
        other = add_page(press_room, PressReleasePage, title="Elders", date=datetime.date(2026, 11, 30))
        other.wijken.add(Wijk.objects.exclude(pk=rabot.pk).first())
        other.save_revision().publish()
        draft = add_page(press_room, PressReleasePage, title="Ontwerp", publish=False, date=datetime.date(2026, 11, 30))
        draft.wijken.add(rabot)
        draft.save_revision()
        private = add_page(press_room, PressReleasePage, title="Intern", publish=False, date=datetime.date(2026, 11, 30))
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        private.wijken.add(rabot)
        private.save_revision().publish()
    assert mail.outbox == []


def test_a_page_published_for_a_theme_mails_that_themes_subscribers(rabot, press_room, django_capture_on_commit_callbacks):
    afval = Theme.objects.get(slug="afval", locale__language_code="nl")
    journey_on(("page_published", {"wijk": "", "theme": "afval", "start_step": ""}))
    subscriber("sam", theme=afval, kind="theme")
    subscriber("an", wijk=rabot)
    with django_capture_on_commit_callbacks(execute=True):
        release = add_page(press_room, PressReleasePage, title="Nieuwe containers", date=datetime.date(2026, 11, 30))
        release.themes.add(afval)
        release.save_revision().publish()
    assert [m.to for m in mail.outbox] == [["sam@example.be"]]


def test_a_confirmed_subscription_starts_a_welcome_journey_once(rabot, django_capture_on_commit_callbacks):
    journey_on(("subscription", {"kind": "wijk_news", "wijk": "", "start_step": ""}), slug="welkom")
    citizen = subscriber("an", wijk=rabot)
    subscription = citizen.subscriptions.get()
    with django_capture_on_commit_callbacks(execute=True):
        subscription_confirmed.send(sender=Subscription, subscription=subscription)
        subscription_confirmed.send(sender=Subscription, subscription=subscription)
    assert len(mail.outbox) == 1
    assert Enrolment.objects.get().occasion == f"subscription:{subscription.pk}"


def test_a_subscription_of_another_kind_starts_nothing(rabot, django_capture_on_commit_callbacks):
    journey_on(("subscription", {"kind": "press", "wijk": "", "start_step": ""}), slug="welkom")
    subscription = subscriber("an", wijk=rabot).subscriptions.get()
    with django_capture_on_commit_callbacks(execute=True):
        subscription_confirmed.send(sender=Subscription, subscription=subscription)
    assert mail.outbox == []


def test_an_old_page_edited_and_published_again_is_not_news(rabot, press_room, django_capture_on_commit_callbacks):
    journey_on(("page_published", {"wijk": "rabot-blaisantvest", "theme": "", "start_step": ""}))
    release = add_page(press_room, PressReleasePage, title="Oude fietsstraat", date=datetime.date(2026, 1, 5))
    Page.objects.filter(pk=release.pk).update(first_published_at=release.first_published_at - datetime.timedelta(days=30))
    release.refresh_from_db()
    subscriber("an", wijk=rabot)
    release.wijken.add(rabot)
    publish(release, django_capture_on_commit_callbacks)
    assert mail.outbox == []
