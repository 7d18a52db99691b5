"""An editor opens the demo's running message experiment in the admin and reads its verdict beside the chart.

The seeded demo (`seed_demo`) sends 300 simulated applicants their "aanvraag ontvangen"
message through the journey, each in the version the hash gives them, and records the
milestone some of them reach next; the results page turns that into a verdict, a chart with
intervals and the table beside it, and a CSV of the same table.
"""

from __future__ import annotations

import csv
import io

from playwright.sync_api import Page, expect

DEMO_PASSWORD = "vrijhaven-demo"


def test_an_editor_reads_the_verdict_and_the_chart_of_the_demo_experiment(page: Page, demo_server):
    page.goto(f"{demo_server}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{demo_server}/admin/")

    page.goto(f"{demo_server}/admin/automation_message_experiments/")
    page.get_by_role("link", name="Aanvraag ontvangen: met of zonder checklist").click()
    expect(page.get_by_role("heading", name="Conclusie")).to_be_visible()
    verdict = page.get_by_test_id("verdict")
    expect(verdict).to_contain_text("Versie B brengt")
    expect(verdict).to_contain_text("meer mensen ertoe hun aanvraag volledig te maken")
    expect(verdict).to_contain_text("U kunt nu stoppen")
    expect(page.get_by_text("U mag deze resultaten op elk moment bekijken")).to_be_visible()

    chart = page.get_by_role("img", name="Verschil met de controle")
    expect(chart).to_be_visible()
    expect(chart.locator("desc")).to_contain_text("Versie B:")
    table = page.get_by_test_id("arms-table")
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(3)  # the header, A (control) and B
    expect(table).to_contain_text("A (controle)")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tabel downloaden (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert [row["versie"] for row in rows] == ["A", "B"]
    assert sum(int(row["bereikt"]) for row in rows) == 300
    for row in rows:
        expect(table).to_contain_text(f"{row['bereikt']}")
