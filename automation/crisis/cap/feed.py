"""GET /api/automation/crisis/cap/feed.atom: active and recent crisis alerts as an Atom feed of CAP messages.

The address notice boards, screens and alert aggregators poll. One entry per alert, for
its latest CAP message: an active alert's Alert (or its latest Update), an ended alert's
Cancel. Listed: every active alert, and the `RECENT` most recently ended ones, so a board
that missed the end still sees the Cancel and the demo's ended alert keeps the feed from
being empty. Each entry links to its CAP document (`type="application/cap+xml"`).

`?lang=nl|en|fr` picks the entries' language (default nl; the CAP documents hold all).
The validators come from the listed messages before the feed is written: the ETag from
their ids and the parameters, Last-Modified from the newest `sent`, so a poll of an
unchanged feed is a cheap 304.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks

from automation.crisis.cap.document import ENDED_HEADLINE, EVENT, cap_identifier
from automation.crisis.cap.models import CapMessage
from automation.crisis.models import CrisisAlert
from automation.languages import languages_to_try, supported_languages
from cms.api import caching
from cms.api.feeds.handling import read_only_api_view
from cms.api.feeds.links import home_url
from cms.http.problems import InvalidParam, bad_request

RECENT = 10
CAP_MEDIA_TYPE = "application/cap+xml"
ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"
KNOWN_PARAMS = {"lang"}
TITLE = {"nl": "Crisisberichten", "en": "Crisis alerts", "fr": "Alertes de crise"}
SUBTITLE = {
    "nl": "Crisisberichten van de stad in CAP 1.2: de actieve en de laatst beëindigde.",
    "en": "The city's crisis alerts in CAP 1.2: those in force and those that ended last.",
    "fr": "Les alertes de crise de la ville en CAP 1.2 : celles en vigueur et les dernières terminées.",
}


def feed_messages() -> list[CapMessage]:
    """The latest message of every active alert and of the `RECENT` last ended ones, newest first."""
    active = set(CrisisAlert.objects.active().values_list("pk", flat=True))
    ended = CapMessage.objects.filter(msg_type=CapMessage.MsgType.CANCEL).order_by("-sent", "-pk")
    wanted = active | set(ended.values_list("alert_id", flat=True)[:RECENT])
    latest: dict[int, CapMessage] = {}
    for message in CapMessage.objects.filter(alert_id__in=wanted).select_related("alert").order_by("pk"):
        latest[message.alert_id] = message
    return sorted(latest.values(), key=lambda message: (message.sent, message.pk), reverse=True)


def entry_text(message: CapMessage, language: str) -> tuple[str, str]:
    """(title, body) in `language`, else Dutch, else any language the message has."""
    texts = message.texts
    code = next((code for code in languages_to_try(language) if code in texts), None) or next(iter(texts), None)
    text = texts.get(code) or {"headline": EVENT.get(language, EVENT["nl"]), "body": ""}
    title = text["headline"]
    if message.msg_type == CapMessage.MsgType.CANCEL:
        title = ENDED_HEADLINE.get(code, ENDED_HEADLINE["nl"]).format(title)  # in the words' language
    return title, text["body"]


class _CapLinks:
    """Makes each entry's alternate link say it is a CAP document (Django writes no type)."""

    def __init__(self, handler):
        self._handler = handler

    def addQuickElement(self, name, contents=None, attrs=None):  # noqa: N802 (the SAX handler's name)
        if name == "link" and attrs and attrs.get("rel") == "alternate":
            attrs = {**attrs, "type": CAP_MEDIA_TYPE}
        self._handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self._handler, name)


class CapAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(_CapLinks(handler), item)


def _feed(request, messages: list[CapMessage], language: str) -> HttpResponse:
    feed_url = request.build_absolute_uri(reverse("crisis:cap-feed"))
    feed = CapAtomFeed(
        title=f"{settings.WAGTAIL_SITE_NAME}: {TITLE.get(language, TITLE['nl'])}",
        link=home_url(request, language),
        description=SUBTITLE.get(language, SUBTITLE["nl"]),
        language=language,
        feed_url=feed_url,
        feed_guid=feed_url,
        author_name=settings.WAGTAIL_SITE_NAME,
    )
    for message in messages:
        title, body = entry_text(message, language)
        document_url = request.build_absolute_uri(reverse("crisis:cap-message", args=[message.pk]))
        feed.add_item(
            title=title,
            link=document_url,
            description=linebreaks(escape(body)),
            unique_id=document_url,
            pubdate=message.sent,
            updateddate=message.sent,
            author_name=settings.WAGTAIL_SITE_NAME,
            categories=[message.msg_type],
        )
    response = HttpResponse(content_type=ATOM_CONTENT_TYPE)
    feed.write(response, "utf-8")
    return response


@read_only_api_view
def cap_feed_view(request):
    language = request.GET.get("lang") or "nl"
    problems = [InvalidParam(name, "unknown query parameter") for name in sorted(set(request.GET) - KNOWN_PARAMS)]
    if language not in supported_languages():
        problems.append(InvalidParam("lang", f"one of {', '.join(supported_languages())}"))
    if problems:
        raise bad_request(*problems)
    messages = feed_messages()
    parts = [(message.pk, cap_identifier(message)) for message in messages]
    etag = caching.fingerprint_etag(request.build_absolute_uri("/"), "crisis-cap-feed", language, parts)
    last_modified = max((message.sent for message in messages), default=None)
    cached = caching.not_modified(request, etag=etag, last_modified=last_modified)
    if cached is not None:
        return cached
    return caching.decorate(_feed(request, messages, language), etag=etag, last_modified=last_modified)
