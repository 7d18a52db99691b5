"""Handing work to a task by the task's name: services never import task modules.

A task module imports the services it calls; if a service imported the task module back
to queue it, the two would form an import cycle. So a service names the task instead
(the `name=` of its `@shared_task`, which is also what beat schedules and messages
already waiting in the broker carry) and `enqueue` looks it up in Celery's registry.

Through a signature, not `send_task`: a signature calls the registered task's own
`apply_async`, which honours `CELERY_TASK_ALWAYS_EAGER`, so without a broker (the
embedded demo) the task runs in the calling process exactly as before; `send_task` would
try to publish to a broker that is not there. A name nobody registered fails here, with
`UnknownTask`, instead of being published to a queue no worker will ever empty.

Task modules are imported by Celery's autodiscovery: a worker does it at start-up; any
other process (the web server, a management command, the tests) does it here the first
time it meets a name it does not know yet.
"""

from __future__ import annotations

import threading

from celery import current_app

_discovery = threading.Lock()
_discovered = False


class UnknownTask(LookupError):
    """No task is registered under this name (a typo, or an app missing from INSTALLED_APPS)."""


def enqueue(task_name: str, *args, queue: str | None = None, countdown: float | None = None):
    """Queue `task_name(*args)` on `queue` (the task's default when None), after `countdown` seconds.

    Returns Celery's result (an EagerResult, already run, in eager mode).
    """
    registered_task(task_name)
    options = {name: value for name, value in (("queue", queue), ("countdown", countdown)) if value is not None}
    return current_app.signature(task_name, args=args, **options).apply_async()


def registered_task(task_name: str):
    """The task registered under this name; runs Celery's autodiscovery once if it is not known yet."""
    tasks = current_app.tasks
    if task_name not in tasks:
        _discover_once()
    try:
        return tasks[task_name]
    except KeyError:
        raise UnknownTask(f"no Celery task is registered as {task_name!r}") from None


def _discover_once() -> None:
    global _discovered
    with _discovery:
        if not _discovered:
            current_app.autodiscover_tasks(force=True)  # every installed app's `tasks` module
            _discovered = True
