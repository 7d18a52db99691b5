"""Login lockout in a real browser: the Wagtail login form says in Dutch why it refuses, and an admin unlocks.

Against the seeded demo site (gunicorn, SQLite): an editor account that got five wrong
passwords is refused even with the right one, with a clear Dutch message on the login
form; the administrator opens Instellingen > Geblokkeerde aanmeldingen and unlocks it, and
the editor logs in. The admin screens used on the way raise no Content-Security-Policy
violation in the browser.
"""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

ADMIN = "admin"
DEMO_PASSWORD = "vrijhaven-demo"
PASSWORD = "Slot-e2e-7k4q9"


def _submit_login(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.login-form button[type=submit]")
    page.wait_for_load_state("domcontentloaded")


def _csp_violations(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    return seen


def test_a_locked_account_is_told_in_dutch_and_an_admin_unlocks_it(page: Page, browser, demo_server, demo_shell):
    username = f"slot-{uuid.uuid4().hex[:8]}"
    demo_shell(
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser({username!r}, {username + '@stad.gent.example'!r}, {PASSWORD!r})"
    )
    for attempt in range(5):
        _submit_login(page, demo_server, username, f"fout-{attempt}")
    _submit_login(page, demo_server, username, PASSWORD)  # the right password, too late
    assert "/admin/login/" in page.url
    message = page.get_by_role("status")  # Wagtail's message area above the form, read out by screen readers
    expect(message).to_contain_text("Te veel mislukte aanmeldpogingen")
    expect(message).to_contain_text("minuten geblokkeerd")
    expect(message).to_contain_text("Geblokkeerde aanmeldingen")
    expect(page.locator("form.login-form input[name=password]")).to_be_visible()  # the form, to try again later

    admin_context = browser.new_context(locale="nl-BE", timezone_id="Europe/Brussels")
    admin = admin_context.new_page()
    violations = _csp_violations(admin)
    _submit_login(admin, demo_server, ADMIN, DEMO_PASSWORD)
    admin.wait_for_url(f"{demo_server}/admin/")
    admin.goto(f"{demo_server}/admin/aanmeldingen/geblokkeerd/")
    row = admin.locator("tr", has_text=username)
    expect(row).to_contain_text("geblokkeerd tot")
    row.get_by_role("button", name="Ontgrendelen").click()
    expect(admin.locator("body")).to_contain_text(f"Aanmelden als {username}")
    expect(admin.locator("tr", has_text=username)).to_have_count(0)
    admin.goto(f"{demo_server}/admin/pages/")  # the page explorer and a page editor, with their scripts
    admin.locator("a[href*='/edit/']").first.click()
    admin.wait_for_load_state("networkidle")
    admin_context.close()
    assert violations == [], "\n".join(violations)

    _submit_login(page, demo_server, username, PASSWORD)
    page.wait_for_url(f"{demo_server}/admin/")
    expect(page.locator(".w-dashboard")).to_be_visible()
