"""The live check while an editor writes a page: the draft's text scored as they type.

The editor's JavaScript (static/readability/live.js) posts the edit form, as it stands, to
the address beside the page's own edit or create address; these views bind it the way
Wagtail's preview does (Wagtail's own views, so the same permission check: may edit this
page, or may add a page under this parent) and score the draft's intro and body. Nothing
is saved. Required fields are not required here, and a field that does not validate yet
(a half-filled block) is scored as last saved, said with `"partial": true`.
"""

from __future__ import annotations

from django.http import JsonResponse
from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView

from cms.readability.services import page_readability

SCORED_FIELDS = ("intro", "body")


class LiveScoreMixin:
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        try:
            self.validate_form(form)
        except (KeyError, ValueError):
            # A form posted before the editor's widgets finished building (no "body-count"
            # yet): score the page as last saved.
            return self.answer(self.object, partial=True)
        page = form.instance
        cleaned = getattr(form, "cleaned_data", {}) or {}
        for name in SCORED_FIELDS:
            if name in cleaned and hasattr(page, name):
                setattr(page, name, cleaned[name])
        return self.answer(page, partial=any(name in form.errors for name in SCORED_FIELDS))

    def answer(self, page, *, partial: bool) -> JsonResponse:
        response = JsonResponse({**page_readability(page).as_json(), "partial": partial})
        response["Cache-Control"] = "private, no-store"
        return response


class LiveScoreOnEdit(LiveScoreMixin, PreviewOnEditView):
    pass


class LiveScoreOnCreate(LiveScoreMixin, PreviewOnCreateView):
    pass
