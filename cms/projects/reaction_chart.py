"""The admin's chart of reactions per wijk: how many citizens of each wijk reacted, per project.

Drawn server-side with the house's bar chart (cms/core/charts), with the same numbers as a
table beside it; counted over the reactions the user may moderate, new and accepted ones
(refused ones are spam or off-topic), for one project or all of them. Reactions whose
author chose no wijk are counted as "Geen wijk opgegeven".
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.core.charts.bar_chart import bar_chart_svg
from cms.projects.reactions import ReactionStatus

NO_WIJK = "Geen wijk opgegeven"


def reactions_per_wijk(reactions) -> list[tuple[str, int]]:
    counted = (
        reactions.exclude(status=ReactionStatus.REJECTED)
        .values("wijk__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "wijk__name")
    )
    return [(row["wijk__name"] or NO_WIJK, row["count"]) for row in counted]


class ReactionChartView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Inbreng: reacties per wijk"
    header_icon = "comment"
    template_name = "projects/reaction_chart.html"
    policy = None

    def dispatch(self, request, *args, **kwargs):
        if not self.policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        reactions = self.policy.instances_user_has_permission_for(self.request.user, "view")
        projects = sorted({r.project for r in reactions.select_related("project")}, key=lambda page: page.title)
        chosen = next((p for p in projects if str(p.pk) == self.request.GET.get("project", "")), None)
        if chosen is not None:
            reactions = reactions.filter(project=chosen)
        rows = reactions_per_wijk(reactions)
        title = f"Reacties per wijk: {chosen.title}" if chosen else "Reacties per wijk: alle projecten"
        chart = bar_chart_svg(
            chart_id="inbreng-per-wijk",
            title=title,
            groups=[(wijk, [("reacties", count)]) for wijk, count in rows],
            empty="Nog geen reacties.",
        )
        return super().get_context_data(title=title, chart=chart, rows=rows, projects=projects, chosen=chosen, **kwargs)
