"""Smoke test in a real browser: the Wagtail admin loads, and a superuser can sign in."""

import re

from playwright.sync_api import expect


def _watch_same_origin_failures(page, base_url: str) -> list[str]:
    """Collect our own server's error responses and failed requests (missing static files, 500s)."""
    failures: list[str] = []

    def on_response(response):
        if response.url.startswith(base_url) and response.status >= 400:
            failures.append(f"{response.status} {response.url}")

    def on_request_failed(request):
        if request.url.startswith(base_url):
            failures.append(f"failed {request.url}: {request.failure}")

    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    return failures


def test_admin_login_page_loads(page, plain_server):
    failures = _watch_same_origin_failures(page, plain_server)

    response = page.goto(f"{plain_server}/admin/login/")

    assert response.status == 200
    expect(page.locator("form.login-form input[name=username]")).to_be_visible()
    expect(page.locator("form.login-form input[name=password]")).to_be_visible()
    # The admin's stylesheet really applied (the login form is laid out, not raw HTML).
    assert page.evaluate("getComputedStyle(document.querySelector('form.login-form button')).cursor") == "pointer"
    page.wait_for_load_state("networkidle")
    assert failures == []


def test_superuser_signs_in_and_sees_dashboard(page, plain_server, plain_superuser):
    failures = _watch_same_origin_failures(page, plain_server)
    page.goto(f"{plain_server}/admin/login/")

    page.fill("input[name=username]", plain_superuser["username"])
    page.fill("input[name=password]", plain_superuser["password"])
    page.click("form.login-form button[type=submit]")

    page.wait_for_url(f"{plain_server}/admin/")
    dashboard = page.locator(".w-dashboard")
    expect(dashboard).to_be_visible()
    expect(dashboard).to_contain_text(plain_superuser["username"])  # the account summary
    page.wait_for_load_state("networkidle")
    assert failures == []


def test_wrong_password_stays_on_login_page(page, plain_server, plain_superuser):
    page.goto(f"{plain_server}/admin/login/")

    page.fill("input[name=username]", plain_superuser["username"])
    page.fill("input[name=password]", "not-the-password")
    page.click("form.login-form button[type=submit]")

    expect(page.locator(".messages .error")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    expect(page.locator(".w-dashboard")).to_have_count(0)
