"""/api/automation/subscriptions/stop/<token>/ — one-click stop of one subscription (following a project).

Every message about a followed project carries this link (in the text, and as the
List-Unsubscribe header with RFC 8058 one-click): it ends that subscription only; other
subscriptions and the consent to e-mail stay as they are. A GET (a person clicking, or a
link scanner prefetching) only shows a button that POSTs, so scanners stop nothing.
Repeating it changes nothing.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from automation.contacts.following import follow_stop, followed_title
from automation.contacts.tokens import subscription_from_stop_token
from cms.http.problems import problem_response, unknown_link
from cms.http.views import ApiView

TEMPLATE = "contacts/stop_following.html"


@method_decorator(csrf_exempt, name="dispatch")  # RFC 8058: the POST comes from a mail client, without cookies
class StopFollowingView(ApiView):
    http_method_names = ["get", "head", "post"]

    def _page(self, request, subscription, *, done: bool):
        language = subscription.citizen.language
        context = {"done": done, "language": language, "title": followed_title(subscription=subscription, language=language)}
        response = render(request, TEMPLATE, context)
        response["Cache-Control"] = "private, no-store"
        return response

    def get(self, request: HttpRequest, token: str):
        subscription = subscription_from_stop_token(token)
        if subscription is None:
            return problem_response(unknown_link())
        return self._page(request, subscription, done=False)

    def post(self, request: HttpRequest, token: str):
        subscription = subscription_from_stop_token(token)
        if subscription is None:
            return problem_response(unknown_link())
        follow_stop(subscription=subscription)
        return self._page(request, subscription, done=True)
