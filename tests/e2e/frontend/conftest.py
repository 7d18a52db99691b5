"""The citizen front end (frontend/dist, built by `make setup`) against the seeded demo backend.

The server is started the way `make demo` and the Docker image start it: `node
dist/server/entry.mjs` with VRIJHAVEN_API_URL pointing at the backend, on a free
loopback port. It is stopped when the session ends.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import REPO_ROOT, SERVER_START_TIMEOUT, _free_port

FRONTEND = REPO_ROOT / "frontend"
ENTRY = FRONTEND / "dist" / "server" / "entry.mjs"
AXE = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def frontend_server(demo_server, tmp_path_factory):
    """Base URL of the front end reading the demo backend's API."""
    if not ENTRY.exists():
        pytest.fail(f"{ENTRY} is missing: run make setup (it builds the front end)", pytrace=False)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path: Path = tmp_path_factory.mktemp("frontend") / "frontend.log"
    env = {
        **os.environ,
        "VRIJHAVEN_API_URL": demo_server,
        "HOST": "127.0.0.1",
        "PORT": str(port),
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
