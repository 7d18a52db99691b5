"""The body text reads as the note, not as a PDF: no footers, footnotes, link lines or
hyphens left where the page layout put them."""

import re
import pytest

from cms.importers.policy_note.cleaning import strip_page_furniture
from cms.importers.policy_note import BUNDLED_NOTE as NOTE
from cms.importers.policy_note.parser import parse_policy_note
from cms.importers.policy_note.reflow import join_lines
from cms.importers.policy_note.source import read_lines



@pytest.fixture(scope="module")
def sections():
    return parse_policy_note(NOTE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def body_text(sections):
    return "\n".join(block.text for top in sections for section in top.walk() for block in section.paragraphs)


def test_no_page_footer_is_left(body_text):
    assert "30 maart 2021" not in body_text
    assert not re.search(r"\bI \d{1,3}\b", body_text)


def test_no_footnote_text_is_left(body_text):
    for footnote_start in (
        "Thought leader: autoriteit wiens expertise",  # 1
        "Refereert naar het ‘bestaansrecht’",  # 2
        "Onboarding: introductie van nieuwe medewerkers",  # 5
        "Trending: veel besproken of gedeelde onderwerpen",  # 8
        "Het online beantwoorden van inkomende vragen",  # 18
        "In 2015 keurden de Verenigde Naties de Agenda 2030",  # 30, on the page with a footer
        "DTP of desktoppublishing",  # 32
    ):
        assert footnote_start not in body_text


def test_all_32_footnotes_are_found_with_their_markers():
    _lines, footnotes = strip_page_furniture(read_lines(NOTE.read_text(encoding="utf-8")))
    assert [f.number for f in footnotes] == list(range(1, 33))
    assert all(f.marker_found for f in footnotes)


def test_footnote_markers_are_gone_and_the_sentence_reads_on(body_text):
    for marked, clean in (
        ("thought leader1 zijn", "thought leader zijn"),
        ("onder druk.10", "onder druk."),
        ("(digital signage)12 verder", "(digital signage) verder"),
        ("blijven promoten. 19", "blijven promoten."),
        ("tone of voice 20 op", "tone of voice op"),
        ("Verenigde Naties30 .", "Verenigde Naties."),
        ("als volgt 31:", "als volgt:"),
        ("DTP en prepress32,", "DTP en prepress,"),
    ):
        assert marked not in body_text
        assert clean in body_text


def test_real_numbers_next_to_markers_are_kept(body_text):
    assert "culturele hoofdstad 2030 zijn 3 ambities" in body_text
    assert "netwerkmoment met 120 (communicatie)medewerkers" in body_text
    assert "de bijna 7.000 medewerkers" in body_text


def test_no_bare_link_lines_are_left(sections):
    for top in sections:
        for section in top.walk():
            for block in section.paragraphs:
                assert not re.fullmatch(r"https?://\S+", block.text)


def test_no_hyphen_is_left_at_a_joined_line_break(body_text):
    # "experimenteer- en innovatieruimte" is Dutch for two compounds; anything else is a break
    for left, right in re.findall(r"(\w+)- (\w+)", body_text):
        assert right in {"en", "of"}, f"{left}- {right}"
    assert "imagomonitoring" in body_text
    assert "Veelcommunicerende diensten" in body_text


def test_the_writers_own_hyphens_survive_a_line_break(body_text):
    assert "voor de buiten-communicatie (out-of-home)" in body_text
    assert "deel uit van het strategisch-operationeel kader" in body_text
    assert "op een evidente, niet-stereotype manier" in body_text
    assert "extra kennis en analyse- en ontwikkelmogelijkheden" in body_text


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("een betere communi-", "catie voor iedereen", "een betere communicatie voor iedereen"),
        ("de zee-", "egel", "de zee-egel"),  # vowel clash: Dutch keeps the hyphen
        ("kennis en analyse-", "en ontwikkelmogelijkheden", "kennis en analyse- en ontwikkelmogelijkheden"),
        ("Toegang –", "bijvoorbeeld in de digipunten", "Toegang – bijvoorbeeld in de digipunten"),
        ("in Oost-", "Vlaanderen", "in Oost-Vlaanderen"),
    ],
)
def test_join_lines(left, right, joined):
    assert join_lines(left, right) == joined


def test_a_sentence_broken_by_a_page_break_is_one_paragraph(body_text):
    assert "Ons merkbeleid krijgt plaats in de sociaaleconomische programma’s, in onze dienstverlening en loketwerking" in body_text
    # the page with footnote 2 ends mid-paragraph; the next page carries on with it
    assert "Een vrijhaven ben je niet zomaar, het vergt hard werken" in body_text


def test_paragraphs_are_re_flowed(sections):
    foreword = sections[0]
    assert len(foreword.paragraphs) == 8  # five paragraphs, then name, title and date
    assert foreword.paragraphs[0].text.endswith("maar beter die verandering mee vormgeven en sturen.")
    assert all("\n" not in block.text for block in foreword.paragraphs)
