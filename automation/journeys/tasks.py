"""Journey tasks. `automation.wake_enrolments` runs every minute from Celery beat
(cms/settings CELERY_BEAT_SCHEDULE): it wakes due enrolments and runs the schedule
triggers whose period has begun (each period once, see triggers.py). The others are
queued by name from `signals.py`; nothing imports this module but Celery's autodiscovery."""

from celery import shared_task

from automation.contacts.models import Subscription
from automation.journeys.project_news import journeys_project_news
from automation.journeys.signals import PAGE_PUBLISHED, PROJECT_NEWS, SUBSCRIPTION_CONFIRMED
from automation.journeys.triggers import journeys_page_published, journeys_run_schedules, journeys_subscription_confirmed
from automation.journeys.waking import journeys_wake_due


@shared_task(name="automation.wake_enrolments", acks_late=True)
def wake_enrolments() -> int:
    journeys_run_schedules()
    return journeys_wake_due()


@shared_task(name=PAGE_PUBLISHED, acks_late=True)
def page_published(page_id: int) -> int:
    return len(journeys_page_published(page_id=page_id))


@shared_task(name=SUBSCRIPTION_CONFIRMED, acks_late=True)
def subscription_confirmed(subscription_id: int) -> int:
    subscription = Subscription.objects.filter(pk=subscription_id, status=Subscription.Status.ACTIVE).first()
    return len(journeys_subscription_confirmed(subscription=subscription)) if subscription else 0


@shared_task(name=PROJECT_NEWS, acks_late=True)
def project_news(page_id: int) -> int:
    return len(journeys_project_news(page_id=page_id))
