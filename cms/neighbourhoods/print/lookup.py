"""Finding an edition from what a person types: its id, or its public path or URL.

`12`, `nl/wijken/ledeberg/wijkkrant-ledeberg/editie-1`, `/nl/wijken/.../editie-1/` and
`https://www.stad.gent/nl/wijken/.../editie-1/` all name the same edition; the path is the
one `cms.core.publishing` gives it, read back through the homes of the sites.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from cms.core.publishing import homes, public_path_of
from cms.neighbourhoods.models import MagazineEdition


class EditionNotFound(LookupError):
    pass


def edition_find(reference: str) -> MagazineEdition:
    reference = (reference or "").strip()
    if not reference:
        raise EditionNotFound("give an edition id or its public path")
    if reference.isdigit():
        edition = MagazineEdition.objects.filter(pk=int(reference)).first()
        if edition is None:
            raise EditionNotFound(f"no edition with id {reference}")
        return edition
    path = public_path_of(urlsplit(reference).path if "://" in reference else reference)
    language, _, rest = path.partition("/")
    for home in homes():
        if home.language == language:
            edition = MagazineEdition.objects.filter(url_path=f"{home.url_path}{rest}/" if rest else home.url_path).first()
            if edition is not None:
                return edition
    raise EditionNotFound(f"no edition at {reference!r} (give its id or a path such as nl/wijken/<wijk>/<magazine>/<edition>)")
