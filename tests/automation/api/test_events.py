"""The dossier events endpoint answers exactly as the integration contract says."""

from __future__ import annotations

import pytest

from automation.contacts.models import ChannelConsent, Citizen
from automation.dossiers.models import Dossier, DossierEvent, DossierType, Milestone
from automation.dossiers.signature import body_signature
from automation.journeys.models import Journey, JourneyTrigger, JourneyVersion
from tests.automation.example_event import SECRET

PROBLEM = "application/problem+json"


def errors_by_field(response) -> dict[str, str]:
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == response.status_code
    return {param["name"]: param["reason"] for param in body["invalid_params"]}


def nothing_stored():
    return not DossierEvent.objects.exists() and not Citizen.objects.exists() and not Dossier.objects.exists()


def listen_to(milestone_code: str) -> Journey:
    dossier_type, _ = DossierType.objects.get_or_create(code="omgevingsvergunning", defaults={"name": "OV"})
    milestone, _ = Milestone.objects.get_or_create(dossier_type=dossier_type, code=milestone_code, defaults={"name": "m"})
    journey = Journey.objects.create(slug="ov", name="OV", status=Journey.Status.ACTIVE)
    version = JourneyVersion.objects.create(journey=journey, number=1)
    JourneyTrigger.objects.create(version=version, kind=JourneyTrigger.Kind.MILESTONE, milestone=milestone)
    journey.live_version = version
    journey.save()
    return journey


# --- 202: a new event ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_signed_event_is_accepted_and_stored_once(post_event, event_payload, rabot):
    response = post_event(event_payload)
    assert response.status_code == 202
    body = response.json()
    assert body["duplicate"] is False and body["event_id"] == "evt-0001" and body["source"] == "omgevingsloket"
    event = DossierEvent.objects.get()
    assert body["id"] == event.pk
    assert (event.dossier_ref, event.dossier_type, event.milestone) == (
        "OMV-2026-000123",
        "omgevingsvergunning",
        "aanvraag_ontvangen",
    )
    assert event.payload["citizen"]["wijk"] == "rabot-blaisantvest"  # stored normalised


@pytest.mark.django_db
def test_processing_the_event_records_the_citizen_with_consent_time_and_source(
    post_event, event_payload, rabot, django_capture_on_commit_callbacks
):
    event_payload["citizen"]["phone"] = "0470 12 34 56"
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event_payload)
    citizen = Citizen.objects.get(ref="citizen-42")
    assert (citizen.phone, citizen.email, citizen.wijk) == ("+32470123456", "an.peeters@example.be", rabot)
    sms = ChannelConsent.objects.get(citizen=citizen, channel="sms")
    assert sms.granted and sms.source == "dossier-event:omgevingsloket/evt-0001"
    assert sms.recorded_at.isoformat() == "2026-11-30T08:00:00+00:00"
    dossier = Dossier.objects.get(external_id="OMV-2026-000123")
    assert dossier.citizen == citizen and dossier.last_milestone == "aanvraag_ontvangen"


@pytest.mark.django_db
def test_a_milestone_no_journey_listens_to_is_stored_and_flagged_unmatched(
    post_event, event_payload, rabot, django_capture_on_commit_callbacks
):
    listen_to("beslissing_genomen")
    with django_capture_on_commit_callbacks(execute=True):
        assert post_event(event_payload).status_code == 202
    assert DossierEvent.objects.get().status == DossierEvent.Status.UNMATCHED


@pytest.mark.django_db
def test_a_milestone_a_live_journey_listens_to_is_processed(
    post_event, event_payload, rabot, django_capture_on_commit_callbacks
):
    listen_to("aanvraag_ontvangen")
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event_payload)
    assert DossierEvent.objects.get().status == DossierEvent.Status.PROCESSED


# --- 200: a repeat -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_repeat_of_the_same_event_id_and_source_changes_nothing(
    post_event, event_payload, rabot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(event_payload)
    event_payload["citizen"]["email"] = "changed@example.be"  # same id, other content
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        repeat = post_event(event_payload)
    assert repeat.status_code == 200
    assert repeat.json()["id"] == first.json()["id"] and repeat.json()["duplicate"] is True
    assert DossierEvent.objects.count() == 1
    assert callbacks == []  # no processing queued
    assert Citizen.objects.get().email == "an.peeters@example.be"


