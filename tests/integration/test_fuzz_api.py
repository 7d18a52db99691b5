"""The outside API fuzzer (issue 12): schemathesis against the live server and the platform's own document.

What a hostile or careless client can send, generated from /api/schema/ (every registered
part: content API, v2, feeds, signage, search, automation, crisis, ...), against gunicorn on
the loopback, on the real PostgreSQL, Redis and Elasticsearch `make test` started, with the
Ghent demo seeded as `manage.py seed_demo` seeds it. Schemathesis runs as an outside tester
would, through its own CLI (`st run`), with every check it has: no 5xx, every status code,
content type, header and body as documented, negative data refused and positive data
accepted, 405 with a correct `Allow` for undocumented methods, ... Any finding fails the test
with schemathesis' report and a curl line to reproduce it.

Deterministic and bounded: derandomized generation (no seed to keep) and a per-operation budget
(FUZZ_MAX_EXAMPLES, 20 by default), so the same run finds the same things and stays within
a few minutes on two cores. FUZZ_MAX_EXAMPLES=200 digs deeper by hand.

What the fuzzer cannot know comes from tests/fuzz/hooks.py: it signs the events endpoint's
bodies (the secret below is the server's AUTOMATION_WEBHOOK_SECRET) and mixes real tokens,
ids and page paths (made here, from the seeded database, with the project's own signers;
the test panel's confirm, leave and invitation tokens too)
into the generated path and query parameters.

The server lets the fuzzer through its rate limits, as the citizen front end is let through:
it sends a key from CONTENT_API_CLIENT_KEYS, and the subscribe form's per-client rate and the
city's hourly ceiling on confirmation mails are raised, because one client sending thousands
of requests is exactly what those limits stop, and a run of 429s would test nothing else. The
429 answers stay in the document, so a 429, if one still comes, must conform like any answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from automation.contacts.models import Citizen, ConfirmationRequest, Subscription
from automation.contacts.tokens import PREFERENCES, citizen_token, confirmation_token, unsubscribe_purpose
from automation.crisis.cap.models import CapMessage
from automation.panel.models import Invitation, PanelMember, Pretest
from automation.panel.tokens import CONFIRM, LEAVE, member_token, token_hash
from cms import celery_app
from cms.api.preview.tokens import make_token
from cms.core.models import Theme, Wijk
from cms.core.publishing import public_pages, public_path
from cms.experiments.pages.models import PageExperiment, PageView
from cms.experiments.pages.tokens import view_token
from search.backends import get_backend
from search.querylog.click_tokens import Click, click_token
from tests.bench.crisis_workers import database_url
from tests.bench.bench_crisis_spike import _free_port
from tests.e2e.processes import serve

REPO_ROOT = Path(__file__).resolve().parents[2]
CLIENT_KEY = "fuzz-client-key"
EVENT_SECRET = f"fuzz-{uuid.uuid4().hex}"
TWILIO_TOKEN = f"fuzz-{uuid.uuid4().hex}"
SINCH_SECRET = f"fuzz-{uuid.uuid4().hex}"
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "20"))
CONFIG = REPO_ROOT / "tests" / "fuzz" / "schemathesis.toml"
FUZZ_TIMEOUT = 1200  # seconds: a hung run fails instead of holding `make test` forever


def _seed(settings, index: str) -> None:
    """The Ghent demo, indexed into a throwaway Elasticsearch index (tasks in-process while seeding)."""
    from cms.importers.seed.run import seed_demo

    settings.SEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
                                            "URL": os.environ["ELASTICSEARCH_URL"], "INDEX": index}}  # fmt: skip
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        seed_demo()
    finally:
        celery_app.conf.task_always_eager = eager


def _panel_examples(wijk) -> tuple[dict, dict]:
    """A pending and an active panel member and an invitation to the demo pretest: real confirm, leave and answer tokens."""
    from django.utils import timezone

    members = []
    for status in (PanelMember.Status.PENDING, PanelMember.Status.ACTIVE):
        citizen = Citizen.objects.create(ref=f"fuzz-panel-{uuid.uuid4().hex[:8]}", email=f"{status}@panel.gent.example")
        members.append(PanelMember.objects.create(citizen=citizen, wijk=wijk, status=status, consent_version="fuzz",
                                                  consent_source="fuzz", asked_at=timezone.now()))  # fmt: skip
    pending, active = members
    token = f"fuzz-invitation-{uuid.uuid4().hex}"
    Invitation.objects.create(pretest=Pretest.objects.get(status=Pretest.Status.SENT), member=active,
                              token_sha256=token_hash(token))  # fmt: skip
    leave = member_token(member=active, purpose=LEAVE)
    path_parameters = {
        "GET /api/automation/panel/leave/{token}/": [{"token": leave}],
        "POST /api/automation/panel/leave/{token}/": [{"token": leave}],
        "GET /api/automation/panel/pretests/{token}/": [{"token": token}],
        "POST /api/automation/panel/pretests/{token}/": [{"token": token}],
    }
    body = {"POST /api/automation/panel/confirm/": [{"token": member_token(member=pending, purpose=CONFIRM)}]}
    return path_parameters, body


def _examples() -> dict:
    """Real values for the parameters a random string cannot hit, keyed `METHOD /path` as the document names them."""
    citizen = Citizen.objects.create(ref=f"fuzz-{uuid.uuid4().hex[:8]}", email="fuzz@stad.gent.example", phone="+32470000099")
    wijk = Wijk.objects.order_by("pk").first()
    theme = Theme.objects.order_by("pk").first()
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.WIJK_NEWS, wijk=wijk, status=Subscription.Status.ACTIVE)
    pending = ConfirmationRequest.objects.create(citizen=citizen)
    pages = list(public_pages().filter(depth__gt=2).order_by("path")[:40])
    paths = [path for path in (public_path(page.url_path) for page in pages[::8]) if path]
    page = pages[0]
    image = get_image_model().objects.order_by("pk").first()
    document = get_document_model().objects.order_by("pk").first()
    preferences = citizen_token(citizen=citizen, purpose=PREFERENCES)
    unsubscribe = citizen_token(citizen=citizen, purpose=unsubscribe_purpose("email"))
    revision = page.latest_revision
    cap_message = CapMessage.objects.order_by("pk").first()  # the demo's ended alert
    # The demo's page experiment: its page is answered per view, and a view's measured link is a real token.
    experiment = PageExperiment.objects.running().first()
    experiment_path = public_path(experiment.page.url_path) if experiment else None
    if experiment_path and experiment_path not in paths:
        paths.append(experiment_path)
    measured = [{"t": view_token(PageView.objects.create(experiment=experiment, version="A").id)}] if experiment else []
    by_path = {"path": [{"path": path} for path in paths]}
    slugs = {"wijk": [{"slug": wijk.slug}], "theme": [{"slug": theme.slug}]}
    path_parameters = {
        "GET /api/v2/pages/{id}/": [{"id": page.pk}],
        "GET /api/v2/images/{id}/": [{"id": image.pk}],
        "GET /api/v2/documents/{id}/": [{"id": document.pk}],
        **{f"GET /api/content/{{path}}{tail}": by_path["path"]
           for tail in ("", "/@children", "/@breadcrumbs", "/@navigation", "/@translations", "/@search")},
        "GET /api/feeds/wijk/{slug}/{fmt}/": slugs["wijk"],
        "GET /api/feeds/theme/{slug}/{fmt}/": slugs["theme"],
        "GET /api/feeds/wijk/{slug}/events.ics": slugs["wijk"],
        "GET /api/signage/{slug}/": slugs["wijk"],
        "GET /api/automation/unsubscribe/{token}/": [{"token": unsubscribe}],
        "POST /api/automation/unsubscribe/{token}/": [{"token": unsubscribe}],
        "GET /api/automation/preferences/{token}/": [{"token": preferences}],
        "POST /api/automation/preferences/{token}/": [{"token": preferences}],
        "GET /api/automation/subscriptions/preferences/{token}/": [{"token": preferences}],
        "PUT /api/automation/subscriptions/preferences/{token}/": [{"token": preferences}],
        "POST /api/automation/subscriptions/unsubscribe/{token}/": [{"token": preferences}],
        "POST /api/automation/sms/sinch/{secret}/": [{"secret": SINCH_SECRET}],
        "GET /api/automation/crisis/cap/{id}.xml": [{"id": cap_message.pk}] if cap_message else [],
    }
    query = {
        "GET /api/preview/": [{"token": make_token(page_id=page.pk, revision_id=revision.pk)}] if revision else [],
        "GET /api/search/click/": [{"t": click_token(Click(query="afval", language="nl", page_id=page.pk, position=1))}],
        "GET /api/experiments/click/": measured,
        "GET /api/automation/crisis/active/": [{"wijk": wijk.slug}],
        "GET /api/v2/pages/": [{"child_of": page.pk}, {"descendant_of": page.pk}, {"translation_of": page.pk}],
        "GET /api/v2/pages/find/": [{"id": page.pk}, {"html_path": "/" + paths[-1] + "/"}],
        "GET /api/v2/images/find/": [{"id": image.pk}],
        "GET /api/v2/documents/find/": [{"id": document.pk}],
    }
    body = {"POST /api/automation/subscriptions/confirm/": [{"token": confirmation_token(request=pending)}]}
    panel_paths, panel_bodies = _panel_examples(wijk)
    path_parameters.update(panel_paths)
    body.update(panel_bodies)
    return {"event_secret": EVENT_SECRET, "twilio_token": TWILIO_TOKEN, "path_parameters": path_parameters,
            "query": query, "body": body}


def _server_env(index: str, base_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DJANGO_DEBUG": "false",
        "PYTHONPATH": str(REPO_ROOT),
        "CACHE_URL": os.environ["REDIS_URL"],
        "ELASTICSEARCH_INDEX": index,
        "SEARCH_EMBEDDER": "search.embeddings.HashingEmbedder",
        "AUTOMATION_WEBHOOK_SECRET": EVENT_SECRET,
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,  # Twilio signs over the URL it called: ours, on the loopback
        "AUTOMATION_PUBLIC_BASE_URL": base_url,
        "SINCH_CALLBACK_SECRET": SINCH_SECRET,
        # Let the fuzzer through the limits it would otherwise spend its whole budget on (see above).
        "CONTENT_API_CLIENT_KEYS": CLIENT_KEY,
        "AUTOMATION_SUBSCRIBE_RATE": "1000000/hour",
        "AUTOMATION_CONFIRMATION_MAILS_PER_HOUR": "1000000",
        "LOG_LEVEL": "WARNING",
    }


def _gunicorn(index: str, log_dir: Path):
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = _server_env(index, base_url)
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", "1", "--worker-class", "gthread", "--threads", "4",
        "--timeout", "60", "--graceful-timeout", "5",
        # No request-line limit: gunicorn's own 414 for a URL past 4094 bytes is the web server's
        # limit (production sets its own at the proxy), not the application's; the fuzzer tests the app.
        "--limit-request-line", "0",
    ]  # fmt: skip
    return serve(command, cwd=REPO_ROOT, env=env, log_path=log_dir / "gunicorn.log",
                 ready_url=f"{base_url}/api/schema/", base_url=base_url)  # fmt: skip


def _schemathesis(base_url: str, examples: Path, report_dir: Path) -> subprocess.CompletedProcess:
    report_dir.mkdir()
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "run", f"{base_url}/api/schema/",
        "--checks", "all",
        "--generation-deterministic", "--max-examples", str(MAX_EXAMPLES),
        # One worker: Python 3.11's ast.parse is not thread-safe, and hypothesis describing its
        # filters on two threads crashed the run ("AST constructor recursion depth mismatch").
        "--workers", "1",
        "--header", f"X-Vrijhaven-Client-Key: {CLIENT_KEY}",
        "--request-timeout", "30",
        "--report", "junit", "--report-dir", str(report_dir),
        "--no-color", "--output-truncate", "false",
    ]  # fmt: skip
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.fuzz.hooks", "FUZZ_EXAMPLES": str(examples),
           "PYTHONPATH": str(REPO_ROOT)}  # fmt: skip
    # Run from the report folder: whatever schemathesis leaves behind stays out of the checkout.
    return subprocess.run(command, cwd=report_dir, env=env, capture_output=True, text=True, timeout=FUZZ_TIMEOUT)


def test_the_api_holds_against_the_fuzzer(transactional_db, settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.fail("the fuzzer runs against PostgreSQL, Redis and Elasticsearch: run it as `make test` does")
    index = f"fuzz-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    _seed(settings, index)
    examples = tmp_path / "examples.json"
    examples.write_text(json.dumps(_examples()))
    seeded = time.monotonic()
    server = _gunicorn(index, tmp_path)
    try:
        base_url = next(server)
        run = _schemathesis(base_url, examples, tmp_path / "report")
    finally:
        server.close()
        get_backend("default").clear()
    finished = time.monotonic()
    print(run.stdout[-6000:])
    print(f"fuzz_seed_seconds={seeded - started:.1f}")
    print(f"fuzz_run_seconds={finished - seeded:.1f}")
    server_log = (tmp_path / "gunicorn.log").read_text()
    assert run.returncode == 0, (
        f"schemathesis found problems (exit {run.returncode}):\n{run.stdout}\n{run.stderr[-3000:]}\n"
        f"--- server log (last lines) ---\n{server_log[-4000:]}"
    )
