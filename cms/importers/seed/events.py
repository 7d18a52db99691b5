"""Events (events.json)."""

from __future__ import annotations

from cms.events.models import EventPage
from cms.importers.seed.body import body_stream
from cms.importers.seed.data import DemoDataError, as_datetime
from cms.importers.seed.pages import translated_text, upsert_page, upsert_translations
from cms.importers.seed.taxonomy import themes_for, wijk_for


def seed_events(ctx, data, sections) -> None:
    ctx.step("Activiteiten")
    for item in data.events:
        where = f"events: {item['slug']}"
        start = as_datetime(item.get("start"), where)
        if start is None:
            raise DemoDataError(f"{where}: een activiteit zonder begin")
        page = upsert_page(
            ctx,
            sections["events"],
            EventPage,
            slug=item["slug"],
            fields={
                "title": item["title"],
                "intro": item.get("intro", ""),
                "body": body_stream(ctx, item.get("body"), where),
                "start": start,
                "end": as_datetime(item.get("end"), where),
                "location_name": item.get("location_name") or "",
                "address": item.get("address") or "",
                "wijk": wijk_for(ctx, item.get("wijk"), where),
                "registration_required": bool(item.get("registration_required")),
                "registration_url": item.get("registration_url") or "",
            },
            m2m={"themes": themes_for(ctx, item.get("themes"), where)},
            where=where,
        )
        upsert_translations(ctx, page, item.get("translations"), fields_for=translated_text(ctx, where), where=where)
        ctx.done("events")
