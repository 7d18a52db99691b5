"""The citizen site's security headers, in Chromium and over plain HTTP, against the seeded
demo: every page type carries a strict Content-Security-Policy (nothing inline but what
the build hashed, nothing from other origins, never framed), X-Frame-Options, nosniff and a
Referrer-Policy; answers that are not pages carry a policy that allows nothing; other sites
cannot frame a page; an injected inline script does not run; an unknown Host is refused.

Every test here (and every other test of tests/e2e/frontend) uses the watched `page` of
conftest.py: a CSP violation on the site fails it, so rendering a page here proves the
policy lets it work. tests/e2e/frontend/test_page_types.py runs axe on every page type
under the same watch.
"""

from __future__ import annotations

import http.client
import urllib.parse

import pytest
from playwright.sync_api import expect

from tests.e2e.frontend.conftest import watch_csp
from tests.e2e.frontend.test_page_types import PAGES

PREFERENCES_TOKEN = """
from automation.contacts.models import Citizen
from automation.contacts.tokens import PREFERENCES, citizen_token
print(citizen_token(citizen=Citizen.objects.order_by("pk").first(), purpose=PREFERENCES))
"""
# Beside the reading pages of test_page_types: the pages with forms or a script, and the 404.
OTHER_PAGES = [
    ("/nl/zoeken?q=grof+huisvuil", "search results (its suggestions script)", 200),
    ("/nl/zoeken", "search form", 200),
    ("/nl/inschrijven", "subscribe form", 200),
    ("/nl/deze-pagina-bestaat-niet", "not found", 404),
]
REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
FALLBACK_CSP = "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'"


def _policy(header: str) -> dict[str, list[str]]:
    """A CSP header as {directive: [sources]}."""
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_strict_page_headers(headers: dict[str, str], what: str) -> None:
    policy = _policy(headers["content-security-policy"])
    assert policy["default-src"] == ["'none'"], what
    assert policy["frame-ancestors"] == ["'none'"], what
    assert policy["base-uri"] == ["'none'"], what
    assert policy["form-action"] == ["'self'"], what
    for directive in ("script-src", "style-src"):
        sources = policy[directive]
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, (what, directive)
        assert all(source == "'self'" or source.startswith("'sha256-") or source == "'strict-dynamic'" for source in sources)
    # Inline code runs only by hash; 'strict-dynamic' makes browsers ignore the 'self' beside it.
    assert "'strict-dynamic'" in policy["script-src"], what
    assert any(source.startswith("'sha256-") for source in policy["style-src"]), what
    assert headers["x-frame-options"] == "DENY", what
    assert headers["x-content-type-options"] == "nosniff", what
    assert headers["referrer-policy"] in REFERRER_POLICIES, what


@pytest.mark.parametrize(("path", "kind", "shows"), PAGES, ids=[kind for _, kind, _ in PAGES])
def test_every_page_type_sends_a_strict_policy_and_still_renders(page, frontend_server, path, kind, shows):
    response = page.goto(frontend_server + path)

    assert response.status == 200
    assert_strict_page_headers(response.all_headers(), kind)
    expect(page.locator("main")).to_contain_text(shows)
    # The inline stylesheet applied under the policy: the header bar has its colour.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize(("path", "kind", "status"), OTHER_PAGES, ids=[kind for _, kind, _ in OTHER_PAGES])
def test_forms_search_and_errors_send_the_same_policy(page, frontend_server, path, kind, status):
    response = page.goto(frontend_server + path)

    assert response.status == status
    assert_strict_page_headers(response.all_headers(), kind)
    expect(page.locator("h1")).to_have_count(1)


def test_the_search_script_runs_under_the_policy(page, frontend_server):
    page.goto(frontend_server + "/nl/zoeken")
    page.get_by_role("combobox", name="Zoek op de site").press_sequentially("afvalk", delay=40)
    # The suggestions come from the hashed inline script and a same-origin fetch (connect-src 'self').
    expect(page.get_by_role("listbox", name="Suggesties").get_by_role("option").first).to_be_visible()


def test_the_preference_centre_keeps_its_stricter_referrer_policy(page, frontend_server, demo_shell):
    token = demo_shell(PREFERENCES_TOKEN).strip().splitlines()[-1]
    response = page.goto(f"{frontend_server}/nl/voorkeuren?token={urllib.parse.quote(token)}")

    assert response.status == 200
    headers = response.all_headers()
    assert_strict_page_headers(headers, "preference centre")
    assert headers["referrer-policy"] == "no-referrer"
    expect(page.locator("h1")).to_have_count(1)


