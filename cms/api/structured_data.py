"""schema.org JSON-LD for any page: what search engines and assistants read about it.

`structured_data(page, request)` gives one JSON-serialisable dict for a front end to put
in `<script type="application/ld+json">` (the content API embeds it in a page's answer).
Each page type maps to the schema.org type that says what it *is*:

| page                | schema.org type      | besides name, url, description, dates, language     |
|---------------------|----------------------|------------------------------------------------------|
| PressReleasePage    | NewsArticle          | headline, datePublished (embargo end), image         |
| MagazineArticle     | NewsArticle          | headline, contentLocation (its wijken)               |
| EventPage           | Event                | startDate, endDate, location Place + address, offers |
| ThemePage           | GovernmentService    | provider (the city, the owning department), audience |
| ProjectPage         | Project              | location Place with geo, when coordinates are known  |
| WijkPage            | Place                | address (postcode, Gent), containedInPlace Gent      |
| any other page      | WebPage              |                                                      |

The publisher is the city (`GovernmentOrganization`, named by WAGTAIL_SITE_NAME). Only
public data goes in: the function does not check visibility itself; call it for pages the
API already shows.
"""

from __future__ import annotations

from django.conf import settings

from cms.api.signage.images import image_rendition

CONTEXT = "https://schema.org"
HEADLINE_LENGTH = 110  # Google's limit for Article headlines
IMAGE_SPEC = "max-1200x1200"


def _iso(value):
    return value.isoformat() if value else None


def city(request=None) -> dict:
    return {"@type": "GovernmentOrganization", "name": settings.WAGTAIL_SITE_NAME}


def _place(name: str, address: str = "", postcode: str = "") -> dict:
    place = {"@type": "Place", "name": name}
    if address or postcode:
        postal = {"@type": "PostalAddress", "addressLocality": "Gent", "addressCountry": "BE"}
        if address:
            postal["streetAddress"] = address
        if postcode:
            postal["postalCode"] = postcode
        place["address"] = postal
    return place


def _common(page, request, schema_type: str) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": schema_type,
        "@id": page.get_full_url(request),
        "url": page.get_full_url(request),
        "name": page.title,
        "inLanguage": page.locale.language_code,
        "datePublished": _iso(page.go_live_at or page.first_published_at),
        "dateModified": _iso(page.last_published_at),
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


def _article(page, request) -> dict:
    data = _common(page, request, "NewsArticle")
    data["headline"] = page.title[:HEADLINE_LENGTH]
    data["author"] = city(request)
    wijken = list(page.wijken.all()) if hasattr(page, "wijken") else []
    if wijken:
        data["contentLocation"] = [_place(wijk.name, postcode=wijk.postcode) for wijk in wijken]
    return data


def _event(page, request) -> dict:
    data = _common(page, request, "Event")
    data["startDate"] = _iso(page.start)
    if page.end:
        data["endDate"] = _iso(page.end)
    data["eventStatus"] = "https://schema.org/EventScheduled"
    data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    data["organizer"] = city(request)
    name = page.location_name or (page.wijk.name if page.wijk_id else settings.WAGTAIL_SITE_NAME)
    data["location"] = _place(name, page.address, page.wijk.postcode if page.wijk_id else "")
    if page.registration_url:
        data["offers"] = {"@type": "Offer", "url": page.registration_url}
    return data


def _service(page, request) -> dict:
    data = _common(page, request, "GovernmentService")
    provider = city(request)
    if page.department:
        provider = {"@type": "GovernmentOrganization", "name": page.department, "parentOrganization": city(request)}
    data["provider"] = provider
    data["areaServed"] = {"@type": "City", "name": "Gent"}
    data["audience"] = {"@type": "Audience", "audienceType": page.get_audience_display()}
    if data.get("keywords"):
        data["serviceType"] = data["keywords"][0]
    return data


def _project(page, request) -> dict:
    data = _common(page, request, "Project")
    data["parentOrganization"] = city(request)
    if page.location or page.latitude is not None:
        place = _place(page.location or page.title)
        if page.latitude is not None and page.longitude is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": float(page.latitude),
                            "longitude": float(page.longitude)}
        data["location"] = place
    return data


def _wijk(page, request) -> dict:
    data = _common(page, request, "Place")
    data["name"] = page.wijk.name
    data.update({k: v for k, v in _place(page.wijk.name, postcode=page.wijk.postcode).items() if k == "address"})
    data["containedInPlace"] = {"@type": "City", "name": "Gent"}
    data.pop("datePublished"), data.pop("dateModified"), data.pop("publisher")  # not properties of a Place
    return data


def _web_page(page, request) -> dict:
    return _common(page, request, "WebPage")


BUILDERS = {
    "pressroom.PressReleasePage": _article,
    "neighbourhoods.MagazineArticle": _article,
    "events.EventPage": _event,
    "themes.ThemePage": _service,
    "projects.ProjectPage": _project,
    "neighbourhoods.WijkPage": _wijk,
}


def structured_data(page, request) -> dict:
    """JSON-LD (a dict) for a public page of any type; `page` may be specific or not."""
    page = page.specific
    return BUILDERS.get(page._meta.label, _web_page)(page, request)
