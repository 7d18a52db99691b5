"""Letters: rendered to PDF in the citizen's language, collected in a print batch, sent once when handed off."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from automation.channels.letter import Letter, LetterChannel, letter_document
from automation.channels.registry import channel_for
from automation.contacts.models import Citizen
from automation.contacts.services import consent_record
from automation.messages.creation import message_build, rendered_for
from automation.messages.models import Message, MessageTemplate, TemplateContent
from automation.messages.print_batch import print_batch_create
from automation.messages.sending import SendOutcome, message_send
from automation.messages.transitions import messages_record_created
from tests.automation.factories import CONSENT_TIME

pytestmark = pytest.mark.django_db
Status = Message.Status


def page_text(pdf_document) -> str:
    """The text WeasyPrint laid out on the pages (no PDF text extractor is installed in .venv)."""
    texts = []
    for page in pdf_document.pages:
        for box in page._page_box.descendants():
            if hasattr(box, "text"):
                texts.append(box.text)
    return " ".join(texts)


@pytest.fixture
def template():
    template = MessageTemplate.objects.create(slug="beslissing", name="Beslissing")
    TemplateContent.objects.create(
        template=template, channel="letter", language="nl", subject="Beslissing over uw aanvraag",
        body_text="Beste,\n\nDe stad heeft over uw aanvraag voor {{ data.address }} beslist.",
    )  # fmt: skip
    TemplateContent.objects.create(
        template=template, channel="letter", language="fr", subject="Décision sur votre demande",
        body_text="Madame, Monsieur,\n\nLa ville a pris une décision.",
    )  # fmt: skip
    return template


def letter_for(template, *, ref="offline-1", language="nl", postal_address="Jan Peeters\nSleepstraat 12\n9000 Gent", context=None):
    citizen = Citizen.objects.create(ref=ref, language=language, postal_address=postal_address)
    context = context or {"data": {"address": "Sleepstraat 12"}}
    rendered = rendered_for(template=template, channel="letter", language=language, context=context)
    message = message_build(
        citizen=citizen, channel="letter", rendered=rendered, template=template, purpose="service", context=context
    )
    message.save()
    messages_record_created(messages=[message])
    return message


def batch_contents(path) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        pdfs = {name: archive.read(name) for name in archive.namelist() if name.endswith(".pdf")}
    return manifest, pdfs


def test_the_letter_channel_is_registered_and_never_sends_one_by_one(template):
    assert isinstance(channel_for("letter"), LetterChannel)
    message = letter_for(template)
    assert message_send(message_id=message.pk).status == SendOutcome.DEFERRED
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.CREATED, 0)


def test_a_print_batch_holds_a_pdf_per_letter_and_a_manifest_and_marks_them_sent(template, tmp_path):
    dutch = letter_for(template)
    french = letter_for(template, ref="offline-2", language="fr", postal_address="Marie Dubois, Rue Haute 3, 9000 Gent")
    out = io.StringIO()
    call_command("print_batch", output=tmp_path, no_progress=True, stdout=out)
    [zip_path] = tmp_path.glob("*.zip")
    assert f"2 letter(s) in {zip_path}" in out.getvalue()
    manifest, pdfs = batch_contents(zip_path)
    assert manifest["count"] == 2
    assert [(row["reference"], row["language"], row["pages"]) for row in manifest["letters"]] == [
        (str(dutch.reference), "nl", 1),
        (str(french.reference), "fr", 1),
    ]
    assert all(pdf.startswith(b"%PDF-") for pdf in pdfs.values()) and set(pdfs) == {r["file"] for r in manifest["letters"]}
    for message in (dutch, french):
        message.refresh_from_db()
        assert (message.status, message.provider) == (Status.SENT, "print-batch")
        assert message.history.last().detail == f"handed off in print batch {manifest['batch']}"
    call_command("print_batch", output=tmp_path, no_progress=True, stdout=(again := io.StringIO()))
    assert "No letters waiting." in again.getvalue() and len(list(tmp_path.glob("*.zip"))) == 1


def test_the_pdf_has_the_address_block_the_text_and_why_the_citizen_receives_it_in_dutch(template):
    message = letter_for(template)
    letter = Letter(
        reference=str(message.reference), address=message.recipient, subject=message.subject, body_text=message.body_text,
        body_html="", language="nl", why="U krijgt dit bericht omdat u bij Stad Gent een dossier hebt: OMV-1.",
        dated=date(2026, 11, 30),
    )  # fmt: skip
    text = page_text(letter_document(letter))
    for expected in ("Stad Gent", "Jan Peeters", "Sleepstraat 12", "9000 Gent", "30 november 2026", "Ons kenmerk",
                     "Beslissing over uw aanvraag", "beslist.", "Waarom krijgt u deze brief?", "dossier hebt: OMV-1."):  # fmt: skip
        assert expected in text, expected


def test_a_french_letter_has_french_labels(template):
    message = letter_for(template, language="fr")
    letter = Letter(
        reference="r", address=message.recipient, subject=message.subject, body_text=message.body_text, body_html="",
        language="fr", why="Parce que.", dated=date(2026, 11, 30),
    )  # fmt: skip
    text = page_text(letter_document(letter))
    assert "30 novembre 2026" in text and "Notre référence" in text and "Décision sur votre demande" in text


def test_without_a_postal_address_the_letter_goes_to_the_dossier_address(template):
    message = letter_for(template, postal_address="", context={"data": {"address": "Sleepstraat 12, 9000 Gent"}})
    assert message.recipient == "Sleepstraat 12, 9000 Gent"


def test_a_citizen_who_refused_letters_is_held_back_not_printed(template, tmp_path):
    message = letter_for(template)
    consent_record(citizen=message.citizen, channel="letter", granted=False, source="test", recorded_at=CONSENT_TIME)
    batch = print_batch_create(output_dir=tmp_path)
    assert (batch.letters, batch.suppressed, batch.path) == (0, 1, None)
    message.refresh_from_db()
    assert message.status == Status.SUPPRESSED and list(tmp_path.glob("*.zip")) == []


def test_letters_of_a_lost_run_whose_batch_was_handed_off_are_not_printed_again(template, tmp_path):
    message = letter_for(template)
    (tmp_path / "brieven-earlier.zip").write_bytes(b"PK")  # the lost run's batch, handed off
    Message.objects.filter(pk=message.pk).update(in_doubt=True, provider="print-batch", provider_message_id="brieven-earlier")
    batch = print_batch_create(output_dir=tmp_path)
    assert (batch.recovered, batch.letters) == (1, 0)
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert "not printed again" in message.history.last().detail


def test_a_bad_limit_is_refused_naming_the_option(tmp_path):
    with pytest.raises(CommandError, match="--limit"):
        call_command("print_batch", output=tmp_path, limit=0)
