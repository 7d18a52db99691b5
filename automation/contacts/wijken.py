"""Finding a Ghent wijk from what a case system wrote: its name or slug, however spaced or cased.

"Rabot - Blaisantvest", "rabot-blaisantvest" and "RABOT-BLAISANTVEST" are one wijk:
both sides are compared in slug form. The wijken themselves are cms.core's `Wijk` rows.
"""

from __future__ import annotations

from django.utils.text import slugify

from cms.core.models import Wijk


def wijk_slug_for(text: str) -> str | None:
    wanted = slugify(text)
    if not wanted:
        return None
    if Wijk.objects.filter(slug=wanted).exists():
        return wanted
    for slug, name in Wijk.objects.values_list("slug", "name"):
        if slugify(name) == wanted:
            return slug
    return None
