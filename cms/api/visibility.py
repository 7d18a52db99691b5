"""Which pages the public API may show: the single rule every endpoint filters through.

A page is public when it is live, not past its expiry, not behind a view restriction and
not below a page that is unpublished, expired or restricted. Wagtail's own v2 API checks
live and restrictions only (and asks each restriction about the current session); ours
treats every restriction as closed, because API answers are cached for everyone and an API
client has no session, and it also hides live pages left under an unpublished section, which
Wagtail's router would still serve. Scheduled (embargoed) pages are not live until their
time comes, so `live` keeps them out.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from cms.api.answer_scope import remembered


def hidden_subtree_paths() -> list[str]:
    """Tree paths whose whole subtree (the page included) is hidden; one query (once per
    answer, see cms/api/answer_scope.py).

    Only pages with children matter for the subtree rule (a hidden leaf is excluded by
    `live`/expiry on its own row), which keeps this list short on a real site.
    """
    return remembered("hidden_subtree_paths", _hidden_subtree_paths)


def _hidden_subtree_paths() -> list[str]:
    now = timezone.now()
    closed = Q(view_restrictions__isnull=False) | Q(numchild__gt=0) & (Q(live=False) | Q(expire_at__lte=now))
    return sorted(set(Page.objects.filter(closed).values_list("path", flat=True)))


def public_q(paths: list[str] | None = None) -> Q:
    """A filter for any Page queryset (or a specific page model's) keeping public pages only."""
    if paths is None:
        paths = hidden_subtree_paths()
    q = Q(live=True) & (Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    for path in paths:
        q &= ~Q(path__startswith=path)
    return q


def public_pages(model=Page):
    return model.objects.filter(public_q())
