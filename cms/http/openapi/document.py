"""The OpenAPI 3.1 documents, assembled from the registered parts.

The platform's document (/api/schema/) holds every part; a group's document (the
automation API's /api/automation/openapi.json, for case-system integrators) holds the parts
registered in that group. Both carry the shared Problem schema. Two parts describing the
same path, schema, webhook or security scheme is a mistake, refused here rather than one
silently winning.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from cms.http.openapi.registry import registered_parts
from cms.http.openapi.shared import PROBLEM

OPENAPI_VERSION = "3.1.0"
PLATFORM_INFO = {
    "title": "Vrijhaven content API",
    "version": "1.0.0",
    "description": "Published content of the City of Ghent: Wagtail API v2 and Plone-style traversal. "
    "Every answer carries ETag and Last-Modified; errors are RFC 7807 problem+json.",
}


def openapi_document(*, info: dict | None = None, group: str | None = None) -> dict:
    """The platform's document, or with `group` (and that document's `info`) a group's."""
    paths: dict = {}
    schemas: dict = {"Problem": PROBLEM}
    webhooks: dict = {}
    schemes: dict = {}
    for part in registered_parts(group=group):
        for target, build in (
            (paths, part.paths),
            (schemas, part.schemas),
            (webhooks, part.webhooks),
            (schemes, part.security_schemes),
        ):
            if build is not None:
                _merge(target, build(), part.name)
    document: dict = {"openapi": OPENAPI_VERSION, "info": info or PLATFORM_INFO, "paths": paths}
    if webhooks:
        document["webhooks"] = webhooks
    components: dict = {"schemas": schemas}
    if schemes:
        components["securitySchemes"] = schemes
    document["components"] = components
    return document


def _merge(target: dict, entries: dict, part: str) -> None:
    taken = sorted(set(target) & set(entries))
    if taken:
        raise ImproperlyConfigured(f"OpenAPI part {part!r} describes {', '.join(taken)} again")
    target.update(entries)
