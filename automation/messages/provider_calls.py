"""Asking a provider about several messages at once: a broadcast waits on the network, not on us.

A real provider answers a send in tens to hundreds of milliseconds. One call at a time, a
worker process then sends a handful of texts per second however little our own work costs,
and a 100,000-text alert would take hours. So a chunk's provider calls go out
`AUTOMATION_SEND_CONCURRENCY` at a time, from a thread pool kept per worker process.

Only the provider call runs in a thread. A channel never touches the database
(automation/channels/base.py), so every status move and history row stays on the task's
own thread and database connection, exactly as with one call at a time. The answers come
back in the order of the calls, each the call's result or the exception it raised, for the
caller to record as before. With a concurrency of 1 the calls run in the caller's thread,
one after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import TypeVar

from django.conf import settings

Answer = TypeVar("Answer")


def send_concurrency() -> int:
    """How many provider calls one worker process keeps in flight."""
    return max(1, int(settings.AUTOMATION_SEND_CONCURRENCY))


@cache
def _pool(size: int) -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=size, thread_name_prefix="provider-call")


def provider_answers(calls: Sequence[Callable[[], Answer]]) -> list[Answer | Exception]:
    """Run `calls` (at most `send_concurrency()` at once); each one's result or the exception it raised, in order."""
    size = send_concurrency()
    if size == 1 or len(calls) <= 1:
        return [_answer(call) for call in calls]
    return list(_pool(size).map(_answer, calls))


def _answer(call: Callable[[], Answer]) -> Answer | Exception:
    try:
        return call()
    except Exception as error:  # handed back to the caller's thread, which records it as before
        return error
