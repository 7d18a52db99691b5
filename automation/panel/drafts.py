"""The text a pretest shows: a page's latest revision (published or not) or a message template's e-mail words.

Drafts are what editors want tested, so the page is read at its latest revision, never
its live version, with the same parts the readability scorer reads (intro and prose
blocks: cms/readability/page_text.py). A template is read in the pretest's language,
falling back to Dutch, with its placeholders left out (a citizen should not see
`{{ citizen.first_name }}`).
"""

from __future__ import annotations

from dataclasses import dataclass

from automation.channels.kinds import ChannelKind
from automation.messages.models import MessageTemplate
from automation.messages.rendering import template_content_for
from cms.readability.page_text import page_language, page_parts
from cms.readability.text import plain_text


@dataclass(frozen=True)
class Draft:
    title: str
    text: str  # plain text, one paragraph per line
    language: str
    revision_id: int | None = None


class NoDraftText(ValueError):
    """The page or template has no words to test."""


def page_draft(*, page) -> Draft:
    revision = page.get_latest_revision()
    shown = revision.as_object() if revision is not None else page.specific
    text = "\n".join(plain_text(part.text) for part in page_parts(shown))
    if not text.strip():
        raise NoDraftText(f"page {page.pk} has no intro or prose to test")
    return Draft(title=shown.title, text=text, language=page_language(shown), revision_id=revision.pk if revision else None)


def template_draft(*, template: MessageTemplate, language: str) -> Draft:
    content = template_content_for(template=template, channel=ChannelKind.EMAIL, language=language)
    if content is None:
        raise NoDraftText(f"template {template.slug!r} has no e-mail text")
    text = plain_text(content.body_text)
    if not text.strip():
        raise NoDraftText(f"template {template.slug!r} has no e-mail text")
    return Draft(title=plain_text(content.subject) or template.name, text=text, language=content.language)
