"""The evaluation's metrics on tiny hand-computed cases, and the labelled set's own sanity."""

import math

import pytest

from search.evaluation import (
    EvaluationSetError,
    ModeReport,
    RankedHit,
    format_table,
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
        ({"query": "q", "language": "nl", "kind": "unanswerable", "relevant": [{"page": A, "grade": 1}]}, "no relevant"),
        ({"query": "q", "language": "nl", "kind": "vraag", "relevant": [{"page": A, "grade": 1}]}, "kind"),
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
    answerable = [q for q in queries if q.answerable]
    assert all(q.best_grade == 3 for q in answerable)  # every answerable question has a page that answers it
    unanswerable = [q for q in queries if not q.answerable]
    assert len(unanswerable) >= 40
    assert {q.language for q in unanswerable} == {"nl", "en"}
    texts = {q.text for q in unanswerable}
    assert {"xqzvwkj", "qqqqqq", "asdfgh", "kernreactor", "hotel in Parijs", "belastingaangifte Nederland"} <= texts


def test_unanswerable_questions_are_counted_apart_from_the_relevance_figures():
    queries = parse_queries(
        [
            {"id": "a", "query": "a", "language": "nl", "relevant": [{"page": A, "grade": 3}]},
            {"id": "b", "query": "b", "language": "nl", "relevant": [{"page": B, "grade": 3}]},
            {"id": "u1", "query": "xqzvwkj", "language": "nl", "kind": "unanswerable"},
            {"id": "u2", "query": "kernreactor", "language": "nl", "kind": "unanswerable"},
            {"id": "u3", "query": "nuclear reactor", "language": "en", "kind": "unanswerable"},
        ]
    )
    found = [RankedHit(C, "nl", "")]
    outcomes = [
        judge(queries[0], [RankedHit(C, "nl", ""), RankedHit(A, "nl", "")]),  # its page second
        judge(queries[1], [], "few_words_no_meaning"),  # wrongly found nothing
        judge(queries[2], [], "no_words_no_meaning"),
        judge(queries[3], found),  # wrongly found something
        judge(queries[4], [], "no_words_no_meaning"),
    ]
    report = ModeReport("local", "hybrid", outcomes)
    assert report.mrr() == 0.25  # (1/2 + 0) / 2: the unanswerable ones take no part
    assert (report.hit10(), report.found_nothing()) == (0.5, 0.5)
    assert report.no_answer() == pytest.approx(2 / 3)
    assert (report.no_answer("nl"), report.no_answer("en")) == (0.5, 1.0)
    summary = report.summary()
    assert (summary["queries"], summary["unanswerable"]["queries"]) == (2, 3)
    half_a, half_b = report.halves()  # each kind halved on its own: a, u1, u3 | b, u2
    assert [o.query.id for o in half_a.outcomes] == ["a", "u1", "u3"]
    assert [o.query.id for o in half_b.outcomes] == ["b", "u2"]
    assert (half_a.no_answer(), half_b.no_answer()) == (1.0, 0.0)
    assert report.to_dict()["per_query"][2]["no_answer"] == "no_words_no_meaning"
    assert "unanswerable found nothing" in format_table([report])
