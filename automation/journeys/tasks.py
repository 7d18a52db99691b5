"""Periodic journey work. Schedule `automation.wake_enrolments` every minute with Celery beat."""

from celery import shared_task

from automation.journeys.waking import journeys_wake_due


@shared_task(name="automation.wake_enrolments", acks_late=True)
def wake_enrolments() -> int:
    return journeys_wake_due()
