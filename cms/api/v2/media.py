"""Which images and documents the public v2 API may list: those a public page uses.

Stock `/api/v2/images/` and `/documents/` list the whole library, including a photo
uploaded for an embargoed press release or a draft. Collections cannot tell us what is
public (editors pick any collection), so the rule follows the pages: a medium is public
when Wagtail's ReferenceIndex records it as used by a page that passes the one visibility
rule (cms/core/publishing.py). The index is kept by Wagtail on every page save, including
inline children (press release attachments) and StreamField blocks. Media used only by
drafts, scheduled, expired or restricted pages, or by nothing, are not listed and their
detail is a 404. (The files themselves are served by the media storage, not by this API.)
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from cms.core.publishing import public_pages


def used_by_public_pages(model) -> list[int]:
    """Primary keys of `model` rows referenced by a public page; two queries."""
    page_ids = public_pages().annotate(pk_text=Cast("pk", CharField())).values("pk_text")
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        object_id__in=page_ids,
    ).values_list("to_object_id", flat=True)
    return sorted({int(pk) for pk in refs})


def public_media(queryset):
    """`queryset` (images or documents) narrowed to what a public page uses."""
    return queryset.filter(pk__in=used_by_public_pages(queryset.model))