@pytest.mark.django_db
def test_the_same_event_id_from_another_source_is_another_event(post_event, event_payload, rabot):
    assert post_event(event_payload).status_code == 202
    event_payload["source"] = "bouwloket"
    assert post_event(event_payload).status_code == 202
    assert DossierEvent.objects.count() == 2


@pytest.mark.django_db
def test_a_duplicate_that_wins_the_race_between_validation_and_insert_is_answered_as_a_repeat(
    post_event, event_payload, rabot, monkeypatch
):
    """Interleave two deliveries deterministically: the second commits while the first is in flight.

    The endpoint does not look before it inserts, so the unique constraint is what decides;
    the loser must answer with the winner's id and queue nothing.
    """
    from django.test import Client

    from automation.api import events as endpoint

    real_ingest = endpoint.dossier_event_ingest
    answers = {}

    def ingest_after_a_rival(**kwargs):
        monkeypatch.setattr(endpoint, "dossier_event_ingest", real_ingest)
        answers["rival"] = post_event(event_payload, http_client=Client())  # commits first
        return real_ingest(**kwargs)

    monkeypatch.setattr(endpoint, "dossier_event_ingest", ingest_after_a_rival)
    answers["first"] = post_event(event_payload)
    assert answers["rival"].status_code == 202
    assert answers["first"].status_code == 200
    assert answers["first"].json()["id"] == answers["rival"].json()["id"]
    assert DossierEvent.objects.count() == 1


# --- 401: signature ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        "sha256=" + "0" * 64,
        "sha1=abc",
        body_signature(b"another body", SECRET),
        body_signature(b"{}", "another-secret"),
    ],
    ids=["missing", "empty", "wrong", "other-scheme", "other-body", "other-secret"],
)
def test_a_missing_or_wrong_signature_is_refused_and_nothing_is_stored(post_event, event_payload, signature):
    response = post_event(event_payload, signature=signature)
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert nothing_stored()


@pytest.mark.django_db
def test_no_secret_configured_means_no_event_is_accepted(post_event, event_payload, settings):
    settings.AUTOMATION_WEBHOOK_SECRET = ""
    response = post_event(event_payload, signature=body_signature(b"x", ""))
    assert response.status_code == 401 and nothing_stored()


# --- 400: body -----------------------------------------------------------------------


@pytest.mark.django_db
def test_malformed_json_is_refused_with_a_problem_and_nothing_is_stored(post_event):
    response = post_event(None, raw=b'{"event_id": "evt-1",')
    assert response.status_code == 400
    assert "body" in errors_by_field(response)
    assert nothing_stored()


@pytest.mark.django_db
def test_a_body_that_is_not_an_object_is_refused(post_event):
    response = post_event(None, raw=b"[1, 2]")
    assert response.status_code == 400 and nothing_stored()
    assert errors_by_field(response) == {"body": "The body must be a JSON object."}


@pytest.mark.django_db
def test_every_missing_field_is_named_in_one_answer(post_event, event_payload):
    del event_payload["event_id"], event_payload["dossier"]["type"], event_payload["citizen"]["ref"]
    response = post_event(event_payload)
    assert response.status_code == 400
    assert set(errors_by_field(response)) == {"event_id", "dossier.type", "citizen.ref"}
    assert nothing_stored()


@pytest.mark.django_db
def test_invalid_fields_are_named_with_their_path_and_a_reason(post_event, event_payload, rabot):
    event_payload["occurred_at"] = "2026-11-30T09:00:00"  # no offset
    event_payload["citizen"].update(
        phone="12", language="de", wijk="Atlantis", email="not-an-address", consent={"sms": "yes"}
    )
    event_payload["dossier"] = "OMV-1"
    response = post_event(event_payload)
    assert response.status_code == 400
    errors = errors_by_field(response)
    assert set(errors) == {
        "occurred_at",
        "citizen.phone",
        "citizen.language",
        "citizen.wijk",
        "citizen.email",
        "citizen.consent.sms",
        "dossier",
    }
    assert "offset" in errors["occurred_at"]
    assert "nl, en, fr" in errors["citizen.language"]
    assert nothing_stored()


@pytest.mark.django_db
def test_optional_citizen_details_may_be_left_out(post_event, event_payload):
    event_payload["citizen"] = {"ref": "citizen-7"}
    del event_payload["data"]
    assert post_event(event_payload).status_code == 202


@pytest.mark.django_db
def test_only_post_is_allowed(client):
    assert client.get("/api/automation/events/").status_code == 405
