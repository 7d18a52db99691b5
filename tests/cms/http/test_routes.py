"""Apps mount their own routes; any other address under /api/ is a problem+json 404, never a redirect."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.urls import path, resolve, reverse
from django.urls.resolvers import RegexPattern, URLResolver

from automation.api.events import DossierEventsView
from automation.crisis.active import active_alerts_view
from cms.api.traversal import content_view
from cms.http import routes
from cms.http.routes import registered_routes, registered_urlpatterns, route_register
from cms.http.views import api_not_found_view
from integrations.sinch.webhooks import SinchCallbackView
from integrations.twilio.voice_webhooks import TwilioCallStatusView
from integrations.twilio.webhooks import TwilioStatusView


def test_each_app_registers_its_own_prefix():
    prefixes = {route.name: route.prefix for route in registered_routes()}
    assert prefixes["content-api"] == "api/"
    assert prefixes["automation"] == "api/automation/"
    assert prefixes["crisis"] == "api/automation/crisis/"
    assert prefixes["twilio"] == "api/automation/sms/twilio/"
    assert prefixes["twilio_voice"] == "api/automation/voice/twilio/"
    assert prefixes["sinch"] == "api/automation/sms/sinch/"


@pytest.mark.parametrize(
    "url, view",
    [
        ("/api/content/nl/themas", content_view),
        ("/api/automation/events/", DossierEventsView),
        ("/api/automation/crisis/active/", active_alerts_view),
        ("/api/automation/sms/twilio/status/", TwilioStatusView),
        ("/api/automation/voice/twilio/status/", TwilioCallStatusView),
        ("/api/automation/sms/sinch/cb-secret/", SinchCallbackView),
    ],
)
def test_registered_routes_resolve_to_their_apps_views(url, view):
    func = resolve(url).func
    assert getattr(func, "view_class", func) is view


def test_the_names_code_reverses_still_reverse():
    assert reverse("api-content", kwargs={"path": "nl"}) == "/api/content/nl"
    assert reverse("automation:unsubscribe", args=["t"]) == "/api/automation/unsubscribe/t/"
    assert reverse("crisis:active") == "/api/automation/crisis/active/"
    assert reverse("twilio:status") == "/api/automation/sms/twilio/status/"
    assert reverse("twilio_voice:status") == "/api/automation/voice/twilio/status/"
    assert reverse("sinch:callback", args=["s"]) == "/api/automation/sms/sinch/s/"


UNKNOWN = [
    "/api/nothing-here",
    "/api/automation/unknown",  # was a 302 to /nl/api/automation/unknown/
    "/api/automation/unknown/",
    "/api/automation/crisis/nope/",
    "/api/automation/sms/twilio/nope/",
    "/api/v2/pages/%0A",  # a newline: was Django's HTML 404
    "/api/%0A",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", UNKNOWN)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_api_address_is_a_problem_404(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "https://vrijhaven.dev/problems/not-found",
        "title": "Not found",
        "status": 404,
        "detail": "No API endpoint at this address.",
    }


def ok_view(request):
    return HttpResponse("ok")


def test_routes_are_mounted_in_their_order_and_the_catch_all_comes_last(monkeypatch):
    monkeypatch.setattr(routes, "_routes", {})
    route_register(name="wide", prefix="api/", urls=[path("late/x/", ok_view, name="wide")], order=100)
    route_register(name="narrow", prefix="api/late/", urls=[path("x/", api_not_found_view, name="narrow")], order=10)
    route_register(name="narrow", prefix="api/late/", urls=[path("x/", ok_view, name="narrow")], order=10)  # replaced
    patterns = registered_urlpatterns()
    assert [route.name for route in registered_routes()] == ["narrow", "wide"]
    resolver = URLResolver(RegexPattern(r"^/"), patterns)
    assert resolver.resolve("/api/late/x/").url_name == "narrow"
    assert resolver.resolve("/api/late/y/").func is api_not_found_view
    assert resolver.resolve("/api/").func is api_not_found_view
