"""`GET /api/preview/?token=<token>`: the draft revision a preview token names, as JSON.

The answer is the content answer (cms/api/services/content/get.py) built from the revision
instead of the live page, so a front end renders a preview with the code it renders pages
with. It is never cached anywhere (`Cache-Control: private, no-store`) and has no ETag:
the draft is for the editor's eyes only. The live answer at /api/content/ is untouched:
a revision is turned into a page object in memory, never saved.

Components and children come from the public tree around the page (a new draft's parent
is public; its own children, if any, are the public ones).
"""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from wagtail.models import Page, Revision

from cms.api.lookup import Located, home_for
from cms.api.params import parse_params
from cms.api.preview.tokens import read_token
from cms.http.problems import Problem, not_found, problem_response
from cms.api.services.content import get as content
from cms.api.throttling import check_rate
from cms.http.methods import api_methods
from cms.http.urlconf import mark_api_request

NO_STORE = "private, no-store"


def previewed_page(token: str | None) -> Page:
    """The page as the token's revision has it (not saved), or a 404 problem."""
    grant = read_token(token)
    if grant is None:
        raise not_found("No preview for this token: it is missing, invalid or expired.")
    revision = Revision.page_revisions.filter(pk=grant.revision_id, object_id=str(grant.page_id)).first()
    if revision is None:
        raise not_found("No preview for this token: it is missing, invalid or expired.")
    return revision.as_object()


def locate_preview(request, page: Page) -> Located:
    language = page.locale.language_code
    home = home_for(request, language)
    if not page.path.startswith(home.path):
        raise not_found()
    ancestors = list(
        Page.objects.ancestor_of(page)
        .filter(depth__gte=home.depth)
        .order_by("depth")
        .values("id", "title", "url_path", "live_revision_id", "last_published_at")
    )
    return Located(page=page, home=home, language=language, ancestors=ancestors)


@api_methods("GET")
def preview_view(request):
    mark_api_request(request)
    try:
        check_rate(request)
        params = parse_params(request, also_known=("token",))
        located = locate_preview(request, previewed_page(request.GET.get("token")))
        response = JsonResponse(content.get(request, located, params), encoder=DjangoJSONEncoder,
                                json_dumps_params={"ensure_ascii": False})
    except Problem as problem:
        response = problem_response(problem)
    response["Cache-Control"] = NO_STORE
    return response
