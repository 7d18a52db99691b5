"""CAP feed benchmark (issue 16): what a notice board's poll costs, beside the crisis banner's endpoint.

In-process (Django's test client), on the database the bench runs on, side by side in one run:

* SQL queries per feed request with 1 and with 40 listed alerts (3 wijken each), and per
  CAP document with 1 and with 25 wijken: neither may grow with the size;
* the feed (40 alerts) against the banner's `/api/automation/crisis/active/` (the same 40
  alerts as JSON): time per request, the ratio last;
* a 304 to a poll with the feed's ETag against a full 200: the ratio.

Targets checked after every figure is printed: constant query counts, a 304 cheaper than a
200. BENCH_CAP_ROUNDS (default 30): timed requests per figure after one warm-up.
"""

from __future__ import annotations

import os
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from automation.crisis.cap.models import CapMessage
from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.services import crisis_alert_confirm, crisis_alert_end, crisis_alert_request
from cms.core.models import Wijk

pytestmark = pytest.mark.django_db
ROUNDS = int(os.environ.get("BENCH_CAP_ROUNDS", "30"))
FEED = "/api/automation/crisis/cap/feed.atom"
ACTIVE = "/api/automation/crisis/active/"
TEXTS = {"nl": AlertText("Brand", "Hou ramen dicht."), "en": AlertText("Fire", "Close windows."),
         "fr": AlertText("Incendie", "Fermez les fenêtres.")}  # fmt: skip


def send(officers, wijken, n):
    alert = crisis_alert_compose(by=officers[0], title=f"Bench {n}", texts=TEXTS, wijken=wijken, channels=["sms"])
    crisis_alert_request(alert=alert, by=officers[0])
    crisis_alert_confirm(alert=alert, by=officers[1])
    return alert


def queries(client, url) -> int:
    client.get(url)  # warm: the site and its homes are looked up once per process
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def per_request(client, url, **headers) -> float:
    client.get(url, **headers)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        client.get(url, **headers)
    return (time.perf_counter() - started) / ROUNDS


def test_bench_cap_feed(django_user_model):
    from django.contrib.auth.models import Permission

    officers = []
    for name in ("bench-a", "bench-b"):
        user = django_user_model.objects.create_user(username=name, password="x")
        user.user_permissions.add(Permission.objects.get(codename="send_crisisalert"))
        officers.append(django_user_model.objects.get(pk=user.pk))
    wijken = list(Wijk.objects.order_by("slug"))
    client = Client()

    first = send(officers, wijken[:3], 0)
    feed_queries_1 = queries(client, FEED)
    for n in range(1, 40):
        alert = send(officers, wijken[n % 22:n % 22 + 3], n)
        if n % 4 == 0:
            crisis_alert_end(alert=alert, by=officers[0])
    feed_queries_40 = queries(client, FEED)
    document_queries_1 = queries(client, f"/api/automation/crisis/cap/{CapMessage.objects.get(alert=first).pk}.xml")
    everywhere = send(officers, wijken, 99)
    document_queries_25 = queries(client, f"/api/automation/crisis/cap/{CapMessage.objects.get(alert=everywhere).pk}.xml")

    feed_seconds = per_request(client, FEED)
    active_seconds = per_request(client, ACTIVE)
    etag = client.get(FEED)["ETag"]
    not_modified_seconds = per_request(client, FEED, HTTP_IF_NONE_MATCH=etag)

    print()
    print(f"cap_feed_queries_1_alert={feed_queries_1}")
    print(f"cap_feed_queries_40_alerts={feed_queries_40}")
    print(f"cap_document_queries_1_wijk={document_queries_1}")
    print(f"cap_document_queries_25_wijken={document_queries_25}")
    print(f"cap_feed_ms={feed_seconds * 1000:.2f}")
    print(f"active_json_ms={active_seconds * 1000:.2f}")
    print(f"cap_feed_304_ms={not_modified_seconds * 1000:.2f}")
    print(f"cap_feed_200_vs_304_ratio={feed_seconds / not_modified_seconds:.2f}")
    print(f"cap_feed_vs_active_json_ratio={feed_seconds / active_seconds:.2f}")

    assert feed_queries_40 == feed_queries_1
    assert document_queries_25 == document_queries_1
    assert not_modified_seconds < feed_seconds
