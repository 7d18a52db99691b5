"""`POST /api/projects/{id}/reactions/`: a citizen's reaction to a project phase open for input.

The citizen front end's server posts the plain form (which works without JavaScript) here
as JSON; the body is parsed by the one JSON parser (cms/http/json_body.py: size and depth
limits). Answers:

- 201 {"status": "received"}: stored for moderation (also for a filled honeypot field, so
  a bot learns nothing, but then nothing is stored);
- 400 `invalid-fields` naming each bad field (text missing or too long, answer not one of
  the choices, consent without contact details, unknown wijk, bad types);
- 404 when no public project has this id;
- 409 `input-closed` when the project takes no reactions now (no open phase, or its last
  day has passed);
- 413 for a body past JSON_BODY_MAX_BYTES;
- 429 with Retry-After past `PROJECTS_REACTION_RATE` per client (the same fixed windows
  and client rule as subscribing: cms/http/rate_windows.py, cms/http/clients.py).

Nothing personal is ever answered: not the reaction's id, not the stored text.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from rest_framework import serializers

from cms.core.models import Wijk
from cms.core.publishing import is_public
from cms.http.clients import limited_client
from cms.http.field_problems import invalid_fields
from cms.http.json_body import BodyRefused
from cms.http.problems import Problem, not_found, problem_response
from cms.http.rate_windows import parse_rate, too_many_requests, window_take
from cms.http.validated_json import FieldsRefused, validated_json
from cms.http.views import ApiView
from cms.projects.models import ProjectPage
from cms.projects.submission import MAX_ANSWER, MAX_NAME, MAX_TEXT, ReactionInput, ReactionRefused, reaction_submit

CLIENT_SCOPE = "reaction-client"
HONEYPOT = "website"  # a field people never see (hidden on the form); bots fill it
LANGUAGES = ("nl", "en", "fr")


class StrictBoolean(serializers.BooleanField):
    """JSON true/false only: "yes" is refused, not guessed (consent must be explicit)."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class ReactionSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_TEXT, allow_blank=True, trim_whitespace=True, help_text=f"The reaction, at most {MAX_TEXT} characters."
    )
    phase = serializers.IntegerField(required=False, allow_null=True, help_text="The open phase's id (from `participation.phase`).")
    answer = serializers.CharField(
        max_length=MAX_ANSWER, required=False, allow_blank=True, default="",
        help_text="The answer to the phase's question: one of `participation.choices`, or free text for an open question.",
    )  # fmt: skip
    wijk = serializers.SlugField(
        max_length=80, required=False, allow_blank=True, default="", help_text="Slug of the wijk the citizen lives in (optional)."
    )
    language = serializers.ChoiceField(choices=LANGUAGES, required=False, default="nl")
    contact_consent = StrictBoolean(
        required=False, default=False, help_text="Explicit consent to be contacted; without it no name or e-mail is stored."
    )
    name = serializers.CharField(max_length=MAX_NAME, required=False, allow_blank=True, default="")
    email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    website = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default="", help_text="Leave empty (a honeypot for bots)."
    )

    def validate_wijk(self, value):
        if not value:
            return None
        wijk = Wijk.objects.filter(slug=value).first()
        if wijk is None:
            raise serializers.ValidationError(f"Unknown wijk: {value!r}.")
        return wijk


def input_closed() -> Problem:
    return Problem(
        status=409,
        slug="input-closed",
        title="Input is closed",
        detail="This project does not take reactions now; nothing was stored.",
    )


def client_wait(request) -> int:
    client = limited_client(request)
    if client is None:
        return 0
    return window_take(scope=CLIENT_SCOPE, key=client, rate=parse_rate(settings.PROJECTS_REACTION_RATE))


@method_decorator(csrf_exempt, name="dispatch")  # a public JSON API for the front end's server, no cookies involved
class ReactionView(ApiView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, page_id: int):
        project = ProjectPage.objects.filter(pk=page_id).first()
        if project is None or not is_public(project):
            return problem_response(not_found("No public project with this id."))
        wait = client_wait(request)
        if wait:
            return problem_response(too_many_requests(
                detail=f"At most {settings.PROJECTS_REACTION_RATE} reactions per client; nothing was stored. "
                f"Try again in {wait} s.",
                retry_after=wait,
            ))  # fmt: skip
        try:
            serializer = validated_json(request, ReactionSerializer)
        except (BodyRefused, FieldsRefused) as refusal:
            return problem_response(refusal.problem())
        data = serializer.validated_data
        reaction = ReactionInput(
            text=data["text"],
            answer=data["answer"],
            wijk=data["wijk"],
            language=data["language"],
            contact_consent=data["contact_consent"],
            name=data["name"],
            email=data["email"],
            honeypot=data["website"],
        )
        try:
            reaction_submit(project=project, phase_id=data.get("phase"), data=reaction)
        except ReactionRefused as refused:
            if refused.closed:
                return problem_response(input_closed())
            return problem_response(invalid_fields(errors=refused.errors))
        response = JsonResponse({"status": "received"}, status=201)
        response["Cache-Control"] = "private, no-store"
        return response
