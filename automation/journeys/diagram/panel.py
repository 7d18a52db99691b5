"""The diagram panel on the journey edit screen: the live version drawn, with its counts as a table too."""

from __future__ import annotations

from wagtail.admin.panels import Panel

from automation.journeys.diagram.counting import LABELS, step_counts
from automation.journeys.diagram.drawing import journey_diagram_svg
from automation.journeys.diagram.graph import journey_graph
from automation.journeys.diagram.layout import diagram_layout


def journey_diagram_context(journey) -> dict:
    """What the panel template needs: the SVG, and one table row per step with the same counts."""
    version = journey.live_version if journey.pk else None
    if version is None:
        return {"version": None}
    graph = journey_graph(version)
    counts = step_counts(version)
    svg = journey_diagram_svg(
        chart_id="journey-diagram",
        title=f"{journey.name}, versie {version.number}",
        graph=graph,
        layout=diagram_layout(graph),
        counts=counts,
    )
    rows = [(step, counts[step.id].items()) for step in graph.steps]
    return {
        "version": version, "svg": svg, "rows": rows, "labels": list(LABELS.values()), "graph": graph, "journey": journey,
    }


class JourneyDiagramPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/diagram_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(journey_diagram_context(self.instance))
            return context
