"""The cloze test made from a draft, on the city's own policy note: which words become gaps, and the score."""

from __future__ import annotations

import pytest

from cms.importers.policy_note import BUNDLED_NOTE
from cms.readability.cloze import Cloze, cloze_build, cloze_score, is_content_word
from cms.readability.text import WORD_RE, plain_text, sentences
from search.stopwords import STOPWORDS

NOTE = BUNDLED_NOTE.read_text(encoding="utf-8")
# A passage of the policy note (its section on the city's communication vision), as prose.
PASSAGE = " ".join(NOTE[NOTE.index("Het bestuursakkoord"):][:1500].split())


def _rebuilt(cloze: Cloze, fill) -> str:
    return "\n".join("".join(p["text"] if "text" in p else fill(p["gap"]) for p in para) for para in cloze.paragraphs)


def test_the_first_sentence_stays_whole_and_the_text_reads_back_with_the_answers():
    cloze = cloze_build(PASSAGE)
    first = sentences(plain_text(PASSAGE))[0].text
    assert cloze.answers, "a 1,500-character passage has gaps"
    opening = "".join(p.get("text", "") for p in cloze.paragraphs[0][:1])
    assert opening.startswith(first)
    assert _rebuilt(cloze, lambda gap: cloze.answers[gap]) == plain_text(PASSAGE)


def test_every_fifth_content_word_is_a_gap_and_function_words_never_are():
    cloze = cloze_build(PASSAGE, every=5, max_gaps=1000)
    first_end = sentences(plain_text(PASSAGE))[0].end
    after = plain_text(PASSAGE)[first_end:]
    content = [word for word in WORD_RE.findall(after) if is_content_word(word)]
    assert cloze.answers == content[4::5]
    assert not [word for word in cloze.answers if word.lower() in STOPWORDS["nl"]]
    assert not [word for word in cloze.answers if any(char.isdigit() for char in word)]


def test_every_n_changes_how_many_gaps_and_the_ceiling_holds():
    tenth, fifth = cloze_build(PASSAGE, every=10, max_gaps=1000), cloze_build(PASSAGE, every=5, max_gaps=1000)
    assert 1.6 < len(fifth.answers) / len(tenth.answers) < 2.4
    assert len(cloze_build(NOTE[:20000]).answers) == 25  # the default ceiling on a long text
    with pytest.raises(ValueError):
        cloze_build(PASSAGE, every=1)


def test_the_public_form_has_no_answers():
    cloze = cloze_build(PASSAGE)
    public = cloze.public()
    assert public["gaps"] == len(cloze.answers)
    assert "answers" not in public
    shown = _rebuilt(cloze, lambda gap: "____")
    assert shown.count("____") == len(cloze.answers)
    assert cloze.answers[0] not in shown.split("____")[1]  # the word is gone from where it stood


def test_the_score_ignores_case_accents_and_punctuation_but_not_another_word():
    cloze = Cloze(paragraphs=[], answers=["communicatiebeleid", "ideeën", "Gent", "stad"])
    score = cloze_score(cloze=cloze, given=["Communicatiebeleid,", "ideeen", " gent. ", "stadje"])
    assert score.right == [True, True, True, False]
    assert (score.correct, score.total, score.share) == (3, 4, 0.75)


def test_missing_or_empty_answers_count_as_wrong():
    cloze = cloze_build(PASSAGE)
    score = cloze_score(cloze=cloze, given=cloze.answers[:3] + [""])
    assert score.correct == 3 and score.total == len(cloze.answers)
    assert score.right[3] is False and not any(score.right[4:])


def test_a_reader_who_fills_in_every_answer_scores_one_and_the_json_round_trips():
    cloze = cloze_build(PASSAGE)
    again = Cloze.from_json(cloze.as_json())
    assert cloze_score(cloze=again, given=list(cloze.answers)).share == 1.0
