"""`GET /api/content/<path>`: one published page as JSON, found by its public URL path.

The shape follows plone.restapi's content GET so its clients feel at home:

* `@id` is this resource's absolute URL, `@type` the page type (`themes.ThemePage`, the
  names Wagtail API v2 uses for `type`);
* `UID` is the page's `translation_key`: it survives edits, moves, renames and
  republishing (a page id would too, but the key is also shared by the page's
  translations, so a client can link languages without an extra call);
* dates: `created` is when the page first went public (`first_published_at`; drafts and
  their creation time are private), `modified` when its public content last changed
  (`last_published_at`), `published` the moment it went or goes live (`go_live_at`, the
  embargo of a press release, else `created`);
* `body` is the StreamField as typed blocks, rich text HTML, images renditions;
* `themes`/`wijken` with their `@id`; the page type's own fields from its `api_fields`;
* `items_total`/`items`/`batching`: the public children, summarised, in Plone batches;
* `@components`: a link per component, or its full answer when named in `?expand=`;
* `readability`: the page's reading level (`{"level": "B1", "label": "Helder (B1)", "difficulty",
  "target"}`, cms/readability), so a front end or the city's dashboard can show it;
* `schema_org`: the page's schema.org JSON-LD (NewsArticle, Event, GovernmentService, ...)
  as its type declares it (cms/core/schema_org.py), ready for a front end's
  `<script type="application/ld+json">` (a plain key, not `@`-prefixed, so JavaScript
  clients read it as `data.schema_org`).
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.api.serializers.blocks import stream_value
from cms.api.serializers.fields import extra_fields
from cms.api.serializers.summary import page_type
from cms.api.serializers.taxonomy import themes_of, wijken_of
from cms.api.services.breadcrumbs import get as breadcrumbs
from cms.api.services.children import get as children
from cms.api.services.navigation import get as navigation
from cms.api.services.translations import get as translations
from cms.core.schema_org import structured_data
from cms.readability.services import page_level_answer

COMPONENTS = {
    "breadcrumbs": breadcrumbs,
    "navigation": navigation,
    "translations": translations,
    "children": children,
}


def fingerprint(request, located, params) -> list:
    page = located.page
    parts = [
        (page.pk, page.live_revision_id, page.last_published_at, page.url_path),
        breadcrumbs.fingerprint(request, located, params),  # ancestors: the trail and the parent link
        children.fingerprint(request, located, params),
    ]
    for name in sorted(params.expand - {"breadcrumbs", "children"}):
        parts.append(COMPONENTS[name].fingerprint(request, located, params))
    return parts


def get(request, located, params) -> dict:
    page = located.page
    at = content_url(request, located.public_path)
    parent = located.ancestors[-1] if located.ancestors and page.pk != located.home.pk else None
    data = {
        "@id": at,
        "@type": page_type(page),
        "UID": str(page.translation_key),
        "id": page.pk,
        "title": page.title,
        "language": located.language,
        "created": page.first_published_at,
        "modified": page.last_published_at,
        "published": page.go_live_at or page.first_published_at,
        "intro": getattr(page, "intro", ""),
        "body": stream_value(page.body, request) if hasattr(page, "body") else [],
        "themes": themes_of(request, page, located.language),
        "wijken": wijken_of(request, page, located),
        "parent": {"@id": content_url(request, located.path_of(parent["url_path"])), "title": parent["title"]}
        if parent
        else None,
        "fields": extra_fields(page, request),
        "schema_org": structured_data(page, request),
        "readability": page_level_answer(page),
        "@components": {
            name: (
                component.get(request, located, params)
                if name in params.expand
                else {"@id": content_url(request, located.public_path, f"/@{name}")}
            )
            for name, component in COMPONENTS.items()
        },
    }
    data.update(children.batch(request, located, params, base_url=at))
    return data
