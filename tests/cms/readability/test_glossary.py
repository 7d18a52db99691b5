"""The glossary: matching official words and phrases, the seed list, the editable snippet."""

import pytest

from cms.readability.glossary import Glossary, Term, parse_seed, seed_glossary, SEED_PATH
from cms.readability.glossary_store import glossary_current
from cms.readability.models import GlossaryEntry
from cms.readability.scoring import score_text
from cms.readability.text import words


def found(glossary, sentence):
    sentence_words = words(sentence)
    return [(" ".join(sentence_words[m.start : m.end]).lower(), m.term.plain) for m in glossary.find(sentence_words, "nl")]


def test_the_longest_phrase_wins_where_terms_overlap():
    glossary = Glossary([Term("teneinde", "om"), Term("teneinde te", "om te"), Term("in het kader van", "bij")])
    assert found(glossary, "Teneinde te helpen in het kader van de actie.") == [
        ("teneinde te", "om te"), ("in het kader van", "bij"),
    ]  # fmt: skip


def test_a_one_word_term_finds_its_inflections_but_the_exact_term_comes_first():
    glossary = Glossary([Term("verplicht", "moet"), Term("bovenvermeld", "dit"), Term("bovenvermelde", "deze")])
    assert found(glossary, "De verplichte gegevens en de bovenvermelde documenten.") == [
        ("verplichte", "moet"), ("bovenvermelde", "deze"),
    ]  # fmt: skip


def test_terms_of_another_language_are_not_found():
    glossary = Glossary([Term("in order to", "to", language="en")])
    assert found(glossary, "in order to") == []


def test_the_seed_has_at_least_150_distinct_dutch_pairs_each_with_a_plainer_word():
    with SEED_PATH.open(encoding="utf-8") as seed:
        terms = parse_seed(seed)
    dutch = [term for term in terms if term.language == "nl"]
    assert len(dutch) >= 150
    assert len({term.official for term in dutch}) == len(dutch)
    for term in dutch:
        assert term.plain and term.plain.lower() != term.official.lower(), term
    for example, plain in [("indien", "als"), ("aanvragen", "vragen"), ("conform", "volgens")]:
        assert any(term.official == example and term.plain == plain for term in dutch), example


def test_the_migration_seeded_the_snippet(db):
    assert GlossaryEntry.objects.filter(language="nl").count() == sum(1 for t in seed_glossary().terms if t.language == "nl")
    assert GlossaryEntry.objects.get(language="nl", official="indien").plain == "als"


def test_a_term_an_editor_adds_is_used_by_the_next_score(db):
    text = "Wij sturen u een dwangbevel."
    assert not any(word.word == "dwangbevel" and word.kind == "ambtelijk" for word in score_text(text, "nl", glossary_current()).flagged_words)
    GlossaryEntry.objects.create(language="nl", official="dwangbevel", plain="laatste aanmaning")
    flags = score_text(text, "nl", glossary_current()).flagged_words
    assert [(flag.word, flag.kind, flag.suggestion) for flag in flags] == [("dwangbevel", "ambtelijk", "laatste aanmaning")]


def test_a_deleted_term_is_no_longer_suggested(db):
    GlossaryEntry.objects.filter(official="indien").delete()
    flags = score_text("Indien u wilt, bel ons.", "nl", glossary_current()).flagged_words
    assert not any(flag.word == "indien" for flag in flags)


def test_the_snippet_refuses_a_term_without_words_or_a_plain_word_equal_to_it(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        GlossaryEntry(official="  ...  ", plain="als").full_clean()
    assert "official" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        GlossaryEntry(official="Indien", plain="indien").full_clean()
    assert "plain" in error.value.message_dict
