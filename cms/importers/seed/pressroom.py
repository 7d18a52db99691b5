"""Press contacts (press_contacts.json) and press releases (press_releases.json).

A release's `status` decides how it is saved: `live` is published, `draft` (a "[Concept]"
title) is saved as a draft and never published, `embargo` is published with a schedule
(go_live_at = embargo_until) so it stays offline until the embargo ends.
"""

from __future__ import annotations

from django.utils import timezone

from cms.core.models import PressContact
from cms.importers.seed.body import body_stream
from cms.importers.seed.data import DemoDataError, as_date, as_datetime
from cms.importers.seed.pages import PageStatus, translated_text, upsert_page, upsert_translations
from cms.importers.seed.taxonomy import themes_for, wijken_for
from cms.pressroom.models import AttachmentKind, PressReleasePage

CONTACT_FIELDS = ["name", "role", "phone", "email"]


def seed_press_contacts(ctx, data) -> dict[str, PressContact]:
    ctx.step("Perscontacten")
    contacts = {}
    for item in data.press_contacts:
        if not item.get("key"):
            raise DemoDataError("press_contacts: een contact zonder key")
        contact, _ = PressContact.objects.update_or_create(
            key=item["key"], defaults={name: item.get(name) or "" for name in CONTACT_FIELDS}
        )
        contacts[contact.key] = contact
        ctx.done("press contacts")
    return contacts


def _attachments(ctx, rows: list[dict], where: str) -> list[dict]:
    attachments = []
    for row in rows or []:
        kind = row.get("kind")
        if kind == AttachmentKind.IMAGE:
            attachments.append({
                "kind": kind,
                "image": ctx.media.image(row["image"]),
                "document": None,
                "alt": row.get("alt", ""),
                "credit": row.get("credit", ""),
                "title": row.get("title", ""),
            })
        elif kind == AttachmentKind.DOCUMENT:
            attachments.append({
                "kind": kind,
                "image": None,
                "document": ctx.media.document(row["document"], row.get("title", "")),
                "alt": "",
                "credit": "",
                "title": row.get("title", ""),
            })
        else:
            ctx.warn(f"{where}: onbekende soort bijlage {kind!r} overgeslagen")
    return attachments


def _status(ctx, item: dict, embargo_until, where: str) -> str:
    status = item.get("status") or PageStatus.LIVE
    if status not in PageStatus.values:
        raise DemoDataError(f"{where}: onbekende status {status!r}")
    if status == PageStatus.EMBARGO:
        if embargo_until is None:
            raise DemoDataError(f"{where}: status embargo zonder embargo_until")
        if embargo_until <= timezone.now():
            ctx.warn(f"{where}: embargo tot {embargo_until:%Y-%m-%d %H:%M} is al voorbij; het bericht gaat meteen online")
    return status


def seed_press_releases(ctx, data, sections, contacts: dict[str, PressContact]) -> None:
    ctx.step("Persberichten")
    for item in data.press_releases:
        where = f"press_releases: {item['slug']}"
        embargo_until = as_datetime(item.get("embargo_until"), where)
        status = _status(ctx, item, embargo_until, where)
        release_contacts = []
        for key in item.get("contacts", []):
            if key in contacts:
                release_contacts.append({"contact": contacts[key]})
            else:
                ctx.warn(f"{where}: onbekend perscontact {key!r} overgeslagen")
        page = upsert_page(
            ctx,
            sections["press"],
            PressReleasePage,
            slug=item["slug"],
            fields={
                "title": item["title"],
                "date": as_date(item.get("date"), where) or timezone.localdate(),
                "embargo_until": embargo_until if status == PageStatus.EMBARGO else None,
                "go_live_at": embargo_until if status == PageStatus.EMBARGO else None,
                "intro": item.get("intro", ""),
                "body": body_stream(ctx, item.get("body"), where),
            },
            m2m={"themes": themes_for(ctx, item.get("themes"), where), "wijken": wijken_for(ctx, item.get("wijken"), where)},
            children={
                "press_contacts": release_contacts,
                "attachments": _attachments(ctx, item.get("attachments"), where),
            },
            status=status,
            where=where,
        )
        upsert_translations(
            ctx, page, item.get("translations"), fields_for=translated_text(ctx, where), status=status, where=where
        )
        ctx.done("press releases")
