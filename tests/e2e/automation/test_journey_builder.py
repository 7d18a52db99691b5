"""An editor builds a small journey in the admin and previews a template, in a real browser.

Against the seeded demo (its omgevingsvergunning milestones and templates), logged in as
the demo's administrator. Everything is checked through the admin as the editor sees it.
"""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Page, expect

DEMO_PASSWORD = "vrijhaven-demo"
MILESTONE = "omgevingsvergunning:beslissing_genomen"
TEMPLATE = "omgevingsvergunning-beslissing_genomen"
OTHER_TEMPLATE = "omgevingsvergunning-aanvraag_ontvangen"


def _log_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def _add_block(page: Page, field: str, label: str | None = None) -> None:
    """Append a block; `label` picks its type from the menu (a one-type stream has no menu)."""
    page.locator(f"[data-contentpath={field}] button.c-sf-add-button").last.click()
    if label:
        page.get_by_role("option", name=label, exact=True).click()


def _save(page: Page) -> None:
    page.locator("footer.footer button[type=submit]").first.click()


def test_an_editor_builds_a_journey_and_a_changed_design_becomes_version_2(page: Page, demo_server):
    _log_in(page, demo_server)
    name = f"Beslissing per brief {uuid.uuid4().hex[:6]}"
    page.goto(f"{demo_server}/admin/automation_journeys/new/")
    page.fill("input[name=name]", name)
    page.fill("input[name=slug]", re.sub(r"[^a-z0-9]+", "-", name.lower()))
    page.select_option("select[name=status]", "active")

    _add_block(page, "trigger_design", "Mijlpaal in een dossier")
    page.select_option("select[name='trigger_design-0-value-milestone']", MILESTONE)
    _add_block(page, "condition_design")
    page.select_option("select[name='condition_design-0-value-field']", "language")
    page.select_option("select[name='condition_design-0-value-operator']", "in")
    page.fill("input[name='condition_design-0-value-value']", "nl, fr")
    _add_block(page, "step_design", "Versturen")
    page.fill("input[name='step_design-0-value-key']", "mail")
    page.select_option("select[name='step_design-0-value-template']", TEMPLATE)
    page.select_option("select[name='step_design-0-value-channels']", "email,sms,letter")
    _add_block(page, "step_design", "Stoppen")
    page.fill("input[name='step_design-1-value-key']", "einde")
    _save(page)

    page.wait_for_url(re.compile(r".*/admin/automation_journeys/(\?.*)?$"))
    row = page.locator("tr", has_text=name)
    expect(row).to_contain_text(f"{name} v1")
    expect(row).to_contain_text("actief")

    # A changed step: a new version; the first stays as it was for enrolments running on it.
    row.get_by_role("link", name=name).first.click()
    page.wait_for_url(re.compile(r".*/admin/automation_journeys/edit/\d+/$"))
    expect(page.locator("select[name='step_design-0-value-channels']")).to_have_value("email,sms,letter")
    page.select_option("select[name='step_design-0-value-template']", OTHER_TEMPLATE)
    _save(page)
    page.wait_for_url(re.compile(r".*/admin/automation_journeys/(\?.*)?$"))
    expect(page.locator("tr", has_text=name)).to_contain_text(f"{name} v2")


def test_a_branch_to_a_step_that_does_not_exist_is_refused_by_name(page: Page, demo_server):
    _log_in(page, demo_server)
    page.goto(f"{demo_server}/admin/automation_journeys/new/")
    page.fill("input[name=name]", "Kapotte splitsing")
    page.fill("input[name=slug]", f"kapot-{uuid.uuid4().hex[:6]}")
    _add_block(page, "step_design", "Versturen")
    page.fill("input[name='step_design-0-value-key']", "mail")
    page.select_option("select[name='step_design-0-value-template']", TEMPLATE)
    _add_block(page, "step_design", "Splitsen")
    page.fill("input[name='step_design-1-value-key']", "als-bounce")
    page.select_option("select[name='step_design-1-value-on']", "not_delivered")
    page.fill("input[name='step_design-1-value-after_step']", "mail")
    page.fill("input[name='step_design-1-value-goto']", "sms")
    _save(page)
    expect(page.get_by_text("'sms' is geen stap van deze journey")).to_be_visible()


def test_an_editor_previews_a_template_in_every_language(page: Page, demo_server):
    _log_in(page, demo_server)
    page.goto(f"{demo_server}/admin/automation_templates/")
    page.get_by_role("link", name="Omgevingsvergunning: aanvraag ontvangen").click()
    expect(page.locator("[data-preview=email-nl] [data-subject]")).to_have_text(
        "We hebben uw aanvraag OMV-2026-000123 ontvangen"
    )
    expect(page.locator("[data-preview=email-fr] [data-subject]")).to_contain_text("Nous avons bien reçu")
    expect(page.locator("[data-preview=sms-nl] [data-sms-length]")).to_contain_text("GSM-7 · 1 segment")
    html = page.frame_locator("[data-preview=email-en] iframe")
    expect(html.locator("body")).to_contain_text("You receive this message because")

    page.fill("textarea[name=data]", '{"address": "Rabotstraat 9"}')
    page.get_by_role("button", name="Voorbeeld vernieuwen").click()
    expect(page.locator("[data-preview=email-nl] [data-text]")).to_contain_text("voor Rabotstraat 9")
