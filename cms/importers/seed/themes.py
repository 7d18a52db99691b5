"""Theme pages (theme_pages_*.json) under "Thema's"."""

from __future__ import annotations

from cms.importers.seed.body import body_stream
from cms.importers.seed.data import as_date
from cms.importers.seed.pages import translated_text, upsert_page, upsert_translations
from cms.importers.seed.taxonomy import themes_for, wijken_for
from cms.themes.models import Audience, ThemePage


def seed_theme_pages(ctx, data, sections) -> None:
    ctx.step("Themapagina's")
    for item in data.theme_pages:
        where = f"theme_pages: {item['slug']}"
        audience = item.get("audience") or Audience.IEDEREEN
        if audience not in Audience.values:
            ctx.warn(f"{where}: onbekende doelgroep {audience!r}, 'iedereen' gebruikt")
            audience = Audience.IEDEREEN
        page = upsert_page(
            ctx,
            sections["themes"],
            ThemePage,
            slug=item["slug"],
            fields={
                "title": item["title"],
                "intro": item.get("intro", ""),
                "body": body_stream(ctx, item.get("body"), where),
                "audience": audience,
                "department": item.get("department", ""),
                "last_reviewed": as_date(item.get("last_reviewed"), where),
            },
            m2m={"themes": themes_for(ctx, item.get("themes"), where), "wijken": wijken_for(ctx, item.get("wijken"), where)},
            where=where,
        )
        upsert_translations(ctx, page, item.get("translations"), fields_for=translated_text(ctx, where), where=where)
        ctx.done("theme pages")
