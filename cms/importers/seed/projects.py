"""Projects (projects.json) with their phases and documents."""

from __future__ import annotations

from cms.importers.seed.body import body_stream
from cms.importers.seed.data import as_date
from cms.importers.seed.pages import PageStatus, _save, _sync_children, translated_text, upsert_page, upsert_translations
from cms.importers.seed.taxonomy import themes_for, wijken_for
from cms.projects.models import ParticipationStatus, ProjectDocumentKind, ProjectPage


def _phases(rows: list[dict], where: str) -> list[dict]:
    return [
        {
            "title": row["title"],
            "start": as_date(row.get("start"), where),
            "end": as_date(row.get("end"), where),
            "description": row.get("description", ""),
            "is_current": bool(row.get("current")),
            "input_open": bool(row.get("input_until")),
            "input_until": as_date(row.get("input_until"), where),
            "question": row.get("question", ""),
            "question_options": "\n".join(row.get("choices") or []),
            "outcome": row.get("outcome", ""),
        }
        for row in rows or []
    ]


def _documents(ctx, rows: list[dict], where: str) -> list[dict]:
    documents = []
    for row in rows or []:
        if row.get("kind") not in ProjectDocumentKind.values:
            ctx.warn(f"{where}: onbekende soort document {row.get('kind')!r} overgeslagen")
            continue
        document = ctx.media.document(row["document"], row.get("title", ""))
        documents.append({"kind": row["kind"], "document": document, "title": row.get("title") or document.title})
    return documents


def _coordinates(item: dict) -> tuple:
    """`location` is text in SCHEMA.md; an object with lat/lon is accepted too."""
    location = item.get("location")
    if isinstance(location, dict):
        return location.get("name", ""), location.get("lat"), location.get("lon")
    return location or "", item.get("lat"), item.get("lon")


def seed_projects(ctx, data, sections) -> None:
    ctx.step("Projecten")
    for item in data.projects:
        where = f"projects: {item['slug']}"
        status = item.get("participation_status") or ParticipationStatus.IN_DEVELOPMENT
        if status not in ParticipationStatus.values:
            ctx.warn(f"{where}: onbekende inspraakstatus {status!r}, 'in_development' gebruikt")
            status = ParticipationStatus.IN_DEVELOPMENT
        location, latitude, longitude = _coordinates(item)
        page = upsert_page(
            ctx,
            sections["projects"],
            ProjectPage,
            slug=item["slug"],
            fields={
                "title": item["title"],
                "programme": item.get("programme", ""),
                "intro": item.get("intro", ""),
                "body": body_stream(ctx, item.get("body"), where),
                "participation_status": status,
                "location": location,
                "latitude": latitude,
                "longitude": longitude,
            },
            m2m={"themes": themes_for(ctx, item.get("themes"), where), "wijken": wijken_for(ctx, item.get("wijken"), where)},
            children={
                "phases": _phases(item.get("phases"), where),
                "documents": _documents(ctx, item.get("documents"), where),
            },
            where=where,
        )
        upsert_translations(ctx, page, item.get("translations"), fields_for=translated_text(ctx, where), where=where)
        ctx.done("projects")


def seed_project_events(ctx, data, sections) -> None:
    """Link each project to its events (`events`: event slugs), once the events exist."""
    ctx.step("Activiteiten bij projecten")
    for item in data.projects:
        slugs = item.get("events") or []
        project = sections["projects"].get_children().filter(slug=item["slug"]).first()
        if not slugs or project is None:
            continue
        where = f"projects: {item['slug']}"
        events = []
        for slug in slugs:
            event = sections["events"].get_children().filter(slug=slug).first()
            if event is None:
                ctx.warn(f"{where}: onbekende activiteit {slug!r} overgeslagen")
            else:
                events.append(event)
        project = project.specific
        if [link.event_id for link in project.event_links.all()] == [event.pk for event in events]:
            continue
        _sync_children(project, "event_links", [{"event": event} for event in events])
        _save(ctx, project, PageStatus.LIVE, where)
