"""The journey diagram as inline SVG: boxes, arrows and the counts on every step, drawn on the server.

Works without JavaScript and reads with a screen reader: the SVG has a title and a
description (role="img") that says, step by step, what happens and how many got there;
each box repeats its counts as text (nothing depends on colour: the kind of step is
written in the box, a branch's lines say "ja" and "nee"). The panel beside it shows the
same counts as a table. Every text is escaped.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from automation.journeys.diagram.counting import StepCounts
from automation.journeys.diagram.graph import JourneyGraph
from automation.journeys.diagram.layout import Layout

# Border colours per kind of step (text stays black on white: WCAG AA whatever the colour).
KIND_COLOURS = {"send": "#1f5f8b", "wait": "#ad5c00", "branch": "#6a1b9a", "exit": "#455a64"}
LINE_COLOURS = {"entry": "#2e7d32", "next": "#333333", "branch": "#6a1b9a"}
MAX_CHARS = 44  # a box is 300 px wide at 12 px text


def _clip(text: str, limit: int = MAX_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _counts_text(counts: StepCounts) -> tuple[str, str]:
    items = counts.items()
    first = " · ".join(f"{label} {value}" for _name, label, value in items[:3])
    second = " · ".join(f"{label} {value}" for _name, label, value in items[3:])
    return first, second


def describe(graph: JourneyGraph, counts: dict[int, StepCounts]) -> str:
    """What a screen reader hears: how it starts, then each step with its counts."""
    keys = {step.id: step.key for step in graph.steps}
    parts = [f"Start bij {keys[entry.step_id]}: {', '.join(entry.labels)}." for entry in graph.entries]
    for step in graph.steps:
        numbers = ", ".join(f"{label} {value}" for _name, label, value in counts.get(step.id, StepCounts()).items())
        versions = f", {step.versions}" if step.versions else ""
        parts.append(f"{step.title} ({step.detail}{versions}): {numbers}.")
    if graph.stops:
        parts.append(f"Stopt bij {', '.join(graph.stops)}.")
    return " ".join(parts) or "Deze journey heeft nog geen stappen."


def _arrow_marker(chart_id: str, kind: str) -> str:
    return (
        f'<marker id="{chart_id}-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{LINE_COLOURS[kind]}"></path></marker>'
    )


def journey_diagram_svg(
    *, chart_id: str, title: str, graph: JourneyGraph, layout: Layout, counts: dict[int, StepCounts]
) -> SafeString:
    parts = [f"<defs>{''.join(_arrow_marker(chart_id, kind) for kind in LINE_COLOURS)}</defs>"]
    for line in layout.lines:
        points = " ".join(f"{x:.0f},{y:.0f}" for x, y in line.points)
        dash = ' stroke-dasharray="6 4"' if line.kind == "branch" else ""
        parts.append(
            f'<polyline class="line-{line.kind}" points="{points}" fill="none" stroke="{LINE_COLOURS[line.kind]}" '
            f'stroke-width="2"{dash} marker-end="url(#{chart_id}-arrow-{line.kind})"></polyline>'
        )
        if line.label:
            (x1, y1), (x2, y2) = line.points[0], line.points[1]
            parts.append(
                f'<text x="{(x1 + x2) / 2 + 6:.0f}" y="{(y1 + y2) / 2 - 4:.0f}" font-size="12" font-weight="bold" '
                f'fill="{LINE_COLOURS[line.kind]}">{escape(line.label)}</text>'
            )
    for entry in graph.entries:
        box = layout.entries.get(entry.step_id)
        if box is None:
            continue
        parts.append(
            f'<g class="entry"><rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="30" '
            f'fill="#eef6ee" stroke="{LINE_COLOURS["entry"]}" stroke-width="2"></rect>'
            f'<text x="{box.x + 14}" y="{box.y + 22}" font-size="13" font-weight="bold">Start</text>'
        )
        for index, label in enumerate(entry.labels[:3]):
            parts.append(f'<text x="{box.x + 14}" y="{box.y + 42 + index * 16}" font-size="12">{escape(_clip(label, 28))}</text>')
        if len(entry.labels) > 3:
            parts.append(f'<text x="{box.x + 14}" y="{box.y + 88}" font-size="12">en {len(entry.labels) - 3} meer</text>')
        parts.append("</g>")
    for step in graph.steps:
        box = layout.steps[step.id]
        first, second = _counts_text(counts.get(step.id, StepCounts()))
        parts.append(
            f'<g class="step step-{escape(step.kind)}" data-step="{escape(step.key)}">'
            f"<title>{escape(step.title)}: {escape(step.detail)}</title>"
            f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="6" fill="#ffffff" '
            f'stroke="{KIND_COLOURS.get(step.kind, "#333333")}" stroke-width="3"></rect>'
            f'<text x="{box.x + 12}" y="{box.y + 22}" font-size="14" font-weight="bold">{escape(_clip(step.title, 38))}</text>'
            f'<text x="{box.x + 12}" y="{box.y + 42}" font-size="12">{escape(_clip(step.detail))}</text>'
            f'<text x="{box.x + 12}" y="{box.y + 64}" font-size="12">{escape(first)}</text>'
            f'<text x="{box.x + 12}" y="{box.y + 81}" font-size="12">{escape(second)}</text>'
            + (f'<text class="versions" x="{box.x + 12}" y="{box.y + 99}" font-size="12" font-style="italic">'
               f"{escape(_clip(step.versions))}</text>" if step.versions else "")
            + "</g>"
        )
    y = layout.notes_y
    for label in graph.stops:
        y += 20
        parts.append(f'<text x="16" y="{y}" font-size="12">Stopt lopende deelnames bij {escape(label)}.</text>')
    for label in graph.unstarted:
        y += 20
        parts.append(f'<text x="16" y="{y}" font-size="12">Herkend, start geen stap: {escape(label)}.</text>')
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{layout.width:.0f}" height="{layout.height:.0f}" '
        f'viewBox="0 0 {layout.width:.0f} {layout.height:.0f}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'style="max-width: 100%; height: auto" font-family="sans-serif" data-journey-diagram>'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(describe(graph, counts))}</desc>'
        + "".join(parts)
        + "</svg>"
    )
    return mark_safe(svg)  # every text above is escaped
