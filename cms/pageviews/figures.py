"""Reading the counters: per day, per page, per section, per theme, per wijk, per referring domain.

A fixed number of queries whatever the number of pages or days: the views per page are
summed in one grouped query, then placed in their section (the first level below a home,
from `url_path`), and in their themes and wijken through the tagging tables of the page
types that have them (one query per such type, not per page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Sum
from wagtail.models import Page

from cms.core.models import Theme, Wijk
from cms.core.publishing import homes
from cms.pageviews.models import PageViewDay, ReferrerDay


@dataclass(frozen=True)
class ViewRow:
    label: str
    views: int
    key: int | str | None = None  # the page's id, to link to it

    @property
    def counts(self) -> dict[str, int]:  # the shape the chart and table helpers read
        return {"views": self.views}

    @property
    def messages(self) -> int:
        return self.views


def period(days: int, *, today: date) -> list[date]:
    """The last `days` days up to and including `today`, oldest first."""
    return [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]


def views_per_day(days: list[date], *, page_id: int | None = None) -> list[int]:
    """Views on each of `days` (of one page, or of the whole site)."""
    rows = PageViewDay.objects.filter(day__gte=days[0], day__lte=days[-1])
    if page_id is not None:
        rows = rows.filter(page_id=page_id)
    by_day = dict(rows.order_by().values("day").annotate(n=Sum("views")).values_list("day", "n"))
    return [by_day.get(day, 0) for day in days]


def _per_page(days: list[date]) -> dict[int, int]:
    rows = PageViewDay.objects.filter(day__gte=days[0], day__lte=days[-1]).order_by().values("page_id")
    return dict(rows.annotate(n=Sum("views")).values_list("page_id", "n"))


def views_per_page(days: list[date], *, limit: int = 50) -> list[ViewRow]:
    per_page = _per_page(days)
    top = sorted(per_page.items(), key=lambda item: -item[1])[:limit]
    titles = dict(Page.objects.filter(pk__in=[pk for pk, _n in top]).values_list("pk", "title"))
    return [ViewRow(label=titles.get(pk, f"pagina {pk}"), views=n, key=pk) for pk, n in top]


def views_per_section(days: list[date]) -> list[ViewRow]:
    """Per first level below a home (Thema's, Wijken, Pers, ...); the homes themselves count as "Startpagina"."""
    per_page = _per_page(days)
    paths = dict(Page.objects.filter(pk__in=list(per_page)).values_list("pk", "url_path"))
    home_paths = sorted({home.url_path for home in homes()}, key=len, reverse=True)
    per_section: dict[str, int] = {}
    for pk, n in per_page.items():
        url_path = paths.get(pk, "")
        home = next((path for path in home_paths if url_path.startswith(path)), None)
        if home is None:
            continue
        rest = url_path[len(home):].strip("/")
        section = home + rest.split("/")[0] + "/" if rest else home
        per_section[section] = per_section.get(section, 0) + n
    titles = dict(Page.objects.filter(url_path__in=list(per_section)).values_list("url_path", "title"))
    rows = [
        ViewRow(label="Startpagina" if path in home_paths else titles.get(path, path), views=n)
        for path, n in per_section.items()
    ]
    merged: dict[str, int] = {}
    for row in rows:  # a section of the same name in two languages counts together
        merged[row.label] = merged.get(row.label, 0) + row.views
    return sorted((ViewRow(label=label, views=n) for label, n in merged.items()), key=lambda row: (-row.views, row.label))


def _tag_pairs(field_names: tuple[str, ...], target, page_ids: list[int]) -> list[tuple[int, int]]:
    """(page id, tag id) for every page type that tags pages with `target` (a many-to-many such as
    `wijken`, or a foreign key such as a wijk page's `wijk`): one query per such page type."""
    pairs: list[tuple[int, int]] = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for name in field_names:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.model is not model or field.related_model is not target:
                continue  # declared on a parent model: counted there
            if field.many_to_many:
                through = field.remote_field.through
                page_field, tag_field = field.m2m_field_name(), field.m2m_reverse_field_name()
                rows = through.objects.filter(**{f"{page_field}__in": page_ids}).values_list(page_field, tag_field)
            elif field.many_to_one:
                rows = model.objects.filter(pk__in=page_ids, **{f"{name}__isnull": False}).values_list("pk", name)
            else:
                continue
            pairs.extend(rows)
    return pairs


def _views_per_tag(days: list[date], field_names: tuple[str, ...], target, untagged: str) -> list[ViewRow]:
    per_page = _per_page(days)
    per_tag: dict[int, int] = {}
    tagged_pages: set[int] = set()
    for page_id, tag_id in set(_tag_pairs(field_names, target, list(per_page))):
        per_tag[tag_id] = per_tag.get(tag_id, 0) + per_page[page_id]
        tagged_pages.add(page_id)
    untagged_views = sum(n for pk, n in per_page.items() if pk not in tagged_pages)
    names = dict(target.objects.filter(pk__in=list(per_tag)).values_list("pk", "name"))
    rows = [ViewRow(label=names.get(pk, str(pk)), views=n, key=pk) for pk, n in per_tag.items()]
    if untagged_views:
        rows.append(ViewRow(label=untagged, views=untagged_views))
    return sorted(rows, key=lambda row: (-row.views, row.label))


def views_per_theme(days: list[date]) -> list[ViewRow]:
    return _views_per_tag(days, ("themes", "theme"), Theme, "Zonder thema")


def views_per_wijk(days: list[date]) -> list[ViewRow]:
    """A page about several wijken counts for each; a page about none counts as "Heel Gent".
    A wijk page (and its magazine) counts for its own wijk."""
    return _views_per_tag(days, ("wijken", "wijk"), Wijk, "Heel Gent (geen wijk)")


def views_per_referrer(days: list[date], *, limit: int = 30) -> list[ViewRow]:
    rows = (
        ReferrerDay.objects.filter(day__gte=days[0], day__lte=days[-1])
        .order_by()
        .values("domain")
        .annotate(n=Sum("views"))
        .order_by("-n", "domain")[:limit]
    )
    return [ViewRow(label=row["domain"], views=row["n"]) for row in rows]
