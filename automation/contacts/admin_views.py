"""The citizen's screens in the admin: inspect (consents, subscriptions), export as JSON, erase.

Looking, exporting and erasing are each written to the access log under the user's name.
Export and erasure need their own permissions (`contacts.export_citizen`,
`contacts.erase_citizen`), beyond seeing the citizen; erasure asks to type the citizen's
reference first, because it cannot be undone.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.widgets.button import Button

from automation.contacts.models import Citizen, CitizenAccessLog
from automation.contacts.privacy import access_log_record, citizen_erase, citizen_export

URL_NAMESPACE = "automation_citizens"
EXPORT_PERMISSION = "contacts.export_citizen"
ERASE_PERMISSION = "contacts.erase_citizen"
EXTRA_LABELS = {"consents": "Toestemming per kanaal", "consent_history": "Geschiedenis van de toestemming",
                "subscriptions": "Abonnementen"}  # fmt: skip


def _when(moment) -> str:
    return localtime(moment).strftime("%d-%m-%Y %H:%M") if moment else "–"


class CitizenInspectView(InspectView):
    """Everything the city holds on one citizen, at a glance; looking is logged."""

    def get_context_data(self, **kwargs):
        access_log_record(citizen=self.object, actor=self.request.user.get_username(), action=CitizenAccessLog.Action.VIEW)
        return super().get_context_data(**kwargs)

    def get_field_label(self, field_name, field):
        return EXTRA_LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_consents_display_value(self):
        rows = self.object.consents.order_by("channel")
        return format_html_join(
            "", "<div>{}: <strong>{}</strong> sinds {} <small>(bron: {})</small></div>",
            ((c.get_channel_display(), "ja" if c.granted else "nee", _when(c.recorded_at), c.source) for c in rows),
        ) or "–"  # fmt: skip

    def get_consent_history_display_value(self):
        rows = self.object.consent_changes.all()
        return format_html_join(
            "", "<div>{} {}: {} <small>(bron: {})</small></div>",
            ((_when(c.recorded_at), c.get_channel_display(), "ja" if c.granted else "nee", c.source) for c in rows),
        ) or "–"  # fmt: skip

    def get_subscriptions_display_value(self):
        rows = self.object.subscriptions.select_related("wijk", "theme").order_by("kind", "pk")
        return format_html_join(
            "", "<div>{} {} — <strong>{}</strong> <small>(sinds {}, bron: {})</small></div>",
            ((s.get_kind_display(), s.wijk or s.theme or ("heel Gent" if s.kind == "crisis" else ""), s.get_status_display(),
              _when(s.confirmed_at or s.created_at), s.source or "–") for s in rows),
        ) or "–"  # fmt: skip

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perm(EXPORT_PERMISSION):
            url = reverse(f"{URL_NAMESPACE}:export", args=[self.object.pk])
            buttons.append(Button("Exporteren (JSON)", url=url, icon_name="download", priority=30))
        if user.has_perm(ERASE_PERMISSION):
            url = reverse(f"{URL_NAMESPACE}:erase", args=[self.object.pk])
            buttons.append(Button("Wissen…", url=url, icon_name="bin", priority=40))
        return buttons


def citizen_export_view(request, pk):
    """Everything held on the citizen as a JSON download (GDPR art. 15 / 20); logged."""
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    citizen = get_object_or_404(Citizen, pk=pk)
    data = citizen_export(citizen=citizen, actor=request.user.get_username())
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="burger-{citizen.pk}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


class EraseForm(forms.Form):
    ref = forms.CharField(label="Typ de referentie van de burger om te bevestigen", max_length=200)

    def __init__(self, *args, citizen: Citizen, **kwargs):
        super().__init__(*args, **kwargs)
        self.citizen = citizen

    def clean_ref(self):
        if self.cleaned_data["ref"].strip() != self.citizen.ref:
            raise forms.ValidationError("Dat is niet de referentie van deze burger; er is niets gewist.")
        return self.cleaned_data["ref"]


class CitizenEraseView(WagtailAdminTemplateMixin, FormView):
    """Erasure, after a confirmation step: contact deleted, message history anonymised (logged)."""

    template_name = "contacts/admin/erase.html"
    form_class = EraseForm
    header_icon = "bin"
    index_url_name = None  # set by the viewset
    inspect_url_name = None

    def dispatch(self, request, *args, pk, **kwargs):
        if not request.user.has_perm(ERASE_PERMISSION):
            raise PermissionDenied
        self.citizen = get_object_or_404(Citizen, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Burger {self.citizen.ref} wissen"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "citizen": self.citizen}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": "Burgers"},
            {"url": reverse(self.inspect_url_name, args=[self.citizen.pk]), "label": self.citizen.ref},
            {"url": "", "label": "Wissen"},
        ]

    def get_context_data(self, **kwargs):
        cancel_url = reverse(self.inspect_url_name, args=[self.citizen.pk])
        return {**super().get_context_data(**kwargs), "citizen": self.citizen, "cancel_url": cancel_url}

    def form_valid(self, form):
        ref = self.citizen.ref
        counts = citizen_erase(citizen=self.citizen, actor=self.request.user.get_username())
        messages.success(
            self.request,
            format_html(
                "Burger {} is gewist: {} bericht(en) en {} dossiergebeurtenis(sen) geanonimiseerd.",
                ref, counts["messages"], counts["dossier_events"],
            ),
        )  # fmt: skip
        return redirect(self.index_url_name)
