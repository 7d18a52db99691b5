"""The message transition path on real PostgreSQL: overlapping claims split cleanly, and the per-row fast path.

SQLite serialises writers and ignores `FOR UPDATE`, so two chunks claimed at the same
moment (a chunk redelivered while its first copy still runs) and the `UPDATE ... FROM
(VALUES ...) RETURNING` that records a chunk's provider ids are only really exercised here.
"""

from __future__ import annotations

import threading

from django.db import connection, transaction

from automation.messages.models import Message
from automation.messages.transitions import messages_transition
from cms.work.claims import NEXT_ATTEMPT
from tests.automation.factories import make_citizen, make_message

Status = Message.Status


def test_two_overlapping_claims_at_the_same_moment_each_take_what_the_other_has_not(transactional_db):
    assert connection.vendor == "postgresql"
    citizen = make_citizen()
    ids = [make_message(citizen).pk for _ in range(10)]
    first_holds, second_done = threading.Event(), threading.Event()
    claimed: dict[str, list[int]] = {}

    def first():
        try:
            with transaction.atomic():  # keeps its locks until the other claim has run
                claimed["first"] = messages_transition(
                    messages=ids[:6], from_status=Status.CREATED, to_status=Status.SENDING, skip_locked=True,
                    attempts=NEXT_ATTEMPT,
                )  # fmt: skip
                first_holds.set()
                second_done.wait(timeout=30)
        finally:
            connection.close()

    def second():
        try:
            first_holds.wait(timeout=30)
            claimed["second"] = messages_transition(
                messages=ids[3:], from_status=Status.CREATED, to_status=Status.SENDING, skip_locked=True,
                attempts=NEXT_ATTEMPT,
            )  # fmt: skip
        finally:
            second_done.set()
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert claimed == {"first": ids[:6], "second": ids[6:]}  # no wait, no message claimed twice
    assert set(Message.objects.values_list("status", "attempts")) == {(Status.SENDING, 1)}
    for message in Message.objects.all():
        assert list(message.history.values_list("to_status", flat=True)) == ["created", "sending"]


def test_sent_messages_are_recorded_with_their_own_provider_ids_in_one_statement(transactional_db, django_assert_num_queries):
    citizen = make_citizen()
    sending = [make_message(citizen, status=Status.SENDING) for _ in range(3)]
    taken_back = sending[1]
    Message.objects.filter(pk=taken_back.pk).update(status=Status.CREATED, in_doubt=True)  # by the sweep, meanwhile
    with django_assert_num_queries(4):  # BEGIN, one UPDATE ... FROM (VALUES ...) RETURNING, one history insert, COMMIT
        moved = messages_transition(
            messages=[m.pk for m in sending],
            from_status=Status.SENDING,
            to_status=Status.SENT,
            detail={m.pk: f"accepted by twilio ({n})" for n, m in enumerate(sending)},
            values={m.pk: {"provider": "twilio", "provider_message_id": f"SM{n}"} for n, m in enumerate(sending)},
            in_doubt=False,
            last_error="",
        )
    assert moved == [sending[0].pk, sending[2].pk]
    rows = Message.objects.order_by("pk").values_list("status", "provider", "provider_message_id", "in_doubt")
    assert list(rows) == [
        (Status.SENT, "twilio", "SM0", False),
        (Status.CREATED, "", "", True),  # the sweep's now: untouched
        (Status.SENT, "twilio", "SM2", False),
    ]
    assert sending[2].history.order_by("pk").last().detail == "accepted by twilio (2)"
