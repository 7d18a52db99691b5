"""Validators for list answers (feeds, calendars, playlists), built on `cms.api.caching`.

The ETag hashes what the list is made of: each listed page's id, live revision, publish
time and path, plus the parameters and host. Publishing, unpublishing, moving or
restricting any listed page, or a new page entering the list, changes it.

Last-Modified must move too when a page *leaves* the list, or a client asking only
If-Modified-Since would keep a withdrawn press release forever. So it is the latest of:
the listed pages' publish times, the latest page log entry (unpublish, delete, move,
view restriction...) for the page types listed, and the latest expiry already passed
among them (an expiry takes a page offline without any log entry).
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from cms.api import caching


def page_parts(pages) -> list:
    return [(page.pk, page.live_revision_id, page.last_published_at, page.url_path) for page in pages]


def last_change(pages, models) -> datetime | None:
    """See the module docstring; `models=None` means every page type (the sitemap)."""
    moments = [page.last_published_at for page in pages if page.last_published_at]
    logs, expiring = PageLogEntry.objects.all(), Page.objects.filter(expire_at__lte=timezone.now())
    if models is not None:
        content_types = list(ContentType.objects.get_for_models(*models, for_concrete_models=False).values())
        logs, expiring = logs.filter(content_type__in=content_types), expiring.filter(content_type__in=content_types)
    logged = logs.aggregate(at=Max("timestamp"))["at"]
    expired = expiring.aggregate(at=Max("expire_at"))["at"]
    moments += [moment for moment in (logged, expired) if moment]
    return max(moments, default=None)


def validators(request, *, kind: str, pages, models, extra=()) -> tuple[str, datetime | None]:
    """(ETag, Last-Modified) for a list of `pages` drawn from `models`."""
    etag = caching.fingerprint_etag(request.build_absolute_uri("/"), kind, list(extra), page_parts(pages))
    return etag, last_change(pages, models)


def answer(request, *, etag: str, last_modified, build):
    """304 when the client's copy is current, else `build()` decorated with the validators."""
    cached = caching.not_modified(request, etag=etag, last_modified=last_modified)
    if cached is not None:
        return cached
    return caching.decorate(build(), etag=etag, last_modified=last_modified)
