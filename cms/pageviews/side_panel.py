"""The page's visits beside it in the editor: a side panel "Bezoeken" with the trend of the last 30 days.

Wagtail 8 has no hook to add a side panel (wagtail/wagtail#12179), so, as the search log
does (search/querylog/side_panel.py), `side_panels_extend` wraps the page edit view's
`get_side_panels` once, keeping whatever it returned and appending ours.
"""

from __future__ import annotations

import functools

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.side_panels import BaseSidePanel

from cms.pageviews import figures
from cms.pageviews.admin_views import DEFAULT_DAYS, page_trend_svg

MARK = "with_page_views"


class PageViewsSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = "Bezoeken van deze pagina tonen of verbergen"
        icon_name = "view"

        def get_context_data(self, parent_context):
            context = super().get_context_data(parent_context)
            context["count"] = self.panel.total
            return context

    name = "bezoeken"
    title = "Bezoeken"
    template_name = "pageviews/side_panel.html"
    order = 410

    @cached_property
    def days(self):
        return figures.period(DEFAULT_DAYS, today=timezone.localdate())

    @cached_property
    def per_day(self) -> list[int]:
        return figures.views_per_day(self.days, page_id=self.object.pk)

    @property
    def total(self) -> int:
        return sum(self.per_day)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            total=self.total, days=DEFAULT_DAYS, trend=page_trend_svg(page=self.object, days=self.days, per_day=self.per_day),
            page_url=reverse("pageviews_admin:page", args=[self.object.pk]),
        )  # fmt: skip
        return context


def side_panels_extend(view_class) -> None:
    """Append the visits panel to `view_class.get_side_panels` (once, however often called)."""
    original = view_class.get_side_panels
    if getattr(original, MARK, False):
        return

    @functools.wraps(original)
    def get_side_panels(self):
        panels = original(self)
        if getattr(self, "expects_json_response", False) or getattr(self, "page", None) is None or not self.page.pk:
            return panels
        return MediaContainer([*panels, PageViewsSidePanel(self.page, self.request)])

    setattr(get_side_panels, MARK, True)
    view_class.get_side_panels = get_side_panels
