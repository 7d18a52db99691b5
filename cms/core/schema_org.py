"""schema.org JSON-LD for any page: what search engines and assistants read about it.

`structured_data(page, request)` gives one JSON-serialisable dict for a front end to put
in `<script type="application/ld+json">` (the content API embeds it in a page's answer and
in the v2 page detail). What every page says is built here: its type, `@id` and `url` (its
public URL, cms/core/publishing.py), name, language, dates, description, image, keywords
and the city as publisher. What a page *is* its type declares on its class, like its
panels and search fields: `schema_org_type` ("Event", "GovernmentService", ...; "WebPage"
by default, on `BasePage`) and `schema_org_properties(data, request)`, which adds (or
drops) the properties of that type. The pieces types share live here: the city as an
organisation, a place in Ghent, the properties of a news article.

Only public data goes in: the function does not check visibility itself; call it for
pages the API already shows.
"""

from __future__ import annotations

from django.conf import settings

from cms.core.images import image_rendition
from cms.core.publishing import public_url

CONTEXT = "https://schema.org"
HEADLINE_LENGTH = 110  # Google's limit for Article headlines
IMAGE_SPEC = "max-1200x1200"


def iso(value):
    return value.isoformat() if value else None


def city(request=None) -> dict:
    return {"@type": "GovernmentOrganization", "name": settings.WAGTAIL_SITE_NAME}


def place(name: str, address: str = "", postcode: str = "") -> dict:
    """A schema.org Place in Ghent, with a postal address when a street or postcode is known."""
    found = {"@type": "Place", "name": name}
    if address or postcode:
        postal = {"@type": "PostalAddress", "addressLocality": "Gent", "addressCountry": "BE"}
        if address:
            postal["streetAddress"] = address
        if postcode:
            postal["postalCode"] = postcode
        found["address"] = postal
    return found


def news_article(page, data: dict, request) -> dict:
    """A NewsArticle's own properties: headline, the city as author, the wijken it is about."""
    data["headline"] = page.title[:HEADLINE_LENGTH]
    data["author"] = city(request)
    wijken = list(page.wijken.all()) if hasattr(page, "wijken") else []
    if wijken:
        data["contentLocation"] = [place(wijk.name, postcode=wijk.postcode) for wijk in wijken]
    return data


def common_properties(page, request, schema_type: str) -> dict:
    """What every page says, whatever its type."""
    url = public_url(page.url_path, request=request)
    data = {
        "@context": CONTEXT,
        "@type": schema_type,
        "@id": url,
        "url": url,
        "name": page.title,
        "inLanguage": page.locale.language_code,
        "datePublished": iso(page.go_live_at or page.first_published_at),
        "dateModified": iso(page.last_published_at),
        "publisher": city(request),
    }
    intro = getattr(page, "intro", "")
    if intro:
        data["description"] = intro
    image = image_rendition(page, request, IMAGE_SPEC)
    if image:
        data["image"] = {"@type": "ImageObject", "url": image["url"], "width": image["width"],
                         "height": image["height"], "caption": image["alt"]}
    themes = getattr(page, "themes", None)
    if themes is not None:
        keywords = [theme.name for theme in themes.all()]
        if keywords:
            data["keywords"] = keywords
    return data


def structured_data(page, request) -> dict:
    """JSON-LD (a dict) for a public page of any type; `page` may be specific or not."""
    page = page.specific
    data = common_properties(page, request, getattr(page, "schema_org_type", "WebPage"))
    own = getattr(page, "schema_org_properties", None)
    return own(data, request) if own is not None else data
