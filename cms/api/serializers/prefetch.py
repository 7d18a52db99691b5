"""Read a page's relations once for the whole answer (Django's prefetch), where the database has them.

A page being previewed carries its unsaved inline items and tags in memory (django-modelcluster
keeps them in `_cluster_related_objects`, and its managers answer from there): those are left
alone, a prefetch would read the saved ones for nothing.
"""

from __future__ import annotations

from django.db.models import Prefetch, prefetch_related_objects


def prefetch_on(instances: list, *lookups: str | Prefetch) -> None:
    """Prefetch `lookups` on model instances, skipping relations an instance holds in memory."""
    if not instances:
        return
    in_memory = getattr(instances[0], "_cluster_related_objects", {})
    wanted = [
        lookup for lookup in lookups
        if (lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup) not in in_memory
    ]
    if wanted:
        prefetch_related_objects(instances, *wanted)
