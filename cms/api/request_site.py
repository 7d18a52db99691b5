"""The request's Wagtail site without a database query per request.

Wagtail finds a request's site (`Site.find_for_request`) with a query per request, and that
query (hostname and port matching with a CASE ranking, the root page joined) is the
costliest part of building an answer that is not about the page. Sites change a few times
in a city's life, so the result of Wagtail's own rule is kept in the shared cache, as
Wagtail keeps its table of site homes (`Site.get_site_root_paths`): one entry listing, per
host and port asked, the site's columns (or that no site serves it). Any save or delete of
a site drops the entry, in the saving transaction's commit, and the entry lives at most
`MAX_SECONDS` (a change made with `.update()` or raw SQL, or a process-local cache in a
setup of several processes, is seen within that time). At most `MAX_HOSTS` hosts are kept,
so a stream of made-up Host headers cannot grow it.

The site found is put where Wagtail looks first (`request._wagtail_site`), so every later
`Site.find_for_request` in the same request uses it. Its root page is not loaded with it
(the content API reads homes from the table of site homes); reading it asks the database.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

CACHE_KEY = "content-api:request-sites"
MAX_SECONDS = 300
MAX_HOSTS = 64
NO_SITE = None  # cached as such: no site serves this host


def _columns(site: Site) -> dict:
    return {field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}


def _from_columns(columns: dict) -> Site:
    names = [field.attname for field in Site._meta.concrete_fields]
    return Site.from_db(Site.objects.db, names, [columns[name] for name in names])


def site_for_request(request) -> Site | None:
    """What `Site.find_for_request(request)` answers, from the cache when it is there."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    known = cache.get(CACHE_KEY) or {}
    if host in known:
        columns = known[host]
        site = _from_columns(columns) if columns is not NO_SITE else None
    else:
        try:
            site = get_site_for_hostname(*host)
        except Site.DoesNotExist:
            site = None
        if len(known) < MAX_HOSTS:
            cache.set(CACHE_KEY, {**known, host: _columns(site) if site is not None else NO_SITE}, MAX_SECONDS)
    request._wagtail_site = site
    return site


def forget(sender=None, **kwargs) -> None:
    """Drop what is known (a site was saved or deleted); again after the commit, so a request
    that read the old sites meanwhile does not put them back for long."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect() -> None:
    post_save.connect(forget, sender=Site, dispatch_uid="content_api.request_site.saved")
    post_delete.connect(forget, sender=Site, dispatch_uid="content_api.request_site.deleted")
