"""The shared body blocks: the accessibility rules editors notice and the JSON shape of SCHEMA.md."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.images.tests.utils import get_test_image_file
from wagtail.images.models import Image

from cms.core.blocks import BodyBlock, HeadingBlock, ImageBlock


@pytest.fixture
def image(db):
    return Image.objects.create(title="afvalcontainer", file=get_test_image_file())


def test_image_without_alt_text_is_refused(image):
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "alt": "", "caption": ""})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_image_with_alt_text_is_accepted(image):
    block = ImageBlock()
    value = block.clean(block.to_python({"image": image.pk, "alt": "Een groene container", "caption": ""}))
    assert value["alt"] == "Een groene container"


@pytest.mark.parametrize("level, valid", [(2, True), (3, True), (1, False), (4, False)])
def test_heading_level_is_two_or_three(level, valid):
    block = HeadingBlock()
    value = block.to_python({"text": "Wanneer?", "level": level})
    if valid:
        assert block.clean(value)["level"] == level
    else:
        with pytest.raises(ValidationError):
            block.clean(value)


def test_schema_shaped_body_renders_every_block(image):
    raw = [
        {"type": "paragraph", "value": "<p>Grofvuil haalt <strong>IVAGO</strong> op.</p>"},
        {"type": "heading", "value": {"text": "Zo werkt het", "level": 3}},
        {"type": "image", "value": {"image": image.pk, "alt": "Een container", "caption": "Container"}},
        {"type": "call_to_action", "value": {"label": "Maak een afspraak", "url": "https://stad.gent/afspraak", "description": ""}},
        {"type": "contact", "value": {"name": "Gentinfo", "phone": "09 210 10 10", "email": "gentinfo@stad.gent", "address": "Botermarkt 1", "opening_hours": "ma-vr 8-19"}},
        {"type": "faq", "value": {"items": [{"question": "Wat kost het?", "answer": "<p>Niets.</p>"}]}},
        {"type": "steps", "value": {"title": "Aanvragen", "steps": [{"title": "Log in", "text": "<p>Met itsme.</p>"}]}},
    ]
    body = StreamValue(BodyBlock(), raw, is_lazy=True)
    html = body.render_as_block()
    for expected in ["IVAGO", "<h3>Zo werkt het</h3>", 'alt="Een container"', "Maak een afspraak",
                     "tel:092101010", "Wat kost het?", "<ol>", "Log in"]:
        assert expected in html
