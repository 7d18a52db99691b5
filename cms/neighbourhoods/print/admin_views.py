"""The editor's side of the print edition: "Drukversie maken" and its progress.

A header button on an edition ("Drukversie maken") opens this view: per variant the
state of its PDF (queued, being made with a progress bar, ready with its size, out of
date after an article was published again, failed with the reason) and a button that
queues the background task by name. While one is queued or being made the page
refreshes itself every few seconds (a meta refresh: no script, nothing for the CSP to allow).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin.widgets import Button

from cms.neighbourhoods.models import EditionPrint, MagazineEdition, PrintStatus
from cms.neighbourhoods.print.services import BUSY, edition_print_request
from cms.neighbourhoods.print.variants import PrintVariant

REFRESH_SECONDS = 3


def _edition(request, page_id: int, *, edit: bool) -> MagazineEdition:
    edition = get_object_or_404(MagazineEdition, pk=page_id)
    permissions = edition.permissions_for_user(request.user)
    if not (permissions.can_edit() if edit else permissions.can_edit() or permissions.can_publish()):
        raise PermissionDenied
    return edition


def _rows(edition: MagazineEdition) -> list[dict]:
    made = {row.variant: row for row in EditionPrint.objects.filter(edition=edition).select_related("document")}
    rows = []
    for variant in PrintVariant:
        row = made.get(variant.value)
        rows.append({
            "variant": variant.value,
            "label": variant.label,
            "print": row,
            "busy": bool(row and row.status in BUSY),
            "url": row.document.url if row and row.document_id else "",
            "size": row.size if row else 0,
        })
    return rows


@require_http_methods(["GET", "POST"])
def edition_print_view(request, page_id: int):
    edition = _edition(request, page_id, edit=request.method == "POST")
    if request.method == "POST":
        variant = request.POST.get("variant", "")
        if variant not in PrintVariant.values:
            messages.error(request, f"Onbekende variant: {variant!r}.")
        else:
            edition_print_request(edition=edition, variant=variant)
            messages.success(request, f"Drukversie ({PrintVariant(variant).label}) staat in de wachtrij.")
        return redirect("neighbourhoods_edition_print", page_id=edition.pk)
    rows = _rows(edition)
    return TemplateResponse(request, "neighbourhoods/admin/edition_print.html", {
        "edition": edition,
        "rows": rows,
        "refresh": REFRESH_SECONDS if any(row["busy"] for row in rows) else 0,
        "statuses": PrintStatus,
    })


def edition_print_status_view(request, page_id: int):
    """The same state as JSON, for scripts and tests that follow a run."""
    edition = _edition(request, page_id, edit=False)
    return JsonResponse({"edition": edition.pk, "prints": [
        {"variant": row["variant"], "status": row["print"].status if row["print"] else None,
         "progress": row["print"].progress if row["print"] else 0,
         "out_of_date": bool(row["print"] and row["print"].out_of_date), "url": row["url"], "size": row["size"]}
        for row in _rows(edition)
    ]})


urlpatterns = [
    path("<int:page_id>/", edition_print_view, name="neighbourhoods_edition_print"),
    path("<int:page_id>/status/", edition_print_status_view, name="neighbourhoods_edition_print_status"),
]


def header_buttons(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, MagazineEdition) or not page.permissions_for_user(user).can_edit():
        return
    yield Button("Drukversie maken", reverse("neighbourhoods_edition_print", args=[page.pk]), icon_name="doc-full",
                 priority=14)
