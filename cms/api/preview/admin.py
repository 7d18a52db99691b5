"""The editor's side of preview: a "Preview in front end" button that mints a token.

The button on a page's header (edit view and listings) points at an admin view, not at the
front end directly, so a token is signed only when an editor with edit rights clicks, for
the page's latest revision at that moment, and a page listing does not sign one per row.
The view redirects to `<FRONTEND_URL>/preview?token=...`; the front end reads the draft
from `/api/preview/?token=...`.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from wagtail.admin.widgets import Button
from wagtail.models import Page

from cms.api.preview.tokens import make_token


def frontend_preview_url(page: Page) -> str:
    revision = page.get_latest_revision()
    if revision is None:
        raise Http404("This page has no revision to preview.")
    token = make_token(page_id=page.pk, revision_id=revision.pk)
    return f"{settings.FRONTEND_URL.rstrip('/')}/preview?{urlencode({'token': token})}"


def frontend_preview_view(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return redirect(frontend_preview_url(page))


urlpatterns = [path("frontend-preview/<int:page_id>/", frontend_preview_view, name="api_frontend_preview")]


def header_buttons(page, user, view_name, next_url=None):
    if page.is_root() or page.depth <= 1 or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        "Voorbeeld in front end",
        reverse("api_frontend_preview", args=[page.pk]),
        icon_name="view",
        attrs={"target": "_blank", "rel": "noopener"},
        priority=12,
    )
