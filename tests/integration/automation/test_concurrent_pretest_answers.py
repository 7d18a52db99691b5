"""Eight answers posted at once with one invitation token store one answer (real PostgreSQL).

A double click, two tabs, a retrying proxy: the same token's answer arrives in parallel.
SQLite serialises writers, so the race (two requests both reading `invited` and both
storing) only shows on a database with concurrent writers. Each POST runs in its own thread,
connection and transaction, released together by a barrier: one 201, seven 409
`already-answered`, one stored answer, the invitation `answered`.
"""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from automation.contacts.models import Citizen
from automation.panel.consent import CURRENT_VERSION
from automation.panel.models import Invitation, PanelMember, Pretest, PretestResponse
from automation.panel.tokens import invitation_token_new
from cms.readability.cloze import cloze_build

POSTS = 8
TEXT = ("Vanaf 1 maart haalt de stad grofvuil aan huis op. U maakt daarvoor eerst een afspraak op de website of "
        "bij Gentinfo. De ophaling kost 25 euro per beurt en u zet de spullen voor 7 uur buiten.")  # fmt: skip


@pytest.fixture
def token(transactional_db):
    from cms.core.models import Wijk

    wijk, _ = Wijk.objects.get_or_create(slug="ledeberg", defaults={"name": "Ledeberg"})
    citizen = Citizen.objects.create(ref="testpanel-race", email="race@example.org")
    member = PanelMember.objects.create(citizen=citizen, wijk=wijk, status="active", consent_version=CURRENT_VERSION,
                                        consent_source="test", asked_at=timezone.now())  # fmt: skip
    cloze = cloze_build(TEXT, every=3)
    pretest = Pretest.objects.create(name="race", title="Grofvuil", text=TEXT, cloze=cloze.as_json(),
                                     questions=[{"key": "duidelijk", "kind": "scale", "text": "Duidelijk?"}],
                                     status=Pretest.Status.SENT)  # fmt: skip
    plain, digest = invitation_token_new()
    Invitation.objects.create(pretest=pretest, member=member, token_sha256=digest)
    return plain, cloze.answers


def test_truly_concurrent_answers_with_one_token_store_one(token):
    assert connection.vendor == "postgresql"
    plain, answers = token
    body = json.dumps({"answers": {"duidelijk": 4}, "cloze": answers})
    start = threading.Barrier(POSTS)
    statuses: list[int] = []
    lock = threading.Lock()

    def run():
        try:
            start.wait()
            response = Client().post(f"/api/automation/panel/pretests/{plain}/", data=body, content_type="application/json")
            with lock:
                statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(POSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201] + [409] * (POSTS - 1)
    assert PretestResponse.objects.count() == 1
    assert Invitation.objects.get().status == Invitation.Status.ANSWERED
