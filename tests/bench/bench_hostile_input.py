"""What the hardening of issue 12 costs a normal request, and what a refused request costs, side by side.

In-process (Django's test client, the database `make bench` provides), one run:

* Overhead: requests per second (best of three, interleaved) of a warm content API answer (`/api/content/nl`) and a v2
  listing through the full middleware, against the same requests without the pieces this
  issue added (the methods rule before CSRF, the Content-Security-Policy, django-axes'
  middleware): the ratio (1.0 = free).
* Logins: SQL queries of a failed and of a successful login through the admin's form, with
  django-axes against Django's own backend alone; and of a refused (locked) login.
* Subscribe: SQL queries of an accepted subscribe request, and of one refused by the
  per-client limit (it must touch no table); the burst of 50 addresses from one client,
  as mails sent and requests refused.

Printed as name=value lines, ratios last. BENCH_HOSTILE_ROUNDS (default 200): requests per timing.
"""

from __future__ import annotations

import json
import os
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from tests.automation.conftest import rabot  # noqa: F401 -- fixture
from tests.cms.conftest import home, locales, tree  # noqa: F401 -- fixtures

ROUNDS = int(os.environ.get("BENCH_HOSTILE_ROUNDS", 200))
ADDED = ("cms.http.methods.ApiMethodsMiddleware", "cms.http.content_security.ContentSecurityPolicyMiddleware",
         "axes.middleware.AxesMiddleware")  # fmt: skip
PASSWORD = "Juist-wachtwoord-42"


def report(name: str, value) -> None:
    print(f"{name}={round(value, 3) if isinstance(value, float) else value}", flush=True)


def per_second(client: Client, url: str) -> float:
    for _ in range(20):  # warm: the answer is cached, the code paths are hot
        client.get(url, HTTP_X_VRIJHAVEN_CLIENT_KEY="bench")
    started = time.perf_counter()
    for _ in range(ROUNDS):
        assert client.get(url, HTTP_X_VRIJHAVEN_CLIENT_KEY="bench").status_code == 200
    return ROUNDS / (time.perf_counter() - started)


def queries(run) -> int:
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_hardening_costs(tree, rabot, settings):
    settings.CONTENT_API_CLIENT_KEYS = ["bench"]
    settings.AUTOMATION_SUBSCRIBE_RATE = "10/hour"
    from django.conf import settings as live

    full = list(live.MIDDLEWARE)
    bare = [name for name in full if name not in ADDED]
    rates = {}
    for url in ("/api/content/nl", "/api/v2/pages/?limit=5"):
        hardened, plain = 0.0, 0.0
        for _ in range(3):  # interleaved, best of three: neither side pays for the other's warm-up
            hardened = max(hardened, per_second(Client(), url))
            with override_settings(MIDDLEWARE=bare):
                plain = max(plain, per_second(Client(), url))
        rates[url] = hardened / plain
        report(f"requests_per_second_hardened[{url}]", hardened)
        report(f"requests_per_second_without[{url}]", plain)

    get_user_model().objects.create_superuser("persdienst", "pers@stad.gent.example", PASSWORD)
    login = lambda password: Client().post("/admin/login/", {"username": "persdienst", "password": password})  # noqa: E731
    report("queries_failed_login_with_axes", queries(lambda: login("gok")))
    report("queries_good_login_with_axes", queries(lambda: login(PASSWORD)))
    with override_settings(AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend"], MIDDLEWARE=bare):
        report("queries_failed_login_without_axes", queries(lambda: login("gok")))
        report("queries_good_login_without_axes", queries(lambda: login(PASSWORD)))
    for n in range(5):
        login(f"gok-{n}")
    report("queries_locked_login", queries(lambda: login(PASSWORD)))

    def subscribe(n: int):
        body = {"email": f"bench{n}@example.org", "language": "nl", "wijken": ["rabot-blaisantvest"]}
        return Client().post("/api/automation/subscriptions/", data=json.dumps(body), content_type="application/json",
                             REMOTE_ADDR="203.0.113.7")  # fmt: skip

    mail.outbox.clear()
    statuses = []
    accepted_queries = queries(lambda: statuses.append(subscribe(0).status_code))
    for n in range(1, 50):
        statuses.append(subscribe(n).status_code)
    refused_queries = queries(lambda: statuses.append(subscribe(50).status_code))
    report("queries_subscribe_accepted", accepted_queries)
    report("queries_subscribe_refused_per_client", refused_queries)
    report("burst_of_51_accepted", statuses.count(202))
    report("burst_of_51_refused_429", statuses.count(429))
    for url, ratio in rates.items():
        report(f"ratio_hardened_to_plain_throughput[{url}]", ratio)
    assert refused_queries == 0
    assert statuses.count(202) == 10
