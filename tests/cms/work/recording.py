"""Seeing what was queued, by task name: which task, with which arguments, on which queue, after what delay.

Services queue tasks by name (`cms.work.enqueue`); `record_enqueued` replaces that task's
`apply_async` (what a signature calls) for the rest of a test, so the test sees exactly
what would reach the broker, and optionally runs the task as eager mode would.
"""

from __future__ import annotations

from dataclasses import dataclass

from cms.work.enqueue import registered_task


@dataclass(frozen=True)
class Enqueued:
    args: tuple
    queue: str | None = None
    countdown: float | None = None


def record_enqueued(monkeypatch, task_name: str, *, run: bool = False) -> list[Enqueued]:
    """Record every time `task_name` is queued; with `run`, still run it (eagerly) after recording."""
    task = registered_task(task_name)
    original = task.apply_async
    calls: list[Enqueued] = []

    def apply_async(args=None, kwargs=None, **options):
        calls.append(Enqueued(args=tuple(args or ()), queue=options.get("queue"), countdown=options.get("countdown")))
        return original(args, kwargs, **options) if run else None

    monkeypatch.setattr(task, "apply_async", apply_async)
    return calls
