"""The questions beside a page in the editor: a side panel "Zoekvragen van burgers".

Editors write in citizens' words when they see them while writing, so the questions that
opened this page (`page_questions.py`) sit in a side panel of the page editor, with a
counter on its toggle, next to Wagtail's own Status, Preview and Checks panels.

Wagtail 8 has no hook to add a side panel (wagtail/wagtail#12179: "cannot be altered
except through patching"), so `side_panels_extend` wraps the page edit view's
`get_side_panels` once, keeping whatever it returned (Wagtail's panels, or another app's
wrap) and appending ours. When Wagtail grows a hook, only that function changes.
"""

from __future__ import annotations

import functools

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.side_panels import BaseSidePanel

from search.querylog.page_questions import DEFAULT_DAYS, page_questions

PANEL_LIMIT = 15


class PageQuestionsSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = "Zoekvragen van burgers tonen of verbergen"
        icon_name = "search"

        def get_context_data(self, parent_context):
            context = super().get_context_data(parent_context)
            context["count"] = self.panel.questions.total
            return context

    name = "zoekvragen"
    title = "Zoekvragen van burgers"
    template_name = "querylog/side_panel.html"
    order = 400

    @cached_property
    def questions(self):
        return page_questions(page_id=self.object.pk, limit=PANEL_LIMIT)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(questions=self.questions, days=DEFAULT_DAYS,
                       all_url=reverse("search_querylog:page", args=[self.object.pk]))
        return context


def side_panels_extend(view_class) -> None:
    """Append the questions panel to `view_class.get_side_panels` (once, however often called)."""
    original = view_class.get_side_panels
    if getattr(original, "with_page_questions", False):
        return

    @functools.wraps(original)
    def get_side_panels(self):
        panels = original(self)
        if getattr(self, "expects_json_response", False) or getattr(self, "page", None) is None or not self.page.pk:
            return panels
        return MediaContainer([*panels, PageQuestionsSidePanel(self.page, self.request)])

    get_side_panels.with_page_questions = True
    view_class.get_side_panels = get_side_panels
