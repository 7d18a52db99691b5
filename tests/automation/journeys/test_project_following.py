"""Following a project: subscribe (double opt-in), confirm, then a message per phase change and per new event.

Through the real endpoints and the real publish signal; messages are read from the
message log (automation.messages.Message) and the outbox (django.core.mail).
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Page, Site

from automation.contacts.models import Subscription
from automation.journeys.demo_projects import demo_project_journey_install
from automation.messages.models import Message
from cms.core.models import HomePage
from cms.events.models import EventIndexPage, EventPage
from cms.projects.models import ProjectEventLink, ProjectIndexPage, ProjectPage, ProjectPhase
from tests.automation.api.subscription_helpers import FRONTEND, confirmation_mails, field_errors, post_json, token_in
from tests.cms.conftest import add_page

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/api/automation/subscriptions/"
CONFIRM = "/api/automation/subscriptions/confirm/"


@pytest.fixture(autouse=True)
def frontend(settings):
    settings.FRONTEND_URL = FRONTEND


@pytest.fixture
def site(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        home = add_page(Page.get_first_root_node(), HomePage, title="Stad Gent", slug="stad-gent")
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
        projects = add_page(home, ProjectIndexPage, title="Projecten", slug="projecten")
        events = add_page(home, EventIndexPage, title="Activiteiten", slug="activiteiten")
        project = ProjectPage(title="Park Nieuw Gent", slug="park-nieuw-gent", live=False)
        project.phases.add(
            ProjectPhase(title="Masterplan", is_current=True),
            ProjectPhase(title="Ontwerp park", description="We tekenen het park samen met u.", input_open=True,
                         input_until=timezone.localdate() + datetime.timedelta(days=60)),
        )  # fmt: skip
        projects.add_child(instance=project)
        project.save_revision().publish()
    demo_project_journey_install()
    return type("Site", (), {"home": home, "project": ProjectPage.objects.get(pk=project.pk), "events": events})


def follow(client, capture, project, *, email="claire@example.be", language="fr"):
    with capture(execute=True):
        answer = post_json(client, SUBSCRIBE, {"email": email, "language": language, "projects": [project.pk]})
    assert answer.status_code == 202
    [confirmation] = confirmation_mails(email)
    with capture(execute=True):
        assert post_json(client, CONFIRM, {"token": token_in(confirmation)}).status_code == 200
    return confirmation


def move_to(project, title, capture):
    """What an editor does in the admin: mark another phase as current and publish."""
    page = ProjectPage.objects.get(pk=project.pk)
    phases = list(page.phases.all())
    for phase in phases:
        phase.is_current = phase.title == title
    page.phases = phases
    with capture(execute=True):
        page.save_revision().publish()


def test_the_confirmation_mail_names_the_project_and_confirming_makes_it_active(client, site, django_capture_on_commit_callbacks):
    confirmation = follow(client, django_capture_on_commit_callbacks, site.project)
    assert "le projet Park Nieuw Gent" in confirmation.body
    sub = Subscription.objects.get()
    assert (sub.kind, sub.status, sub.project_id) == ("project", "active", site.project.pk)


def test_a_phase_change_sends_a_message_with_the_reason_and_a_stop_link(client, site, django_capture_on_commit_callbacks):
    follow(client, django_capture_on_commit_callbacks, site.project)
    mail.outbox.clear()
    move_to(site.project, "Ontwerp park", django_capture_on_commit_callbacks)
    [message] = Message.objects.filter(template__slug="project-nieuwe-fase")
    assert message.language == "fr" and message.recipient == "claire@example.be"
    assert "Ontwerp park" in message.body_text
    assert "Vous pouvez donner votre avis jusqu'au" in message.body_text
    assert "Vous recevez ce message parce que vous suivez le projet Park Nieuw Gent." in message.body_text
    stop = re.search(r"Ne plus suivre ce projet \(en un clic\): (\S+)", message.body_text).group(1)
    assert message.headers["List-Unsubscribe"] == f"<{stop}>"
    assert [m.to for m in mail.outbox] == [["claire@example.be"]]

    # the one-click stop ends this subscription only; the next phase change sends nothing
    path = stop.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200  # a scanner's GET stops nothing
    assert Subscription.objects.get().status == "active"
    assert client.post("/" + path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Subscription.objects.get().status == "ended"
    move_to(site.project, "Masterplan", django_capture_on_commit_callbacks)
    assert Message.objects.filter(template__slug="project-nieuwe-fase").count() == 1


def test_publishing_without_a_phase_change_sends_nothing(client, site, django_capture_on_commit_callbacks):
    follow(client, django_capture_on_commit_callbacks, site.project)
    page = ProjectPage.objects.get(pk=site.project.pk)
    page.intro = "Een typfout verbeterd."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert not Message.objects.exists()


def test_a_new_event_for_the_project_is_announced_once(client, site, django_capture_on_commit_callbacks):
    follow(client, django_capture_on_commit_callbacks, site.project, email="an@example.be", language="nl")
    start = timezone.now() + datetime.timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        walk = add_page(site.events, EventPage, title="Wandeling door het park", start=start, location_name="Rerum Novarumplein")
        page = ProjectPage.objects.get(pk=site.project.pk)
        page.event_links.add(ProjectEventLink(event=walk))
        page.save_revision().publish()
    [message] = Message.objects.filter(template__slug="project-nieuwe-activiteit")
    assert "Wandeling door het park" in message.body_text and "Rerum Novarumplein" in message.body_text
    assert "U krijgt dit bericht omdat u het project Park Nieuw Gent volgt." in message.body_text
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()  # the event edited: not news again
    assert Message.objects.filter(template__slug="project-nieuwe-activiteit").count() == 1


def test_a_project_that_is_not_public_cannot_be_followed(client, site):
    draft = ProjectPage(title="Geheim project", slug="geheim", live=False)
    site.project.get_parent().add_child(instance=draft)
    errors = field_errors(post_json(client, SUBSCRIBE, {"email": "x@example.be", "projects": [draft.pk]}))
    assert "projects" in errors
    assert not Subscription.objects.exists()
