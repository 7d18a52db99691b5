"""One published CAP message of a crisis alert: its type, when it was sent, and the words it carried.

A CAP message never changes once sent: what it said is kept here (`texts`, per language),
so the Alert still says what went out after an Update changed the words. The areas are read
from the alert's wijken when the document is written (a wijk's place on the map only gets
more exact: a circle, then the boundary once loaded). `sent` has whole seconds, as CAP
writes it, so the `references` of a later message repeat it exactly.

Registered with the crisis app by the import at the end of `automation/crisis/models.py`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class CapMessage(models.Model):
    class MsgType(models.TextChoices):
        ALERT = "Alert", "melding"
        UPDATE = "Update", "bijwerking"
        CANCEL = "Cancel", "einde"

    class Status(models.TextChoices):
        ACTUAL = "Actual", "echt"
        EXERCISE = "Exercise", "oefening (demo)"

    alert = models.ForeignKey("crisis.CrisisAlert", on_delete=models.CASCADE, related_name="cap_messages")
    msg_type = models.CharField("soort", max_length=8, choices=MsgType.choices)
    status = models.CharField("status", max_length=8, choices=Status.choices, default=Status.ACTUAL)
    sent = models.DateTimeField("verstuurd op")
    texts = models.JSONField(default=dict, help_text='Per taal: {"nl": {"headline": ..., "body": ...}}.')

    class Meta:
        verbose_name = "CAP-bericht"
        verbose_name_plural = "CAP-berichten"
        ordering = ["sent", "pk"]
        indexes = [models.Index(fields=["-sent"], name="cap_message_sent_idx")]
        constraints = [
            models.UniqueConstraint(fields=["alert"], condition=Q(msg_type="Alert"), name="one_cap_alert_per_alert"),
            models.UniqueConstraint(fields=["alert"], condition=Q(msg_type="Cancel"), name="one_cap_cancel_per_alert"),
        ]

    def __str__(self):
        return f"{self.msg_type} {self.sent:%Y-%m-%d %H:%M} ({self.alert_id})"
