"""/api/automation/preferences/<token>/ — the citizen's channels, changed without an account.

The first, minimal form of the preference centre: one checkbox per channel, saved as
consent with time and source `preference-centre`. Subscriptions (wijk news, themes,
press, crisis) join this page when the preference centre is built out.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.api.base import ApiView
from automation.api.problem import problem_response
from automation.channels.kinds import ChannelKind
from automation.contacts.selectors import citizen_consents
from automation.contacts.services import consent_record
from automation.contacts.tokens import PREFERENCES, citizen_from_token

CHANNELS = (ChannelKind.EMAIL, ChannelKind.SMS)


@method_decorator(csrf_exempt, name="dispatch")  # the signed token in the URL is the credential
class PreferencesView(ApiView):
    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest, token: str):
        citizen = citizen_from_token(token, purpose=PREFERENCES)
        if citizen is None:
            return problem_response(status=404, slug="unknown-link", title="This link is not valid (any more)")
        return self._page(request, citizen, saved=False)

    def post(self, request: HttpRequest, token: str):
        citizen = citizen_from_token(token, purpose=PREFERENCES)
        if citizen is None:
            return problem_response(status=404, slug="unknown-link", title="This link is not valid (any more)")
        now = timezone.now()
        for channel in CHANNELS:
            consent_record(
                citizen=citizen,
                channel=channel,
                granted=request.POST.get(channel.value) == "on",
                source="preference-centre",
                recorded_at=now,
            )
        return self._page(request, citizen, saved=True)

    def _page(self, request, citizen, *, saved: bool):
        consents = citizen_consents(citizen=citizen)
        channels = [{"value": c.value, "label": c.label, "granted": consents.get(c.value) is True} for c in CHANNELS]
        return render(
            request,
            "contacts/preferences.html",
            {"channels": channels, "saved": saved, "language": citizen.language},
        )
