"""The scorer: each Dutch signal makes a text harder, levels, the hardest sentences and why,
the words to change, English and French, and what it refuses."""

import pytest

from cms.readability.glossary import Glossary
from cms.readability.levels import Level, above_target, level_for
from cms.readability.scoring import UnknownLanguage, score_text

NO_GLOSSARY = Glossary([])


def difficulty(text, language="nl", glossary=NO_GLOSSARY):
    return score_text(text, language, glossary).difficulty


def test_longer_sentences_are_harder():
    short = "Wij halen uw afval op. Zet de zak buiten. Doe dat voor zeven uur. Dan nemen wij hem mee."
    long = "Wij halen uw afval op als u de zak voor zeven uur buiten zet, want dan nemen wij hem mee op onze ronde door de straat."
    assert difficulty(long) > difficulty(short)
    assert score_text(long, "nl", NO_GLOSSARY).signals["long_sentences"] == 1.0


def test_rare_words_are_harder_than_common_ones():
    common = "Wij willen uw vraag snel regelen. Lees de brief goed."
    rare = "Wij willen uw vraag bespoedigen. Lees de brief goed."
    assert score_text(rare, "nl", NO_GLOSSARY).signals["rare_words"] > 0
    assert difficulty(rare) > difficulty(common)


def test_more_syllables_per_word_lower_flesch_douma():
    simple = "De stad helpt u. Wij zijn er voor u."
    heavy = "De gemeentelijke administratie ondersteunt inwoners. Medewerkers informeren uitgebreid."
    assert score_text(heavy, "nl", NO_GLOSSARY).signals["flesch_douma"] < score_text(simple, "nl", NO_GLOSSARY).signals["flesch_douma"]
    assert difficulty(heavy) > difficulty(simple)


def test_the_passive_is_harder_than_the_active():
    active = "Wij behandelen uw vraag binnen tien dagen."
    passive = "Uw vraag wordt binnen tien dagen behandeld."
    assert score_text(passive, "nl", NO_GLOSSARY).signals["passive"] == 1.0
    assert difficulty(passive) > difficulty(active)


def test_nominalisations_are_harder_than_verbs():
    verb = "U krijgt de premie als wij uw vraag goedkeuren."
    noun = "U krijgt de premie na goedkeuring van uw vraag."
    assert score_text(noun, "nl", NO_GLOSSARY).signals["nominalisations"] > 0
    assert difficulty(noun) > difficulty(verb)


def test_official_words_from_the_glossary_are_harder():
    from cms.readability.glossary import Term

    glossary = Glossary([Term("indien", "als")])
    assert difficulty("Indien u wilt, bel ons.", glossary=glossary) > difficulty("Als u wilt, bel ons.", glossary=glossary)


def test_the_four_levels_and_the_target():
    assert [level_for(value) for value in (10, 35, 55, 90)] == [Level.A2, Level.B1, Level.B2, Level.C1]
    assert Level.B1.label == "Helder (B1)"
    assert not above_target("B1") and above_target("B2")


def test_a_plain_text_is_within_the_target_and_an_official_one_is_not():
    plain = "Wij halen uw grofvuil thuis op. Maak eerst een afspraak. U betaalt 25 euro. Zet alles voor 7 uur buiten."
    official = (
        "Teneinde van de dienstverlening inzake de ophaling van grofvuil gebruik te kunnen maken, dient de aanvrager "
        "voorafgaandelijk een afspraak te maken, waarna de goederen uiterlijk om 7 uur dienen te worden aangeboden."
    )
    assert not above_target(score_text(plain).level)
    assert above_target(score_text(official).level)


def test_the_hardest_sentences_come_first_with_their_reasons():
    text = (
        "Bel ons. Uw aanvraag wordt indien nodig door de bevoegde dienst in het kader van de controle behandeld. "
        "Kom langs."
    )
    result = score_text(text)
    assert [sentence.text for sentence in result.hardest] == [
        "Uw aanvraag wordt indien nodig door de bevoegde dienst in het kader van de controle behandeld."
    ]
    reasons = " | ".join(result.hardest[0].reasons)
    assert "lijdende vorm ('wordt … behandeld')" in reasons
    assert "ambtelijk: 'indien nodig' → 'als het nodig is'" in reasons
    assert "ambtelijk: 'in het kader van' → 'bij, voor'" in reasons


def test_flagged_words_carry_the_glossary_suggestion_and_rare_words_come_after():
    result = score_text("Indien u dit wilt bespoedigen, gelieve te betalen. Indien niet, bel ons.")
    flags = [(flag.word, flag.kind, flag.suggestion, flag.count) for flag in result.flagged_words]
    assert flags[:2] == [("indien", "ambtelijk", "als", 2), ("gelieve", "ambtelijk", "wilt u, graag", 1)]
    assert ("bespoedigen", "zeldzaam", "", 1) in flags


def test_english_and_french_get_textstat_formulas_and_the_shared_signals():
    english = score_text("In order to apply, the form is required to be submitted prior to the deadline.", "en", formulas=True)
    assert {"lix", "automated_readability_index", "coleman_liau_index"} <= set(english.formulas)
    assert english.signals["passive"] == 1.0
    assert any(flag.word == "in order to" for flag in english.flagged_words)
    french = score_text("Votre demande est traitée dans les trente jours.", "fr", formulas=True)
    assert "flesch_reading_ease" in french.formulas and french.signals["passive"] == 1.0
    assert score_text("Call us. We help you.", "en").difficulty < english.difficulty


def test_scores_are_deterministic():
    text = "Uw aanvraag wordt indien nodig door de bevoegde dienst behandeld. Bel ons."
    assert score_text(text).as_json() == score_text(text).as_json()


def test_an_empty_text_is_easy_and_an_unknown_language_is_refused():
    empty = score_text("")
    assert (empty.difficulty, empty.level, empty.words) == (0.0, "A2", 0)
    with pytest.raises(UnknownLanguage, match="'de'"):
        score_text("Guten Tag.", "de")


def test_the_json_shape():
    answer = score_text(
        "Indien u wenst gebruik te maken van de dienstverlening, dient u teneinde de behandeling van uw aanvraag "
        "te bespoedigen de bovenvermelde documenten voorafgaandelijk over te maken."
    ).as_json()
    assert {"level", "difficulty", "lang", "sentences", "words"} <= set(answer)
    assert answer["lang"] == "nl"
    assert set(answer["sentences"][0]) == {"text", "start", "end", "words", "difficulty", "level", "reasons"}
    assert set(answer["words"][0]) == {"word", "kind", "suggestion", "note", "count"}
