"""What a section's body looks like on the page: paragraphs, sub-headings and real lists."""

from cms.importers.policy_note.body import stream_data
from cms.importers.policy_note.sections import Block, BlockKind


def paragraph(text):
    return Block(BlockKind.PARAGRAPH, text)


def test_paragraphs_and_headings_become_stream_blocks():
    data = stream_data([
        Block(BlockKind.HEADING, "Multidisciplinair samenwerken"),
        paragraph("Crisismanagement wordt gedragen door vakkennis & flexibiliteit."),
    ])
    assert data == [
        {"type": "heading", "value": {"text": "Multidisciplinair samenwerken", "level": 2}},
        {"type": "paragraph", "value": "<p>Crisismanagement wordt gedragen door vakkennis &amp; flexibiliteit.</p>"},
    ]


def test_numbered_items_become_one_ordered_list():
    data = stream_data([
        paragraph("We doen dit vanuit de volgende krachtlijnen:"),
        paragraph("1. We positioneren Gent."),
        paragraph("2. We bouwen aan een communicatieve organisatie."),
        paragraph("Communicatoren hebben een boeiende opdracht."),
    ])
    assert [block["value"] for block in data] == [
        "<p>We doen dit vanuit de volgende krachtlijnen:</p>",
        "<ol><li>We positioneren Gent.</li><li>We bouwen aan een communicatieve organisatie.</li></ol>",
        "<p>Communicatoren hebben een boeiende opdracht.</p>",
    ]


def test_dashed_items_become_a_bulleted_list():
    data = stream_data([paragraph("— toename van participatie"), paragraph("— toegevoegde waarde")])
    assert data == [{"type": "paragraph", "value": "<ul><li>toename van participatie</li><li>toegevoegde waarde</li></ul>"}]


def test_a_number_that_does_not_continue_a_list_stays_text():
    data = stream_data([paragraph("3. Ons referentiekader is een superdiverse samenleving.")])
    assert data == [{"type": "paragraph", "value": "<p>3. Ons referentiekader is een superdiverse samenleving.</p>"}]
