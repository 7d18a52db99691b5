"""Trying again later: exponential back-off with a cap, and how a task waits for it.

The delay after the n-th failed attempt is `base * 2**(n-1)`, capped at `cap`: a receiver
or provider that is down gets fewer calls the longer it stays down, and none waits longer
than the cap. The cap must stay below the broker's visibility timeout (see the settings),
or a task waiting for its countdown would be delivered twice. How many attempts a row may
have is counted on the row (`claims.NEXT_ATTEMPT`); the service that records a failure
decides, with `gives_up`, whether it was the last.

A task whose service asks for a retry (`outcome.retry_in`, seconds) raises Celery's retry
with that countdown on a worker. Without a broker (eager mode, the embedded demo) there is
no queue to wait in, and Celery would raise the retry at the caller: the task tries again
on the spot, still bounded by the attempts counted on the row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar


def backoff_delay(*, attempts: int, base: float, cap: float) -> float:
    """Seconds to wait after `attempts` failed attempts: base * 2**(attempts-1), at most `cap`."""
    return float(min(base * 2 ** max(attempts - 1, 0), cap))


def gives_up(*, attempts: int, max_attempts: int) -> bool:
    """True when `attempts` made are all a row may have."""
    return attempts >= max_attempts


class Retryable(Protocol):
    retry_in: float | None  # seconds; None when no retry is wanted


Outcome = TypeVar("Outcome", bound=Retryable)


def run_with_retries(task, attempt: Callable[[], Outcome]) -> Outcome:
    """Run `attempt`; when it asks for a retry, retry at once if eager, else raise `task.retry(countdown=...)`."""
    outcome = attempt()
    while outcome.retry_in is not None and task.request.is_eager:
        outcome = attempt()
    if outcome.retry_in is not None:
        raise task.retry(countdown=outcome.retry_in)
    return outcome
