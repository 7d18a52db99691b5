"""The journey builder in Wagtail admin: editors design, saving a change makes a new version."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from automation.journeys.models import Journey, JourneyStep, JourneyTrigger
from tests.automation.journeys import builders

pytestmark = pytest.mark.django_db


def form(*, steps, triggers=None, conditions=(), status="active", name="Welkom"):
    builders.milestone("aanvraag_ontvangen")
    return nested_form_data(
        {
            "name": name,
            "slug": "welkom",
            "description": "",
            "purpose": "service",
            "status": status,
            "trigger_design": streamfield(
                triggers or [("milestone", {"milestone": "omgevingsvergunning:aanvraag_ontvangen", "start_step": ""})]
            ),
            "condition_design": streamfield(list(conditions)),
            "step_design": streamfield(steps),
        }
    )


SEND = ("send", {"key": "mail", "template": "welkom", "channels": "email,sms,letter", "delivery": "first"})


def test_the_builder_screens_answer_in_dutch(admin_client):
    builders.template("welkom")
    response = admin_client.get(reverse("automation_journeys:add"))
    page = response.content.decode()
    assert response.status_code == 200
    for label in ("starten en stoppen", "Voorwaarden", "Stappen"):
        assert label.lower() in page.lower()


def test_an_editor_creates_a_journey_and_its_first_version_is_live(admin_client):
    builders.template("welkom")
    data = form(
        steps=[SEND, ("wait", {"key": "pauze", "days": "1", "hours": "", "until": "09:00"}), ("exit", {"key": "einde"})],
        conditions=[("condition", {"field": "language", "key": "", "operator": "in", "value": "nl, fr"})],
    )
    response = admin_client.post(reverse("automation_journeys:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    journey = Journey.objects.get(slug="welkom")
    version = journey.live_version
    assert version.number == 1
    mail, wait, end = version.steps.order_by("position")
    assert mail.kind == "send" and mail.channels == ["email", "sms", "letter"] and mail.delivery == "first"
    assert mail.next_step == wait and wait.wait_until.hour == 9 and wait.wait_duration.days == 1
    assert end.kind == "exit" and wait.next_step == end
    trigger = version.triggers.get()
    assert trigger.kind == JourneyTrigger.Kind.MILESTONE and trigger.entry_step == mail
    assert version.conditions.get().value == "nl, fr"


def test_saving_a_change_makes_a_new_version_and_saving_no_change_does_not(admin_client):
    builders.template("welkom")
    builders.template("andere")
    admin_client.post(reverse("automation_journeys:add"), form(steps=[SEND]))
    journey = Journey.objects.get(slug="welkom")
    edit = reverse("automation_journeys:edit", args=[journey.pk])
    assert admin_client.post(edit, form(steps=[SEND], name="Welkom!")).status_code == 302
    assert journey.versions.count() == 1  # only the name changed: not part of a version
    changed = ("send", {**SEND[1], "template": "andere"})
    assert admin_client.post(edit, form(steps=[changed])).status_code == 302
    journey.refresh_from_db()
    assert journey.versions.count() == 2 and journey.live_version.number == 2
    assert journey.live_version.steps.get().template.slug == "andere"
    assert journey.versions.get(number=1).steps.get().template.slug == "welkom"  # untouched
    page = admin_client.get(edit).content.decode()
    assert "v2 <strong>(in gebruik voor nieuwe deelnames)</strong>" in page and "v1" in page


def test_a_branch_to_an_unknown_step_is_refused_naming_it(admin_client):
    builders.template("welkom")
    branch = ("branch", {"key": "als", "on": "not_delivered", "after_step": "mail", "channel": "", "goto": "sms"})
    response = admin_client.post(reverse("automation_journeys:add"), form(steps=[SEND, branch]))
    assert response.status_code == 200
    assert "'sms' is geen stap van deze journey" in response.content.decode().replace("&#x27;", "'")
    assert not Journey.objects.exists()


def test_a_branch_on_consent_is_built_with_its_channel_and_target(admin_client):
    builders.template("welkom")
    branch = ("branch", {"key": "als-sms", "on": "consent", "after_step": "", "channel": "sms", "goto": "sms"})
    sms = ("send", {"key": "sms", "template": "welkom", "channels": "sms", "delivery": "first"})
    assert admin_client.post(
        reverse("automation_journeys:add"), form(steps=[SEND, branch, ("exit", {"key": "einde"}), sms])
    ).status_code == 302
    steps = {step.key: step for step in Journey.objects.get().live_version.steps.all()}
    assert steps["als-sms"].kind == JourneyStep.Kind.BRANCH and steps["als-sms"].channels == ["sms"]
    assert steps["als-sms"].branch_step == steps["sms"] and steps["als-sms"].next_step == steps["einde"]


def test_a_journey_built_without_the_builder_opens_with_its_running_design(admin_client):
    version = builders.journey("oud")
    mail = builders.send_step(version, "mail", channels=("email", "sms"), delivery="first")
    builders.trigger(version, "aanvraag_ontvangen", entry=mail)
    response = admin_client.get(reverse("automation_journeys:edit", args=[version.journey.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "omgevingsvergunning:aanvraag_ontvangen" in page and "oud-mail" in page


def test_the_design_read_back_from_a_version_builds_the_same_version():
    from automation.journeys.design_import import design_from_version
    from automation.journeys.versioning import design_definition

    builders.template("welkom")
    journey = Journey.objects.create(slug="rond", name="rond", status="active")
    builders.milestone("aanvraag_ontvangen")
    journey.trigger_design = [("milestone", {"milestone": "omgevingsvergunning:aanvraag_ontvangen", "start_step": ""})]
    journey.condition_design = [("condition", {"field": "wijk", "key": "", "operator": "equals", "value": "ledeberg"})]
    journey.step_design = [
        SEND,
        ("wait", {"key": "pauze", "days": 2, "hours": 3, "until": "09:30:00"}),
        ("branch", {"key": "als", "on": "not_delivered", "after_step": "mail", "channel": "", "goto": "einde"}),
        ("exit", {"key": "einde"}),
    ]
    journey.save()
    from automation.journeys.versioning import journey_version_publish

    version = journey_version_publish(journey=journey)
    copy = Journey(slug="kopie", name="kopie")
    for name, blocks in design_from_version(version).items():
        setattr(copy, name, blocks)
    assert design_definition(copy) == version.definition
