"""Rendering template contents with safe placeholders: `{{ dossier.id }}`, `{% if data.address %}`.

Editors write Django template syntax, rendered by an engine of our own that knows only
`if`, `for`, `with`, `firstof`, `comment` and the default filters: no `load`, `include`,
`extends` or `debug`, so a template cannot read files, other templates or the server's
state. The context holds only plain values (strings, numbers, dicts, lists) built by
`context.py`, never model instances, so a placeholder cannot call a method that changes
anything. HTML is autoescaped; subject, text and SMS are not (they are not HTML).

A content missing in the citizen's language falls back to Dutch (`languages_to_try`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.template import Context, Engine, Library, defaultfilters, defaulttags

from automation.channels.kinds import ChannelKind
from automation.languages import languages_to_try
from automation.messages.models import MessageTemplate, TemplateContent

SAFE_TAGS = ("if", "for", "with", "firstof", "comment")

safe_library = Library()
for _name in SAFE_TAGS:
    safe_library.tag(_name, defaulttags.register.tags[_name])
safe_library.filters.update(defaultfilters.register.filters)


class SafeEngine(Engine):
    default_builtins = []  # nothing beyond what `safe_library` registers


@cache
def _engine() -> SafeEngine:
    engine = SafeEngine(libraries={}, loaders=[])
    engine.template_builtins = [safe_library]
    return engine


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    text: str
    html: str


def render_string(source: str, context: dict, *, html: bool) -> str:
    template = _engine().from_string(source)
    return template.render(Context(context, autoescape=html)).strip()


def template_content_for(*, template: MessageTemplate, channel: ChannelKind | str, language: str) -> TemplateContent | None:
    contents = {content.language: content for content in template.contents.filter(channel=ChannelKind(channel))}
    for code in languages_to_try(language):
        if code in contents:
            return contents[code]
    return None


def render_content(content: TemplateContent, context: dict) -> Rendered:
    return Rendered(
        language=content.language,
        subject=" ".join(render_string(content.subject, context, html=False).split()),
        text=render_string(content.body_text, context, html=False),
        html=render_string(content.body_html, context, html=True) if content.body_html else "",
    )
