"""Editing message templates in the admin: a template, and its words per channel and language.

The models live in automation/messages; these screens sit beside the preview because an
editor writes and checks in one place. Saving a text that the safe engine cannot compile
(an unknown tag such as `{% load %}`, an unclosed `{% if %}`) is refused with the error on
the field it is in; unknown placeholders do not block saving (a text may be written before
its data exists) but the preview names each one. An SMS text harder than the city's target
(B1, cms/readability) is saved only when the editor ticks that they mean it: an SMS is short
and read on the go.
"""

from __future__ import annotations

from django import forms
from django.template import TemplateSyntaxError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from automation.journeys.preview.rendering import PARTS, _preview_engine
from automation.messages.models import MessageTemplate, TemplateContent
from cms.readability.texts import CONFIRMATION_LABEL, CONFIRMATION_REFUSED, text_level


class TemplateContentForm(WagtailAdminModelForm):
    confirm_difficult = forms.BooleanField(
        label=CONFIRMATION_LABEL,
        required=False,
        help_text="Alleen nodig voor een sms die moeilijker is dan Helder (B1): de voorvertoning toont het leesniveau.",
    )

    def clean(self):
        cleaned = super().clean()
        for part, label in PARTS.items():
            source = cleaned.get(part) or ""
            try:
                _preview_engine().from_string(source)
            except TemplateSyntaxError as error:
                self.add_error(part, f"Fout in {label}: {error}")
        if cleaned.get("channel") == "sms" and not cleaned.get("confirm_difficult"):
            level = text_level(cleaned.get("body_text") or "", cleaned.get("language") or "nl")
            if level.above_target:
                self.add_error("confirm_difficult", f"{CONFIRMATION_REFUSED} (Nu: {level.label}.)")
        if cleaned.get("channel") == "email" and not (cleaned.get("subject") or "").strip():
            self.add_error("subject", "Een e-mail heeft een onderwerp nodig.")
        return cleaned


class MessageTemplateViewSet(ModelViewSet):
    model = MessageTemplate
    icon = "doc-full"
    menu_label = "Berichtsjablonen"
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["name", "slug", "updated_at"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    form_fields = ["name", "slug", "description"]


class TemplateContentViewSet(ModelViewSet):
    model = TemplateContent
    icon = "edit"
    menu_label = "Sjabloonteksten"
    add_to_admin_menu = False
    list_display = ["template", "channel", "language", "subject"]
    list_filter = ["template", "channel", "language"]
    search_fields = ["subject", "body_text"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("template"),
            FieldPanel("channel"),
            FieldPanel("language"),
            FieldPanel("subject"),
            FieldPanel("body_text"),
            FieldPanel("body_html"),
            FieldPanel("confirm_difficult"),
        ],
        base_form_class=TemplateContentForm,
    )
