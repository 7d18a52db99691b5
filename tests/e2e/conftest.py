"""Browser tests: Debian's Chromium, driven by Playwright, against the app in its own process.

The servers run on the embedded defaults, like `make demo`: SQLite in a throwaway
VRIJHAVEN_VAR_DIR, tasks in-process, the local search backend, e-mail to files. The
service URLs `make test` exports are removed from their environment on purpose.

Playwright's sync API keeps an asyncio loop marked as running in this thread while it is
started, and Django's ORM refuses to run in that state (SynchronousOnlyOperation). So
the browser lives per test module, not per session: it is gone before the integration
tests use the database. Do not use the ORM in-process from e2e tests; talk to the server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.processes import serve

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL")
# The citizen front end's key: requests carrying it skip the content API's anonymous rate limit.
FRONTEND_CLIENT_KEY = "e2e-frontend-key"
PLAIN_SUPERUSER = {"username": "e2e-admin", "email": "e2e-admin@stad.gent.example", "password": "Gent-e2e-9f3k2"}
MANAGE_TIMEOUT = 600  # seconds; migrate on two shared cores is slow
PAGE_TIMEOUT_MS = 20_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(var_dir: Path, base_url: str = "http://localhost:8000", frontend_url: str | None = None) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in SERVICE_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DJANGO_DEBUG="true",  # dev settings: static files served by Django, like `make demo`
        VRIJHAVEN_VAR_DIR=str(var_dir),
        WAGTAILADMIN_BASE_URL=base_url,
        # Where the admin's preview button and the links in e-mails point: the citizen
        # front end that tests/e2e/frontend starts on this address (its port is fixed here).
        FRONTEND_URL=frontend_url or os.environ.get("FRONTEND_URL", "http://localhost:3000"),
        CONTENT_API_CLIENT_KEYS=FRONTEND_CLIENT_KEY,
        PYTHONUNBUFFERED="1",
        # Browser tests exercise pages, forms and the admin, not ranking: the deterministic
        # embedder keeps seeding ~270 pages to seconds. Relevance is tested with the real
        # model in tests/search and tests/integration/search.
        SEARCH_EMBEDDER=os.environ.get("E2E_SEARCH_EMBEDDER", "search.embeddings.HashingEmbedder"),
    )
    return env


def _manage(var_dir: Path, *args: str, extra_env: dict[str, str] | None = None) -> str:
    """Run a management command against `var_dir`; a failure fails the test with its output; returns stdout."""
    env = {**_server_env(var_dir), **(extra_env or {})}
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=MANAGE_TIMEOUT,
    )
    if completed.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} exited with {completed.returncode}:\n{completed.stdout}\n{completed.stderr}",
            pytrace=False,
        )
    print(f"manage.py {' '.join(args)}: {time.monotonic() - started:.1f}s")
    return completed.stdout


def _serve(var_dir: Path, frontend_url: str | None = None):
    """Start gunicorn on a free loopback port, wait until it answers, yield its base URL, stop it."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4",
        "--timeout", "120", "--graceful-timeout", "5", "--access-logfile", "-",
    ]  # fmt: skip
    yield from serve(
        command,
        cwd=REPO_ROOT,
        env=_server_env(var_dir, base_url, frontend_url),
        log_path=var_dir / "server.log",
        ready_url=f"{base_url}/admin/login/",
        base_url=base_url,
    )


@pytest.fixture(scope="session")
def migrated_var_dir(tmp_path_factory) -> Path:
    """A var/ folder with a migrated SQLite database, migrated once and copied by each server."""
    var_dir = tmp_path_factory.mktemp("migrated-var")
    _manage(var_dir, "migrate", "--no-input")
    return var_dir


def _copy_of(template: Path, tmp_path_factory, name: str) -> Path:
    var_dir = tmp_path_factory.mktemp(name)
    shutil.copytree(template, var_dir, dirs_exist_ok=True)
    return var_dir


@pytest.fixture(scope="session")
def frontend_url() -> str:
    """The address the citizen front end will listen on, known before the backend starts (FRONTEND_URL)."""
    return f"http://127.0.0.1:{_free_port()}"


@pytest.fixture(scope="session")
def demo_var_dir(migrated_var_dir, tmp_path_factory) -> Path:
    """The demo server's var/ folder: its SQLite database, and e-mails in outbox/ (the file e-mail backend)."""
    var_dir = _copy_of(migrated_var_dir, tmp_path_factory, "demo-var")
    _manage(var_dir, "seed_demo")
    return var_dir


@pytest.fixture(scope="session")
def demo_server(demo_var_dir, frontend_url):
    """The seeded Ghent demo site (`manage.py seed_demo`), as `make demo` serves it. Yields its base URL."""
    yield from _serve(demo_var_dir, frontend_url)


@pytest.fixture(scope="session")
def demo_shell(demo_var_dir, frontend_url):
    """Run Python in `manage.py shell -c` with the demo server's environment (its database); returns stdout."""

    def run(code: str) -> str:
        return _manage(demo_var_dir, "shell", "-c", code, extra_env={"FRONTEND_URL": frontend_url})

    return run


@pytest.fixture(scope="session")
def plain_server(migrated_var_dir, tmp_path_factory):
    """A migrated, unseeded site with one superuser (PLAIN_SUPERUSER). Yields its base URL."""
    var_dir = _copy_of(migrated_var_dir, tmp_path_factory, "plain-var")
    _manage(
        var_dir,
        "createsuperuser",
        "--no-input",
        "--username",
        PLAIN_SUPERUSER["username"],
        "--email",
        PLAIN_SUPERUSER["email"],
        extra_env={"DJANGO_SUPERUSER_PASSWORD": PLAIN_SUPERUSER["password"]},
    )
    yield from _serve(var_dir)


@pytest.fixture(scope="session")
def plain_superuser() -> dict[str, str]:
    return dict(PLAIN_SUPERUSER)


@pytest.fixture(scope="module")
def browser():
    # Imported here so a unit run never needs Playwright's driver.
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run bash tests/services/install.sh", pytrace=False)
    with sync_playwright() as playwright:
        # executable_path: Debian's Chromium; Playwright must never download a browser.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own browser context (no cookies shared between tests)."""
    context = browser.new_context(locale="nl-BE", timezone_id="Europe/Brussels")
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()
