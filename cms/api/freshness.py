"""What retires cached API answers: every change a published answer could be made of.

Publishing, unpublishing, moving and deleting a page, and saving or deleting anything an
answer shows (a page of any type, its inline children, a theme or wijk, an image or
document, a view restriction, a site or locale) change the content generation
(cms/api/generation.py). The receivers run in the saving transaction, so the new generation
commits with the change. Draft saves bump too: they touch the page row, and a needless
rebuild is cheaper than a reasoning error about which saves are public.

Not caught here: changes made with queryset `.update()` or raw SQL, and an expiry time
passing. The answer cache bounds every entry's life (its TTL never outlives the next page
expiry, and never exceeds a few minutes), so those show up soon without a signal.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.api import generation

# "experiments": starting or changing a page experiment changes what its page's answer is.
CONTENT_APPS = {"core", "themes", "neighbourhoods", "pressroom", "projects", "events", "experiments"}


def shows_in_answers(model) -> bool:
    if issubclass(model, Page) or model._meta.app_label in CONTENT_APPS:
        return True
    return issubclass(model, (PageViewRestriction, Site, Locale, get_image_model(), get_document_model()))


def on_saved_or_deleted(sender, **kwargs):
    if kwargs.get("raw"):  # loaddata: fixtures are not content changes
        return
    if shows_in_answers(sender):
        generation.bump()


def on_page_event(sender, **kwargs):
    generation.bump()


def connect() -> None:
    post_save.connect(on_saved_or_deleted, dispatch_uid="content_api.freshness.saved")
    post_delete.connect(on_saved_or_deleted, dispatch_uid="content_api.freshness.deleted")
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished"), (post_page_move, "moved")):
        signal.connect(on_page_event, dispatch_uid=f"content_api.freshness.{name}")
