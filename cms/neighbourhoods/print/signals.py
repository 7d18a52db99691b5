"""A print version is out of date once an article in it is published again.

From a `page_published` receiver: when a magazine article (or the edition itself) is
published after a print version was finished, that version is flagged, so the admin
says "verouderd" beside the download and the editor makes a new one. City-wide
articles count for every wijk edition of the same month that prints them.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.signals import page_published

from cms.neighbourhoods.models import EditionPrint, MagazineArticle, MagazineEdition, PrintStatus


def editions_printing(article: MagazineArticle) -> list[int]:
    """Ids of the editions whose print versions contain `article`: its own, and for a city-wide
    article, the wijk editions of the same month in its language."""
    edition = article.get_parent().specific
    if not isinstance(edition, MagazineEdition):
        return []
    ids = [edition.pk]
    magazine = edition.get_parent().specific
    if getattr(magazine, "is_city_wide", False):
        ids += list(
            MagazineEdition.objects.filter(
                locale_id=edition.locale_id, date__year=edition.date.year, date__month=edition.date.month
            ).exclude(pk=edition.pk).values_list("pk", flat=True)
        )
    return ids


def on_page_published(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, MagazineArticle):
        editions = editions_printing(page)
    elif isinstance(page, MagazineEdition):
        editions = [page.pk]
    else:
        return
    if not editions:
        return
    published = page.last_published_at
    stale = Q(finished_at__lt=published) if published else Q()
    EditionPrint.objects.filter(stale, edition_id__in=editions, status=PrintStatus.READY, out_of_date=False).update(
        out_of_date=True
    )


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="neighbourhoods.print.out_of_date")
