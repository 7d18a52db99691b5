"""Intervals around a zero line as inline SVG: one row per version of an experiment.

Each row draws the version's range ("between -2 and +9 %") as a bar with its estimate as a
dot, beside a vertical line at 0 (no difference from the control). The numbers are written
out beside every bar and in the description, so nothing depends on colour or on seeing the
picture; pages show the same numbers in a table next to it. Rows whose range is not known yet
are written, not drawn.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 760
LABEL_WIDTH = 160
PLOT_WIDTH = 440
ROW_HEIGHT = 30
TOP = 24
BETTER = "#2e7d32"
WORSE = "#b71c1c"
UNDECIDED = "#455a64"


def interval_chart_svg(
    *, chart_id: str, title: str, rows: list[tuple[str, float | None, float | None, float | None]], unit: str = "%"
) -> SafeString:
    """`rows`: [(label, low, estimate, high), ...] in `unit` (None where not known yet)."""
    known = [value for _label, *values in rows for value in values if value is not None]
    reach = max([abs(value) for value in known] + [1.0]) * 1.1
    zero = LABEL_WIDTH + PLOT_WIDTH / 2

    def x(value: float) -> float:
        return round(zero + value / reach * PLOT_WIDTH / 2, 1)

    parts = [
        f'<line x1="{zero}" y1="{TOP - 14}" x2="{zero}" y2="{TOP + ROW_HEIGHT * len(rows)}" stroke="#000" stroke-dasharray="4 3"></line>',
        f'<text x="{zero}" y="{TOP - 16}" font-size="11" text-anchor="middle">0 {escape(unit)}</text>',
    ]
    sentences = []
    for index, (label, low, estimate, high) in enumerate(rows):
        middle = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2
        parts.append(f'<text x="0" y="{middle + 4}" font-size="12">{escape(label)}</text>')
        if low is None or high is None or estimate is None:
            sentence = f"{label}: nog niet te zeggen"
            parts.append(f'<text x="{LABEL_WIDTH}" y="{middle + 4}" font-size="12">nog niet te zeggen</text>')
        else:
            colour = BETTER if low > 0 else WORSE if high < 0 else UNDECIDED
            sentence = f"{label}: {_number(low)} tot {_number(high)} {unit} (geschat {_number(estimate)} {unit})"
            parts.append(
                f"<g><title>{escape(sentence)}</title>"
                f'<line x1="{x(low)}" y1="{middle}" x2="{x(high)}" y2="{middle}" stroke="{colour}" stroke-width="6"></line>'
                f'<circle cx="{x(estimate)}" cy="{middle}" r="5" fill="#000"></circle>'
                f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 10}" y="{middle + 4}" font-size="12">'
                f"{escape(_number(low))} … {escape(_number(high))} {escape(unit)}</text></g>"
            )
        sentences.append(sentence)
    height = TOP + ROW_HEIGHT * len(rows) + 8
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'style="max-width: 100%; height: auto" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape("; ".join(sentences) or "Nog geen versies.")}</desc>'
        + "".join(parts)
        + "</svg>"
    )
    return mark_safe(svg)  # every text above is escaped


def _number(value: float) -> str:
    text = f"{value:+.1f}".replace(".", ",")
    return "0" if text in ("+0,0", "-0,0") else text
