"""One CAP message as an OASIS CAP 1.2 XML document.

What the CAP standard asks and the crisis screens do not (they hold headline, text, wijken
and a link) is fixed here, the same for every alert, so a notice board can rely on it:

* `status` Actual (Exercise for the demo's alert, with a `note` saying so), `scope` Public;
* `category` Safety, `event` "Crisisbericht" in the info's language;
* Alert and Update: `urgency` Immediate, `severity` Severe, `certainty` Observed (a crisis
  alert is confirmed by two people and goes out at any hour: it is meant now);
* Cancel: `responseType` AllClear, `urgency` Past, `severity` Minor, the headline prefixed
  with "Beëindigd:" and a sentence saying the danger is over, in each language;
* `references` (Update, Cancel): every earlier message of the alert, as "sender,identifier,sent";
* one `info` per language the alert was written in (nl, en, fr: `nl-BE`, `en`, `fr-BE`),
  each with the same areas (areas.py);
* `sender` from the setting `CRISIS_CAP_SENDER` (default "urn:vrijhaven:gent"); the identifier
  is "<sender>:crisis:<alert id>:<message id>", so it never repeats for a sender;
* times in the city's time zone with their offset and whole seconds, as CAP requires.

Written with the standard library (xml.etree): the schema check lives in the tests (lxml).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from automation.crisis.cap.areas import Area, alert_areas
from automation.crisis.cap.models import CapMessage
from automation.languages import supported_languages
from cms.core.models import Wijk

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
CONTENT_TYPE = "application/cap+xml; charset=utf-8"
LANGUAGE_TAGS = {"nl": "nl-BE", "fr": "fr-BE", "en": "en"}
EVENT = {"nl": "Crisisbericht", "en": "Crisis alert", "fr": "Alerte de crise"}
ENDED_HEADLINE = {"nl": "Beëindigd: {}", "en": "Ended: {}", "fr": "Terminé : {}"}
ENDED_TEXT = {
    "nl": "Het gevaar is voorbij: dit crisisbericht is beëindigd.",
    "en": "The danger is over: this crisis alert has ended.",
    "fr": "Le danger est passé : cette alerte de crise est terminée.",
}
EXERCISE_NOTE = "Demo: geen echte waarschuwing (oefening)."
MsgType = CapMessage.MsgType


def cap_sender() -> str:
    return settings.CRISIS_CAP_SENDER


def cap_time(moment) -> str:
    """CAP's date-time: local time with its offset, whole seconds, e.g. 2026-12-06T13:47:41+01:00."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def cap_identifier(message: CapMessage) -> str:
    return f"{cap_sender()}:crisis:{message.alert_id}:{message.pk}"


def cap_reference(message: CapMessage) -> str:
    """The "extended message identifier" a later message uses to point at this one."""
    return f"{cap_sender()},{cap_identifier(message)},{cap_time(message.sent)}"


def message_for_document(pk: int) -> CapMessage:
    """The message with what its document reads (alert, wijken by name), in three queries."""
    return (
        CapMessage.objects.select_related("alert")
        .prefetch_related(Prefetch("alert__wijken", queryset=Wijk.objects.order_by("name")))
        .get(pk=pk)
    )


def _tag(name: str) -> str:
    return f"{{{CAP_NAMESPACE}}}{name}"


def _add(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, _tag(name))
    if text is not None:
        element.text = text
    return element


def _languages(texts: dict) -> list[str]:
    known = [code for code in supported_languages() if code in texts]
    return known + sorted(code for code in texts if code not in known)


def _area(info: ET.Element, area: Area) -> None:
    element = _add(info, "area")
    _add(element, "areaDesc", area.description)
    for polygon in area.polygons:
        _add(element, "polygon", polygon)
    for circle in area.circles:
        _add(element, "circle", circle)
    for value_name, value in area.geocodes:
        geocode = _add(element, "geocode")
        _add(geocode, "valueName", value_name)
        _add(geocode, "value", value)


def _info(root: ET.Element, message: CapMessage, language: str, areas: list[Area]) -> None:
    text = message.texts[language]
    cancel = message.msg_type == MsgType.CANCEL
    info = _add(root, "info")
    _add(info, "language", LANGUAGE_TAGS.get(language, language))
    _add(info, "category", "Safety")
    _add(info, "event", EVENT.get(language, EVENT["nl"]))
    if cancel:
        _add(info, "responseType", "AllClear")
    _add(info, "urgency", "Past" if cancel else "Immediate")
    _add(info, "severity", "Minor" if cancel else "Severe")
    _add(info, "certainty", "Observed")
    _add(info, "effective", cap_time(message.sent))
    _add(info, "senderName", settings.WAGTAIL_SITE_NAME)
    if cancel:
        _add(info, "headline", ENDED_HEADLINE.get(language, ENDED_HEADLINE["nl"]).format(text["headline"]))
        _add(info, "description", f"{ENDED_TEXT.get(language, ENDED_TEXT['nl'])}\n\n{text['body']}")
    else:
        _add(info, "headline", text["headline"])
        _add(info, "description", text["body"])
    if message.alert.url:
        _add(info, "web", message.alert.url)
    for area in areas:
        _area(info, area)


def cap_document(message: CapMessage) -> bytes:
    """The message as CAP 1.2 XML (UTF-8, with declaration)."""
    alert = message.alert
    root = ET.Element(_tag("alert"))
    _add(root, "identifier", cap_identifier(message))
    _add(root, "sender", cap_sender())
    _add(root, "sent", cap_time(message.sent))
    _add(root, "status", message.status)
    _add(root, "msgType", message.msg_type)
    _add(root, "source", "Vrijhaven")
    _add(root, "scope", "Public")
    if message.status == CapMessage.Status.EXERCISE:
        _add(root, "note", EXERCISE_NOTE)
    if message.msg_type != MsgType.ALERT:
        earlier = CapMessage.objects.filter(alert_id=message.alert_id, pk__lt=message.pk).order_by("pk")
        if references := " ".join(cap_reference(previous) for previous in earlier):
            _add(root, "references", references)
    areas = alert_areas(alert.wijken.all())
    for language in _languages(message.texts):
        _info(root, message, language, areas)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True, default_namespace=CAP_NAMESPACE)
