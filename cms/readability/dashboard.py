"""The editors' dashboard panel: "Uw pagina's die het moeilijkst te lezen zijn".

The logged-in editor's public pages (owned or last edited by them), hardest first, from the
stored scores; shown only to an editor who has such pages.
"""

from __future__ import annotations

from wagtail.admin.ui.components import Component

from cms.readability.levels import TARGET, above_target
from cms.readability.report import editor_pages


class HardestPagesPanel(Component):
    name = "readability_hardest_pages"
    template_name = "readability/dashboard_panel.html"
    order = 90  # above Wagtail's own panels: this is what an editor can act on today

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {
            "rows": [(row, above_target(row.level)) for row in self.rows],
            "target": TARGET,
            "request": parent_context.get("request"),
        }


def add_hardest_pages_panel(request, panels) -> None:
    rows = list(editor_pages(request.user))
    if rows:
        panels.append(HardestPagesPanel(rows))
