import math

import pytest

from search.backends.bm25 import FieldIndex, keyword_scores, lucene_length


def test_field_lengths_are_rounded_like_lucene_norms():
    assert [lucene_length(n) for n in (1, 23, 24, 100, 120, 500)] == [1, 23, 24, 96, 120, 472]


def test_scores_follow_elasticsearch_bm25():
    index = FieldIndex([["parker", "bewoner", "kaart"], ["afval", "ophaal", "wijk"]])
    scores = index.term_scores("parker", fuzzy=False)
    # idf = ln(1 + (2 - 1 + 0.5) / 1.5); tf part = 2.2 * 1 / (1 + 1.2) with equal lengths
    assert scores[0] == pytest.approx(math.log(2) * 2.2 / 2.2)
    assert scores[1] == 0


def test_a_fuzzy_match_scores_below_the_exact_one():
    index = FieldIndex([["parker"], ["parker"], ["afval"]])
    exact = index.term_scores("parker", fuzzy=True)
    typo = index.term_scores("parkr", fuzzy=True)
    assert typo[0] == pytest.approx(0.8 * exact[0])  # boost 1 - 1/5


def test_a_query_word_counts_its_best_variant_once():
    fields = {"body": FieldIndex([["kaart"], ["kaarten"]])}
    one = keyword_scores(fields, {"body": 1.0}, [("kaart", "kaarten")], False, 2)
    assert one[0] == pytest.approx(one[1]) and one[0] > 0
