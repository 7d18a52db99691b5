"""An edition sheet as one HTML document with its CSS, ready for WeasyPrint; no database.

Cover (magazine, wijk, number, date, lead image), a table of contents whose page numbers
WeasyPrint fills in (`target-counter`), each article on a new page with its images,
their credits and a QR code to the article online beside the title, and a back page with
Gentinfo and the wijk's service points. Colours and the typeface come from the brand.
The reading order is the document order, headings are real headings and every image has
the alt text the editor gave, so the tagged variants read like the web page.
"""

from __future__ import annotations

import segno
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.html import escape

from cms.neighbourhoods.print.content import ArticleSheet, Block, EditionSheet, Picture
from cms.neighbourhoods.print.variants import VariantSpec

LABELS = {
    "nl": {"contents": "Inhoud", "number": "Nummer", "read_online": "Lees online", "photo": "Foto",
           "city_news": "Nieuws uit heel Gent", "help": "Vragen? Gentinfo helpt je verder",
           "nearby": "In je buurt", "qr": "QR-code naar dit artikel online", "phone": "Telefoon",
           "hours": "Openingsuren", "online": "Deze editie online"},
    "en": {"contents": "Contents", "number": "Issue", "read_online": "Read online", "photo": "Photo",
           "city_news": "News from all of Ghent", "help": "Questions? Gentinfo can help",
           "nearby": "In your neighbourhood", "qr": "QR code to this article online", "phone": "Phone",
           "hours": "Opening hours", "online": "This edition online"},
    "fr": {"contents": "Sommaire", "number": "Numéro", "read_online": "Lire en ligne", "photo": "Photo",
           "city_news": "Nouvelles de tout Gand", "help": "Des questions ? Gentinfo vous aide",
           "nearby": "Dans votre quartier", "qr": "Code QR vers cet article en ligne", "phone": "Téléphone",
           "hours": "Heures d'ouverture", "online": "Cette édition en ligne"},
}


def labels_for(language: str) -> dict:
    return LABELS.get(language, LABELS["nl"])


def qr_data_uri(url: str) -> str:
    """An SVG QR code (error correction M, quiet zone kept) as a data URI."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=4)


def css(sheet: EditionSheet, spec: VariantSpec) -> str:
    b = sheet.brand
    body = spec.body_size_pt
    bleed = f"bleed: {spec.bleed_mm}mm;" if spec.bleed_mm else ""
    marks = "marks: crop;" if spec.crop_marks else ""
    return f"""
