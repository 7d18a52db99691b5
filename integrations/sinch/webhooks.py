"""Sinch's callbacks: per-recipient delivery reports and inbound messages (STOP/START), one URL.

Sinch SMS callbacks carry no signature; the URL we give Sinch holds a secret
(SINCH_CALLBACK_SECRET), compared in constant time as bytes. A wrong secret (whatever
characters it holds), or none configured, is refused with 401 problem+json.
"""

from __future__ import annotations

import hmac
from datetime import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from automation.contacts.sms_keywords import sms_keyword_received
from automation.messages.models import DeliveryEvent
from automation.messages.tracking import DeliveryReport, delivery_report_apply
from cms.http.json_body import BodyRefused, json_object
from cms.http.problems import Problem, problem_response

Kind = DeliveryEvent.Kind
STATUS_KINDS = {
    "delivered": Kind.DELIVERED,
    "failed": Kind.FAILED,
    "rejected": Kind.REJECTED,
    "expired": Kind.FAILED,
    "aborted": Kind.FAILED,
}


def _when(value) -> datetime:
    """Sinch's time, or the time of arrival when it is missing or unreadable. `parse_datetime` raises
    ValueError for a well-formed impossible date (`2026-13-45T00:00:00Z`): that was a 500 (issue 12)."""
    try:
        return parse_datetime(str(value or "")) or timezone.now()
    except ValueError:
        return timezone.now()


@method_decorator(csrf_exempt, name="dispatch")
class SinchCallbackView(View):
    http_method_names = ["post"]

    def post(self, request, secret: str):
        expected = settings.SINCH_CALLBACK_SECRET
        given = secret.encode("utf-8", "surrogateescape")
        if not expected or not hmac.compare_digest(given, expected.encode()):
            return problem_response(Problem(status=401, slug="invalid-callback", title="Unknown callback URL"))
        try:
            report = json_object(request)
        except BodyRefused as refusal:
            if refusal.status != 400:
                return problem_response(refusal.problem())
            return problem_response(Problem(status=400, slug="invalid-callback", title="Body is not JSON", detail=refusal.reason))
        kind = report.get("type", "")
        if kind == "recipient_delivery_report_sms":
            status = str(report.get("status", ""))
            delivery_report_apply(
                DeliveryReport(
                    provider="sinch",
                    event_id=f"{report.get('batch_id')}:{report.get('recipient')}:{status}:{report.get('code')}",
                    kind=STATUS_KINDS.get(status.lower(), Kind.OTHER),
                    occurred_at=_when(report.get("at")),
                    reference=str(report.get("client_reference", "")),
                    provider_message_id=str(report.get("batch_id", "")),
                    detail=f"{status} code {report.get('code')}",
                )
            )
        elif kind == "mo_text":
            sms_keyword_received(
                phone=str(report.get("from", "")),
                text=str(report.get("body", "")),
                provider="sinch",
                at=_when(report.get("received_at")),
            )
        return HttpResponse(status=200)
