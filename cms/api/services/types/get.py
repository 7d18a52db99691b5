"""`GET /api/content/<path>/@types` and `.../@types/<app.Model>`: the page types, and the
JSON Schema of the answer for one of them (plone.restapi's @types, for our page models).

Types do not depend on the page, so `/api/content/@types` works too; the answer changes
only when the code does (the ETag carries the representation version).
"""

from __future__ import annotations

from django.urls import reverse

from cms.http.problems import not_found
from cms.api.schemas import page_schema, page_types


def types_url(request, name: str = "") -> str:
    path = "@types" + (f"/{name}" if name else "")
    return request.build_absolute_uri(reverse("api-content", kwargs={"path": path}))


def fingerprint(request, located, params, name: str = "") -> list:
    if name and name not in page_types():  # before the validators: no 304 for a type that does not exist
        raise not_found(f"No page type '{name}'.")
    return ["types", name]


def get(request, located, params, name: str = "") -> dict:
    types = page_types()
    if name:
        if name not in types:
            raise not_found(f"No page type '{name}'.")
        return {"@id": types_url(request, name), **page_schema(types[name])}
    return {
        "@id": types_url(request),
        "items": [
            {"@id": types_url(request, label), "title": str(model._meta.verbose_name)}
            for label, model in sorted(types.items())
        ],
    }
