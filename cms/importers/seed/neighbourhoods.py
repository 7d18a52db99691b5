"""Wijk pages (one per wijk, wijk_pages.json) and the magazines (magazines.json).

All 25 wijken get a page even when wijk_pages.json lacks one (or is not there yet): the
wijk index must be complete. A wijk magazine lives under its wijk page, the city-wide
magazine under the wijk index.
"""

from __future__ import annotations

from cms.core.models import Wijk
from cms.importers.seed.body import body_stream
from cms.importers.seed.data import DemoDataError, as_date
from cms.importers.seed.pages import translated_text, upsert_page, upsert_translations
from cms.importers.seed.taxonomy import themes_for, wijk_for, wijken_for
from cms.neighbourhoods.models import (
    MagazineArticle,
    MagazineEdition,
    NeighbourhoodMagazine,
    ServiceKind,
    WijkPage,
)

SERVICE_FIELDS = ["name", "address", "phone", "email", "opening_hours"]


def _services(ctx, rows: list[dict], where: str) -> list[dict]:
    services = []
    for row in rows or []:
        if row.get("kind") not in ServiceKind.values:
            ctx.warn(f"{where}: onbekende soort dienst {row.get('kind')!r} overgeslagen")
            continue
        services.append({"kind": row["kind"], **{name: row.get(name) or "" for name in SERVICE_FIELDS}})
    return services


def seed_wijk_pages(ctx, data, sections) -> dict[str, WijkPage]:
    ctx.step("Wijkpagina's")
    items = {item.get("wijk"): item for item in data.wijk_pages}
    for slug in items:
        if not Wijk.objects.filter(slug=slug).exists():
            ctx.warn(f"wijk_pages: onbekende wijk {slug!r} overgeslagen")
    pages = {}
    for wijk in Wijk.objects.order_by("name"):
        item = items.get(wijk.slug, {})
        where = f"wijk_pages: {wijk.slug}"
        page = upsert_page(
            ctx,
            sections["wijken"],
            WijkPage,
            slug=wijk.slug,
            fields={
                "title": item.get("title") or wijk.name,
                "wijk": wijk,
                "intro": item.get("intro") or f"Nieuws, diensten en activiteiten in {wijk.name}.",
                "body": body_stream(ctx, item.get("body"), where),
            },
            children={"services": _services(ctx, item.get("services"), where)},
            where=where,
        )
        upsert_translations(ctx, page, item.get("translations"), fields_for=translated_text(ctx, where), where=where)
        pages[wijk.slug] = page
        if item:
            ctx.done("wijk pages")
    return pages


def seed_magazines(ctx, data, sections, wijk_pages: dict[str, WijkPage]) -> None:
    ctx.step("Wijkmagazines")
    for item in data.magazines:
        where = f"magazines: {item['slug']}"
        wijk = wijk_for(ctx, item.get("wijk"), where)
        if item.get("wijk") and wijk is None:
            continue
        parent = wijk_pages[wijk.slug] if wijk else sections["wijken"]
        magazine = upsert_page(
            ctx,
            parent,
            NeighbourhoodMagazine,
            slug=item["slug"],
            fields={"title": item["title"], "wijk": wijk, "intro": item.get("intro", "")},
            where=where,
        )
        upsert_translations(ctx, magazine, item.get("translations"), fields_for=translated_text(ctx, where), where=where)
        ctx.done("magazines")
        for edition_item in item.get("editions", []):
            _seed_edition(ctx, magazine, edition_item, where)


def _seed_edition(ctx, magazine, item: dict, magazine_where: str) -> None:
    if "number" not in item or "date" not in item:
        raise DemoDataError(f"{magazine_where}: een editie zonder nummer of datum")
    where = f"{magazine_where}, editie {item['number']}"
    edition = upsert_page(
        ctx,
        magazine,
        MagazineEdition,
        slug=item.get("slug") or f"editie-{item['number']}",
        fields={
            "title": item.get("title") or f"Editie {item['number']}",
            "number": item["number"],
            "date": as_date(item["date"], where),
            "intro": item.get("intro", ""),
        },
        where=where,
    )
    upsert_translations(ctx, edition, item.get("translations"), fields_for=translated_text(ctx, where), where=where)
    ctx.done("editions")
    for article in item.get("articles", []):
        article_where = f"{where}: {article['slug']}"
        page = upsert_page(
            ctx,
            edition,
            MagazineArticle,
            slug=article["slug"],
            fields={
                "title": article["title"],
                "intro": article.get("intro", ""),
                "body": body_stream(ctx, article.get("body"), article_where),
            },
            m2m={
                "themes": themes_for(ctx, article.get("themes"), article_where),
                "wijken": wijken_for(ctx, article.get("wijken"), article_where),
            },
            where=article_where,
        )
        upsert_translations(
            ctx, page, article.get("translations"), fields_for=translated_text(ctx, article_where), where=article_where
        )
        ctx.done("articles")
