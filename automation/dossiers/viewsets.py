"""Admin screens for dossier events: what arrived, what it matched, and what did not (unmatched)."""

from __future__ import annotations

from wagtail.admin.viewsets.model import ModelViewSet

from automation.dossiers.models import DossierEvent


class DossierEventViewSet(ModelViewSet):
    model = DossierEvent
    icon = "download"
    menu_label = "Dossiergebeurtenissen"
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False  # records, not content: no reference-index work on every save
    form_fields = []  # read-only (see automation/admin_permissions.py): no edit form is ever shown
    inspect_view_enabled = True
    list_display = ["dossier_ref", "milestone", "status", "source", "event_id", "occurred_at", "received_at"]
    list_filter = ["status", "source", "dossier_type", "milestone"]
    search_fields = ["dossier_ref", "event_id", "citizen_ref"]
    search_backend_name = None  # plain database filtering; events are not in the search index
    inspect_view_fields = [
        "source",
        "event_id",
        "dossier_ref",
        "dossier_type",
        "milestone",
        "occurred_at",
        "received_at",
        "status",
        "status_detail",
        "processed_at",
        "citizen_ref",
        "payload",
    ]
