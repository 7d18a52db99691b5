"""One form per query, so "Afval ophalen", " afval  ophalen " and "AFVAL OPHALEN" count as one question.

Lowercased, whitespace collapsed to single spaces, Unicode composed (NFC: an "é" typed as
"e" + accent and one typed as one character are the same). Accents are kept: "één" and
"een" are different words in Dutch, and French needs them too. Invisible format and
control characters (a zero-width space pasted from a PDF) are dropped. Nothing else
changes: punctuation and word order are the citizen's, because editors read these words.
"""

from __future__ import annotations

import unicodedata

_INVISIBLE = {"Cc", "Cf"}


def query_normalise(text: str) -> str:
    composed = unicodedata.normalize("NFC", text)
    visible = "".join(" " if char.isspace() else char for char in composed
                      if char.isspace() or unicodedata.category(char) not in _INVISIBLE)
    return " ".join(visible.lower().split())
