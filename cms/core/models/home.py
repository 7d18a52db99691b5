"""The home page: the root of each locale's site and the parent of every section.

One per locale, all children of the tree root (Wagtail places a translated root-level page
beside its source), so there is no "one per parent" limit here.
"""

from cms.core.models.pages import BasePage
from cms.core.publishing import public_pages


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "themes.ThemeIndexPage",
        "neighbourhoods.WijkIndexPage",
        "pressroom.PressRoomPage",
        "projects.ProjectIndexPage",
        "events.EventIndexPage",
    ]

    class Meta:
        verbose_name = "startpagina"
        verbose_name_plural = "startpagina's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = public_pages().child_of(self).order_by("path").specific()
        return context
