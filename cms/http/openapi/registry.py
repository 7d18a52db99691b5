"""The OpenAPI registry: each app registers its part of the documents from its `AppConfig.ready`.

As plone.restapi services register themselves, an endpoint's description lives beside the
endpoint, in the app that answers it, and the documents are assembled from what was
registered (document.py); nothing hard-codes which apps exist.

    openapi_part_register(name="crisis", order=60, groups=("automation",),
                          paths=crisis_paths, schemas=crisis_schemas)

`paths`, `schemas`, `webhooks` and `security_schemes` are callables returning a dict: they
run when a document is built, because schemas read models and settings. `groups` names the
smaller documents a part also belongs to (the platform's document has every part); `order`
places the part among the others (lower first, then by name). Registering a name again
replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Builder = Callable[[], dict]


@dataclass(frozen=True)
class OpenApiPart:
    name: str
    order: int
    groups: frozenset[str]
    paths: Builder | None = None
    schemas: Builder | None = None
    webhooks: Builder | None = None
    security_schemes: Builder | None = None


_parts: dict[str, OpenApiPart] = {}


def openapi_part_register(
    *,
    name: str,
    order: int = 100,
    groups: tuple[str, ...] = (),
    paths: Builder | None = None,
    schemas: Builder | None = None,
    webhooks: Builder | None = None,
    security_schemes: Builder | None = None,
) -> None:
    _parts[name] = OpenApiPart(
        name=name,
        order=order,
        groups=frozenset(groups),
        paths=paths,
        schemas=schemas,
        webhooks=webhooks,
        security_schemes=security_schemes,
    )


def registered_parts(*, group: str | None = None) -> list[OpenApiPart]:
    """Every part in order, or only those of `group`."""
    parts = [part for part in _parts.values() if group is None or group in part.groups]
    return sorted(parts, key=lambda part: (part.order, part.name))
