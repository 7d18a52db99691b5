"""Pages by reading level as inline SVG: one stacked bar per group (a section, a department).

Each segment carries its count as text and each level has a pattern-free colour with its
name in the legend and in every segment's tooltip, and the page shows the same numbers in a
table beside it, so nothing depends on colour alone (WCAG 1.4.1). No JavaScript library.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cms.readability.levels import ORDER, Level

WIDTH, LABEL_WIDTH, BAR_AREA, BAR_HEIGHT, GAP, LEGEND = 760, 220, 500, 20, 8, 28
COLOURS = {Level.A2: "#1b5e20", Level.B1: "#2e7d32", Level.B2: "#ad5c00", Level.C1: "#b71c1c"}


def level_chart_svg(*, chart_id: str, title: str, rows: list[tuple[str, dict[str, int]]]) -> SafeString:
    """`rows`: [(group label, {level: pages}), ...]; bars are as long as the group is large."""
    largest = max([sum(counts.values()) for _label, counts in rows] + [1])
    parts = []
    x = 0
    for level in ORDER:  # the legend
        parts.append(f'<rect x="{x}" y="4" width="14" height="14" fill="{COLOURS[level]}"></rect>'
                     f'<text x="{x + 18}" y="16" font-size="12">{escape(level.label)}</text>')
        x += 170
    for index, (label, counts) in enumerate(rows):
        top = LEGEND + index * (BAR_HEIGHT + GAP)
        middle = top + BAR_HEIGHT - 5
        parts.append(f'<text x="0" y="{middle}" font-size="12">{escape(label[:34])}</text>')
        left = LABEL_WIDTH
        for level in ORDER:
            value = counts.get(level.value, 0)
            if not value:
                continue
            length = max(1, round(BAR_AREA * value / largest))
            parts.append(
                f'<g><title>{escape(label)}: {escape(level.label)} {value}</title>'
                f'<rect x="{left}" y="{top}" width="{length}" height="{BAR_HEIGHT}" fill="{COLOURS[level]}"></rect>'
                + (f'<text x="{left + 4}" y="{middle}" font-size="11" fill="#fff">{value}</text>' if length >= 22 else "")
                + "</g>"
            )
            left += length
        parts.append(f'<text x="{left + 6}" y="{middle}" font-size="12">{sum(counts.values())}</text>')
    height = LEGEND + max(len(rows), 1) * (BAR_HEIGHT + GAP)
    description = "; ".join(
        f"{label}: " + ", ".join(f"{level.label} {counts.get(level.value, 0)}" for level in ORDER) for label, counts in rows
    )
    description = escape(description) or "Geen pagina's."
    return mark_safe(  # every text is escaped above
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'style="max-width: 100%; height: auto" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{description}</desc>' + "".join(parts) + "</svg>"
    )
