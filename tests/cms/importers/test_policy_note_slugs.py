"""Page addresses for the note's sections: readable, and tied to the number, not the wording."""

from cms.importers.policy_note.sections import Section
from cms.importers.policy_note.slugs import section_slug, slug_matches


def test_a_slug_starts_with_the_number_and_reads_as_the_heading():
    section = Section("4.6", "Crisiscommunicatie en reputatiemanagement")
    assert section_slug(section) == "4-6-crisiscommunicatie-en-reputatiemanagement"
    assert section_slug(Section("5.2", "Inclusief communiceren en differentiëren waar nodig")) == (
        "5-2-inclusief-communiceren-en-differentieren-waar-nodig"
    )


def test_the_foreword_is_at_voorwoord():
    assert section_slug(Section(None, "Voorwoord")) == "voorwoord"


def test_a_long_heading_is_cut_at_a_word():
    slug = section_slug(Section("4", "Een heel erg lange titel " * 6))
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert slug.rsplit("-", 1)[-1] in {"een", "heel", "erg", "lange", "titel"}


def test_a_page_is_found_again_by_its_number_whatever_its_heading_says():
    assert slug_matches("4-6-crisiscommunicatie-en-reputatiemanagement", "4-6")
    assert slug_matches("4-6-een-herwerkte-titel", "4-6")
    assert not slug_matches("4-60-iets-anders", "4-6")
    assert not slug_matches("10-samenvatting", "1")
    assert slug_matches("voorwoord", "voorwoord")
