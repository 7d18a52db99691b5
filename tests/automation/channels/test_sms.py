"""SMS backends: the default file backend writes one JSON line per text; the channel uses the configured one."""

from __future__ import annotations

import json

from automation.channels.base import Envelope
from automation.channels.registry import channel_for
from automation.channels.sms_file import FileSmsBackend


def test_the_file_backend_appends_one_json_line_per_sms(settings, tmp_path):
    settings.AUTOMATION_SMS_FILE_PATH = str(tmp_path / "sms")
    backend = FileSmsBackend()
    first = backend.send(to="+32470123456", body="Aanvraag ontvangen.", sender="StadGent", reference="r1")
    backend.send(to="+32470999999", body="Beslissing genomen. Ça va?", sender="StadGent", reference="r2")
    [outbox_file] = (tmp_path / "sms").iterdir()
    lines = [json.loads(line) for line in outbox_file.read_text().splitlines()]
    assert [(line["to"], line["reference"]) for line in lines] == [("+32470123456", "r1"), ("+32470999999", "r2")]
    assert lines[1]["body"] == "Beslissing genomen. Ça va?"
    assert first.provider_message_id == "file-r1" and first.provider == "file"


def test_the_sms_channel_sends_through_the_backend_settings_name(settings, sms_outbox):
    settings.AUTOMATION_SMS_SENDER = "Gent"
    result = channel_for("sms").send(Envelope(reference="r1", to="+32470123456", body_text="Hallo"))
    [sms] = sms_outbox
    assert (sms.to, sms.body, sms.sender) == ("+32470123456", "Hallo", "Gent")
    assert result.provider == "locmem"
