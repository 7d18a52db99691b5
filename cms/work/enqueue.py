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

Task modules are imported by Celery's autodiscovery: a worker imports them all at
start-up. Any other process (the web server, a management command, the tests) imports
them here, the first time it meets a name it does not know, app by app in
INSTALLED_APPS order until the name is registered: a process that only queues messages
does not load the search stack (numpy, the stemmers) for it.
"""

from __future__ import annotations

import threading

from celery import current_app
from django.apps import apps

_discovery = threading.Lock()
_discovered: set[str] = set()  # apps whose `tasks` module was looked for


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
    """The task registered under this name; imports the apps' task modules until it is, if it is not yet."""
    tasks = current_app.tasks
    if task_name not in tasks:
        _discover(task_name)
    try:
        return tasks[task_name]
    except KeyError:
        raise UnknownTask(f"no Celery task is registered as {task_name!r}") from None


def _discover(task_name: str) -> None:
    """Celery's autodiscovery (each installed app's `tasks` module), one app at a time until `task_name` appears."""
    with _discovery:
        for config in apps.get_app_configs():
            if task_name in current_app.tasks:
                return
            if config.name not in _discovered:
                current_app.loader.autodiscover_tasks([config.name], related_name="tasks")
                _discovered.add(config.name)
