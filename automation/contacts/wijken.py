"""Finding a Ghent wijk from what a case system wrote: its name or slug, however spaced or cased.

"Rabot - Blaisantvest", "rabot-blaisantvest" and "RABOT-BLAISANTVEST" are one wijk:
both sides are compared in slug form. The wijken themselves are cms.core's `Wijk` rows;
there are 25 and they change perhaps once a decade, so the lookup table is kept in memory
(rebuilt when a wijk is saved or deleted in this process, and at least every five
minutes for changes made elsewhere) instead of costing every event a query.
"""

from __future__ import annotations

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.text import slugify

from cms.core.models import Wijk

TTL = 300.0
_cache: dict = {"table": None, "built": 0.0}


def _table() -> dict[str, str]:
    table = _cache["table"]
    if table is None or time.monotonic() - _cache["built"] > TTL:
        table = {}
        for slug, name in Wijk.objects.values_list("slug", "name"):
            table[slugify(name)] = slug
            table[slug] = slug
        _cache.update(table=table, built=time.monotonic())
    return table


@receiver([post_save, post_delete], sender=Wijk, dispatch_uid="automation-wijk-lookup")
def _forget(**kwargs):
    _cache["table"] = None


def wijk_slug_for(text: str) -> str | None:
    wanted = slugify(text)
    return _table().get(wanted) if wanted else None
