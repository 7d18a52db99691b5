"""Admin views: the list of message templates, and one template previewed in every language.

The sample event data (`data.*`) can be changed in a form on the page, as JSON, to see a
template's conditional parts both ways. It is read by the HTTP kernel's one JSON parser (so
JSON nested a thousand deep is refused, not a RecursionError); bad JSON is answered with an
error naming that field, and the preview falls back to the built-in sample.
"""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from automation.journeys.preview.rendering import preview_template, sample_context
from automation.messages.models import MessageTemplate
from automation.purposes import Purpose
from cms.http.json_body import BodyRefused, json_object_parse


VIEW_PERMISSION = "automation_messages.view_messagetemplate"


class TemplatePermissionMixin:
    """Templates are the city's voice to citizens: only editors allowed to see them may preview them."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TemplateIndexView(TemplatePermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "journeys/preview/index.html"
    page_title = "Voorbeeld berichten"
    header_icon = "mail"
    preview_url_name = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["templates"] = MessageTemplate.objects.prefetch_related("contents").order_by("name")
        context["preview_url_name"] = self.preview_url_name
        return context


class TemplatePreviewView(TemplatePermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "journeys/preview/template.html"
    header_icon = "view"
    index_url_name = ""

    def get_page_title(self):
        return f"Voorbeeld: {self.object.name}"

    def get(self, request, *args, **kwargs):
        self.object = get_object_or_404(MessageTemplate, pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        purpose = self.request.GET.get("purpose") or Purpose.SERVICE
        if purpose not in Purpose.values:
            purpose = Purpose.SERVICE
        raw = self.request.GET.get("data", "").strip()
        data, data_error = None, ""
        if raw:
            try:
                data = json_object_parse(raw, subject="The sample data")
            except BodyRefused as refusal:
                data, data_error = None, f"Voorbeeldgegevens (data): geen geldig JSON-object: {refusal.reason}"
        shown = data if data is not None else sample_context("nl")["data"]
        context.update(
            template=self.object,
            previews=preview_template(self.object, purpose=purpose, data=data),
            purpose=purpose,
            purposes=Purpose.choices,
            data_json=raw or json.dumps(shown, ensure_ascii=False, indent=2),
            data_error=data_error,
            index_url_name=self.index_url_name,
        )
        return context
