"""An edition gathered into plain values, so the layout never touches the database.

What is printed is what the public sees online: the articles `MagazineEdition.articles()`
gives (the wijk's own, then the city-wide ones of the same month), each with its public
URL (`cms.core.publishing.public_url`) for the QR code. Images travel as data URIs read
through the storage, so a PDF renders the same with local files or a bucket. Alt text
comes from the page model (the image block's required `alt`), credits from the caption
and the brand's photo credit: Wagtail images carry no photographer field.
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass, field

from wagtail.embeds.blocks import EmbedValue
from wagtail.rich_text import expand_db_html

from cms.core.images import first_image
from cms.core.models import Brand, brand
from cms.core.publishing import public_url
from cms.neighbourhoods.models import MagazineEdition, NeighbourhoodMagazine, WijkPage

IMAGE_SPEC = "max-1400x1000"


@dataclass(frozen=True)
class Picture:
    src: str  # a data URI
    alt: str
    caption: str
    credit: str


@dataclass(frozen=True)
class Block:
    kind: str  # paragraph, heading, image, call_to_action, contact, faq, steps, document, embed
    value: object


@dataclass(frozen=True)
class ArticleSheet:
    anchor: str
    title: str
    intro: str
    url: str
    city_wide: bool
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class ServicePoint:
    kind: str
    name: str
    address: str
    phone: str
    email: str
    opening_hours: str


@dataclass(frozen=True)
class EditionSheet:
    language: str
    magazine: str
    wijk: str
    number: int
    date: object
    title: str
    intro: str
    url: str
    lead: Picture | None
    articles: list[ArticleSheet]
    services: list[ServicePoint]
    brand: Brand


def picture(image, *, alt: str, caption: str, credit: str) -> Picture:
    rendition = image.get_rendition(IMAGE_SPEC)
    with rendition.file.open("rb") as handle:
        data = handle.read()
    mime = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return Picture(
        src=f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}",
        alt=alt or image.default_alt_text or "",
        caption=caption,
        credit=credit,
    )


def _blocks(page, credit: str) -> list[Block]:
    blocks = []
    for block in page.body or []:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            blocks.append(Block(kind, expand_db_html(value.source)))
        elif kind == "image":
            if value.get("image"):
                blocks.append(Block(kind, picture(value["image"], alt=value.get("alt") or "",
                                                  caption=value.get("caption") or "", credit=credit)))
        else:
            blocks.append(Block(kind, _plain(value)))
    return blocks


def _plain(value):
    """A block value as plain dicts, lists and strings (rich text expanded to HTML)."""
    if isinstance(value, EmbedValue):  # its str() would fetch the provider's HTML: print the link
        return value.url
    if hasattr(value, "source"):
        return expand_db_html(value.source)
    if hasattr(value, "items") and not isinstance(value, str):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ListValue":
        return [_plain(item) for item in value]
    if hasattr(value, "title") and hasattr(value, "file"):  # a document
        return value.title
    return "" if value is None else str(value) if not isinstance(value, (int, float)) else value


def _wijk_page(magazine: NeighbourhoodMagazine) -> WijkPage | None:
    parent = magazine.get_parent().specific
    if isinstance(parent, WijkPage):
        return parent
    if magazine.wijk_id:
        return WijkPage.objects.filter(wijk_id=magazine.wijk_id, locale_id=magazine.locale_id).first()
    return None


def edition_sheet(edition: MagazineEdition, *, on_article=None) -> EditionSheet:
    """Everything the print edition shows, read once; `on_article(done, total)` after each article."""
    house = brand()
    magazine = edition.get_parent().specific
    wijk_page = _wijk_page(magazine)
    pages = edition.articles()
    articles = []
    for number, article in enumerate(pages, start=1):
        articles.append(
            ArticleSheet(
                anchor=f"artikel-{number}",
                title=article.title,
                intro=article.intro,
                url=public_url(article.url_path) or "",
                city_wide=article.get_parent().pk != edition.pk,
                blocks=_blocks(article, house.photo_credit),
            )
        )
        if on_article:
            on_article(number, len(pages))
    lead = None
    for page in (edition, *pages):
        image, alt = first_image(page)
        if image is not None:
            lead = picture(image, alt=alt, caption="", credit=house.photo_credit)
            break
    services = [
        ServicePoint(s.get_kind_display(), s.name, s.address, s.phone, s.email, s.opening_hours)
        for s in (wijk_page.services.all() if wijk_page else [])
    ]
    return EditionSheet(
        language=edition.locale.language_code,
        magazine=magazine.title,
        wijk=magazine.wijk.name if getattr(magazine, "wijk_id", None) else "",
        number=edition.number,
        date=edition.date,
        title=edition.title,
        intro=edition.intro,
        url=public_url(edition.url_path) or "",
        lead=lead,
        articles=articles,
        services=services,
        brand=house,
    )
