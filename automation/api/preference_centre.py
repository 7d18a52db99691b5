"""/api/automation/subscriptions/preferences/<token>/ (GET, PUT) and .../unsubscribe/<token>/ (POST).

The JSON preference centre the front end's /{lang}/voorkeuren page uses; the signed token
(the same one as in every e-mail's preference link) is the only credential. Answers are
`private, no-store`: they describe one person. A bad token is a 404 `unknown-link`.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.api.subscription_schema import PreferencesSerializer
from automation.contacts.preference_centre import PreferencesChange, preferences_state, preferences_update, unsubscribe_all
from automation.contacts.tokens import PREFERENCES, citizen_from_token
from cms.http.json_body import BodyRefused
from cms.http.problems import problem_response, unknown_link
from cms.http.validated_json import FieldsRefused, validated_json
from cms.http.views import ApiView

PRIVATE = "private, no-store"


def _private(payload: dict) -> JsonResponse:
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = PRIVATE
    return response


@method_decorator(csrf_exempt, name="dispatch")  # the signed token in the URL is the credential
class PreferenceCentreView(ApiView):
    http_method_names = ["get", "head", "put"]

    def get(self, request: HttpRequest, token: str):
        citizen = citizen_from_token(token, purpose=PREFERENCES)
        if citizen is None:
            return problem_response(unknown_link())
        return _private(preferences_state(citizen=citizen))

    def put(self, request: HttpRequest, token: str):
        citizen = citizen_from_token(token, purpose=PREFERENCES)
        if citizen is None:
            return problem_response(unknown_link())
        try:
            serializer = validated_json(request, PreferencesSerializer, citizen=citizen)
        except (BodyRefused, FieldsRefused) as refusal:
            return problem_response(refusal.problem())
        data = serializer.validated_data
        change = PreferencesChange(
            language=data.get("language"),
            phone=data.get("phone"),
            channels=dict(data["channels"]) if "channels" in data else None,
            wijken=data.get("wijken"),
            themes=data.get("themes"),
            press=data.get("press"),
            crisis=data.get("crisis"),
        )
        citizen = preferences_update(citizen=citizen, change=change)
        return _private(preferences_state(citizen=citizen))


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeAllView(ApiView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, token: str):
        citizen = citizen_from_token(token, purpose=PREFERENCES)
        if citizen is None:
            return problem_response(unknown_link())
        unsubscribe_all(citizen=citizen)
        return _private({"status": "unsubscribed"})
