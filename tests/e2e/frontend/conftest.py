"""The citizen front end (frontend/dist, built by `make setup`) against the seeded demo backend.

The server is started the way `make demo` and the Docker image start it: `node
dist/server/entry.mjs` with VRIJHAVEN_API_URL pointing at the backend, on the loopback
port the backend's FRONTEND_URL names (so the admin's preview button and the links in
e-mails reach it). The backend gets a webhook endpoint for it, with a shared secret, so
publishing refreshes the front end's answer cache. It is stopped when the session ends.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import FRONTEND_CLIENT_KEY, REPO_ROOT, SERVER_START_TIMEOUT

FRONTEND = REPO_ROOT / "frontend"
ENTRY = FRONTEND / "dist" / "server" / "entry.mjs"
AXE = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"


REGISTER_WEBHOOK = """
from cms.api.webhooks.models import WebhookEndpoint
WebhookEndpoint.objects.update_or_create(name="Stadswebsite (e2e)", defaults={{"url": {url!r}, "secret": {secret!r}, "active": True}})
"""


@pytest.fixture(scope="session")
def frontend_log(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("frontend") / "frontend.log"


@pytest.fixture(scope="session")
def frontend_server(demo_server, demo_shell, frontend_url, frontend_log):
    """Base URL of the front end reading the demo backend's API, registered for its publish webhook."""
    if not ENTRY.exists():
        pytest.fail(f"{ENTRY} is missing: run make setup (it builds the front end)", pytrace=False)
    base_url = frontend_url
    port = base_url.rsplit(":", 1)[1]
    secret = secrets.token_hex(32)
    demo_shell(REGISTER_WEBHOOK.format(url=f"{base_url}/api/revalidate", secret=secret))
    log_path = frontend_log
    env = {
        **os.environ,
        "VRIJHAVEN_API_URL": demo_server,
        "VRIJHAVEN_WEBHOOK_SECRET": secret,
        "VRIJHAVEN_API_KEY": FRONTEND_CLIENT_KEY,
        "HOST": "127.0.0.1",
        "PORT": port,
        "NODE_ENV": "production",
        "ASTRO_TELEMETRY_DISABLED": "1",
    }
    with open(log_path, "w") as log:
        server = subprocess.Popen(["node", str(ENTRY)], cwd=FRONTEND, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(server, f"{base_url}/nl", log_path)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"front end exited with {server.returncode}:\n{log_path.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"front end did not answer {url} in {SERVER_START_TIMEOUT}s:\n{log_path.read_text()}", pytrace=False)


@pytest.fixture(scope="session")
def outbox(demo_var_dir) -> Path:
    """Where the demo backend's file e-mail backend writes (EMAIL_FILE_PATH = <var>/outbox)."""
    return demo_var_dir / "outbox"


@pytest.fixture
def axe():
    """Run axe-core on the page in the browser; returns the violations as readable lines."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run make setup (npm ci installs axe-core)", pytrace=False)

    def run(page) -> list[str]:
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => {
                const result = await axe.run(document, {
                    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
                });
                return result.violations.map(v =>
                    `${v.id} (${v.impact}): ${v.help} -> ` + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
            }"""
        )
        return violations

    return run
