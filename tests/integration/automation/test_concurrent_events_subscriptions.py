"""Eight people (or one script) submitting the subscribe form for one new address at the same moment.

On PostgreSQL the requests really race: each in its own thread, connection and
transaction. One citizen must come out of it, one pending subscription per target, and
exactly one confirmation mail: the per-address limit holds under concurrency, because the
citizen row is locked while the limit is checked (for a new address the unique reference
already serialises the requests; for a known citizen only the lock does).
"""

from __future__ import annotations

import json
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from automation.contacts.models import Citizen, ConfirmationRequest, Subscription

REQUESTS = 8


@pytest.fixture
def rabot(transactional_db):
    from cms.core.models import Wijk

    return Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})[0]


@pytest.fixture
def eager_tasks(monkeypatch):
    """The confirmation mail is sent in the request's process, into the in-memory outbox we count."""
    from cms.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)


@pytest.mark.parametrize("known", [False, True], ids=["new address", "known citizen"])
def test_concurrent_requests_for_one_address_send_one_confirmation_mail(settings, rabot, eager_tasks, known):
    assert connection.vendor == "postgresql"
    if known:
        Citizen.objects.create(ref="case-race", email="race@example.org")
    settings.FRONTEND_URL = "https://www.gent.example"
    body = json.dumps({"email": "race@example.org", "wijken": ["rabot-blaisantvest"], "crisis": True})
    start = threading.Barrier(REQUESTS)
    statuses: list[int] = []
    lock = threading.Lock()

    def run():
        try:
            start.wait()
            response = Client().post("/api/automation/subscriptions/", data=body, content_type="application/json")
            with lock:
                statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [202] * REQUESTS
    assert Citizen.objects.filter(email="race@example.org").count() == 1
    assert sorted(Subscription.objects.values_list("kind", "status")) == [("crisis", "pending"), ("wijk_news", "pending")]
    assert ConfirmationRequest.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["race@example.org"]]
