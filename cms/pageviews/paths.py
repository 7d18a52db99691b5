"""Which public page a site path the citizen site served stands for: `/nl/themas/afval/` -> that page's id.

Through the page kernel (cms/core/publishing.py): the homes of the site and its one rule
of what the public can see, so a view of a page that has since been unpublished, or of an
address that is no page (search, the preference centre), is not counted against a page.
One query for a whole batch, whatever its size.
"""

from __future__ import annotations

from cms.core.publishing import homes, public_pages, public_path_of


def pages_for_paths(site_paths: list[str]) -> dict[str, int]:
    """Site path -> page id, for the paths that are a public page (the others are left out)."""
    candidates: dict[str, list[str]] = {}  # url_path -> site paths it may stand for
    for site_path in site_paths:
        segments = [segment for segment in public_path_of(site_path).split("/") if segment]
        if not segments:
            continue
        language, rest = segments[0], segments[1:]
        for home in homes():
            if home.language == language:
                url_path = home.url_path + "".join(f"{segment}/" for segment in rest)
                candidates.setdefault(url_path, []).append(site_path)
    if not candidates:
        return {}
    found: dict[str, int] = {}
    rows = public_pages().filter(url_path__in=list(candidates)).values_list("url_path", "pk")
    for url_path, pk in sorted(rows, key=lambda row: row[0]):
        for site_path in candidates[url_path]:
            found.setdefault(site_path, pk)
    return found
