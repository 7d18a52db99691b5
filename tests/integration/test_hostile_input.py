"""Issue 12's table of hostile input, row by row, through HTTP on PostgreSQL with the counters in Redis.

The same rows run on SQLite in the unit tests (each in the test module of the code that
answers it); here they run against the real database and a shared Redis cache, the way
production runs, so a row that holds only on SQLite (the `search` row did) shows up.
One row also starts a second process (another web worker) to show that the subscribe
form's counters are shared through CACHE_URL.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from automation.contacts.models import Citizen, ConfirmationRequest
from automation.dossiers.models import DossierEvent
from automation.dossiers.signature import body_signature
from cms.pressroom.models import PressReleaseAttachment
from integrations.twilio.signature import twilio_signature
from tests.automation.conftest import event_payload, rabot  # noqa: F401 -- fixtures
from tests.cms.conftest import home, locales, tree  # noqa: F401 -- fixtures

pytestmark = pytest.mark.django_db
REPO_ROOT = Path(__file__).resolve().parents[2]
PROBLEM = "application/problem+json"
SECRET = "hostile-input-secret"
CLIENT = "203.0.113.7"


def _redis_cache_url() -> str:
    parts = urlsplit(os.environ["REDIS_URL"])
    return urlunsplit(parts._replace(path="/2"))  # db 2: the cache, apart from the broker's


@pytest.fixture(autouse=True)
def production_like(settings):
    """Counters in the real Redis (as with CACHE_URL in production) and the events secret."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": _redis_cache_url(), "KEY_PREFIX": "vrijhaven"}}  # fmt: skip
    settings.AUTOMATION_WEBHOOK_SECRET = SECRET
    settings.AUTOMATION_SUBSCRIBE_RATE = "10/hour"
    settings.AUTOMATION_SMS_BACKEND = "automation.channels.sms_locmem.LocmemSmsBackend"
    settings.TWILIO_AUTH_TOKEN = "twilio-token"
    settings.SINCH_CALLBACK_SECRET = "cb-secret"
    settings.AXES_FAILURE_LIMIT = 5
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def post_event(client, payload, signature=None):
    body = json.dumps(payload).encode()
    header = body_signature(body, SECRET) if signature is None else signature
    return client.post("/api/automation/events/", data=body, content_type="application/json", HTTP_X_SIGNATURE=header)


def assert_problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    return response.json()


# --- the rows ----------------------------------------------------------------------------


def row_login_failures(client, tree, **_):
    get_user_model().objects.create_superuser("persdienst", "pers@stad.gent.example", "Juist-wachtwoord-42")
    for n in range(25):
        client.post("/admin/login/", {"username": "persdienst", "password": f"gok-{n}"}, REMOTE_ADDR=CLIENT)
    right = client.post("/admin/login/", {"username": "persdienst", "password": "Juist-wachtwoord-42"}, REMOTE_ADDR=CLIENT)
    assert right.status_code == 429 and "Te veel mislukte aanmeldpogingen" in right.content.decode()
    assert client.get("/admin/").status_code == 302  # not logged in: sent to the login page


def row_subscribe_burst(client, rabot, **_):
    answers = []
    for n in range(50):
        body = {"email": f"slachtoffer{n}@example.org", "language": "nl", "wijken": ["rabot-blaisantvest"]}
        answers.append(client.post("/api/automation/subscriptions/", data=json.dumps(body),
                                   content_type="application/json", REMOTE_ADDR=CLIENT))  # fmt: skip
    assert [a.status_code for a in answers].count(202) == 10
    for refused in answers[10:]:
        assert_problem(refused, 429)
        assert int(refused["Retry-After"]) >= 1
    assert Citizen.objects.count() == 10


def row_deep_json(client, **_):
    deep = b"[" * 1000 + b"]" * 1000
    for path in ("/api/automation/subscriptions/", "/api/automation/subscriptions/confirm/"):
        body = assert_problem(client.post(path, data=deep, content_type="application/json"), 400)
        assert body["invalid_params"][0]["name"] == "body"
    response = client.post("/api/automation/events/", data=deep, content_type="application/json",
                           HTTP_X_SIGNATURE=body_signature(deep, SECRET))  # fmt: skip
    assert assert_problem(response, 400)["invalid_params"][0]["name"] == "body"


