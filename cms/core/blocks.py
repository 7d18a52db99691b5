"""The StreamField blocks every Ghent page body is built from.

One vocabulary for all page types, so the demo JSON (cms/importers/demo_data/SCHEMA.md),
the content API and the front end agree on block type names and value keys. Each block
renders itself through a template in cms/templates/blocks/ for the fallback site and the
admin preview; front ends read the same values as JSON.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# The rich text an editor may use in running text: the policy note asks for short, plain
# pages, so no headings above h3, no inline images and no raw HTML.
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the outline of a page correct for screen readers."""

    text = blocks.CharBlock(label="Tekst", max_length=120)
    level = blocks.IntegerBlock(label="Niveau", min_value=2, max_value=3, default=2)

    class Meta:
        icon = "title"
        label = "Tussentitel"
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required: every image must be accessible."""

    image = ImageChooserBlock(label="Afbeelding")
    alt = blocks.CharBlock(
        label="Alternatieve tekst",
        max_length=250,
        help_text="Beschrijf wat op de afbeelding staat, voor wie ze niet kan zien.",
    )
    caption = blocks.CharBlock(label="Bijschrift", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Afbeelding"
        template = "blocks/image.html"


class CallToActionBlock(blocks.StructBlock):
    """One clear next step for the reader (apply, register, make an appointment)."""

    label = blocks.CharBlock(label="Knoptekst", max_length=80)
    url = blocks.URLBlock(label="Link")
    description = blocks.TextBlock(label="Toelichting", required=False)

    class Meta:
        icon = "link"
        label = "Oproep tot actie"
        template = "blocks/call_to_action.html"


class ContactBlock(blocks.StructBlock):
    """Where a citizen can go or call with questions about this page."""

    name = blocks.CharBlock(label="Naam", max_length=200)
    phone = blocks.CharBlock(label="Telefoon", required=False, max_length=40)
    email = blocks.EmailBlock(label="E-mail", required=False)
    address = blocks.TextBlock(label="Adres", required=False)
    opening_hours = blocks.TextBlock(label="Openingsuren", required=False)

    class Meta:
        icon = "user"
        label = "Contact"
        template = "blocks/contact.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Vraag", max_length=250)
    answer = blocks.RichTextBlock(label="Antwoord", features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    """Frequently asked questions, shown as a list a reader can scan."""

    items = blocks.ListBlock(FaqItemBlock(), label="Vragen", min_num=1)

    class Meta:
        icon = "help"
        label = "Veelgestelde vragen"
        template = "blocks/faq.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=200)
    text = blocks.RichTextBlock(label="Uitleg", features=RICH_TEXT_FEATURES)


class StepsBlock(blocks.StructBlock):
    """The numbered steps of a procedure ("Zo vraagt u het aan")."""

    title = blocks.CharBlock(label="Titel", max_length=200)
    steps = blocks.ListBlock(StepBlock(), label="Stappen", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Stappenplan"
        template = "blocks/steps.html"


class DocumentBlock(blocks.StructBlock):
    """A downloadable document with a title that says what it is."""

    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(label="Titel", max_length=200)

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "blocks/document.html"


class EmbedWithCaptionBlock(blocks.StructBlock):
    """A video or map from an oEmbed provider; the caption says what it shows."""

    url = EmbedBlock(label="Link naar de video of kaart")
    caption = blocks.CharBlock(label="Bijschrift", required=False, max_length=250)

    class Meta:
        icon = "media"
        label = "Ingesloten media"
        template = "blocks/embed.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every page type; the type names are the ones SCHEMA.md documents."""

    paragraph = blocks.RichTextBlock(label="Tekst", features=RICH_TEXT_FEATURES, icon="pilcrow")
    heading = HeadingBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    contact = ContactBlock()
    faq = FaqBlock()
    steps = StepsBlock()
    document = DocumentBlock()
    embed = EmbedWithCaptionBlock()
