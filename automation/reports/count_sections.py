"""A block of figures as the reports show it: a chart with the same numbers as a table, and as CSV rows.

Functions that take count rows (anything with `label`, `messages` and `counts`, such as
`message_counts.CountRow`), so every report that compares groups (journeys, wijken,
languages, or an experiment's variants) draws and exports them the same way. The template
`reports/count_section.html` shows one section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from cms.core.charts.bar_chart import bar_chart_svg

OPENED_NOTE = (
    "Geopend is onbetrouwbaar: veel mailprogramma's (zoals Apple Mail met privacybescherming, en "
    "virusscanners) laden de afbeeldingen van elke e-mail vooraf en melden zo een opening die niemand deed, "
    "andere laden geen afbeeldingen en melden er geen. Vergelijk liever op klikken en mijlpalen."
)


def metric_headers(metrics: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Metric labels for tables and CSV, with opens marked as unreliable."""
    return [(name, f"{label} (onbetrouwbaar)" if name == "opened" else label) for name, label in metrics]


def count_section(
    *,
    section_id: str,
    title: str,
    rows: list,
    metrics: list[tuple[str, str]],
    noun: str = "Berichten",
    link: Callable[[object], str | None] | None = None,
) -> dict:
    """What `reports/count_section.html` shows: a heading, the chart and the rows for the table.

    `link(row)` gives the address a row's label links to (its own figures), or None.
    """
    headers = metric_headers(metrics)
    groups = [(row.label, [(label, row.counts[name]) for name, label in headers]) for row in rows]
    return {
        "id": section_id,
        "title": title,
        "noun": noun,
        "rows": [(row, link(row) if link else None, [(name, row.counts[name]) for name, _label in metrics]) for row in rows],
        "headers": headers,
        "chart": bar_chart_svg(chart_id=section_id, title=f"{noun} {title.lower()}", groups=groups),
    }


def csv_header(metrics: list[tuple[str, str]], *, group: str = "groep", noun: str = "berichten") -> list[str]:
    return ["uitsplitsing", group, noun, *(label for _name, label in metric_headers(metrics))]


def csv_rows(sections: Iterable[tuple[str, list]], metrics: list[tuple[str, str]]) -> Iterator[list]:
    """One CSV row per count row: (section title, rows) pairs in, [section, label, messages, counts...] out."""
    for title, rows in sections:
        for row in rows:
            yield [title, row.label, row.messages, *(row.counts[name] for name, _label in metrics)]
