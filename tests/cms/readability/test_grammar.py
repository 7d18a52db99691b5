"""The passive and nominalisations: found where plain-language guidance points at them, and
not where the sentence is fine."""

import pytest

from cms.readability.grammar import is_dutch_participle, nominalisations, passive_at
from cms.readability.text import words


def passive(sentence, language="nl"):
    found = passive_at(words(sentence), language)
    return None if found is None else tuple(words(sentence)[index] for index in found)


@pytest.mark.parametrize(
    "sentence, pair",
    [
        ("Uw aanvraag wordt binnen dertig dagen door de dienst behandeld.", ("wordt", "behandeld")),
        ("Het is belangrijk dat uw afval op tijd opgehaald wordt.", ("wordt", "opgehaald")),
        ("De aanvraag dient te worden ingediend bij het loket.", ("worden", "ingediend")),
        ("De zakken werden niet meegenomen.", ("werden", "meegenomen")),
        ("De beslissing is door het college goedgekeurd.", ("is", "goedgekeurd")),
        ("Uw pakket wordt morgen ontvangen.", ("wordt", "ontvangen")),
        ("Uw vraag wordt binnen tien dagen bekeken.", ("wordt", "bekeken")),
    ],
)
def test_dutch_passives_are_found_with_their_auxiliary_and_participle(sentence, pair):
    assert passive(sentence) == pair


@pytest.mark.parametrize(
    "sentence",
    [
        "Wij behandelen uw aanvraag binnen dertig dagen.",
        "Het loket is gesloten.",  # a state, not an action someone does
        "Hij is gisteren vertrokken.",  # the perfect of an intransitive verb
        "U wordt lid van de bibliotheek.",  # worden as a copula
        "Wij verwerken uw gegevens.",
    ],
)
def test_active_sentences_and_states_are_not_passive(sentence):
    assert passive(sentence) is None


def test_participles_with_separable_and_inseparable_prefixes():
    for word in ("aangevraagd", "opgehaald", "vastgesteld", "verleend", "behandeld", "ontvangen", "gekozen"):
        assert is_dutch_participle(word), word
    for word in ("gebied", "gezondheid", "gemeenten", "beleid", "verder", "gebruiken"):
        assert not is_dutch_participle(word), word


def test_english_and_french_passives():
    assert passive("Your application is processed within 30 days.", "en") == ("is", "processed")
    assert passive("Votre demande est traitée dans les 30 jours.", "fr") == ("est", "traitée")
    assert passive("We process your application.", "en") is None


def found_nominalisations(sentence):
    sentence_words = words(sentence)
    return [sentence_words[index] for index in nominalisations(sentence_words, "nl")]


def test_nouns_made_of_verbs_in_abstract_use_are_nominalisations():
    assert found_nominalisations("Na de toekenning van de premie volgt de uitbetaling door de bank.") == [
        "toekenning", "uitbetaling",
    ]  # fmt: skip
    assert found_nominalisations("Ter verduidelijking: de stad betaalt.") == ["verduidelijking"]


def test_everyday_nouns_with_the_same_endings_are_not():
    assert found_nominalisations("De woning van uw ouders en de informatie van de stad.") == []
    assert found_nominalisations("De toekenning gebeurt snel.") == []  # not in abstract use
