"""Page-view batches arriving at the same moment all add up, and a batch sent twice at once counts once (real PostgreSQL).

SQLite's test database serialises writers, so the race (two batches adding to the same
page's row of the day, or the same batch in flight twice) only happens on a database with
concurrent writers: here each batch is a real request in its own thread, connection and
transaction, released together by a barrier.
"""

from __future__ import annotations

import json
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from cms.http.signed_body import body_signature
from cms.pageviews.models import PageViewBatch, PageViewDay, ReferrerDay
from cms.themes.models import ThemeIndexPage, ThemePage
from tests.cms.conftest import add_page, home, locales  # noqa: F401 (fixtures)

pytestmark = pytest.mark.integration
SECRET = "integration-pageviews-secret"


def post(body: bytes):
    return Client().post("/api/pageviews/", data=body, content_type="application/json",
                         HTTP_X_SIGNATURE=body_signature(body, SECRET))  # fmt: skip


def test_concurrent_batches_add_up_and_a_resent_batch_counts_once(settings, transactional_db, home):  # noqa: F811
    assert connection.vendor == "postgresql"
    settings.PAGEVIEWS_SECRET = SECRET
    page = add_page(add_page(home, ThemeIndexPage, title="Thema's", slug="themas"), ThemePage, title="Grofvuil")
    batches = [uuid.uuid4() for _ in range(6)]
    sealed = timezone.now().isoformat()
    bodies = [
        json.dumps({"batch": str(batch), "sealed_at": sealed, "views": {"/nl/themas/grofvuil/": n + 1},
                    "referrers": {"https://www.google.com/search?q=x": 1}}).encode()
        for n, batch in enumerate(batches)
    ]  # fmt: skip
    bodies += bodies[:2]  # the first two batches sent again while they are still in flight
    start = threading.Barrier(len(bodies))
    answers: list[tuple[int, bool]] = []
    lock = threading.Lock()

    def run(body):
        try:
            start.wait()
            response = post(body)
            with lock:
                answers.append((response.status_code, response.json().get("duplicate")))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [(200, False)] * 6 + [(200, True)] * 2
    row = PageViewDay.objects.get(page=page)
    assert row.views == 1 + 2 + 3 + 4 + 5 + 6
    assert list(ReferrerDay.objects.values_list("domain", "views")) == [("google.com", 6)]
    assert PageViewBatch.objects.count() == 6
