"""The note's outline as a reader sees it: every chapter and subsection, nothing more.

The expected outline was written down by reading the note, not by running the parser.
"""

import pytest

from cms.importers.policy_note import BUNDLED_NOTE as NOTE
from cms.importers.policy_note.errors import NoSectionsFound
from cms.importers.policy_note.parser import parse_policy_note
from cms.importers.policy_note.sections import BlockKind

EXPECTED_OUTLINE = [
    (None, "Voorwoord", []),
    ("1", "Verloop van het traject", []),
    ("2", "Alles samengevat", []),
    ("3", "Gent, voortrekker en inspirator", [
        ("3.1", "Inleiding"),
        ("3.2", "Positionering en merkbeleid"),
        ("3.3", "Een sterk werkgeversmerk"),
        ("3.4", "Initiatieven"),
        ("3.5", "Samengevat"),
    ]),
    ("4", "Open, nabije communicatie schept inzicht en vertrouwen", [
        ("4.1", "Inleiding"),
        ("4.2", "Vinger aan de pols bij digitaal en persoonlijk contact"),
        ("4.3", "Perswerking met oog voor kwaliteit en transparantie"),
        ("4.4", "Gerichte wijkcommunicatie en dienstverlening"),
        ("4.5", "Bewonerscommunicatie en inspraak in programmawerking en stadsvernieuwing"),
        ("4.6", "Crisiscommunicatie en reputatiemanagement"),
        ("4.7", "Initiatieven"),
        ("4.8", "Samengevat"),
    ]),
    ("5", "Toegankelijke communicatie in een superdiverse samenleving", [
        ("5.1", "Inleiding"),
        ("5.2", "Inclusief communiceren en differentiëren waar nodig"),
        ("5.3", "Toegankelijke communicatie"),
        ("5.4", "Kennisdeling en ondersteuning"),
        ("5.5", "Initiatieven"),
        ("5.6", "Samengevat"),
    ]),
    ("6", "Digitale transformatie biedt kansen", [
        ("6.1", "Inleiding"),
        ("6.2", "Toekomstverkenning, innovatie en partnerschap"),
        ("6.3", "Gebruikerservaring en datagedreven bereik"),
        ("6.4", "Toegankelijke multikanaalaanpak"),
        ("6.5", "Initiatieven"),
        ("6.6", "Samengevat"),
    ]),
    ("7", "Communiceren met impact en vanuit strategie", [
        ("7.1", "Inleiding"),
        ("7.2", "Afgewogen communicatieagenda"),
        ("7.3", "Meten en evalueren"),
        ("7.4", "Gedragswetenschappen en motivatiepsychologie"),
        ("7.5", "Duurzaam in communicatie"),
        ("7.6", "Initiatieven"),
        ("7.7", "Samengevat"),
    ]),
    ("8", "Wendbare communicatiefunctie, standvastig in de koers", [
        ("8.1", "Inleiding"),
        ("8.2", "Communicatieve organisatie"),
        ("8.3", "Hand in hand naar verbreding"),
        ("8.4", "Initiatieven"),
        ("8.5", "Samengevat"),
    ]),
    ("9", "Bijlage: missie en doelstellingen meerjarenplan", []),
    ("10", "Samenvatting", []),
]


@pytest.fixture(scope="module")
def sections():
    return parse_policy_note(NOTE.read_text(encoding="utf-8"))


def _by_number(sections):
    return {section.number: section for top in sections for section in top.walk()}


def test_outline_is_every_chapter_and_subsection_with_its_full_heading(sections):
    outline = [
        (top.number, top.heading, [(child.number, child.heading) for child in top.children]) for top in sections
    ]
    assert outline == EXPECTED_OUTLINE


def test_outline_counts(sections):
    assert len([s for s in sections if s.number]) == 10
    assert sum(len(s.children) for s in sections) == 37


def test_titles_carry_the_number_and_the_heading(sections):
    by_number = _by_number(sections)
    assert by_number["4.6"].title == "4.6 Crisiscommunicatie en reputatiemanagement"
    assert by_number["4"].title == "4 Open, nabije communicatie schept inzicht en vertrouwen"
    assert by_number[None].title == "Voorwoord"


def test_headings_wrapped_over_two_lines_are_whole(sections):
    by_number = _by_number(sections)
    assert by_number["4.5"].heading.endswith("inspraak in programmawerking en stadsvernieuwing")
    assert by_number["8"].heading == "Wendbare communicatiefunctie, standvastig in de koers"
    # the wrapped line belongs to the heading, not to the body
    assert not any("superdiverse samenleving" == b.text for b in by_number["5"].paragraphs)


def test_numbered_list_items_stay_in_their_sections_body(sections):
    initiatives = _by_number(sections)["3.4"]
    items = [b.text for b in initiatives.paragraphs if b.text[:2] in {f"{n}." for n in range(1, 10)}]
    assert len(items) == 9
    assert items[0].startswith("1. We rollen stapsgewijs een breed gedragen merkbeleid uit voor Gent.")
    assert items[8].startswith("9. We zorgen ervoor dat ook onze internal branding (Gentsters)")
    # 6.5 has eleven items, two of them numbered 7 and 8 like the chapters that follow
    assert sum(b.text.startswith(("7. ", "8. ", "10. ", "11. ")) for b in _by_number(sections)["6.5"].paragraphs) == 4


def test_numbered_paragraphs_of_the_summaries_are_not_sections(sections):
    by_number = _by_number(sections)
    summary = [b.text for b in by_number["2"].paragraphs]
    assert any(text.startswith("3. Ons referentiekader is een superdiverse samenleving") for text in summary)
    assert any(text.startswith("5. We communiceren niet vanuit onze interne structuren") for text in summary)
    closing = by_number["10"].paragraphs
    assert (BlockKind.HEADING, "1. Gent als voortrekker en inspirator") in [(b.kind, b.text) for b in closing]
    assert (BlockKind.HEADING, "6. Wendbare communicatiefunctie, standvastig in de koers") in [
        (b.kind, b.text) for b in closing
    ]
    assert by_number["10"].children == []


def test_chapter_one_starts_after_the_foreword(sections):
    foreword = sections[0]
    assert foreword.paragraphs[0].text.startswith("Gent is een stad die continu in verandering is")
    assert foreword.paragraphs[-1].text == "Gent, 5 januari 2021"


def test_sub_headings_inside_a_section_are_heading_blocks(sections):
    crisis = _by_number(sections)["4.6"]
    headings = [b.text for b in crisis.paragraphs if b.kind == BlockKind.HEADING]
    assert "Gecoördineerde, onderbouwde crisiscommunicatie" in headings
    assert "Belang van merk en reputatie" in headings


def test_a_table_of_contents_is_not_the_outline():
    text = "\n\n".join([
        "Inhoud",
        "1. Inleiding .................... 3",
        "2. Besluit ...................... 9",
        "1. Inleiding",
        "Dit is de inleiding van de nota.",
        "2. Besluit",
        "Dit is het besluit.",
    ])
    sections = parse_policy_note(text)
    assert [(s.number, s.heading) for s in sections] == [(None, "Inhoud"), ("1", "Inleiding"), ("2", "Besluit")]
    assert sections[1].paragraphs[0].text == "Dit is de inleiding van de nota."


def test_text_without_numbered_chapters_is_refused():
    with pytest.raises(NoSectionsFound):
        parse_policy_note("Een boodschappenlijst\n\nmelk\n\nbrood\n")
