"""Admin screens for the message log: every message with its history, filterable, and a report with charts.

Filters: dossier, citizen (reference), journey, channel, status, wijk (the citizen's) and
the date it was made. The report (counts and charts per journey and wijk) is
`automation/reports/`, reached by a button on the log.
"""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.timezone import localtime
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from automation.channels.kinds import ChannelKind
from automation.journeys.models import Journey
from automation.messages.models import Message
from cms.core.models import Wijk


class MessageFilterSet(WagtailFilterSet):
    dossier__external_id = django_filters.CharFilter(label="Dossier (nummer)")
    citizen__ref = django_filters.CharFilter(label="Burger (referentie)")
    journey = django_filters.ModelChoiceFilter(label="Journey", queryset=Journey.objects.order_by("name"))
    channel = django_filters.ChoiceFilter(label="Kanaal", choices=ChannelKind.choices, empty_label="Alle")
    status = django_filters.ChoiceFilter(label="Status", choices=Message.Status.choices, empty_label="Alle")
    wijk = django_filters.ModelChoiceFilter(
        label="Wijk (van de burger)", field_name="citizen__wijk", queryset=Wijk.objects.order_by("name")
    )
    created_at = django_filters.DateFromToRangeFilter(label="Aangemaakt op", widget=DateRangePickerWidget)

    class Meta:
        model = Message
        fields = []


class MessageIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("journey", "dossier", "citizen")

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, HeaderButton("Rapport met grafieken", url=reverse("automation_messages:report"), icon_name="doc-full")]


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
    index_view_class = MessageIndexView
    list_display = ["__str__", "channel", "status", "journey", "milestone", "dossier", "citizen", "language", "created_at"]
    filterset_class = MessageFilterSet
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

    def get_urlpatterns(self):
        from automation.reports.views import FiguresCsvView, FiguresView, MessageReportView

        return [
            *super().get_urlpatterns(),
            path("rapport/", MessageReportView.as_view(), name="report"),
            path("rapport/<str:kind>/<int:pk>/", FiguresView.as_view(), name="figures"),
            path("rapport/<str:kind>/<int:pk>/cijfers.csv", FiguresCsvView.as_view(), name="figures_csv"),
        ]
