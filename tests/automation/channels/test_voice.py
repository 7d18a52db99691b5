"""The voice channel: the script a listener hears, its TwiML, and the backends the channel calls."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from automation.channels.base import Envelope
from automation.channels.registry import channel_for
from automation.channels.voice_file import FileVoiceBackend
from automation.channels.voice_script import twiml, voice_script

ALARM = "Grote brand in Rabot.\nHou ramen en deuren dicht."


def says(document: str) -> list[tuple[str, str]]:
    root = ET.fromstring(document)
    assert root.tag == "Response"
    return [(child.tag, (child.text or "") if child.tag == "Say" else child.get("length")) for child in root]


def test_the_script_says_the_message_twice_then_why_and_how_to_stop():
    script = voice_script(body=ALARM, language="nl", purpose="crisis", gentinfo_phone="09 210 10 10")
    parts = script.split("\n\n")
    message = "Grote brand in Rabot. Hou ramen en deuren dicht."  # one line: a line break means nothing aloud
    assert parts[1] == parts[3] == message
    assert parts[2] == "Ik herhaal het bericht."
    assert parts[4].startswith("U krijgt deze oproep omdat u een abonnement hebt op crisisberichten")
    assert "Bel Gentinfo op 09 210 10 10" in parts[5]


def test_a_milestone_call_names_the_dossier_in_french():
    script = voice_script(body="Votre demande est reçue.", language="fr", purpose="service", dossier="OMV-2026-0042")
    assert "Vous recevez cet appel parce que vous avez un dossier auprès de la Ville de Gand : OMV-2026-0042" in script
    assert script.count("Votre demande est reçue.") == 2


def test_the_twiml_speaks_each_part_in_the_belgian_locale_with_pauses_between():
    script = voice_script(body="Alarm <&> \"binnen\"", language="fr", purpose="crisis")
    spoken = says(twiml(script=script, language="fr", voice="Google.fr-BE-Standard-A"))
    assert [tag for tag, _ in spoken] == ["Say", "Pause"] * 5 + ["Say"]
    assert spoken[2] == ("Say", 'Alarm <&> "binnen"')  # escaped in the XML, read back as typed
    root = ET.fromstring(twiml(script=script, language="fr", voice="Google.fr-BE-Standard-A"))
    assert {(say.get("language"), say.get("voice")) for say in root.iter("Say")} == {("fr-BE", "Google.fr-BE-Standard-A")}
    assert {pause.get("length") for pause in root.iter("Pause")} == {"2"}


def test_an_unknown_language_is_spoken_in_dutch():
    root = ET.fromstring(twiml(script=voice_script(body="x", language="de", purpose="crisis"), language="de"))
    assert {say.get("language") for say in root.iter("Say")} == {"nl-BE"}
    assert root.find("Say").text == "Dit is een bericht van Stad Gent."


def test_the_file_backend_writes_the_twiml_it_would_speak(settings, tmp_path):
    settings.AUTOMATION_VOICE_FILE_PATH = str(tmp_path / "voice")
    result = FileVoiceBackend().call(to="+32470123456", script="Dag.\n\nTot ziens.", language="en", reference="r1")
    [outbox_file] = (tmp_path / "voice").iterdir()
    [line] = [json.loads(text) for text in outbox_file.read_text().splitlines()]
    assert (line["to"], line["reference"], line["language"]) == ("+32470123456", "r1", "en")
    assert says(line["twiml"]) == [("Say", "Dag."), ("Pause", "2"), ("Say", "Tot ziens.")]
    assert (result.provider, result.provider_message_id) == ("file", "file-r1")


def test_the_voice_channel_calls_through_the_configured_backend_in_the_envelopes_language(voice_outbox):
    result = channel_for("voice").send(Envelope(reference="r9", to="+32470123456", body_text="Hallo", language="fr"))
    [placed] = voice_outbox
    assert (placed.to, placed.script, placed.language, placed.reference) == ("+32470123456", "Hallo", "fr", "r9")
    assert result.provider == "locmem"
