"""/api/automation/unsubscribe/<token>/ — one-click unsubscribe (RFC 8058) from every e-mail.

Mail clients POST `List-Unsubscribe=One-Click` to the link in the List-Unsubscribe header;
that withdraws consent for the token's channel at once, recorded with time and source.
A GET (a person clicking, or a link scanner prefetching) only shows a button that POSTs:
scanners must not unsubscribe anyone.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.channels.kinds import ChannelKind
from automation.contacts.services import consent_record
from automation.contacts.tokens import citizen_from_token, unsubscribe_purpose
from cms.http.problems import problem_response, unknown_link
from cms.http.views import ApiView


def _citizen_and_channel(token: str):
    for channel in ChannelKind:
        citizen = citizen_from_token(token, purpose=unsubscribe_purpose(channel.value))
        if citizen is not None:
            return citizen, channel
    return None, None


@method_decorator(csrf_exempt, name="dispatch")  # RFC 8058: the POST comes from a mail client, without cookies
class UnsubscribeView(ApiView):
    http_method_names = ["get", "head", "post"]

    def get(self, request: HttpRequest, token: str):
        citizen, channel = _citizen_and_channel(token)
        if citizen is None:
            return problem_response(unknown_link())
        return render(request, "contacts/unsubscribe.html", {"channel": channel, "done": False, "language": citizen.language})

    def post(self, request: HttpRequest, token: str):
        citizen, channel = _citizen_and_channel(token)
        if citizen is None:
            return problem_response(unknown_link())
        consent_record(
            citizen=citizen,
            channel=channel,
            granted=False,
            source="list-unsubscribe",
            recorded_at=timezone.now(),
        )
        return render(request, "contacts/unsubscribe.html", {"channel": channel, "done": True, "language": citizen.language})
