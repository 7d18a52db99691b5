"""Page slugs for the note's sections, and how a re-run finds the page it made before.

A slug starts with the section's number ("4-6-crisiscommunicatie-en-reputatiemanagement")
and a re-run looks a page up by that number prefix alone. So a reworded heading in a new
version of the note updates the same page (its title changes, its URL does not) instead
of creating a second one.
"""

from __future__ import annotations

from django.utils.text import slugify

from .sections import Section

MAX_SLUG_CHARS = 80


def section_slug(section: Section) -> str:
    """`<number key>-<heading words>`, cut at a word boundary; the foreword is just its key."""
    if section.number is None:
        return section.key
    slug = slugify(f"{section.key} {section.heading}")
    if len(slug) <= MAX_SLUG_CHARS:
        return slug
    return slug[: MAX_SLUG_CHARS + 1].rsplit("-", 1)[0]


def slug_matches(slug: str, key: str) -> bool:
    """True if `slug` belongs to the section with this key: "4-6-..." for "4-6", not "4-60-..."."""
    return slug == key or slug.startswith(f"{key}-")
