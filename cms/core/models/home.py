"""The home page: the root of each locale's site and the parent of every section."""

from cms.core.models.pages import BasePage


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "themes.ThemeIndexPage",
        "neighbourhoods.WijkIndexPage",
        "pressroom.PressRoomPage",
        "projects.ProjectIndexPage",
        "events.EventIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "startpagina"
        verbose_name_plural = "startpagina's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context
