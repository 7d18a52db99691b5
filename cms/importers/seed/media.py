"""Demo images and documents, generated on demand from the keys the JSON names.

An image is a flat colour (derived from its key, so it is the same on every run) with the
key written on it; a document is a one-page PDF with its title. Both go in a "Demo"
collection. An image is found again by its title (the key); a document by a tag
`demo-<key>`, because its title is the human title the content gives it.
"""

from __future__ import annotations

import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.importers.seed.pdf import minimal_pdf

COLLECTION_NAME = "Demo"
IMAGE_SIZE = (1200, 675)


def _colour(key: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(key.encode()).digest()
    # Mid-tone colours so the white label stays readable.
    return tuple(60 + byte % 140 for byte in digest[:3])


def demo_png(key: str) -> bytes:
    picture = PillowImage.new("RGB", IMAGE_SIZE, _colour(key))
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=72)
    left, top, right, bottom = draw.textbbox((0, 0), key, font=font)
    position = ((IMAGE_SIZE[0] - (right - left)) / 2, (IMAGE_SIZE[1] - (bottom - top)) / 2)
    draw.text(position, key, fill=(255, 255, 255), font=font)
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def document_tag(key: str) -> str:
    return f"demo-{key}"


class DemoMedia:
    """Finds or makes each demo image and document once per run."""

    def __init__(self):
        self._collection = None
        self._images = {}
        self._documents = {}

    @property
    def collection(self) -> Collection:
        if self._collection is None:
            root = Collection.get_first_root_node()
            self._collection = root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(
                name=COLLECTION_NAME
            )
        return self._collection

    def image(self, key: str):
        if key not in self._images:
            Image = get_image_model()
            image = Image.objects.filter(collection=self.collection, title=key).first()
            if image is None:
                image = Image(title=key, collection=self.collection)
                image.file = ImageFile(BytesIO(demo_png(key)), name=f"demo-{key}.png")
                image._set_image_file_metadata()  # size and hash, as Wagtail's upload form does
                image.save()
            self._images[key] = image
        return self._images[key]

    def document(self, key: str, title: str = ""):
        if key not in self._documents:
            Document = get_document_model()
            tag = document_tag(key)
            document = Document.objects.filter(collection=self.collection, tags__name=tag).first()
            if document is None:
                title = title or key
                document = Document(title=title, collection=self.collection)
                pdf = minimal_pdf(title, ["Stad Gent", "Demodocument van Vrijhaven (geen echte publicatie)."])
                document.file = ContentFile(pdf, name=f"demo-{key}.pdf")
                document._set_document_file_metadata()  # size and hash, as Wagtail's upload form does
                document.save()
                document.tags.add(tag)
            self._documents[key] = document
        return self._documents[key]

    def counts(self) -> tuple[int, int]:
        return len(self._images), len(self._documents)
