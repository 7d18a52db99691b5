"""Serve the platform's OpenAPI document and a self-contained docs page (no CDN: works offline).

The document is assembled by the HTTP kernel from every app's registered part; served here
with the content API's validators (ETag, 304).
"""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.utils.html import escape

from cms.api import caching
from cms.http.methods import api_methods
from cms.http.openapi.document import openapi_document
from cms.http.urlconf import mark_api_request

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@api_methods("GET")
def schema_view(request):
    mark_api_request(request)
    document = openapi_document()
    etag = caching.fingerprint_etag("openapi", document)
    cached = caching.not_modified(request, etag=etag, last_modified=None)
    if cached is not None:
        return cached
    response = JsonResponse(document, content_type="application/vnd.oai.openapi+json")
    return caching.decorate(response, etag=etag, last_modified=None)


@api_methods("GET")
def docs_view(request):
    """One HTML page listing every operation, its parameters and answers, from the document."""
    mark_api_request(request)
    document = openapi_document()
    sections = []
    for path, operations in document["paths"].items():
        shared = operations.get("parameters", [])  # path-level parameters apply to each operation
        for method, operation in operations.items():
            if method not in HTTP_METHODS:
                continue
            params = "".join(
                f"<li><code>{escape(p['name'])}</code> ({escape(p['in'])}): {escape(p.get('description', ''))}</li>"
                for p in [*shared, *operation.get("parameters", [])]
            )
            answers = "".join(
                f"<li><code>{escape(code)}</code> {escape(answer['description'])}</li>"
                for code, answer in operation["responses"].items()
            )
            sections.append(
                f"<section><h2><code>{method.upper()} {escape(path)}</code></h2><p>{escape(operation.get('summary', ''))}</p>"
                f"<h3>Parameters</h3><ul>{params}</ul><h3>Answers</h3><ul>{answers}</ul></section>"
            )
    for event, item in document.get("webhooks", {}).items():
        sections.append(
            f"<section><h2><code>WEBHOOK {escape(event)}</code></h2><p>{escape(item['post']['summary'])}</p>"
            f"<p>{escape(item['post'].get('description', ''))}</p></section>"
        )
    info = document["info"]
    html = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(info['title'])}</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "section{border-top:1px solid #ccc;padding:.5rem 0}code{background:#f4f4f4}</style></head><body>"
        f"<h1>{escape(info['title'])} {escape(info['version'])}</h1><p>{escape(info['description'])}</p>"
        "<p>Machine-readable: <a href='/api/schema/'>/api/schema/</a> (OpenAPI 3.1).</p>"
        + "".join(sections)
        + "</body></html>"
    )
    return HttpResponse(html)