def row_non_ascii_signature(client, event_payload, rabot, **_):
    assert_problem(post_event(client, event_payload, signature="sha256=é€" + "0" * 62), 401)
    twilio = client.post("/api/automation/sms/twilio/status/", data={"MessageSid": "SM1"}, HTTP_X_TWILIO_SIGNATURE="sïg")
    assert_problem(twilio, 401)
    assert_problem(client.post("/api/automation/sms/sinch/%C3%A9/", data=b"{}", content_type="application/json"), 401)
    assert not DossierEvent.objects.exists()


def row_search_text(client, tree, **_):
    image = Image.objects.create(title="Fietsstraat Dampoort", file=get_test_image_file())
    document = Document.objects.create(title="Fietsstraat plan", file=ContentFile(b"%PDF-1.4", name="plan.pdf"))
    PressReleaseAttachment.objects.create(page=tree.release, locale=tree.release.locale, image=image, document=document)
    tree.release.save_revision().publish()
    for endpoint in ("pages", "images", "documents"):
        for text in ('"', '"fietsstraat', "fiets*", "'", "\\", "NEAR", "🚲"):
            response = client.get(f"/api/v2/{endpoint}/", {"search": text})
            assert response.status_code == 200, (endpoint, text, response.content[:300])
        body = assert_problem(client.get(f"/api/v2/{endpoint}/", {"search": "fiets\x00"}), 400)
        assert body["invalid_params"][0]["name"] == "search"


def row_occurred_at(client, event_payload, rabot, **_):
    for moment in ("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"):
        event_payload["occurred_at"] = moment
        body = assert_problem(post_event(client, event_payload), 400)
        assert [p["name"] for p in body["invalid_params"]] == ["occurred_at"]
    assert not DossierEvent.objects.exists() and not Citizen.objects.exists()


def row_big_body(client, **_):
    big = b'{"data": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    assert_problem(client.post("/api/automation/events/", data=big, content_type="application/json"), 413)


def row_methods(tree, **_):
    browser = Client(enforce_csrf_checks=True)
    for path in ("/api/v2/pages/", "/api/content/nl", "/api/search/?q=afval", "/api/feeds/press/rss/",
                 "/api/signage/ledeberg/", "/api/automation/subscriptions/options/", "/api/automation/crisis/active/"):  # fmt: skip
        for method in ("DELETE", "PUT"):
            response = browser.generic(method, path)
            assert_problem(response, 405)
            assert response["Allow"] == "GET, HEAD, OPTIONS", path
        assert browser.options(path)["Allow"] == "GET, HEAD, OPTIONS"
    assert browser.options("/api/automation/events/")["Allow"] == "POST, OPTIONS"


def row_unknown_api_paths(client, **_):
    for path in ("/api/v2/pa%0Ages/", "/api/automation/nothing/", "/api/automation/sms/"):
        assert_problem(client.get(path), 404)


def row_fields(client, tree, **_):
    image = Image.objects.create(title="Fietsstraat", file=get_test_image_file())
    PressReleaseAttachment.objects.create(page=tree.release, locale=tree.release.locale, image=image)
    tree.release.save_revision().publish()
    items = client.get("/api/v2/images/", {"fields": "_"}).json()["items"]
    assert items and all(set(item) == {"id", "meta"} for item in items)


def row_security_headers(client, tree, **_):
    for path in ("/api/v2/pages/", "/admin/login/"):
        response = client.get(path)
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff" and response["X-Frame-Options"] == "SAMEORIGIN"
        assert response["Referrer-Policy"] == "same-origin"


def row_basic_auth_guessing(client, tree, **_):
    get_user_model().objects.create_superuser("redacteur", "red@stad.gent.example", "Juist-wachtwoord-42")
    for n in range(6):
        credentials = base64.b64encode(f"redacteur:gok-{n}".encode()).decode()
        client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Basic {credentials}", REMOTE_ADDR=CLIENT)
    right = client.post("/admin/login/", {"username": "redacteur", "password": "Juist-wachtwoord-42"}, REMOTE_ADDR=CLIENT)
    assert right.status_code == 429


