"""/api/automation/panel/ — joining the test panel (double opt-in) and answering a pretest by its link.

- GET consent/?lang= → the consent text and its version, the wijken, the languages.
- POST join/ {email, wijk, language, consent_version} → 202 {"status": "pending"}, the same
  answer for a member or not (no enumeration); 400 naming each field; 429 as subscribing
  (the same per-client limit and the city's hourly ceiling on confirmation mails).
- POST confirm/ {token} → 200 {"status": "confirmed"}; a repeat the same; a bad or expired
  token 404 `unknown-link`.
- GET pretests/{token}/ → the draft (title, text as cloze paragraphs), the questions and
  whether it was answered. Only through a token: drafts are public nowhere else.
- POST pretests/{token}/ {answers, cloze} → 201 {"status": "answered"}; a second answer 409
  `already-answered` (nothing stored); 400 naming each field.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.api.subscriptions import client_wait
from automation.contacts.subscribing import ConfirmationMailsExhausted
from automation.contacts.taxonomy import wijk_options
from automation.languages import fallback_language, supported_languages
from automation.panel.answering import AlreadyAnswered, AnswerRefused, invitation_for_token, pretest_answer
from automation.panel.api_schema import AnswerSerializer, JoinSerializer, TokenSerializer
from automation.panel.consent import CURRENT_VERSION, consent_text
from automation.panel.joining import panel_join_request, panel_member_confirm
from automation.panel.models import Invitation
from automation.panel.questions import scale_labels
from automation.panel.tokens import CONFIRM, member_from_token
from cms.http.field_problems import invalid_fields
from cms.http.json_body import BodyRefused
from cms.http.problems import Problem, problem_response, unknown_link
from cms.http.rate_windows import too_many_requests
from cms.http.validated_json import FieldsRefused, validated_json
from cms.http.views import ApiView
from cms.readability.cloze import Cloze

PRIVATE = "private, no-store"


def _private(response: JsonResponse) -> JsonResponse:
    response["Cache-Control"] = PRIVATE
    return response


def already_answered() -> Problem:
    return Problem(status=409, slug="already-answered", title="This pretest was answered already",
                   detail="Each invitation link takes one answer; nothing was stored now.")  # fmt: skip


class ConsentView(ApiView):
    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest):
        language = request.GET.get("lang") or fallback_language()
        if language not in supported_languages():
            language = fallback_language()
        response = JsonResponse(
            {"version": CURRENT_VERSION, "text": consent_text(language=language), "languages": supported_languages(),
             "wijken": wijk_options()},
            json_dumps_params={"ensure_ascii": False},
        )  # fmt: skip
        response["Cache-Control"] = "public, max-age=300"
        return response


@method_decorator(csrf_exempt, name="dispatch")  # a public JSON API for the front end, no cookies involved
class JoinView(ApiView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest):
        wait = client_wait(request)
        if wait:
            return problem_response(too_many_requests(
                detail=f"At most {settings.AUTOMATION_SUBSCRIBE_RATE} requests per client; nothing was stored. "
                f"Try again in {wait} s.", retry_after=wait,
            ))  # fmt: skip
        try:
            data = validated_json(request, JoinSerializer).validated_data
        except (BodyRefused, FieldsRefused) as refusal:
            return problem_response(refusal.problem())
        try:
            panel_join_request(
                email=data["email"], wijk=data["wijk"], language=data["language"], consent_version=data["consent_version"]
            )
        except ConfirmationMailsExhausted as exhausted:
            return problem_response(too_many_requests(
                detail="The city sends a limited number of confirmation mails per hour and that number is reached; "
                f"nothing was stored. Try again in {exhausted.retry_after} s.", retry_after=exhausted.retry_after,
            ))  # fmt: skip
        return _private(JsonResponse({"status": "pending"}, status=202))


@method_decorator(csrf_exempt, name="dispatch")
class ConfirmView(ApiView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest):
        try:
            token = validated_json(request, TokenSerializer).validated_data["token"]
        except (BodyRefused, FieldsRefused) as refusal:
            return problem_response(refusal.problem())
        member = member_from_token(token, purpose=CONFIRM)
        if member is None:
            return problem_response(unknown_link())
        panel_member_confirm(member=member)
        return _private(JsonResponse({"status": "confirmed"}))


def pretest_form(invitation: Invitation) -> dict:
    pretest = invitation.pretest
    questions = [
        {**question, "scale": [{"value": value, "label": label} for value, label in scale_labels(pretest.language).items()]}
        if question["kind"] == "scale" else dict(question)
        for question in pretest.questions
    ]  # fmt: skip
    return {
        "title": pretest.title,
        "language": pretest.language,
        "answered": invitation.status == Invitation.Status.ANSWERED,
        "questions": questions,
        "cloze": Cloze.from_json(pretest.cloze).public(),
    }


@method_decorator(csrf_exempt, name="dispatch")
class PretestView(ApiView):
    http_method_names = ["get", "head", "post"]

    def get(self, request: HttpRequest, token: str):
        invitation = invitation_for_token(token)
        if invitation is None:
            return problem_response(unknown_link())
        return _private(JsonResponse(pretest_form(invitation), json_dumps_params={"ensure_ascii": False}))

    def post(self, request: HttpRequest, token: str):
        invitation = invitation_for_token(token)
        if invitation is None:
            return problem_response(unknown_link())
        if invitation.status == Invitation.Status.ANSWERED:
            return problem_response(already_answered())
        try:
            data = validated_json(request, AnswerSerializer, context={"pretest": invitation.pretest}).validated_data
            pretest_answer(invitation=invitation, answers=data["answers"], cloze_given=data["cloze"])
        except (BodyRefused, FieldsRefused) as refusal:
            return problem_response(refusal.problem())
        except AnswerRefused as refusal:
            return problem_response(invalid_fields(errors=refusal.errors))
        except AlreadyAnswered:
            return problem_response(already_answered())
        return _private(JsonResponse({"status": "answered"}, status=201))
