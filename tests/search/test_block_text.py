"""Every block of a page body reaches the index as readable text; links, ids and levels do not."""

from cms.core.blocks import BodyBlock
from search.block_text import as_sentence, stream_paragraphs


def body(*blocks):
    return BodyBlock().to_python([{"type": kind, "value": value} for kind, value in blocks])


def test_each_block_type_gives_its_visible_text_as_one_paragraph():
    paragraphs = stream_paragraphs(
        body(
            ("heading", {"text": "Wat haalt IVAGO op?", "level": 2}),
            ("paragraph", "<p>Grof huisvuil is <b>te groot</b> voor de zak.</p><ul><li>een zetel</li></ul>"),
            ("steps", {"title": "Zo vraagt u het aan", "steps": [{"title": "Maak een afspraak", "text": "<p>Bel Gentinfo.</p>"}]}),
            ("faq", {"items": [{"question": "Moet ik thuis zijn?", "answer": "<p>Nee.</p>"}]}),
            ("contact", {"name": "Gentinfo", "phone": "09 210 10 10", "email": "gentinfo@stad.gent", "address": "Woodrow Wilsonplein 1", "opening_hours": "Van 8 tot 19 uur"}),
            ("call_to_action", {"label": "Ophaling aanvragen", "url": "https://stad.gent/ophaling", "description": "Kies een datum."}),
            ("image", {"image": None, "alt": "Containers in een recyclagepark", "caption": "Sorteer thuis"}),
            ("document", {"document": None, "title": "Brochure composteren"}),
            ("embed", {"url": None, "caption": "Kaart van de recyclageparken"}),
        )
    )
    assert paragraphs == [
        "Wat haalt IVAGO op?",
        "Grof huisvuil is te groot voor de zak. een zetel.",
        "Zo vraagt u het aan. Maak een afspraak. Bel Gentinfo.",
        "Moet ik thuis zijn? Nee.",
        "Gentinfo. 09 210 10 10. Woodrow Wilsonplein 1. Van 8 tot 19 uur.",
        "Ophaling aanvragen. Kies een datum.",
        "Containers in een recyclagepark. Sorteer thuis.",
        "Brochure composteren.",
        "Kaart van de recyclageparken.",
    ]


def test_no_urls_or_heading_levels_reach_the_index():
    text = " ".join(
        stream_paragraphs(
            body(
                ("heading", {"text": "Kostprijs", "level": 3}),
                ("call_to_action", {"label": "Aanvragen", "url": "https://stad.gent/x", "description": ""}),
            )
        )
    )
    assert "https" not in text and "3" not in text


def test_empty_bodies_and_entities():
    assert stream_paragraphs(None) == []
    assert stream_paragraphs(body()) == []
    assert as_sentence("Zon &amp; zee ") == "Zon & zee."
