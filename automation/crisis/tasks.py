"""The crisis fan-out task, on the `crisis` queue; safe to run twice (it acts on a `confirmed` alert, and skips messages made).

Queued by name (`services.queue_fan_out`); nothing imports this module but Celery's autodiscovery.
"""

from celery import shared_task

from automation.crisis.fan_out import crisis_alert_fan_out
from automation.crisis.services import FAN_OUT


@shared_task(name=FAN_OUT, acks_late=True)
def fan_out_crisis_alert(alert_id: int) -> int:
    return crisis_alert_fan_out(alert_id=alert_id)
