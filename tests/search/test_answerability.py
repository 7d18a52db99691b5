"""The "nothing found" decision on hand-made evidence: which questions it stops, which it
lets through, and that it says why (search.answerability)."""

import pytest

from search.answerability import WORDS_FOUND_SHARE, Margins, Reason, judge, meaning_margin, word_share
from search.retrieval import Evidence

MARGINS = Margins(answer_margin=0.018, alone_margin=0.035)
PAGES = 273
CROWDED = (0.915, 0.912, 0.910, 0.905)  # the best barely above the k-th nearest: margin 0.010
STANDS_OUT = (0.950, 0.930, 0.920, 0.905)  # margin 0.045


def hybrid(evidence, margins=MARGINS):
    return judge(evidence, margins, keyword_side=True, vector_side=True)


def test_a_word_found_nowhere_weighs_as_much_as_the_rarest_word():
    assert word_share((5, 5), PAGES) == pytest.approx(1.0)
    assert word_share((0, 0), PAGES) == 0.0
    assert word_share((), PAGES) == 0.0
    rare_missing = word_share((100, 0), PAGES)  # a common word found, the specific one not
    assert rare_missing < 0.25
    assert word_share((1, 0), PAGES) == pytest.approx(word_share((0, 1), PAGES))
    assert word_share((1, 0), PAGES) < 0.5  # a word on one page weighs a little less than one on none


def test_the_margin_is_the_best_score_over_the_kth_nearest():
    assert meaning_margin(CROWDED) == pytest.approx(0.010)
    assert meaning_margin(()) == 0.0


def test_nonsense_finds_nothing_and_says_why():
    verdict = hybrid(Evidence(word_pages=(0,), stem_pages=(0,), page_count=PAGES, nearest=CROWDED))
    assert verdict.reason == Reason.NO_WORDS_NO_MEANING
    assert verdict.to_dict() == {
        "reason": "no_words_no_meaning",
        "explanation": "No word of the question occurs on the site and nothing comes close in meaning.",
        "words": 1,
        "words_found": 0,
        "word_share": 0.0,
        "margin": 0.01,
    }


def test_a_question_whose_words_occur_is_never_stopped_even_when_meaning_is_crowded():
    evidence = Evidence(word_pages=(12, 30), stem_pages=(12, 30), page_count=PAGES, nearest=CROWDED)
    assert hybrid(evidence) is None


def test_a_question_with_only_a_common_word_on_the_site_needs_a_page_that_stands_out():
    # "hotel in Parijs": "hotel" on two pages, "Parijs" only as a typo of "prijs"
    crowded = Evidence(word_pages=(2, 6), stem_pages=(2, 0), page_count=PAGES, nearest=CROWDED)
    assert word_share(crowded.stem_pages, PAGES) < WORDS_FOUND_SHARE
    verdict = hybrid(crowded)
    assert verdict.reason == Reason.FEW_WORDS_NO_MEANING and verdict.words_found == 2
    assert hybrid(Evidence(word_pages=(2, 6), stem_pages=(2, 0), page_count=PAGES, nearest=STANDS_OUT)) is None


def test_without_any_word_the_margin_must_be_the_strict_one():
    between = (0.940, 0.930, 0.915)  # margin 0.025: enough with some words, not with none
    assert hybrid(Evidence(word_pages=(0,), stem_pages=(0,), page_count=PAGES, nearest=between)) is not None
    assert hybrid(Evidence(word_pages=(3, 0), stem_pages=(0, 0), page_count=PAGES, nearest=between)) is None  # a typo
    assert hybrid(Evidence(word_pages=(0,), stem_pages=(0,), page_count=PAGES, nearest=STANDS_OUT)) is None


def test_an_empty_index_answers_nothing():
    assert hybrid(Evidence(word_pages=(0,), stem_pages=(0,), page_count=0)).reason == Reason.NO_WORDS_NO_MEANING


def test_keyword_and_vector_modes_are_not_judged():
    nonsense = Evidence(word_pages=(0,), stem_pages=(0,), page_count=PAGES, nearest=CROWDED)
    assert judge(nonsense, MARGINS, keyword_side=True, vector_side=False) is None
    assert judge(nonsense, MARGINS, keyword_side=False, vector_side=True) is None


def test_zero_margins_turn_the_meaning_test_off():
    nonsense = Evidence(word_pages=(0,), stem_pages=(0,), page_count=PAGES, nearest=CROWDED)
    assert hybrid(nonsense, Margins(0.0, 0.0)) is None
