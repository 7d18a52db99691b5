"""One form per query: lowercase, whitespace collapsed, accents and punctuation kept."""

import pytest

from search.querylog.normalise import query_normalise


@pytest.mark.parametrize(("typed", "kept"), [
    ("Afval Ophalen", "afval ophalen"),
    ("  afval \t\n ophalen  ", "afval ophalen"),
    ("AFVAL\u00a0OPHALEN", "afval ophalen"),  # a no-break space from a copied text
    ("Één kaart", "één kaart"),
    ("Crèche à Gand", "crèche à gand"),
    ("cafe\u0301", "café"),  # e + combining accent: composed
    ("zero\u200bwidth", "zerowidth"),  # an invisible character pasted from a PDF
    ("Wat kost een parkeerkaart?", "wat kost een parkeerkaart?"),
    ("   ", ""),
])
def test_normalised(typed, kept):
    assert query_normalise(typed) == kept


def test_accented_and_plain_stay_different_words():
    assert query_normalise("één") != query_normalise("een")
