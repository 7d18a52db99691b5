"""The citizen front end (frontend/dist, built by `make setup`) against the seeded demo backend.

The server is started the way `make demo` and the Docker image start it: `node
server/main.mjs` (the built site in dist/, behind its security headers, Host allow-list and
compression) with VRIJHAVEN_API_URL pointing at the backend, on the loopback
port the backend's FRONTEND_URL names (so the admin's preview button and the links in
e-mails reach it). The backend gets a webhook endpoint for it, with a shared secret, so
publishing refreshes the front end's answer cache. It is stopped when the session ends.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

from tests.e2e.conftest import FRONTEND_CLIENT_KEY, REPO_ROOT, _manage
from tests.e2e.processes import serve

FRONTEND = REPO_ROOT / "frontend"
BUILD = FRONTEND / "dist" / "server" / "entry.mjs"
ENTRY = FRONTEND / "server" / "main.mjs"
AXE = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def frontend_log(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("frontend") / "frontend.log"


@pytest.fixture(scope="session")
def frontend_server(demo_server, demo_var_dir, frontend_url, frontend_log):
    """Base URL of the front end reading the demo backend's API, registered for its publish webhook."""
    if not BUILD.exists():
        pytest.fail(f"{BUILD} is missing: run make setup (it builds the front end)", pytrace=False)
    base_url = frontend_url
    port = base_url.rsplit(":", 1)[1]
    secret = secrets.token_hex(32)
    # Registered the way `make demo` registers it (the secret travels in the environment).
    _manage(
        demo_var_dir, "webhook_endpoint", "Stadswebsite (e2e)", f"{base_url}/api/revalidate",
        extra_env={"VRIJHAVEN_WEBHOOK_SECRET": secret},
    )  # fmt: skip
    env = {
        **os.environ,
        "VRIJHAVEN_API_URL": demo_server,
        "VRIJHAVEN_WEBHOOK_SECRET": secret,
        "VRIJHAVEN_API_KEY": FRONTEND_CLIENT_KEY,
        "HOST": "127.0.0.1",
        "PORT": port,
        "NODE_ENV": "production",
        "ASTRO_TELEMETRY_DISABLED": "1",
        # Page views reach the backend within a second (tests/e2e/frontend/test_page_views.py).
        "VRIJHAVEN_PAGEVIEWS_FLUSH_SECONDS": "1",
    }
    yield from serve(
        ["node", str(ENTRY)], cwd=FRONTEND, env=env, log_path=frontend_log, ready_url=f"{base_url}/nl", base_url=base_url
    )


@pytest.fixture(scope="session")
def outbox(demo_var_dir) -> Path:
    """Where the demo backend's file e-mail backend writes (EMAIL_FILE_PATH = <var>/outbox)."""
    return demo_var_dir / "outbox"


# Every securitypolicyviolation event of the page, reported to Python through a binding
# (both are installed by Playwright over the DevTools protocol, outside the page's CSP).
CSP_WATCH = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__vrijhavenCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || "an inline resource"} `
    + `(${event.disposition}) in ${event.documentURI} ${event.sourceFile || ""}:${event.lineNumber}`);
});
"""


def watch_csp(context, origin: str) -> list[str]:
    """Record every Content-Security-Policy violation in the context's pages on `origin`.

    From two sources: the page's `securitypolicyviolation` events, and Chromium's console,
    which reports refused resources ("... violates the following Content Security Policy
    directive ...") even where no event reaches the document. Pages of other origins (the
    backend's admin, which some tests visit too) have their own policy and tests.
    """
    violations: list[str] = []

    def on_event(source, line: str) -> None:
        if source["frame"].url.startswith(origin):
            violations.append(line)

    def on_console(message) -> None:
        where = message.location.get("url") or (message.page.url if message.page else "")
        if where.startswith(origin) and ("Content Security Policy" in message.text or "Content-Security-Policy" in message.text):
            violations.append(f"console {message.type}: {message.text}")

    context.expose_binding("__vrijhavenCspViolation", on_event)
    context.add_init_script(CSP_WATCH)
    context.on("console", on_console)
    return violations


@pytest.fixture
def page(page, frontend_url):
    """The shared fresh page, watched: a Content-Security-Policy violation on the site fails the test.

    Each page of the site sends its CSP header for real (nothing bypasses it), so a test
    that renders, clicks or runs axe also proves the policy lets the page work.
    """
    violations = watch_csp(page.context, frontend_url)
    yield page
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)


@pytest.fixture
def axe():
    """Run axe-core on the page in the browser; returns the violations as readable lines.

    axe is evaluated over the DevTools protocol, like Playwright's own code, not added as a
    <script>: the site's CSP refuses inline scripts it did not hash, and must keep doing so.
    """
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run make setup (npm ci installs axe-core)", pytrace=False)
    source = AXE.read_text()

    def run(page) -> list[str]:
        page.evaluate(source)
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
