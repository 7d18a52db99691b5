"""Making a print version: the command, the admin's "Drukversie maken" with progress, the
stored document, and "out of date" after an article is published again."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from cms.core.publishing import public_path
from cms.neighbourhoods.models import EditionPrint, PrintStatus
from cms.neighbourhoods.print.services import edition_print_make, edition_print_request
from tests.cms.neighbourhoods.print.conftest import pdf_info, run


def test_command_by_public_path_prints_json_facts(edition, tmp_path, capsys):
    output = tmp_path / "ledeberg.pdf"
    path = public_path(edition.page.url_path)
    call_command("print_edition", path, "--variant", "large-print", "--output", str(output), "--json")
    facts = json.loads(capsys.readouterr().out)
    assert facts == {"path": str(output.resolve()), "pages": int(pdf_info(output)["Pages"]),
                     "bytes": output.stat().st_size, "articles": len(edition.titles)}
    assert "Nieuw speelplein" in run("pdftotext", str(output), "-")
    assert not EditionPrint.objects.exists()  # written to the file only, not stored


@pytest.mark.parametrize(
    "arguments, field",
    [
        (["99999", "--variant", "print"], "EDITION"),
        (["nl/wijken/nergens", "--variant", "print"], "EDITION"),
        (["{edition}", "--variant", "brochure"], "--variant"),
    ],
)
def test_command_names_the_wrong_argument(edition, tmp_path, arguments, field):
    arguments = [argument.format(edition=edition.page.pk) for argument in arguments]
    with pytest.raises(CommandError, match=f"^{field}"):
        call_command("print_edition", *arguments, "--output", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_admin_button_queues_the_task_and_stores_the_document(edition, admin_client, django_capture_on_commit_callbacks):
    page = edition.page
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    url = reverse("neighbourhoods_edition_print", args=[page.pk])
    assert url in edit and "Drukversie maken" in edit

    with django_capture_on_commit_callbacks(execute=True):  # eager Celery: the task runs on commit
        response = admin_client.post(url, {"variant": "accessible"})
    assert response.status_code == 302
    made = EditionPrint.objects.get(edition=page, variant="accessible")
    assert made.status == PrintStatus.READY and made.progress == 100 and not made.out_of_date
    assert made.document.file_size == made.size > 0
    assert made.document.file.read(5) == b"%PDF-"

    status = admin_client.get(reverse("neighbourhoods_edition_print_status", args=[page.pk])).json()
    accessible = next(row for row in status["prints"] if row["variant"] == "accessible")
    assert accessible == {"variant": "accessible", "status": "ready", "progress": 100, "out_of_date": False,
                          "url": made.document.url, "size": made.size}
    screen = admin_client.get(url).content.decode()
    assert made.document.url in screen and 'http-equiv="refresh"' not in screen
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert made.document.url in edit  # the edition's own edit screen shows the PDF too


def test_progress_is_shown_while_the_task_runs(edition, admin_client):
    page = edition.page
    row = EditionPrint.objects.create(edition=page, variant="print", status=PrintStatus.RENDERING, progress=40)
    screen = admin_client.get(reverse("neighbourhoods_edition_print", args=[page.pk])).content.decode()
    assert '<progress max="100" value="40"' in screen
    assert 'http-equiv="refresh"' in screen  # follows the run without a click
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert '<progress max="100" value="40"' in edit  # and on the edition's edit screen
    # A second click while it runs queues nothing and leaves the run alone.
    assert edition_print_request(edition=page, variant="print").status == PrintStatus.RENDERING
    assert edition_print_make(print_id=row.pk) is False  # a duplicated task does not render twice
    row.refresh_from_db()
    assert (row.status, row.progress) == (PrintStatus.RENDERING, 40)


def test_publishing_a_changed_article_marks_the_print_out_of_date(edition, tmp_path, admin_client):
    page = edition.page
    call_command("print_edition", str(page.pk), "--variant", "print", "--output", str(tmp_path / "p.pdf"),
                 "--store", "--json")
    made = EditionPrint.objects.get(edition=page, variant="print")
    assert made.status == PrintStatus.READY and not made.out_of_date
    city_article = edition.articles[-1]  # the city-wide one counts for this wijk edition too
    city_article.intro = "Vanaf mei."
    city_article.save_revision().publish()
    made.refresh_from_db()
    assert made.out_of_date
    screen = admin_client.get(reverse("neighbourhoods_edition_print", args=[page.pk])).content.decode()
    assert "Verouderd" in screen


def test_the_brand_settings_are_editable_in_the_admin(admin_client):
    from cms.core.models import BrandSettings, brand

    form = admin_client.get(reverse("wagtailsettings:edit", args=["core", "brandsettings"]), follow=True)
    assert form.status_code == 200 and "Gentinfo" in form.content.decode()
    url = form.redirect_chain[-1][0] if form.redirect_chain else reverse("wagtailsettings:edit", args=["core", "brandsettings"])
    data = {field: getattr(BrandSettings.load(), field) or "" for field in (
        "name", "primary_colour", "accent_colour", "text_colour", "typeface", "gentinfo_phone", "gentinfo_email",
        "gentinfo_address", "gentinfo_hours", "gentinfo_url", "photo_credit")}
    refused = admin_client.post(url, {**data, "primary_colour": "#ffd500"})
    assert refused.status_code == 200 and "contrast" in refused.content.decode()
    saved = admin_client.post(url, {**data, "gentinfo_phone": "09 210 10 11"})
    assert saved.status_code == 302 and brand().gentinfo_phone == "09 210 10 11"


def test_editors_without_edit_rights_cannot_queue(edition, client, django_user_model):
    user = django_user_model.objects.create_user(username="lezer", password="x-1234567890")
    client.force_login(user)
    response = client.post(reverse("neighbourhoods_edition_print", args=[edition.page.pk]), {"variant": "print"})
    assert response.status_code in (302, 403)
    assert not EditionPrint.objects.exists()
