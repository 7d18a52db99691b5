"""The journeys screens in the admin's "Automatisering" menu (collected by automation/admin_menu.py).

A `ModelViewSet` over `Journey`, not a snippet: journeys are records of the automation
plugin, not content with drafts and moderation, and the viewset lets the save step build a
version. Editors edit the design (StreamFields, blocks.py); the version rows the runtime
reads are built from it on save, only when it changed (versioning.py), so enrolments that
are running keep the version they began on.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.blocks.stream_block import StreamBlockValidationError

from automation.journeys.design_import import design_from_version, design_missing
from automation.journeys.diagram.panel import JourneyDiagramPanel
from automation.journeys.models import Journey
from automation.journeys.panels import VersionsPanel
from automation.journeys.versioning import DESIGN_FIELDS, definition_from_streams, journey_design_errors, journey_version_publish


class JourneyForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if any(cleaned.get(name) is None for name in DESIGN_FIELDS):
            return cleaned  # a block itself reported an error
        definition = definition_from_streams({name: cleaned[name] for name in DESIGN_FIELDS})
        for name, messages in journey_design_errors(definition).items():
            self.add_error(name, StreamBlockValidationError(non_block_errors=messages))
        return cleaned


class _PublishVersion:
    def save_instance(self):
        journey = super().save_instance()
        journey_version_publish(journey=journey, note=f"bewaard door {self.request.user.get_username()}")
        return journey


class JourneyCreateView(_PublishVersion, CreateView):
    pass


class JourneyEditView(_PublishVersion, EditView):
    def get_object(self, queryset=None):
        journey = super().get_object(queryset)
        if design_missing(journey):  # built before the builder: show what runs, not an empty form
            for name, blocks in design_from_version(journey.live_version).items():
                setattr(journey, name, blocks)
        return journey


class JourneyViewSet(ModelViewSet):
    model = Journey
    icon = "resubmit"
    menu_label = "Journeys"
    add_to_admin_menu = False
    copy_view_enabled = False
    add_view_class = JourneyCreateView
    edit_view_class = JourneyEditView
    list_display = ["name", "status", "purpose", "live_version", "updated_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("description"),
                    FieldPanel("purpose"),
                    FieldPanel("status"),
                ],
                heading="Journey",
            ),
            JourneyDiagramPanel(heading="Schema met aantallen"),
            FieldPanel("trigger_design"),
            FieldPanel("condition_design"),
            FieldPanel("step_design"),
            VersionsPanel(heading="Versies"),
        ],
        base_form_class=JourneyForm,
    )


def viewsets() -> list:
    """Viewsets (or viewset groups) this area adds to the "Automatisering" menu, in menu order."""
    from automation.journeys.preview.editing import MessageTemplateViewSet, TemplateContentViewSet
    from automation.journeys.preview.viewsets import TemplatePreviewViewSet

    return [
        JourneyViewSet("automation_journeys"),
        MessageTemplateViewSet("automation_message_templates"),
        TemplateContentViewSet("automation_template_contents"),
        TemplatePreviewViewSet("automation_templates"),
    ]
