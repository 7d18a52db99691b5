"""The evaluation's metrics on tiny hand-computed cases, and the labelled set's own sanity."""

import math

import pytest

from search.evaluation import (
    EvaluationSetError,
    ModeReport,
    RankedHit,
    hit_at,
    judge,
    load_queries,
    ndcg,
    page_key,
    parse_queries,
    reciprocal_rank,
)

A, B, C = "themas/a", "themas/b", "themas/c"


def test_page_key_drops_the_locale_and_slashes():
    assert page_key("/nl/themas/grof-huisvuil-laten-ophalen/") == "themas/grof-huisvuil-laten-ophalen"
    assert page_key("/en/themas/grof-huisvuil-laten-ophalen/") == "themas/grof-huisvuil-laten-ophalen"
    assert page_key("themas/x") == "themas/x"
    assert page_key("/nl/") == ""


def test_reciprocal_rank_is_one_over_the_first_relevant_rank():
    assert reciprocal_rank([A, B], {A: 1}) == 1.0
    assert reciprocal_rank(["x", "y", B], {B: 3}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"] * 10 + [A], {A: 3}) == 0.0  # beyond rank 10
    assert reciprocal_rank([], {A: 3}) == 0.0


def test_ndcg_by_hand():
    relevant = {A: 3, B: 1}
    # ideal: A then B -> 7/log2(2) + 1/log2(3)
    ideal = 7 + 1 / math.log2(3)
    assert ndcg([A, B], relevant) == pytest.approx(1.0)
    assert ndcg([B, A], relevant) == pytest.approx((1 + 7 / math.log2(3)) / ideal)
    assert ndcg(["x", A], relevant) == pytest.approx((7 / math.log2(3)) / ideal)
    assert ndcg(["x", "y"], relevant) == 0.0


def test_a_page_counts_once_even_when_its_translation_is_listed_too():
    # "/nl/themas/a/" and "/en/themas/a/" share the key A: the second earns nothing
    assert ndcg([A, A, B], {A: 3, B: 3}) == pytest.approx((7 + 7 / 2) / (7 + 7 / math.log2(3)))


def test_hit_at_3():
    assert hit_at(["x", "y", A], {A: 1}) == 1.0
    assert hit_at(["x", "y", "z", A], {A: 3}) == 0.0


def test_english_questions_also_score_dutch_pages_alone():
    query = parse_queries([{"id": "q", "query": "lost id card", "language": "en", "relevant": [{"page": A, "grade": 3}]}])[0]
    english_only = judge(query, [RankedHit(A, "en", "t"), RankedHit("x", "nl", "t")])
    assert (english_only.hit3, english_only.dutch_hit3) == (1.0, 0.0)
    dutch_second = judge(query, [RankedHit("x", "en", "t"), RankedHit(A, "nl", "t")])
    assert (dutch_second.mrr, dutch_second.dutch_hit3) == (0.5, 1.0)


def test_a_report_averages_per_language():
    queries = parse_queries(
        [
            {"query": "a", "language": "nl", "relevant": [{"page": A, "grade": 3}]},
            {"query": "b", "language": "en", "relevant": [{"page": B, "grade": 3}]},
        ]
    )
    report = ModeReport("local", "hybrid", [judge(queries[0], [RankedHit(A, "nl", "")]), judge(queries[1], [])])
    assert (report.mrr(), report.mrr("nl"), report.mrr("en")) == (0.5, 1.0, 0.0)
    assert report.summary()["paraphrase"]["queries"] == 2


@pytest.mark.parametrize(
    "item, message",
    [
        ({"query": "", "language": "nl", "relevant": [{"page": A, "grade": 1}]}, "empty query"),
        ({"query": "q", "language": "de", "relevant": [{"page": A, "grade": 1}]}, "language"),
        ({"query": "q", "language": "nl", "relevant": []}, "no relevant pages"),
        ({"query": "q", "language": "nl", "relevant": [{"page": A, "grade": 4}]}, "grade"),
        ({"query": "q", "language": "nl", "relevant": [{"page": A, "grade": 1}, {"page": "/nl/" + A, "grade": 2}]}, "twice"),
    ],
)
def test_a_malformed_set_is_refused_naming_the_query(item, message):
    with pytest.raises(EvaluationSetError, match=message):
        parse_queries([item])


def test_the_labelled_set_covers_what_the_issue_asks():
    queries = load_queries()
    dutch = [q for q in queries if q.language == "nl"]
    english = [q for q in queries if q.language == "en"]
    assert len(dutch) >= 45 and len(english) >= 12
    judged = {key for q in queries for key in q.relevant}
    for section in ("themas/", "pers/", "projecten/", "activiteiten/", "wijken/", "communicatie-en-merkbeleid/"):
        assert any(key.startswith(section) for key in judged), section
    assert all(q.best_grade == 3 for q in queries)  # every question has a page that answers it
