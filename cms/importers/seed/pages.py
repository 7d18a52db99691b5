"""Create or update one page (and its translations) the way an editor would.

A page is found again by its slug under its parent. Changes go through a revision and are
published (or kept as a draft, or scheduled for an embargo), so the demo has the same
history, workflow state and scheduling an edited site has. When a re-run would change
nothing, no revision is made: running the seed twice leaves the history as it was.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.models import Page
from wagtail_localize.fields import copy_synchronised_fields

from cms.importers.seed.body import body_stream
from cms.importers.seed.data import DemoDataError


class PageStatus(models.TextChoices):
    LIVE = "live", "Gepubliceerd"
    DRAFT = "draft", "Concept"
    EMBARGO = "embargo", "Onder embargo"


# Keys that differ between two saves of the same content (ids, tree and publishing state).
VOLATILE_KEYS = {
    "id", "pk", "path", "depth", "numchild", "url_path", "live", "has_unpublished_changes",
    "first_published_at", "last_published_at", "live_revision", "latest_revision",
    "latest_revision_created_at", "draft_title", "owner", "locked", "locked_at", "locked_by",
    "expired", "alias_of", "content_type", "translation_key", "sort_order", "page",
}


def _normalised(data):
    if isinstance(data, dict):
        return {key: _normalised(value) for key, value in data.items() if key not in VOLATILE_KEYS}
    if isinstance(data, list):
        return [_normalised(value) for value in data]
    if isinstance(data, str) and data[:2] == "[{":
        try:
            return _normalised(json.loads(data))
        except ValueError:
            return data
    return data


def _content(page: Page) -> dict:
    return _normalised(json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder)))


def _is_unchanged(page: Page, status: str) -> bool:
    revision = page.latest_revision
    if page.pk is None or revision is None or _content(page) != _normalised(revision.content):
        return False
    if status == PageStatus.LIVE:
        return page.live and not page.has_unpublished_changes
    if status == PageStatus.DRAFT:
        return not page.live
    return revision.approved_go_live_at is not None and revision.approved_go_live_at == page.go_live_at


def _sync_children(page: Page, relation: str, rows: list[dict]) -> None:
    """Replace a page's inline rows, reusing existing rows by position so their ids and
    translation keys (which link them to their translations) stay the same."""
    existing = list(getattr(page, relation).all())
    model = page._meta.get_field(relation).related_model
    objects = []
    for position, row in enumerate(rows):
        obj = existing[position] if position < len(existing) else model()
        for name, value in row.items():
            setattr(obj, name, value)
        objects.append(obj)
    setattr(page, relation, objects)


def _apply(page: Page, fields: dict, m2m: dict | None, children: dict | None) -> None:
    for name, value in fields.items():
        setattr(page, name, value)
    for name, values in (m2m or {}).items():
        getattr(page, name).set(values)
    for name, rows in (children or {}).items():
        _sync_children(page, name, rows)


def _save(ctx, page: Page, status: str, where: str) -> Page:
    """Save a revision and bring the page to `status`; returns the page fresh from the database."""
    if _is_unchanged(page, status):
        ctx.counts["pages unchanged"] += 1
        return page
    try:
        if status == PageStatus.EMBARGO and page.live:
            page.unpublish()
        revision = page.save_revision(clean=True)
    except ValidationError as error:
        raise DemoDataError(f"{where}: {'; '.join(error.messages)}") from None
    if status in (PageStatus.LIVE, PageStatus.EMBARGO):
        revision.publish()
    elif page.live:
        page.unpublish()
    ctx.counts["pages saved"] += 1
    return type(page).objects.get(pk=page.pk)


def upsert_page(
    ctx,
    parent: Page,
    model: type[Page],
    *,
    slug: str,
    fields: dict,
    m2m: dict | None = None,
    children: dict | None = None,
    status: str = PageStatus.LIVE,
    where: str = "",
) -> Page:
    where = where or slug
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, model):
            raise DemoDataError(
                f"{where}: onder {parent.title!r} staat al een {type(page).__name__} met slug {slug!r}"
            )
    else:
        page = model(slug=slug, live=False)
    _apply(page, fields, m2m, children)
    if existing is None:
        try:
            parent.add_child(instance=page)
        except ValidationError as error:
            raise DemoDataError(f"{where}: {'; '.join(error.messages)}") from None
        ctx.counts["pages created"] += 1
    return _save(ctx, page, status, where)


def translated_text(ctx, where):
    """The fields every translation carries: title, intro and body."""

    def fields_for(data: dict) -> dict:
        fields = {"title": data["title"]}
        if "intro" in data:
            fields["intro"] = data["intro"]
        if "body" in data:
            fields["body"] = body_stream(ctx, data["body"], where)
        return fields

    return fields_for


def upsert_translations(
    ctx,
    source: Page,
    translations: dict | None,
    *,
    fields_for,
    status: str = PageStatus.LIVE,
    where: str = "",
) -> list[Page]:
    """Create or update the English and French versions given in `translations`.

    A new translation is Wagtail's `copy_for_translation` (parents that are not translated
    yet become aliases of the Dutch ones); an existing one first takes over the source's
    synchronised fields (dates, tags, inline rows) the way wagtail-localize syncs them. Then
    `fields_for(data)` gives the translated fields (title, intro, body).
    """
    pages = []
    for locale in ctx.translation_locales():
        data = (translations or {}).get(locale.language_code)
        if not data:
            continue
        target = source.get_translation_or_none(locale)
        if target is None:
            target = source.copy_for_translation(locale, copy_parents=True)
            ctx.counts["translations created"] += 1
        else:
            target = target.specific
            copy_synchronised_fields(source, target)
        target.go_live_at = source.go_live_at
        _apply(target, fields_for(data), None, None)
        pages.append(_save(ctx, target, status, f"{where or source.slug} ({locale.language_code})"))
    return pages
