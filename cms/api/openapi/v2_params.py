"""The v2 endpoints' query parameters as exactly as JSON Schema can say them, read from the viewsets.

Wagtail's v2 views refuse (400) a `fields` item they do not know, `_` or `*` anywhere but
first, a removed field after `_`, more fields after a bare `*`, an `order` by a field that
is not a database field, a `limit` above WAGTAILAPI_LIMIT_MAX, a `type` or `locale` that
does not exist. A document that says "a string" for these promises answers the server then
refuses, so the patterns and enums below are built from the same lists the views check
against (the viewsets' available fields, the page types, the content languages, the taxonomy
slugs), when the document is served.
"""

from __future__ import annotations

import re

from django.conf import settings

from cms.api.v2.field_selection import KEPT
from cms.api.v2.paging import MAX_OFFSET
from cms.api.v2.search_text import MAX_LENGTH as SEARCH_MAX_LENGTH


def _any_of(names) -> str:
    return "|".join(re.escape(name) for name in sorted(names))


def fields_pattern(names: list[str]) -> str:
    """`fields`: `_` then fields to add, `*` then fields to remove, or fields to add or remove (`-name`).
    The kept fields (`id`, `type`, `detail_url`) cannot be removed."""
    add = _any_of(names)
    remove = _any_of(set(names) - set(KEPT))
    item = f"(?:{add}|-(?:{remove}))"
    return rf"^(?:_(?:,(?:{add}))*|\*(?:,-(?:{remove}))*|{item}(?:,{item})*)?$"


def listing_fields(viewset, model) -> list[str]:
    return [name for name in viewset.get_available_fields(model) if name not in viewset.detail_only_fields]


def detail_fields(viewset, model) -> list[str]:
    return list(viewset.get_available_fields(model))


def order_schema(viewset, model) -> dict:
    names = viewset.get_available_fields(model, db_fields_only=True)
    return {"type": "string", "enum": ["random", *names, *(f"-{name}" for name in names)]}


def list_pattern(values, *, allow_empty: bool = False) -> dict:
    """A comma-separated list of known values (slugs, type names), at least one unless `allow_empty`;
    with `values` None (not known where the document is built), of slugs."""
    one = r"[-\w]+" if values is None else (_any_of(values) or "(?!)")
    listed = rf"(?:{one})(?:,(?:{one}))*"
    return {"type": "string", "pattern": rf"^(?:{listed})?$" if allow_empty else rf"^{listed}$"}


def limit_schema() -> dict:
    return {"type": "integer", "minimum": 0, "maximum": getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)}


def offset_schema() -> dict:
    return {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}


def search_schema() -> dict:
    return {"type": "string", "maxLength": SEARCH_MAX_LENGTH, "pattern": r"^[^\x00]*$"}
