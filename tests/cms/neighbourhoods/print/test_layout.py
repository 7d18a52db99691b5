"""Every body block an article can hold reaches the printed page, as text a reader can use
(a link's address spelled out, a video as its address), without the network."""

from __future__ import annotations

import re

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.neighbourhoods.print.content import edition_sheet
from cms.neighbourhoods.print.layout import edition_html
from cms.neighbourhoods.print.variants import variant_spec


def text_of(html: str) -> str:
    html = re.sub(r"<style\b.*?</style>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_block_type_is_printed_as_text(tree, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the print edition must not reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    document = get_document_model()(title="Reglement")
    document.file.save("reglement.pdf", ContentFile(b"%PDF-1.7"), save=False)
    document.save()
    article = tree.article
    article.body = [
        {"type": "call_to_action", "value": {"label": "Schrijf je in", "url": "https://stad.gent/inschrijven",
                                             "description": "Voor 1 mei."}},
        {"type": "contact", "value": {"name": "Wijkregisseur", "phone": "09 266 51 03", "email": "wijk@stad.gent",
                                      "address": "", "opening_hours": ""}},
        {"type": "faq", "value": {"items": [{"question": "Is het gratis?", "answer": "<p>Ja, altijd.</p>"}]}},
        {"type": "steps", "value": {"title": "Zo doe je mee", "steps": [{"title": "Kom langs", "text": "<p>Op zaterdag.</p>"}]}},
        {"type": "document", "value": {"document": document.pk, "title": "Het reglement"}},
        {"type": "embed", "value": {"url": "https://www.youtube.com/watch?v=abc", "caption": "Zo ziet het eruit"}},
    ]
    article.save_revision().publish()
    html = edition_html(edition_sheet(tree.edition), variant_spec("large-print"))
    text = text_of(html)
    for expected in ("Schrijf je in : https://stad.gent/inschrijven", "Voor 1 mei.", "Wijkregisseur", "09 266 51 03",
                     "Is het gratis?", "Ja, altijd.", "Zo doe je mee", "Kom langs", "Op zaterdag.", "Het reglement",
                     "Zo ziet het eruit https://www.youtube.com/watch?v=abc"):
        assert expected in text, expected
    assert '<html lang="nl">' in html and "font-size: 16pt" in html  # large print's body size in the CSS
