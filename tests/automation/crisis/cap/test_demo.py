"""The demo holds one ended crisis alert, so a fresh demo site's CAP feed is never empty."""

from __future__ import annotations

import feedparser
import pytest

from automation.crisis.cap.models import CapMessage
from automation.crisis.demo import demo_crisis_install
from automation.crisis.models import CrisisAlert
from cms.importers.seed.contributions import demo_contributions
from tests.automation.crisis.cap.conftest import NS

pytestmark = pytest.mark.django_db


def test_the_seed_runs_the_crisis_demo():
    assert demo_crisis_install in [contribution.install for contribution in demo_contributions()]


def test_the_demo_alert_has_ended_and_is_in_the_feed_as_an_exercise_cancel(client, read_cap):
    alert = demo_crisis_install()
    demo_crisis_install()  # again: nothing changes
    assert CrisisAlert.objects.count() == 1 and CapMessage.objects.count() == 2
    assert alert.ended_at and not CrisisAlert.objects.active().exists()  # no banner on the demo site

    feed = feedparser.parse(client.get("/api/automation/crisis/cap/feed.atom", {"lang": "en"}).content)
    [entry] = feed.entries
    assert entry.title == "Ended: Fire in a port warehouse: keep windows and doors closed"
    document = client.get(next(link.href for link in entry.links if link.type == "application/cap+xml"))
    root = read_cap(document.content)
    assert root.findtext("cap:msgType", namespaces=NS) == "Cancel"
    assert root.findtext("cap:status", namespaces=NS) == "Exercise"
    assert "Demo" in root.findtext("cap:note", namespaces=NS)
    info = root.find("cap:info", NS)
    assert [a.findtext("cap:areaDesc", namespaces=NS) for a in info.iterfind("cap:area", NS)] == [
        "Kanaaldorpen en -zone", "Muide - Meulestede - Afrikalaan"
    ]
    assert len(root.findall("cap:info", NS)) == 3
