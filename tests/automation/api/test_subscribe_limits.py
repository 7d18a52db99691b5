"""The subscribe form cannot be used to mail-bomb a list of addresses: a limit per client and an hourly ceiling.

50 requests for 50 different addresses from one client in a burst send only as many
confirmation mails as the per-client limit allows; the rest get 429 problem+json with
Retry-After and store nothing. The city's ceiling on confirmation mails per hour holds
whatever the number of clients.
"""

from __future__ import annotations

import pytest

from automation.contacts.models import Citizen, ConfirmationRequest, Subscription
from tests.automation.api.subscription_helpers import PROBLEM, confirmation_mails, post_json

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/api/automation/subscriptions/"
FRONT_END_KEY = "front-end-key"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AUTOMATION_SUBSCRIBE_RATE = "10/hour"
    settings.AUTOMATION_CONFIRMATION_MAILS_PER_HOUR = 1000
    settings.CONTENT_API_CLIENT_KEYS = [FRONT_END_KEY]


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks, rabot):
    def post(address: str, **headers):
        body = {"email": address, "language": "nl", "wijken": ["rabot-blaisantvest"], "crisis": True}
        with django_capture_on_commit_callbacks(execute=True):
            return post_json(client, SUBSCRIBE, body, **headers)

    return post


def assert_too_many(response):
    assert response.status_code == 429
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 429 and "nothing was stored" in response.json()["detail"]
    assert 1 <= int(response["Retry-After"]) <= 3601


def test_a_burst_of_fifty_addresses_from_one_client_sends_only_the_clients_allowance(subscribe):
    answers = [subscribe(f"slachtoffer{n}@example.org", REMOTE_ADDR="203.0.113.7") for n in range(50)]
    assert [a.status_code for a in answers[:10]] == [202] * 10
    for refused in answers[10:]:
        assert_too_many(refused)
    assert len(confirmation_mails()) == 10
    # A refused request left nothing behind: no citizen, no pending subscription for those addresses.
    assert not Citizen.objects.filter(email="slachtoffer10@example.org").exists()
    assert Citizen.objects.count() == ConfirmationRequest.objects.count() == 10
    assert Subscription.objects.count() == 20


def test_another_client_is_counted_apart(subscribe):
    for n in range(10):
        assert subscribe(f"a{n}@example.org", REMOTE_ADDR="203.0.113.7").status_code == 202
    assert_too_many(subscribe("a10@example.org", REMOTE_ADDR="203.0.113.7"))
    assert subscribe("b@example.org", REMOTE_ADDR="198.51.100.2").status_code == 202


def test_behind_our_proxies_the_address_they_saw_is_the_client(subscribe, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(10):  # a forged first entry changes nothing: only the proxy's own entry is read
        forwarded = f"10.9.9.{n}, 203.0.113.7"
        assert subscribe(f"p{n}@example.org", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).status_code == 202
    assert_too_many(subscribe("p10@example.org", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"))
    assert subscribe("q@example.org", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 202


def test_a_trusted_front_end_counts_for_the_citizen_it_names(subscribe):
    front_end = {"REMOTE_ADDR": "10.1.1.1", "HTTP_X_VRIJHAVEN_CLIENT_KEY": FRONT_END_KEY}
    for n in range(10):
        assert subscribe(f"c{n}@example.org", HTTP_X_VRIJHAVEN_FORWARDED_FOR="203.0.113.7", **front_end).status_code == 202
    assert_too_many(subscribe("c10@example.org", HTTP_X_VRIJHAVEN_FORWARDED_FOR="203.0.113.7", **front_end))
    # Other citizens behind the same front end are not held back by that one.
    assert subscribe("d@example.org", HTTP_X_VRIJHAVEN_FORWARDED_FOR="198.51.100.2", **front_end).status_code == 202
    # Without the key the forwarded address is the client's own claim: ignored, the sender's address counts.
    anonymous = {"REMOTE_ADDR": "192.0.2.50", "HTTP_X_VRIJHAVEN_FORWARDED_FOR": "198.51.100.99"}
    for n in range(10):
        assert subscribe(f"e{n}@example.org", **anonymous).status_code == 202
    assert_too_many(subscribe("e10@example.org", **{**anonymous, "HTTP_X_VRIJHAVEN_FORWARDED_FOR": "198.51.100.100"}))


def test_the_hourly_ceiling_holds_across_clients(subscribe, settings):
    settings.AUTOMATION_CONFIRMATION_MAILS_PER_HOUR = 3
    for n in range(3):
        assert subscribe(f"f{n}@example.org", REMOTE_ADDR=f"198.51.100.{n + 1}").status_code == 202
    refused = subscribe("f3@example.org", REMOTE_ADDR="198.51.100.9")
    assert_too_many(refused)
    assert "confirmation mails per hour" in refused.json()["detail"]
    assert len(confirmation_mails()) == 3
    assert not Citizen.objects.filter(email="f3@example.org").exists()
    # A trusted front end that names no citizen is not limited per client, but the ceiling holds for it too.
    assert_too_many(subscribe("f4@example.org", HTTP_X_VRIJHAVEN_CLIENT_KEY=FRONT_END_KEY))


def test_a_repeat_within_the_mail_interval_uses_no_mail_from_the_ceiling(subscribe, settings):
    settings.AUTOMATION_CONFIRMATION_MAILS_PER_HOUR = 1
    assert subscribe("g@example.org", REMOTE_ADDR="198.51.100.1").status_code == 202
    assert subscribe("g@example.org", REMOTE_ADDR="198.51.100.2").status_code == 202  # no mail due: no slot taken
    assert len(confirmation_mails()) == 1


def test_the_openapi_document_promises_the_429_with_retry_after(client):
    operation = client.get("/api/schema/").json()["paths"][SUBSCRIBE]["post"]
    too_many = operation["responses"]["429"]
    assert too_many["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert too_many["headers"]["Retry-After"]["schema"]["type"] == "integer"
    assert "413" in operation["responses"]
