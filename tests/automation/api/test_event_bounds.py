"""A signed event dated far in the future or absurdly far back is a 400 naming `occurred_at`; nothing stored.

A citizen's contact details follow the newest event about them, so one event dated
9999-12-31 would freeze them for good. An unsigned event whose X-Signature header holds
non-ASCII characters is a 401 like any wrong signature, never a 500.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from automation.dossiers.models import DossierEvent
from tests.automation.api.test_events import errors_by_field, nothing_stored

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "occurred_at",
    [
        "9999-12-31T23:59:59+00:00",
        "9999-12-31T23:59:59-14:00",  # past the end of the calendar once in UTC
        "0001-01-01T00:00:00+14:00",  # before its start
        "1900-01-01T00:00:00Z",
        timedelta(minutes=10),  # from now, when the test runs
        -timedelta(days=3651),
    ],
)
def test_an_implausible_moment_is_refused_naming_occurred_at(post_event, event_payload, rabot, occurred_at):
    if isinstance(occurred_at, timedelta):
        occurred_at = (timezone.now() + occurred_at).isoformat()
    event_payload["occurred_at"] = occurred_at
    response = post_event(event_payload)
    assert response.status_code == 400
    errors = errors_by_field(response)
    assert set(errors) == {"occurred_at"}
    assert nothing_stored()


def test_the_reason_says_what_is_wrong(post_event, event_payload, rabot):
    event_payload["occurred_at"] = "9999-12-31T00:00:00+01:00"
    assert "future" in errors_by_field(post_event(event_payload))["occurred_at"]
    event_payload["occurred_at"] = "1970-01-01T00:00:00+01:00"
    assert "3650 days in the past" in errors_by_field(post_event(event_payload))["occurred_at"]


@pytest.mark.parametrize(
    "offset", [timedelta(minutes=4), -timedelta(days=3000)], ids=["within-the-clock-skew", "years-back-but-plausible"]
)
def test_a_plausible_moment_is_accepted(post_event, event_payload, rabot, offset):
    event_payload["occurred_at"] = (timezone.now() + offset).isoformat()
    assert post_event(event_payload).status_code == 202
    assert DossierEvent.objects.count() == 1


def test_the_bounds_are_settings(post_event, event_payload, rabot, settings):
    settings.AUTOMATION_EVENT_CLOCK_SKEW_SECONDS = 0
    event_payload["occurred_at"] = (timezone.now() + timedelta(seconds=30)).isoformat()
    assert post_event(event_payload).status_code == 400
    settings.AUTOMATION_EVENT_CLOCK_SKEW_SECONDS = 3600
    assert post_event(event_payload).status_code == 202


@pytest.mark.parametrize("header", ["sha256=é" + "0" * 63, "sha256=" + "€" * 64, "ünsigned", "sha256=\udcff"])
def test_a_non_ascii_signature_is_a_401_never_a_500(post_event, event_payload, rabot, header):
    response = post_event(event_payload, signature=header)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert nothing_stored()
