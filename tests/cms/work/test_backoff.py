"""Back-off: the wait doubles per failed attempt up to its cap; a task retries at once when eager, by countdown on a worker."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from cms.work.backoff import backoff_delay, gives_up, run_with_retries


def test_the_wait_doubles_with_each_attempt_and_stops_at_the_cap():
    assert [backoff_delay(attempts=n, base=10, cap=100) for n in range(0, 7)] == [10.0, 10.0, 20.0, 40.0, 80.0, 100.0, 100.0]


def test_the_last_attempt_is_the_one_that_reaches_the_limit():
    assert [gives_up(attempts=n, max_attempts=3) for n in (1, 2, 3, 4)] == [False, False, True, True]


@dataclass(frozen=True)
class Outcome:
    status: str
    retry_in: float | None = None


class Requeued(Exception):
    pass


def fake_task(*, eager: bool):
    requested = []

    def retry(*, countdown):
        requested.append(countdown)
        return Requeued()

    return SimpleNamespace(request=SimpleNamespace(is_eager=eager), retry=retry, requested=requested)


def attempts(*outcomes):
    pending = list(outcomes)
    return lambda: pending.pop(0)


def test_eagerly_a_task_tries_again_on_the_spot_until_its_service_stops_asking():
    task = fake_task(eager=True)
    outcome = run_with_retries(task, attempts(Outcome("pending", 10.0), Outcome("pending", 20.0), Outcome("delivered")))
    assert outcome == Outcome("delivered") and task.requested == []


def test_on_a_worker_a_task_is_retried_after_the_countdown_its_service_asked_for():
    task = fake_task(eager=False)
    with pytest.raises(Requeued):
        run_with_retries(task, attempts(Outcome("pending", 20.0), Outcome("delivered")))
    assert task.requested == [20.0]


def test_a_final_outcome_is_returned_as_it_is():
    task = fake_task(eager=False)
    assert run_with_retries(task, attempts(Outcome("failed"))) == Outcome("failed") and task.requested == []
