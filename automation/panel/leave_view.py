"""/api/automation/panel/leave/<token>/ — leave the test panel in one click (the link in every invitation).

As the stop link of a followed project (automation/api/stop_following.py): a GET (a
person, or a link scanner prefetching) shows a button that POSTs, so scanners remove no
one; the POST (also RFC 8058 one-click from the mail client: the List-Unsubscribe header)
leaves. The token names a member; once the member is gone the link answers that the
address is not in the panel any more, so a second click is no error.
"""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.panel.joining import panel_member_leave
from automation.panel.tokens import LEAVE, SALT, member_from_token
from cms.http.problems import problem_response, unknown_link
from cms.http.views import ApiView

TEMPLATE = "panel/leave.html"


def _signed(token: str) -> bool:
    try:
        claims = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return False
    return isinstance(claims, dict) and claims.get("p") == LEAVE


@method_decorator(csrf_exempt, name="dispatch")  # RFC 8058: the POST comes from a mail client, without cookies
class LeaveView(ApiView):
    http_method_names = ["get", "head", "post"]

    def _page(self, request, *, language: str, done: bool = False, gone: bool = False):
        response = render(request, TEMPLATE, {"done": done, "gone": gone, "language": language})
        response["Cache-Control"] = "private, no-store"
        return response

    def get(self, request: HttpRequest, token: str):
        member = member_from_token(token, purpose=LEAVE)
        if member is None:
            return self._page(request, language="nl", gone=True) if _signed(token) else problem_response(unknown_link())
        return self._page(request, language=member.language)

    def post(self, request: HttpRequest, token: str):
        member = member_from_token(token, purpose=LEAVE)
        if member is None:
            return self._page(request, language="nl", gone=True) if _signed(token) else problem_response(unknown_link())
        language = member.language
        panel_member_leave(member=member)
        return self._page(request, language=language, done=True)
