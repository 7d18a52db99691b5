"""Admin screens for the message log: every message, filterable by dossier, citizen and journey, with its history."""

from __future__ import annotations

from django.utils.html import format_html_join
from django.utils.timezone import localtime
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from automation.messages.models import Message


class MessageInspectView(InspectView):
    """Shows a message's words and address, so looking is recorded in the citizen's access log."""

    def get_context_data(self, **kwargs):
        from automation.contacts.models import CitizenAccessLog
        from automation.contacts.privacy import access_log_record

        if self.object.citizen is not None:
            access_log_record(
                citizen=self.object.citizen, actor=self.request.user.get_username(), action=CitizenAccessLog.Action.VIEW
            )
        return super().get_context_data(**kwargs)

    def get_history_display_value(self):
        changes = self.object.history.order_by("at", "pk")
        return format_html_join(
            "",
            "<div>{} &rarr; <strong>{}</strong> <small>{}</small> {}</div>",
            (
                (change.from_status or "·", change.to_status, localtime(change.at).strftime("%Y-%m-%d %H:%M:%S"), change.detail)
                for change in changes
            ),
        )


class MessageViewSet(ModelViewSet):
    model = Message
    icon = "mail"
    menu_label = "Berichten"
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False  # records, not content: no reference-index work on every save
    form_fields = []  # read-only (see automation/admin_permissions.py): no edit form is ever shown
    inspect_view_enabled = True
    inspect_view_class = MessageInspectView
    list_display = ["__str__", "channel", "status", "journey", "milestone", "dossier", "language", "created_at"]
    list_filter = {
        "status": ["exact"],
        "channel": ["exact"],
        "journey": ["exact"],
        "dossier__external_id": ["exact"],
        "citizen__ref": ["exact"],
    }
    search_fields = ["subject", "milestone"]
    search_backend_name = None
    inspect_view_fields = [
        "reference",
        "channel",
        "status",
        "purpose",
        "journey",
        "milestone",
        "dossier",
        "language",
        "recipient",
        "subject",
        "body_text",
        "attempts",
        "last_error",
        "provider",
        "provider_message_id",
        "created_at",
        "sent_at",
        "history",
    ]