@page {{ size: A4; margin: 20mm 18mm 22mm 18mm; {bleed} {marks}
        @bottom-center {{ content: counter(page); font-size: {max(8, body - 2)}pt; color: #444; }} }}
@page cover {{ margin: 0; background: {b.primary_colour}; @bottom-center {{ content: none; }} }}
html {{ font-family: "{b.typeface}", "DejaVu Sans", sans-serif; color: {b.text_colour}; }}
body {{ margin: 0; font-size: {body}pt; line-height: 1.45; }}
h1, h2, h3 {{ line-height: 1.2; color: {b.primary_colour}; break-after: avoid; }}
h2 {{ font-size: {body * 1.9:.1f}pt; margin: 0 0 4mm; }}
h3 {{ font-size: {body * 1.3:.1f}pt; margin: 6mm 0 2mm; }}
.cover {{ page: cover; color: #fff; height: 297mm; padding: 22mm 18mm; box-sizing: border-box; }}
.cover .brand {{ font-size: 14pt; font-weight: bold; letter-spacing: 0.04em; }}
.cover .brand img {{ max-height: 18mm; }}
.cover h1 {{ color: #fff; font-size: {max(34, body * 2.6):.0f}pt; margin: 30mm 0 4mm; }}
.cover .wijk {{ font-size: {max(20, body * 1.6):.0f}pt; margin: 0; }}
.cover .issue {{ font-size: {max(13, body * 1.1):.0f}pt; margin: 4mm 0 10mm; }}
.cover .lead img {{ width: 100%; max-height: 120mm; object-fit: cover; border: 2mm solid #fff; }}
.cover .lead figcaption {{ font-size: {max(8, body - 2)}pt; color: #fff; }}
.cover .edition-intro {{ font-size: {max(13, body * 1.2):.0f}pt; max-width: 150mm; }}
.toc {{ break-before: page; }}
.toc ol {{ list-style: none; padding: 0; }}
.toc li {{ margin: 0 0 3mm; }}
.toc a {{ color: inherit; text-decoration: none; }}
.toc a::after {{ content: leader('.') target-counter(attr(href), page); }}
.toc .section {{ font-weight: bold; margin-top: 6mm; color: {b.primary_colour}; }}
article {{ break-before: page; }}
article .kicker {{ font-size: {max(8, body - 1.5)}pt; text-transform: uppercase; letter-spacing: 0.05em;
                   color: {b.primary_colour}; margin: 0 0 2mm; }}
article .intro {{ font-weight: bold; }}
.qr {{ float: right; width: 32mm; margin: 0 0 4mm 6mm; text-align: center;
       font-size: {max(7, body - 3)}pt; }}
.qr img {{ width: 32mm; height: 32mm; }}
figure {{ margin: 4mm 0; break-inside: avoid; }}
figure img {{ max-width: 100%; max-height: 110mm; }}
figcaption {{ font-size: {max(8, body - 1.5)}pt; color: #333; }}
.credit {{ font-style: italic; }}
.box {{ border-left: 1.5mm solid {b.accent_colour}; padding: 1mm 0 1mm 4mm; margin: 4mm 0; }}
.back {{ break-before: page; }}
.back .gentinfo {{ background: {b.primary_colour}; color: #fff; padding: 6mm; margin-bottom: 8mm; }}
.back .gentinfo h2 {{ color: #fff; }}
.back .service {{ margin: 0 0 5mm; break-inside: avoid; }}
.back .service h3 {{ margin: 0; }}
a {{ color: {b.primary_colour}; }}
"""


def _picture(pic: Picture, labels: dict) -> str:
    credit = f'<span class="credit">{escape(labels["photo"])}: {escape(pic.credit)}</span>' if pic.credit else ""
    caption = escape(pic.caption)
    parts = " ".join(part for part in (caption, credit) if part)
    return (
        f'<figure><img src="{pic.src}" alt="{escape(pic.alt)}">'
        + (f"<figcaption>{parts}</figcaption>" if parts else "")
        + "</figure>"
    )


def _block(block: Block, labels: dict) -> str:
    value = block.value
    if block.kind == "paragraph":
        return str(value)
    if block.kind == "heading":
        return f"<h3>{escape(value.get('text', ''))}</h3>"
    if block.kind == "image":
        return _picture(value, labels)
    if block.kind == "call_to_action":
        return (f'<div class="box"><strong>{escape(value.get("label", ""))}</strong>: {escape(value.get("url", ""))}'
                + (f"<br>{escape(value['description'])}" if value.get("description") else "") + "</div>")
    if block.kind == "contact":
        lines = [value.get(key, "") for key in ("name", "phone", "email", "address", "opening_hours")]
        return '<div class="box">' + "<br>".join(escape(line) for line in lines if line) + "</div>"
    if block.kind == "faq":
        return "".join(f"<h3>{escape(item.get('question', ''))}</h3>{item.get('answer', '')}" for item in value.get("items", []))
    if block.kind == "steps":
        steps = "".join(f"<li><strong>{escape(s.get('title', ''))}</strong>{s.get('text', '')}</li>" for s in value.get("steps", []))
        return f"<h3>{escape(value.get('title', ''))}</h3><ol>{steps}</ol>"
    if block.kind == "document":
        return f'<p class="box">{escape(value.get("title", ""))}</p>'
    if block.kind == "embed":
        return f'<p class="box">{escape(value.get("caption", ""))} {escape(value.get("url", ""))}</p>'
    return ""


def _article(article: ArticleSheet, sheet: EditionSheet, labels: dict) -> str:
    kicker = labels["city_news"] if article.city_wide else (sheet.wijk or sheet.magazine)
    qr = ""
    if article.url:
        qr = (f'<div class="qr"><img src="{qr_data_uri(article.url)}" alt="{escape(labels["qr"])}: {escape(article.url)}">'
              f'<br>{escape(labels["read_online"])}</div>')
    intro = f'<p class="intro">{escape(article.intro)}</p>' if article.intro else ""
    body = "".join(_block(block, labels) for block in article.blocks)
    return (f'<article id="{article.anchor}">{qr}<p class="kicker">{escape(kicker)}</p>'
            f"<h2>{escape(article.title)}</h2>{intro}{body}</article>")


def _cover(sheet: EditionSheet, labels: dict) -> str:
    with translation.override(sheet.language if sheet.language in LABELS else "nl"):
        issued = date_format(sheet.date, "j F Y")
    b = sheet.brand
    mark = f'<img src="file://{escape(b.logo_path)}" alt="{escape(b.name)}">' if b.logo_path else escape(b.name)
    lead = ""
    if sheet.lead is not None:
        lead = f'<div class="lead">{_picture(sheet.lead, labels)}</div>'
    wijk = f'<p class="wijk">{escape(sheet.wijk)}</p>' if sheet.wijk else ""
    intro = f'<p class="edition-intro">{escape(sheet.intro)}</p>' if sheet.intro else ""
    return (f'<section class="cover"><div class="brand">{mark}</div><h1>{escape(sheet.magazine)}</h1>{wijk}'
            f'<p class="issue">{escape(labels["number"])} {sheet.number} · {escape(issued)}</p>{lead}{intro}</section>')


def _contents(sheet: EditionSheet, labels: dict) -> str:
    items, in_city_section = [], False
    for article in sheet.articles:
        if article.city_wide and not in_city_section:
            items.append(f'<li class="section">{escape(labels["city_news"])}</li>')
            in_city_section = True
        items.append(f'<li><a href="#{article.anchor}">{escape(article.title)}</a></li>')
    return f'<nav class="toc" aria-label="{escape(labels["contents"])}"><h2>{escape(labels["contents"])}</h2><ol>{"".join(items)}</ol></nav>'


def _back(sheet: EditionSheet, labels: dict) -> str:
    b = sheet.brand
    gentinfo = "<br>".join(escape(line) for line in b.gentinfo_lines + [b.gentinfo_url])
    services = []
    for point in sheet.services:
        lines = [point.address, f'{labels["phone"]}: {point.phone}' if point.phone else "", point.email,
                 f'{labels["hours"]}: {point.opening_hours}' if point.opening_hours else ""]
        services.append(f'<div class="service"><h3>{escape(point.name)}</h3><p>{escape(point.kind)}<br>'
                        + "<br>".join(escape(line) for line in lines if line) + "</p></div>")
    nearby = f'<h2>{escape(labels["nearby"])}</h2>{"".join(services)}' if services else ""
    online = f'<p>{escape(labels["online"])}: {escape(sheet.url)}</p>' if sheet.url else ""
    return (f'<section class="back"><div class="gentinfo"><h2>{escape(labels["help"])}</h2><p>{gentinfo}</p></div>'
            f"{nearby}{online}</section>")


def edition_html(sheet: EditionSheet, spec: VariantSpec) -> str:
    labels = labels_for(sheet.language)
    title = f"{sheet.magazine} {sheet.number}" + (f" – {sheet.wijk}" if sheet.wijk and sheet.wijk not in sheet.magazine else "")
    articles = "".join(_article(article, sheet, labels) for article in sheet.articles)
    return (
        f'<!doctype html><html lang="{escape(sheet.language)}"><head><meta charset="utf-8">'
        f'<title>{escape(title)}</title><meta name="author" content="{escape(sheet.brand.name)}">'
        f"<style>{css(sheet, spec)}</style></head><body>"
        f"{_cover(sheet, labels)}{_contents(sheet, labels)}<main>{articles}</main>{_back(sheet, labels)}"
        "</body></html>"
    )
