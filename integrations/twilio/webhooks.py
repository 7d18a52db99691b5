"""Twilio's callbacks: message status (delivery receipts) and inbound messages (STOP/START).

Both are signed by Twilio with the account's auth token over the URL Twilio called,
which is our public base URL plus the path; anything unsigned or wrongly signed is refused
with 401 problem+json (whatever characters the header holds). A signed callback without
the fields Twilio always sends (`REQUIRED` of each view, which the OpenAPI document states
too) is a 400 naming them, not a receipt recorded against nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from automation.contacts.sms_keywords import sms_keyword_received
from automation.messages.models import DeliveryEvent
from automation.messages.tracking import DeliveryReport, delivery_report_apply
from cms.http.problems import InvalidParam, Problem, problem_response
from integrations.twilio.signature import twilio_signature_is_valid

Kind = DeliveryEvent.Kind
STATUS_KINDS = {"delivered": Kind.DELIVERED, "undelivered": Kind.FAILED, "failed": Kind.FAILED}


class SignedByTwilio(View):
    """A Twilio callback: signed, and carrying `REQUIRED` form fields (name -> least length)."""

    http_method_names = ["post"]
    REQUIRED: dict[str, int] = {}

    def dispatch(self, request, *args, **kwargs):
        url = settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + request.get_full_path()
        params = {key: request.POST.get(key) for key in request.POST}
        if not twilio_signature_is_valid(
            url=url, params=params, token=settings.TWILIO_AUTH_TOKEN, header=request.headers.get("X-Twilio-Signature")
        ):
            return problem_response(Problem(status=401, slug="invalid-signature", title="Twilio signature missing or invalid"))
        missing = [name for name, least in self.REQUIRED.items() if name not in request.POST or len(request.POST[name]) < least]
        if missing:
            return problem_response(Problem(
                status=400, slug="invalid-callback", title="Callback fields missing",
                invalid_params=[InvalidParam(name=name, reason="Twilio always sends this field.") for name in missing],
            ))  # fmt: skip
        return super().dispatch(request, *args, **kwargs)

    def text(self, name: str) -> str:
        """A form field as text we can store: PostgreSQL text cannot hold a NUL, and Twilio never sends one."""
        return self.request.POST.get(name, "").replace("\x00", "")


@method_decorator(csrf_exempt, name="dispatch")
class TwilioStatusView(SignedByTwilio):
    REQUIRED = {"MessageSid": 1, "MessageStatus": 1}

    def post(self, request):
        status, sid, error = self.text("MessageStatus"), self.text("MessageSid"), self.text("ErrorCode")
        delivery_report_apply(
            DeliveryReport(
                provider="twilio",
                event_id=f"{sid}:{status}",  # Twilio calls back once per status of a message
                kind=STATUS_KINDS.get(status, Kind.OTHER),
                occurred_at=timezone.now(),
                provider_message_id=sid,
                detail=f"{status}" + (f" error {error}" if error else ""),
            )
        )
        return HttpResponse(status=204)


@method_decorator(csrf_exempt, name="dispatch")
class TwilioInboundView(SignedByTwilio):
    REQUIRED = {"From": 1, "Body": 0}  # a picture-only text has an empty Body

    def post(self, request):
        sms_keyword_received(phone=self.text("From"), text=self.text("Body"), provider="twilio", at=timezone.now())
        return HttpResponse("<Response/>", content_type="text/xml")  # empty TwiML: no automatic reply
