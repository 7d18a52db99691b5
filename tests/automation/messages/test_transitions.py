"""One transition path for one message or many: only messages still in the expected status move, each with its history row."""

from __future__ import annotations

import pytest

from automation.messages.models import Message
from automation.messages.transitions import message_transition, messages_transition
from cms.work.claims import NEXT_ATTEMPT
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db
Status = Message.Status


def history(message) -> list[tuple[str, str, str]]:
    return list(message.history.order_by("pk").values_list("from_status", "to_status", "detail"))


def test_one_message_moves_once_and_its_history_says_so():
    message = make_message(make_citizen())
    claim = dict(message_id=message.pk, from_status=Status.CREATED, to_status=Status.SENDING, attempts=NEXT_ATTEMPT)
    assert message_transition(**claim)
    assert not message_transition(**claim)  # a duplicated task: left alone
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENDING, 1)
    assert history(message) == [("", "created", ""), ("created", "sending", "")]


def test_many_messages_move_together_each_with_its_own_detail_and_only_if_still_in_the_status():
    citizen = make_citizen()
    first, taken, last = (make_message(citizen, status=Status.SENDING) for _ in range(3))
    Message.objects.filter(pk=taken.pk).update(status=Status.CREATED)  # the sweep took it back meanwhile
    moved = messages_transition(
        messages=[last.pk, taken.pk, first.pk],
        from_status=Status.SENDING,
        to_status=Status.SUPPRESSED,
        detail={first.pk: "no email consent or address any more", last.pk: "frequency cap", taken.pk: "unused"},
    )
    assert moved == [first.pk, last.pk]
    assert history(first)[-1] == ("sending", "suppressed", "no email consent or address any more")
    assert history(last)[-1] == ("sending", "suppressed", "frequency cap")
    assert [row[1] for row in history(taken)] == ["sending"]  # its factory row only: nothing recorded that did not happen


def test_each_message_can_carry_its_own_values_such_as_the_providers_id():
    citizen = make_citizen()
    first, second = (make_message(citizen, status=Status.SENDING) for _ in range(2))
    messages_transition(
        messages=[first.pk, second.pk],
        from_status=Status.SENDING,
        to_status=Status.SENT,
        detail="accepted by esp",
        values={first.pk: {"provider_message_id": "p-1"}, second.pk: {"provider_message_id": "p-2"}},
        provider="esp",
        last_error="",
    )
    rows = Message.objects.filter(pk__in=[first.pk, second.pk]).order_by("pk")
    assert list(rows.values_list("status", "provider", "provider_message_id")) == [
        (Status.SENT, "esp", "p-1"),
        (Status.SENT, "esp", "p-2"),
    ]
    assert history(second)[-1] == ("sending", "sent", "accepted by esp")


def test_a_queryset_and_a_limit_choose_the_oldest_messages_first():
    citizen = make_citizen()
    letters = [make_message(citizen, channel="letter") for _ in range(3)]
    make_message(citizen)  # an e-mail: not chosen
    moved = messages_transition(
        messages=Message.objects.filter(channel="letter"),
        from_status=Status.CREATED,
        to_status=Status.SENDING,
        detail="in print batch b-1",
        skip_locked=True,
        limit=2,
        provider_message_id="b-1",
    )
    assert moved == [letters[0].pk, letters[1].pk]
    assert Message.objects.filter(provider_message_id="b-1").count() == 2
