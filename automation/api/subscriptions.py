"""/api/automation/subscriptions/ — subscribe (double opt-in), confirm, and the choices on offer.

- POST subscriptions/ → 202 {"status": "pending"}, the same answer for a known or a new
  address (no enumeration); a confirmation mail goes out (at most one per address per
  10 minutes). 400 names each bad field. 429 with Retry-After past a limit, storing
  nothing: `AUTOMATION_SUBSCRIBE_RATE` requests per client (its address; a trusted front
  end's requests count for the citizen it names in X-Vrijhaven-Forwarded-For, and are not
  limited per client when it names none), and the city's hourly ceiling on confirmation
  mails (automation/contacts/subscribing.py). Counted in the shared cache (CACHE_URL).
- POST subscriptions/confirm/ {"token"} → 200 {"status": "confirmed", "preferences_token"};
  a repeat gives the same 200; a bad or expired token a 404 `unknown-link`.
- GET subscriptions/options/?lang= → languages, channels, wijken and themes (cacheable);
  names in `lang` where translated, else Dutch (also for an unknown `lang`).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.api.subscription_schema import SubscribeSerializer
from automation.channels.kinds import ChannelKind
from automation.contacts.subscribing import ConfirmationMailsExhausted, subscription_confirm, subscription_request
from automation.contacts.taxonomy import theme_options, wijk_options
from automation.contacts.tokens import PREFERENCES, citizen_token, confirmation_request_from_token
from automation.languages import fallback_language, supported_languages
from cms.http.field_problems import invalid_fields
from cms.http.clients import limited_client
from cms.http.json_body import BodyRefused, json_object
from cms.http.rate_windows import parse_rate, too_many_requests, window_take
from cms.http.problems import problem_response, unknown_link
from cms.http.validated_json import FieldsRefused, validated_json
from cms.http.views import ApiView

PRIVATE = "private, no-store"
OPTIONS_CACHE = "public, max-age=300"
CLIENT_SCOPE = "subscribe-client"


def subscribing_client(request) -> str | None:
    """Whom the per-client limit counts this request for; None for a trusted front end naming no one."""
    return limited_client(request)


def client_wait(request) -> int:
    """0 when this client may subscribe now, else the seconds until it may (the request is counted)."""
    client = subscribing_client(request)
    if client is None:
        return 0
    return window_take(scope=CLIENT_SCOPE, key=client, rate=parse_rate(settings.AUTOMATION_SUBSCRIBE_RATE))


def _private(response: JsonResponse) -> JsonResponse:
    response["Cache-Control"] = PRIVATE
    return response


@method_decorator(csrf_exempt, name="dispatch")  # a public JSON API for the front end, no cookies involved
class SubscribeView(ApiView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest):
        wait = client_wait(request)
        if wait:
            return problem_response(too_many_requests(
                detail=f"At most {settings.AUTOMATION_SUBSCRIBE_RATE} subscribe requests per client; nothing was stored. "
                f"Try again in {wait} s.",
                retry_after=wait,
            ))  # fmt: skip
        try:
            serializer = validated_json(request, SubscribeSerializer)
        except (BodyRefused, FieldsRefused) as refusal:
            return problem_response(refusal.problem())
        data = serializer.validated_data
        try:
            subscription_request(
                email=data["email"],
                language=data["language"],
                targets=serializer.targets(),
                phone=data["phone"],
                sms=data["sms"],
            )
        except ConfirmationMailsExhausted as exhausted:
            return problem_response(too_many_requests(
                detail="The city sends a limited number of confirmation mails per hour and that number is reached; "
                f"nothing was stored. Try again in {exhausted.retry_after} s.",
                retry_after=exhausted.retry_after,
            ))  # fmt: skip
        return _private(JsonResponse({"status": "pending"}, status=202))


@method_decorator(csrf_exempt, name="dispatch")
class ConfirmView(ApiView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest):
        try:
            body = json_object(request)
        except BodyRefused as refusal:
            return problem_response(refusal.problem())
        token = body.get("token")
        if not isinstance(token, str) or not token:
            return problem_response(invalid_fields(errors={"token": ["The token from the confirmation link is required."]}))
        confirmation = confirmation_request_from_token(token)
        if confirmation is None:
            return problem_response(unknown_link())
        citizen = subscription_confirm(request=confirmation)
        token = citizen_token(citizen=citizen, purpose=PREFERENCES)
        return _private(JsonResponse({"status": "confirmed", "preferences_token": token}))


class OptionsView(ApiView):
    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest):
        language = request.GET.get("lang") or fallback_language()
        if language not in supported_languages():
            language = fallback_language()  # names in Dutch, as for a missing translation
        response = JsonResponse(
            {
                "languages": supported_languages(),
                "channels": [ChannelKind.EMAIL.value, ChannelKind.SMS.value],
                "wijken": wijk_options(),
                "themes": theme_options(language=language),
            },
            json_dumps_params={"ensure_ascii": False},
        )
        response["Cache-Control"] = OPTIONS_CACHE
        response["Vary"] = "Accept-Encoding"
        return response
