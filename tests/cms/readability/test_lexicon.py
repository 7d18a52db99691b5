"""Word frequency with compounds split against it, the Flemish supplement, syllables."""

from cms.readability.lexicon import compound_parts, is_rare, syllables, zipf


def test_a_compound_of_common_words_is_not_rare():
    assert zipf("afvalophaling", "nl") < 3  # rare as a string ...
    assert compound_parts("afvalophaling") == ("afval", "ophaling")
    assert not is_rare("afvalophaling", "nl")  # ... but every reader knows both parts


def test_compounds_with_a_linking_s_and_three_parts_split():
    assert compound_parts("bewonerskaart") == ("bewoners", "kaart")
    assert compound_parts("bouwaanvraagdossier") == ("bouw", "aanvraag", "dossier")
    assert not is_rare("gemeenteraadsbeslissing", "nl")


def test_a_really_rare_word_is_rare():
    assert is_rare("onderhavige", "nl")
    assert is_rare("bespoedigen", "nl")


def test_a_rare_word_is_not_split_into_fragments():
    assert compound_parts("missive") is None  # not "miss" + "ive"
    assert compound_parts("vigerende") is None  # not "vig" + "rende"
    assert is_rare("missive", "nl") and is_rare("vigerende", "nl")
    assert compound_parts("huisvuilzak") == ("huisvuil", "zak")  # a common short word still counts


def test_common_words_are_not_rare():
    for word in ("afval", "vragen", "stad", "woning", "betalen"):
        assert not is_rare(word, "nl"), word


def test_flemish_words_rare_in_netherlands_dutch_count_as_common():
    assert not is_rare("ophaling", "nl")
    assert not is_rare("recyclagepark", "nl")


def test_hyphenated_words_are_rare_when_a_part_is():
    assert not is_rare("fiets-straat", "nl")
    assert is_rare("fiets-onderhavige", "nl")


def test_syllables_come_from_the_dutch_hyphenation_dictionary():
    assert syllables("indien", "nl") == 2
    assert syllables("ontvankelijkheid", "nl") == 5
    assert syllables("u", "nl") == 1


def test_other_languages_use_their_own_lists():
    assert not is_rare("application", "en")
    assert not is_rare("demande", "fr")
    assert compound_parts("garbagecollection", "en") is None  # English writes compounds apart
