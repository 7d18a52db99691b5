"""`?fields=` on the v2 endpoints: every item keeps `id` and `meta` (`type`, `detail_url`), as documented.

Stock Wagtail lets `?fields=_` (no fields) strip an item down to `{}`, and `?fields=-id`
drop its id: the answer then breaks the OpenAPI document, which promises `id` and `meta`
on every item, and a client can no longer tell the items apart or follow them. We keep the
document's promise rather than refuse the request: `_` still removes every other field, so
`?fields=_,title` gives the smallest useful listing, as Wagtail's documentation uses it.
Removing one of the kept fields by name (`-id`, `-type`, `-detail_url`) is a 400 naming
`fields`: the client asked for something it will not get.
"""

from __future__ import annotations

from cms.http.problems import InvalidParam, bad_request

KEPT = ("id", "type", "detail_url")


def with_kept_fields(fields_config: list) -> list:
    """Wagtail's parsed `fields` (name, negated, sub-fields) with the kept fields always present."""
    refused = sorted(name for name, negated, _ in fields_config if negated and name in KEPT)
    if refused:
        raise bad_request(InvalidParam("fields", f"{', '.join(refused)} cannot be removed: every item has id and meta"))
    if fields_config and fields_config[0][0] == "_":
        return [fields_config[0], *((name, False, None) for name in KEPT), *fields_config[1:]]
    return fields_config
