"""The one beat task of the sweep (`sweep.py`): every registered sweeper, each in isolation."""

from celery import shared_task

from cms.work.sweep import sweep_all


@shared_task(name="work.sweep", acks_late=True)
def sweep_stuck_work() -> dict[str, object]:
    """Periodic (Celery beat, cms/settings CELERY_BEAT_SCHEDULE): queue again what lost workers left behind."""
    return sweep_all()
