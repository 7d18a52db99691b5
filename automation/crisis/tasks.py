"""The crisis fan-out task, on the `crisis` queue; safe to run twice (it acts on a `confirmed` alert, and skips messages made)."""

from celery import shared_task

from automation.crisis.fan_out import crisis_alert_fan_out


@shared_task(name="automation.fan_out_crisis_alert", acks_late=True)
def fan_out_crisis_alert(alert_id: int) -> int:
    return crisis_alert_fan_out(alert_id=alert_id)