def test_answers_that_are_not_pages_allow_nothing(page, frontend_server):
    page.goto(frontend_server + "/nl/themas/recyclagepark-ivago")
    image = page.locator("main figure img").first.get_attribute("src")
    page.goto(frontend_server + "/nl/themas/thuis-composteren")
    document = page.locator("main .download a").first.get_attribute("href")
    page.goto(frontend_server + "/nl/pers")
    feed = page.locator("main .feeds a[type='application/rss+xml']").get_attribute("href")

    for path in [image, document, feed, "/api/suggest?q=afvalk&lang=nl", "/favicon.svg"]:
        answer = page.request.get(frontend_server + path)
        assert answer.status == 200, path
        headers = answer.headers
        assert headers["content-security-policy"] == FALLBACK_CSP, path
        assert headers["x-frame-options"] == "DENY", path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin", path


def test_another_site_cannot_frame_a_page(browser, frontend_server):
    """Clickjacking: a page of another origin puts the subscribe form in an iframe; the browser
    refuses to show it. The control frame gets the same answer with the two framing headers
    taken out, and shows the form: so it is those headers that refuse, nothing else."""
    port = urllib.parse.urlsplit(frontend_server).port
    hostile = f"http://localhost:{port}"  # same machine, other origin than 127.0.0.1
    target = f"{frontend_server}/nl/inschrijven"
    context = browser.new_context()

    def without_framing_headers(route):
        answer = route.fetch()
        headers = {k: v for k, v in answer.headers.items() if k not in ("content-security-policy", "x-frame-options")}
        route.fulfill(response=answer, headers=headers)

    context.route(f"{target}?controle=1", without_framing_headers)
    context.route(
        f"{hostile}/winactie",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body=(
                '<!doctype html><html lang="nl"><title>Win!</title>'
                f'<iframe id="doel" title="Gent" src="{target}"></iframe>'
                f'<iframe id="controle" title="Gent" src="{target}?controle=1"></iframe></html>'
            ),
        ),
    )
    try:
        page = context.new_page()
        page.goto(f"{hostile}/winactie")
        page.wait_for_load_state("load")
        expect(page.frame_locator("#controle").get_by_label("Uw e-mailadres")).to_be_visible()
        urls = [frame.url for frame in page.frames]
        assert target not in urls and f"{target}?controle=1" in urls, urls
    finally:
        context.close()


def test_injected_markup_does_not_run_or_leak(browser, frontend_server):
    """What a stored XSS would put in a page: a script of its own, a script file from this
    site (an uploaded document), and an image on another site to leak what it read. The page
    is fetched from the real server and the markup added on the way, headers untouched."""
    path = "/nl/themas/grof-huisvuil-laten-ophalen"
    injected = (
        "<script>window.gekaapt = true</script>"
        '<script src="/favicon.svg"></script>'
        '<img alt="" src="http://elders.example/lek.png">'
    )
    context = browser.new_context()
    violations = watch_csp(context, frontend_server)

    def with_injection(route):
        answer = route.fetch()
        route.fulfill(response=answer, body=answer.text().replace("</main>", injected + "</main>"))

    context.route(frontend_server + path, with_injection)
    try:
        page = context.new_page()
        page.goto(frontend_server + path)
        page.wait_for_load_state("load")
        expect(page.locator("main")).to_contain_text("Zo vraagt u een ophaling aan")  # the page itself works

        assert page.evaluate("window.gekaapt") is None
        assert page.evaluate("document.querySelector('img[src*=elders]').naturalWidth") == 0
        refused = " ".join(violations)
        assert refused.count("script-src") >= 2, violations  # the inline script and the same-site file
        assert "elders.example/lek.png" in refused, violations
    finally:
        context.close()


def _raw_get(base_url: str, path: str, host: str) -> tuple[int, str, dict[str, str]]:
    """A GET with a Host header of our choosing (browsers cannot send one)."""
    parsed = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read().decode(), {name.lower(): value for name, value in response.getheaders()}
    finally:
        connection.close()


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost@evil.example", ""])
def test_an_unknown_host_is_refused(frontend_server, host):
    status, body, headers = _raw_get(frontend_server, "/nl", host)

    assert status == 400
    assert "Onbekende host" in body
    assert headers["x-content-type-options"] == "nosniff"


def test_the_hosts_the_site_is_served_under_are_answered(frontend_server):
    port = urllib.parse.urlsplit(frontend_server).port
    for host in [f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST"]:
        status, body, _ = _raw_get(frontend_server, "/nl", host)
        assert status == 200, host
        assert "Laatste nieuws" in body
