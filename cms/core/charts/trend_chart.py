"""A trend over days as inline SVG: one column per day for each series, scaled to the largest value.

For reports that ask "is this rising?" (searches per day, searches that found nothing):
`bar_chart` compares groups, this one follows a number through time. The description a
screen reader reads sums each series up (total, busiest day), every column has its day and
number as a tooltip (`<title>`), and the legend names each series in text beside its colour,
so nothing depends on colour alone. The page shows the day-by-day numbers as a table too.
"""

from __future__ import annotations

from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cms.core.charts.bar_chart import COLOURS

WIDTH = 760
HEIGHT = 200
LEFT = 48  # room for the value axis labels
TOP = 28  # room for the legend
BOTTOM = 24  # room for the day labels
LABELLED_DAYS = 5  # day labels along the axis, evenly spread (first and last included)


def _day(value: date) -> str:
    return f"{value.day}/{value.month}"


def _describe(days: list[date], series: list[tuple[str, list[int]]]) -> str:
    if not days:
        return ""
    parts = []
    for label, values in series:
        total = sum(values)
        if total:
            busiest = max(range(len(values)), key=lambda index: (values[index], -index))
            parts.append(f"{label}: {total} in totaal, het meest op {_day(days[busiest])} ({values[busiest]})")
        else:
            parts.append(f"{label}: geen")
    return f"Van {_day(days[0])} tot {_day(days[-1])}. " + "; ".join(parts) + "."


def trend_chart_svg(
    *, chart_id: str, title: str, days: list[date], series: list[tuple[str, list[int]]], empty: str = "Geen gegevens."
) -> SafeString:
    """`days`: consecutive days, oldest first; `series`: [(label, one value per day), ...]."""
    for label, values in series:
        if len(values) != len(days):
            raise ValueError(f"series {label!r} has {len(values)} values for {len(days)} days")
    largest = max([value for _label, values in series for value in values] + [1])
    plot_width, plot_height = WIDTH - LEFT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(days), 1)
    column = max(slot * 0.8 / max(len(series), 1), 1.0)
    parts = [
        f'<text x="{LEFT - 6}" y="{TOP + 10}" font-size="11" text-anchor="end">{largest}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_height}" font-size="11" text-anchor="end">0</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_height}" x2="{WIDTH}" y2="{TOP + plot_height}" stroke="#5c5c5c"></line>',
    ]
    x = LEFT
    for index, (label, _values) in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"></rect>'
                     f'<text x="{x + 16}" y="16" font-size="12">{escape(label)}</text>')
        x += 16 + 8 * len(label) + 24
    for day_index, day in enumerate(days):
        left = LEFT + day_index * slot + slot * 0.1
        for index, (label, values) in enumerate(series):
            value = values[day_index]
            height = round(plot_height * value / largest, 1)
            parts.append(
                f'<rect x="{left + index * column:.1f}" y="{TOP + plot_height - height}" width="{column:.1f}" '
                f'height="{height}" fill="{COLOURS[index % len(COLOURS)]}">'
                f"<title>{_day(day)}: {escape(label)} {value}</title></rect>"
            )
    if days:
        step = max((len(days) - 1) / (LABELLED_DAYS - 1), 1)
        labelled = sorted({round(n * step) for n in range(LABELLED_DAYS) if round(n * step) < len(days)})
        for day_index in labelled:
            middle = LEFT + day_index * slot + slot / 2
            parts.append(f'<text x="{middle:.1f}" y="{HEIGHT - 6}" font-size="11" text-anchor="middle">'
                         f"{_day(days[day_index])}</text>")
    description = _describe(days, series)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'style="max-width: 100%; height: auto" font-family="sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description or empty)}</desc>'
        + "".join(parts)
        + "</svg>"
    )
    return mark_safe(svg)  # every text above is escaped
