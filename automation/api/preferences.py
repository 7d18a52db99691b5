"""/api/automation/preferences/<token>/ — the first, HTML preference page, kept for links in old e-mails.

New e-mails link to the front end's preference centre (/{lang}/voorkeuren?token=), which
uses the JSON API with the same token. This page still works without JavaScript: one
checkbox per channel (saved as consent with time and source `preference-centre`), one
per live subscription (unticking ends it), and a button that stops everything.
"""

from __future__ import annotations

from django.http import HttpRequest
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
from cms.http.problems import problem_response, unknown_link
from cms.http.views import ApiView

CHANNELS = (ChannelKind.EMAIL, ChannelKind.SMS)


@method_decorator(csrf_exempt, name="dispatch")  # the signed token in the URL is the credential
class PreferencesView(ApiView):
    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest, token: str):
        citizen = citizen_from_token(token, purpose=PREFERENCES)
        if citizen is None:
            return problem_response(unknown_link())
        return self._page(request, citizen, saved=False)

    def post(self, request: HttpRequest, token: str):
        citizen = citizen_from_token(token, purpose=PREFERENCES)
        if citizen is None:
            return problem_response(unknown_link())
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
