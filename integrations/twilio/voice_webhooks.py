"""Twilio's call status callback: the outcome of a voice call, recorded on its message once.

Signed like every Twilio callback (`webhooks.SignedByTwilio`: X-Twilio-Signature over
the URL we gave, `?ref=` included, and the form fields); unsigned, forged or non-ASCII
signatures are a 401 problem, never a 500. Twilio calls back when the call ends with
its `CallStatus`: `completed` (answered and played) makes the message `delivered`;
`busy`, `no-answer`, `failed` and `canceled` make it `failed`, the status named in its
history. Each (call, status) is applied once (`delivery_report_apply`): Twilio retries.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.messages.models import DeliveryEvent
from automation.messages.tracking import DeliveryReport, delivery_report_apply
from integrations.twilio.webhooks import SignedByTwilio

Kind = DeliveryEvent.Kind
CALL_OUTCOMES = {
    "completed": (Kind.DELIVERED, "answered"),
    "busy": (Kind.FAILED, "busy"),
    "no-answer": (Kind.FAILED, "no answer"),
    "failed": (Kind.FAILED, "the call could not be placed"),
    "canceled": (Kind.FAILED, "canceled"),
}


@method_decorator(csrf_exempt, name="dispatch")
class TwilioCallStatusView(SignedByTwilio):
    REQUIRED = {"CallSid": 1, "CallStatus": 1}

    def post(self, request):
        sid, status, duration, error = (self.text(name) for name in ("CallSid", "CallStatus", "CallDuration", "ErrorCode"))
        kind, words = CALL_OUTCOMES.get(status, (Kind.OTHER, status))
        detail = f"call {words}" + (f", {duration} s" if duration.isdigit() and kind == Kind.DELIVERED else "")
        delivery_report_apply(
            DeliveryReport(
                provider="twilio",
                event_id=f"{sid}:{status}",  # Twilio calls back once per status of a call
                kind=kind,
                occurred_at=timezone.now(),
                reference=request.GET.get("ref", "").replace("\x00", ""),
                provider_message_id=sid,
                detail=detail + (f" (error {error})" if error else ""),
            )
        )
        return HttpResponse(status=204)
