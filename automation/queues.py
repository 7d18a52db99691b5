"""Which Celery queue each kind of automation work waits in (queues are declared in cms/celery.py).

Crisis alerts never wait behind a newsletter: purpose picks the queue. Dossier events are
processed on `messages`, next to the service messages they produce.
"""

from __future__ import annotations

from automation.purposes import Purpose

EVENTS_QUEUE = "messages"
MAINTENANCE_QUEUE = "default"

_BY_PURPOSE = {Purpose.CRISIS: "crisis", Purpose.SERVICE: "messages", Purpose.NEWSLETTER: "bulk"}


def queue_for_purpose(purpose: Purpose | str) -> str:
    return _BY_PURPOSE[Purpose(purpose)]
