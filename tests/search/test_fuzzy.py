import numpy as np

from search.fuzzy import FuzzyVocabulary, auto_max_edits, osa_distance, osa_distances


def test_edit_budget_grows_with_the_term_and_digits_stay_exact():
    assert [auto_max_edits(term) for term in ("gft", "afval", "bewonerskaart", "2024")] == [0, 1, 2, 0]


def test_distance_counts_a_swap_as_one_edit():
    assert osa_distance("bewonreskaart", "bewonerskaart", 2) == 1
    assert osa_distance("kaart", "kart", 2) == 1
    assert osa_distance("kaart", "maart", 2) == 3  # first letter differs: never a match


def test_vectorised_distances_match_the_textbook_ones():
    candidates = np.array([[ord(c) for c in word] for word in ("kaart", "kraat", "zaart", "kaatr")])
    assert list(osa_distances("kaart", candidates)) == [0, 2, 1, 1]


def test_expansions_are_ranked_like_lucene():
    vocabulary = FuzzyVocabulary(["parker", "parkeer", "park", "marker", "afval"])
    expansions = vocabulary.expand("parkr", 1)
    assert [(e.term, round(e.boost, 2)) for e in expansions] == [("parker", 0.8), ("park", 0.75)]
    assert vocabulary.expand("afval", 0)[0].term == "afval"
    assert vocabulary.expand("afvl", 0) == []
