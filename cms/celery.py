"""The Celery app. Queues are named for what waits in them, so urgent work never queues behind bulk work.

Without CELERY_BROKER_URL/REDIS_URL the settings turn on eager mode: the same tasks run in
the calling process, which keeps the embedded demo honest to production.
"""

import os

from celery import Celery
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("vrijhaven")
app.config_from_object("django.conf:settings", namespace="CELERY")
# In eager mode nothing is ever sent to a broker; naming the in-memory transport keeps kombu
# from guessing an AMQP server on localhost (and warning about it on every start).
if not app.conf.broker_url:
    app.conf.broker_url = "memory://localhost/"

#: Highest priority first. `crisis` is for crisis alerts only; `bulk` for broadcasts and digests.
QUEUE_NAMES = ("crisis", "messages", "default", "search", "bulk")
app.conf.task_queues = [Queue(name) for name in QUEUE_NAMES]
app.autodiscover_tasks()
