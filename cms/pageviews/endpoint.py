"""POST /api/pageviews/ — the citizen site's server adds a batch of page views.

Answers:
- 413: a body larger than PAGEVIEWS_BODY_MAX_BYTES; not read.
- 401: signature missing or wrong (X-Signature: sha256=<hex HMAC-SHA256 of the raw body>
  with PAGEVIEWS_SECRET); nothing parsed, nothing counted.
- 400: not a JSON object, or a field invalid (each named); nothing counted.
- 200: counted, or a batch counted before (`duplicate`: true), which adds nothing.

Only HTTP here: signature, parsing, validation, then one service call (counting.py).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from cms.http.field_problems import field_errors, invalid_fields
from cms.http.json_body import BodyRefused, json_object_parse, request_body
from cms.http.problems import Problem, problem_response
from cms.http.signed_body import signature_is_valid
from cms.http.views import ApiView
from cms.pageviews.batch_schema import PageViewBatchSerializer
from cms.pageviews.counting import pageviews_add

SIGNATURE_HEADER = "X-Signature"


def invalid_signature() -> Problem:
    return Problem(
        status=401,
        slug="invalid-signature",
        title="Signature missing or invalid",
        detail=f"Sign the raw body: {SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256> with the shared secret.",
    )


@method_decorator(csrf_exempt, name="dispatch")  # machine-to-machine; the HMAC is the authentication
class PageViewsView(ApiView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest):
        try:
            body = request_body(request, max_bytes=settings.PAGEVIEWS_BODY_MAX_BYTES)
        except BodyRefused as refusal:
            return problem_response(refusal.problem())
        if not signature_is_valid(body=body, header=request.headers.get(SIGNATURE_HEADER), secret=settings.PAGEVIEWS_SECRET):
            return problem_response(invalid_signature())
        try:
            document = json_object_parse(body)
        except BodyRefused as refusal:
            return problem_response(refusal.problem())
        serializer = PageViewBatchSerializer(data=document)
        if not serializer.is_valid():
            return problem_response(invalid_fields(errors=field_errors(serializer.errors)))
        data = serializer.validated_data
        result = pageviews_add(
            batch=data["batch"],
            day=timezone.localdate(data["sealed_at"]),
            views=data["views"],
            referrers=data.get("referrers", {}),
        )
        return JsonResponse(
            {
                "batch": str(data["batch"]),
                "duplicate": not result.counted,
                "views": result.views,
                "pages": result.pages,
                "unknown_paths": result.unknown_paths,
                "referrers": result.referrers,
            }
        )
