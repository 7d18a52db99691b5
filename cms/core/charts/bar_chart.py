"""A grouped horizontal bar chart as inline SVG: one group per row (journey, wijk), one bar per metric.

Every bar carries its number and its metric's name as text, so nothing depends on colour;
the SVG has a title and description (role="img"), and the page shows the same numbers as
a table next to it. Scaled to the largest number in the chart.

Shared by the admin reports of every layer (the message report in automation, the search
report in search), so it lives low in the house, beside the page kernel, with no model.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 760
LABEL_WIDTH = 200
BAR_AREA = 460
BAR_HEIGHT = 14
BAR_GAP = 4
GROUP_HEADER = 22
GROUP_GAP = 14
COLOURS = ["#1f5f8b", "#2e7d32", "#6a1b9a", "#ad5c00", "#b71c1c", "#455a64"]  # WCAG AA on white with text beside


def bar_chart_svg(
    *, chart_id: str, title: str, groups: list[tuple[str, list[tuple[str, int]]]], empty: str = "Geen berichten."
) -> SafeString:
    """`groups`: [(group label, [(metric label, value), ...]), ...]; `empty`: the description when there are none."""
    largest = max([value for _label, bars in groups for _metric, value in bars] + [1])
    parts, y = [], 0
    for group_label, bars in groups:
        y += GROUP_HEADER
        parts.append(f'<text x="0" y="{y - 6}" font-weight="bold" font-size="13">{escape(group_label)}</text>')
        for index, (metric, value) in enumerate(bars):
            length = round(BAR_AREA * value / largest) if value else 0
            top = y + index * (BAR_HEIGHT + BAR_GAP)
            colour = COLOURS[index % len(COLOURS)]
            middle = top + BAR_HEIGHT - 3
            parts.append(
                f'<g><title>{escape(group_label)}: {escape(metric)} {value}</title>'
                f'<text x="12" y="{middle}" font-size="12">{escape(metric)}</text>'
                f'<rect x="{LABEL_WIDTH}" y="{top}" width="{length}" height="{BAR_HEIGHT}" fill="{colour}"></rect>'
                f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" font-size="12">{value}</text></g>'
            )
        y += len(bars) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    height = max(y, GROUP_HEADER)
    description = "; ".join(
        f"{label}: " + ", ".join(f"{metric} {value}" for metric, value in bars) for label, bars in groups
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'style="max-width: 100%; height: auto" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description or empty)}</desc>'
        + "".join(parts)
        + "</svg>"
    )
    return mark_safe(svg)  # every text above is escaped
