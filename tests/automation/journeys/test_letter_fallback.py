"""A citizen who is not online: the signed event carries a postal address, the demo journey
falls back to a letter, and each milestone's letter is in the next print batch, in the
citizen's language, saying why they get it and how to reach Gentinfo."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile

import pytest
from django.core import mail
from django.core.management import call_command

from automation.contacts.models import Citizen
from automation.dossiers.models import DossierEvent
from automation.journeys.demo import demo_journey_install
from automation.messages.models import Message
from cms.core.models import brand

pytestmark = pytest.mark.django_db

ADDRESS = {"street": "Rabotstraat", "number": "1", "box": "3", "postcode": "9000", "municipality": "Gent"}


@pytest.fixture
def offline_citizen(event_payload):
    """Only letters: no e-mail address, no phone, consent for letters, French."""
    payload = dict(event_payload)
    payload["citizen"] = {"ref": "offline-7", "language": "fr", "consent": {"letter": True},
                          "postal_address": ADDRESS, "preferred_channel": "letter"}
    return payload


def post(post_event, payload, capture, **changes):
    with capture(execute=True):
        response = post_event({**payload, **changes})
    assert response.status_code == 202, response.content
    return response


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def test_letter_only_citizen_gets_both_milestone_letters_in_the_print_batch(
    rabot, post_event, offline_citizen, sms_outbox, django_capture_on_commit_callbacks, tmp_path
):
    demo_journey_install()
    post(post_event, offline_citizen, django_capture_on_commit_callbacks)
    post(post_event, offline_citizen, django_capture_on_commit_callbacks, event_id="evt-2",
         milestone="beslissing_genomen", data={"decision": "permis accordé"})

    assert mail.outbox == [] and sms_outbox == []
    assert list(Message.objects.order_by("pk").values_list("channel", "language", "status")) == [
        ("letter", "fr", "created"), ("letter", "fr", "created"),
    ]
    citizen = Citizen.objects.get(ref="offline-7")
    assert citizen.postal_address == "Rabotstraat 1 bus 3\n9000 Gent"

    out = io.StringIO()
    call_command("print_batch", "--output", str(tmp_path), "--no-progress", stdout=out)
    assert "2 letter(s)" in out.getvalue()
    [batch] = tmp_path.glob("*.zip")
    with zipfile.ZipFile(batch) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        texts = [pdf_text(archive.read(entry["file"])) for entry in manifest["letters"]]
    assert [entry["language"] for entry in manifest["letters"]] == ["fr", "fr"]

    received, decided = texts
    assert "Nous avons bien reçu votre demande OMV-2026-000123" in received
    assert "Une décision a été prise sur votre demande OMV-2026-000123" in decided
    assert "La décision : permis accordé." in decided
    house = brand()
    for text in texts:
        assert "Rabotstraat 1 bus 3 9000 Gent" in text  # the address block in the envelope's window
        assert "Pourquoi recevez-vous cette lettre ?" in text
        assert "Vous recevez ce message parce que vous avez un dossier auprès de la Ville de Gand : OMV-2026-000123" in text
        assert "Des questions ? Contactez Gentinfo" in text and house.gentinfo_phone in text
    assert set(Message.objects.values_list("status", flat=True)) == {"sent"}


def test_an_online_citizen_with_an_address_gets_no_letter(rabot, post_event, event_payload, sms_outbox,
                                                          django_capture_on_commit_callbacks):
    demo_journey_install()
    event_payload["citizen"]["postal_address"] = ADDRESS
    post(post_event, event_payload, django_capture_on_commit_callbacks)
    assert list(Message.objects.values_list("channel", flat=True)) == ["email"]


def test_sms_before_letter_when_there_is_no_email(rabot, post_event, event_payload, sms_outbox,
                                                   django_capture_on_commit_callbacks):
    demo_journey_install()
    event_payload["citizen"].update(email="", postal_address=ADDRESS)
    post(post_event, event_payload, django_capture_on_commit_callbacks)
    assert list(Message.objects.values_list("channel", flat=True)) == ["sms"] and len(sms_outbox) == 1


@pytest.mark.parametrize(
    "address, field, says",
    [
        ({**ADDRESS, "postcode": "90000"}, "citizen.postal_address.postcode", "four digits"),
        ({k: v for k, v in ADDRESS.items() if k != "street"}, "citizen.postal_address.street", ""),
        ({**ADDRESS, "country": "Belgium"}, "citizen.postal_address.country", ""),
        ({**ADDRESS, "number": ""}, "citizen.postal_address.number", ""),
        ("Rabotstraat 1, 9000 Gent", "citizen.postal_address", ""),
    ],
)
def test_a_bad_postal_address_is_refused_naming_the_field(post_event, offline_citizen, address, field, says):
    offline_citizen["citizen"]["postal_address"] = address
    response = post_event(offline_citizen)
    assert response.status_code == 400
    reasons = {param["name"]: param["reason"] for param in response.json()["invalid_params"]}
    assert list(reasons) == [field] and says in reasons[field]
    assert not DossierEvent.objects.exists() and not Citizen.objects.exists()


def test_an_address_abroad_keeps_its_postcode_and_country(rabot, post_event, offline_citizen,
                                                         django_capture_on_commit_callbacks):
    demo_journey_install()
    offline_citizen["citizen"]["postal_address"] = {"street": "Keizersgracht", "number": "10", "postcode": "1015 CN",
                                                   "municipality": "Amsterdam", "country": "nl"}
    post(post_event, offline_citizen, django_capture_on_commit_callbacks)
    assert Citizen.objects.get().postal_address == "Keizersgracht 10\n1015 CN Amsterdam\nNL"


def test_an_unknown_preferred_channel_is_refused(post_event, offline_citizen):
    offline_citizen["citizen"]["preferred_channel"] = "pigeon"
    response = post_event(offline_citizen)
    assert [param["name"] for param in response.json()["invalid_params"]] == ["citizen.preferred_channel"]


def test_the_openapi_document_describes_the_postal_address_and_preferred_channel(client):
    schema = client.get("/api/schema/", HTTP_HOST="localhost").json()
    citizen = schema["components"]["schemas"]["DossierEvent"]["properties"]["citizen"]["properties"]
    address = citizen["postal_address"]
    assert address["required"] == ["street", "number", "postcode", "municipality"]
    assert set(address["properties"]) == {"street", "number", "box", "postcode", "municipality", "country"}
    assert {"email", "sms", "letter"} <= set(citizen["preferred_channel"]["enum"])
