"""Each CAP message of a crisis alert is a valid OASIS CAP 1.2 document saying what the city said, where."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from automation.crisis.cap.document import cap_document, message_for_document
from automation.crisis.cap.models import CapMessage
from automation.crisis.cap.publish import CapPublishRefused, cap_alert_update
from automation.crisis.models import CrisisAlertText
from automation.crisis.services import CrisisAlertRefused, crisis_alert_cancel, crisis_alert_confirm, crisis_alert_end
from cms.core.models import Wijk
from tests.automation.crisis.cap.conftest import NS, TEXTS

pytestmark = pytest.mark.django_db
MsgType = CapMessage.MsgType


def document_of(message: CapMessage) -> bytes:
    return cap_document(message_for_document(message.pk))


def messages_of(alert) -> list[CapMessage]:
    return list(CapMessage.objects.filter(alert=alert).order_by("pk"))


def text(root, path: str) -> list[str]:
    return [element.text for element in root.iterfind(path, NS)]


def test_a_confirmed_alert_is_a_cap_alert_in_three_languages_with_a_circle_per_wijk(send_alert, read_cap, rabot):
    ledeberg = Wijk.objects.get(slug="ledeberg")
    alert = send_alert(wijken=[rabot, ledeberg], url="https://stad.gent/brand")
    [message] = messages_of(alert)
    root = read_cap(document_of(message))

    assert root.findtext("cap:msgType", namespaces=NS) == "Alert"
    assert root.findtext("cap:status", namespaces=NS) == "Actual"
    assert root.find("cap:references", NS) is None
    assert root.findtext("cap:sent", namespaces=NS) == timezone.localtime(alert.confirmed_at).replace(microsecond=0).isoformat()
    assert text(root, "cap:info/cap:language") == ["nl-BE", "en", "fr-BE"]
    assert text(root, "cap:info/cap:headline") == [TEXTS[code].headline for code in ("nl", "en", "fr")]
    assert text(root, "cap:info/cap:description") == [TEXTS[code].body for code in ("nl", "en", "fr")]
    assert set(text(root, "cap:info/cap:web")) == {"https://stad.gent/brand"}
    nl = root.find("cap:info", NS)
    assert text(nl, "cap:area/cap:areaDesc") == ["Ledeberg", "Rabot - Blaisantvest"]
    assert text(nl, "cap:area/cap:circle") == ["51.038,3.743 0.7", "51.065,3.715 0.8"]  # seeded centres and radii
    assert not text(nl, "cap:area/cap:polygon")
    rabot_area = nl.findall("cap:area", NS)[1]
    assert [(g.findtext("cap:valueName", namespaces=NS), g.findtext("cap:value", namespaces=NS))
            for g in rabot_area.iterfind("cap:geocode", NS)] == [("NIS", "44021"), ("wijk", "rabot-blaisantvest")]


def test_an_update_references_the_alert_and_carries_the_new_words_while_the_alert_keeps_the_old(send_alert, read_cap, rabot):
    alert = send_alert(wijken=[rabot])
    CrisisAlertText.objects.filter(alert=alert, language="nl").update(headline="Brand in Rabot onder controle")
    cap_alert_update(alert=alert)
    first, update = messages_of(alert)

    original = read_cap(document_of(first))
    updated = read_cap(document_of(update))
    assert updated.findtext("cap:msgType", namespaces=NS) == "Update"
    reference = ",".join(original.findtext(f"cap:{name}", namespaces=NS) for name in ("sender", "identifier", "sent"))
    assert updated.findtext("cap:references", namespaces=NS) == reference
    assert updated.findtext("cap:identifier", namespaces=NS) != original.findtext("cap:identifier", namespaces=NS)
    assert text(updated, "cap:info/cap:headline")[0] == "Brand in Rabot onder controle"
    assert text(original, "cap:info/cap:headline")[0] == TEXTS["nl"].headline  # what was sent stays what was sent
    assert len(updated.findall("cap:info", NS)) == 3


def test_ending_publishes_a_cancel_referencing_every_earlier_message(send_alert, read_cap, officers, rabot):
    alert = send_alert(wijken=[rabot])
    cap_alert_update(alert=alert)
    crisis_alert_end(alert=alert, by=officers[1])
    first, update, cancel = messages_of(alert)
    root = read_cap(document_of(cancel))

    assert root.findtext("cap:msgType", namespaces=NS) == "Cancel"
    references = root.findtext("cap:references", namespaces=NS).split(" ")
    expected = []
    for earlier in (first, update):
        earlier_root = read_cap(document_of(earlier))
        expected.append(",".join(earlier_root.findtext(f"cap:{n}", namespaces=NS) for n in ("sender", "identifier", "sent")))
    assert references == expected
    assert set(text(root, "cap:info/cap:responseType")) == {"AllClear"}
    assert set(text(root, "cap:info/cap:urgency")) == {"Past"}
    assert text(root, "cap:info/cap:headline") == [
        f"Beëindigd: {TEXTS['nl'].headline}", f"Ended: {TEXTS['en'].headline}", f"Terminé : {TEXTS['fr'].headline}"
    ]
    alert.refresh_from_db()
    assert root.findtext("cap:sent", namespaces=NS) == timezone.localtime(alert.ended_at).replace(microsecond=0).isoformat()


def test_an_alert_is_published_once_and_ended_once_and_an_ended_alert_takes_no_update(send_alert, officers, rabot):
    alert = send_alert(wijken=[rabot])
    with pytest.raises(CrisisAlertRefused):
        crisis_alert_confirm(alert=alert, by=officers[1])
    crisis_alert_end(alert=alert, by=officers[0])
    with pytest.raises(CrisisAlertRefused):
        crisis_alert_end(alert=alert, by=officers[1])
    with pytest.raises(CapPublishRefused):
        cap_alert_update(alert=alert)
    assert [message.msg_type for message in messages_of(alert)] == [MsgType.ALERT, MsgType.CANCEL]


def test_a_draft_or_an_alert_cancelled_before_sending_publishes_nothing(officers, rabot):
    from automation.crisis.compose import crisis_alert_compose

    draft = crisis_alert_compose(by=officers[0], title="Ontwerp", texts=TEXTS, wijken=[rabot], channels=["sms"])
    cancelled = crisis_alert_compose(by=officers[0], title="Toch niet", texts=TEXTS, wijken=[rabot], channels=["sms"])
    crisis_alert_cancel(alert=cancelled, by=officers[0])
    with pytest.raises(CapPublishRefused):
        cap_alert_update(alert=draft)
    assert not CapMessage.objects.filter(alert__in=[draft, cancelled]).exists()


def test_a_city_wide_alert_has_one_area_the_city(send_alert, read_cap):
    alert = send_alert(wijken=[])
    [message] = messages_of(alert)
    root = read_cap(document_of(message))
    for info in root.iterfind("cap:info", NS):
        assert text(info, "cap:area/cap:areaDesc") == ["Gent"]
        assert text(info, "cap:area/cap:circle") == ["51.0543,3.7174 11.0"]
        assert text(info, "cap:area/cap:geocode/cap:value") == ["44021"]


def test_with_boundaries_loaded_each_wijk_is_given_as_its_polygons(send_alert, read_cap, rabot, tmp_path):
    rabot_ring = [[3.705, 51.061], [3.725, 51.061], [3.725, 51.070], [3.705, 51.070], [3.705, 51.061]]
    hole = [[3.712, 51.064], [3.716, 51.064], [3.716, 51.066], [3.712, 51.064]]
    island = [[3.70, 51.02], [3.71, 51.02], [3.71, 51.03], [3.70, 51.02]]
    mainland = [[3.72, 51.03], [3.74, 51.03], [3.74, 51.04], [3.72, 51.03]]
    geojson = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"naam": "Rabot - Blaisantvest"},
         "geometry": {"type": "Polygon", "coordinates": [rabot_ring, hole]}},
        {"type": "Feature", "properties": {"slug": "stationsbuurt-zuid"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[island], [mainland]]}},
    ]}
    path = tmp_path / "wijken.geojson"
    path.write_text(json.dumps(geojson))
    call_command("wijk_boundaries", str(path), "--no-progress", stdout=open("/dev/null", "w"))

    alert = send_alert(wijken=[rabot, Wijk.objects.get(slug="stationsbuurt-zuid"), Wijk.objects.get(slug="ledeberg")])
    [message] = messages_of(alert)
    root = read_cap(document_of(message))
    areas = {area.findtext("cap:areaDesc", namespaces=NS): area for area in root.find("cap:info", NS).iterfind("cap:area", NS)}
    rabot_polygons = text(areas["Rabot - Blaisantvest"], "cap:polygon")
    assert rabot_polygons == ["51.061,3.705 51.061,3.725 51.07,3.725 51.07,3.705 51.061,3.705"]  # the outline, lat first
    assert not text(areas["Rabot - Blaisantvest"], "cap:circle")
    assert len(text(areas["Stationsbuurt-Zuid"], "cap:polygon")) == 2
    assert text(areas["Ledeberg"], "cap:circle") == ["51.038,3.743 0.7"]  # no boundary in the file: still its circle


def test_the_sender_and_the_identifiers_follow_the_setting(send_alert, read_cap, settings):
    settings.CRISIS_CAP_SENDER = "crisis.stad.gent"
    alert = send_alert()
    [message] = messages_of(alert)
    root = read_cap(document_of(message))
    assert root.findtext("cap:sender", namespaces=NS) == "crisis.stad.gent"
    assert root.findtext("cap:identifier", namespaces=NS) == f"crisis.stad.gent:crisis:{alert.pk}:{message.pk}"