ROWS = {
    "25 wrong passwords, then the right one": row_login_failures,
    "50 subscribe requests from one client": row_subscribe_burst,
    "JSON nested 1000 deep": row_deep_json,
    "non-ASCII X-Signature, Twilio and Sinch": row_non_ascii_signature,
    "search=%22 and %00 on pages, images, documents": row_search_text,
    "occurred_at 9999-12-31": row_occurred_at,
    "5 MB body to the events endpoint": row_big_body,
    "DELETE/PUT/OPTIONS on read-only paths": row_methods,
    "unknown and newline API paths": row_unknown_api_paths,
    "fields=_ on images": row_fields,
    "security headers": row_security_headers,
    "password guessing over Basic auth": row_basic_auth_guessing,
}


@pytest.mark.parametrize("row", ROWS.values(), ids=ROWS.keys())
def test_hostile_input_row(row, request):
    fixtures = {name: request.getfixturevalue(name) for name in row.__code__.co_varnames[: row.__code__.co_argcount]}
    fixtures.pop("client", None)
    row(client=Client(), **fixtures)


def _test_database_url() -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def test_the_subscribe_counters_are_shared_with_another_worker_process(rabot):
    """Ten requests here use up the client's allowance; the eleventh, in another process, is refused."""
    client = Client()
    for n in range(10):
        body = {"email": f"gedeeld{n}@example.org", "language": "nl", "wijken": ["rabot-blaisantvest"]}
        response = client.post("/api/automation/subscriptions/", data=json.dumps(body), content_type="application/json",
                               REMOTE_ADDR=CLIENT)  # fmt: skip
        assert response.status_code == 202
    code = (
        "from django.test import Client; import json; "
        "r = Client().post('/api/automation/subscriptions/', data=json.dumps({'email': 'x@example.org', 'language': 'nl', "
        "'wijken': ['rabot-blaisantvest']}), content_type='application/json', REMOTE_ADDR='" + CLIENT + "'); "
        "print('STATUS', r.status_code, r.get('Retry-After'))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "CACHE_URL": _redis_cache_url(),
           "DATABASE_URL": _test_database_url(), "AUTOMATION_SUBSCRIBE_RATE": "10/hour"}  # fmt: skip
    other_worker = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=REPO_ROOT, env=env,
                                  capture_output=True, text=True, timeout=180)  # fmt: skip
    assert other_worker.returncode == 0, other_worker.stderr
    status_line = [line for line in other_worker.stdout.splitlines() if line.startswith("STATUS")][0]
    assert status_line.split()[1] == "429" and int(status_line.split()[2]) >= 1
    assert ConfirmationRequest.objects.count() == 10


def _post_twilio_signed(client, path: str, params: dict, base: str):
    url = base.rstrip("/") + path
    signature = twilio_signature(url=url, params=params, token="twilio-token")
    return client.post(path, data=params, HTTP_X_TWILIO_SIGNATURE=signature)


def test_signed_twilio_callbacks_with_a_nul_or_without_their_fields_never_answer_500(settings):
    """Found by the fuzzer once it signed Twilio's callbacks: PostgreSQL text holds no NUL."""
    client, base = Client(), settings.AUTOMATION_PUBLIC_BASE_URL
    texts = {"MessageSid": "SM\x001", "MessageStatus": "deliv\x00ered"}
    assert _post_twilio_signed(client, "/api/automation/sms/twilio/status/", texts, base).status_code == 204
    call = {"CallSid": "CA\x001", "CallStatus": "busy\x00"}
    assert _post_twilio_signed(client, "/api/automation/voice/twilio/status/?ref=a%00b", call, base).status_code == 204
    inbound = {"From": "+32470\x00123456", "Body": "ST\x00OP"}
    assert _post_twilio_signed(client, "/api/automation/sms/twilio/inbound/", inbound, base).status_code == 200
    body = assert_problem(_post_twilio_signed(client, "/api/automation/sms/twilio/status/", {}, base), 400)
    assert [param["name"] for param in body["invalid_params"]] == ["MessageSid", "MessageStatus"]
