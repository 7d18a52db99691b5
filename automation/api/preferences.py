"""/api/automation/preferences/<token>/ — the first, HTML preference page, kept for links in old e-mails.

New e-mails link to the front end's preference centre (/{lang}/voorkeuren?token=), which
uses the JSON API with the same token. This page still works without JavaScript: one
checkbox per channel (saved as consent with time and source `preference-centre`), one
per live subscription (unticking ends it), and a button that stops everything.

It is retired on `SUNSET` (30 June 2027: e-mails have linked to the front end since
December 2026, and message bodies are purged long before). Until then every answer says
so in the standard headers (`Deprecation`, RFC 9745; `Sunset`, RFC 8594; a `Link` to its
successor). From that day on the address only redirects to the front end's preference
centre with the same token, so a link in an old e-mail keeps working; the page itself,
its template and this view's form handling can then be deleted, leaving the redirect.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Subscription
from automation.contacts.preference_centre import LIVE, SOURCE, subscriptions_keep, unsubscribe_all
from automation.contacts.selectors import citizen_consents
from automation.contacts.services import consent_record
from automation.contacts.tokens import PREFERENCES, citizen_from_token
from automation.messages.links import preferences_url
from cms.http.problems import problem_response, unknown_link
from cms.http.urlconf import mark_api_request
from cms.http.views import ApiView

CHANNELS = (ChannelKind.EMAIL, ChannelKind.SMS)
#: The last day this page is served; from the next day on its address redirects to the front end.
SUNSET = date(2027, 6, 30)
DEPRECATED_SINCE = date(2026, 12, 6)


@method_decorator(csrf_exempt, name="dispatch")  # the signed token in the URL is the credential
class PreferencesView(ApiView):
    http_method_names = ["get", "head", "post"]

    def dispatch(self, request, *args, **kwargs):
        mark_api_request(request)  # before any early answer: a 404 stays a problem, not a redirect
        citizen = citizen_from_token(kwargs["token"], purpose=PREFERENCES)
        if citizen is None:
            return problem_response(unknown_link())
        if retired():
            return HttpResponseRedirect(preferences_url(citizen=citizen), status=303)
        response = super().dispatch(request, citizen=citizen, **kwargs)
        return announce_sunset(response, successor=preferences_url(citizen=citizen))

    def get(self, request: HttpRequest, token: str, citizen):
        return self._page(request, citizen, saved=False)

    def post(self, request: HttpRequest, token: str, citizen):
        if request.POST.get("action") == "stop":
            unsubscribe_all(citizen=citizen)
            return self._page(request, citizen, saved=True)
        now = timezone.now()
        for channel in CHANNELS:
            consent_record(
                citizen=citizen,
                channel=channel,
                granted=request.POST.get(channel.value) == "on",
                source=SOURCE,
                recorded_at=now,
            )
        keep = {int(value) for value in request.POST.getlist("subscription") if value.isdigit()}
        subscriptions_keep(citizen=citizen, keep_ids=keep)
        return self._page(request, citizen, saved=True)

    def _page(self, request, citizen, *, saved: bool):
        consents = citizen_consents(citizen=citizen)
        channels = [{"value": c.value, "label": c.label, "granted": consents.get(c.value) is True} for c in CHANNELS]
        live = citizen.subscriptions.filter(status__in=LIVE).select_related("wijk", "theme").order_by("kind", "pk")
        subscriptions = [{"pk": sub.pk, "label": _label(sub)} for sub in live]
        return render(
            request,
            "contacts/preferences.html",
            {"channels": channels, "subscriptions": subscriptions, "saved": saved, "language": citizen.language},
        )


def _label(sub: Subscription) -> str:
    target = sub.wijk or sub.theme or ("heel Gent" if sub.kind == Subscription.Kind.CRISIS else "")
    return f"{sub.get_kind_display()} {target}".strip()


def retired(today: date | None = None) -> bool:
    return (today or timezone.localdate()) > SUNSET


def _epoch(day: date) -> int:
    return int(datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone()).timestamp())


def announce_sunset(response, *, successor: str):
    """Deprecation (RFC 9745), Sunset (RFC 8594) and the successor's address on every answer."""
    response["Deprecation"] = f"@{_epoch(DEPRECATED_SINCE)}"
    sunset = datetime.combine(SUNSET, time.max, tzinfo=timezone.get_current_timezone())
    response["Sunset"] = sunset.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    response["Link"] = f'<{successor}>; rel="successor-version"'
    return response
