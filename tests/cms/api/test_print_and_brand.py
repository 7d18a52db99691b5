"""The content API lists an edition's print versions (`@print`) and the city's brand (`/api/brand/`)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.core.models import BrandSettings
from cms.core.publishing import public_path
from cms.neighbourhoods.models import EditionPrint, PrintStatus

pytestmark = pytest.mark.django_db


def ready_print(edition, variant: str, data: bytes = b"%PDF-1.7 test") -> EditionPrint:
    document = get_document_model()(title=f"Editie {variant}")
    document.file.save(f"editie-{variant}.pdf", ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return EditionPrint.objects.create(edition=edition, variant=variant, status=PrintStatus.READY, progress=100,
                                       document=document, pages=8, articles=4)


def test_edition_lists_its_ready_pdfs_with_size(client, tree):
    made = ready_print(tree.edition, "large-print", b"%PDF-" + b"x" * 2043)
    EditionPrint.objects.create(edition=tree.edition, variant="print", status=PrintStatus.RENDERING, progress=30)
    path = public_path(tree.edition.url_path)
    answer = client.get(f"/api/content/{path}/@print").json()
    assert answer["@id"].endswith(f"/api/content/{path}/@print")
    [item] = answer["items"]  # the one still being made is not offered
    assert item["variant"] == "large-print" and item["size"] == 2048 and item["pages"] == 8
    assert item["content_type"] == "application/pdf" and item["out_of_date"] is False
    assert item["url"].startswith("http://") and item["url"].endswith(made.document.url)
    assert client.get(item["url"]).status_code == 200


def test_a_new_pdf_shows_at_once_despite_the_answer_cache(client, tree):
    path = public_path(tree.edition.url_path)
    assert client.get(f"/api/content/{path}/@print").json()["items"] == []
    ready_print(tree.edition, "accessible")
    assert [item["variant"] for item in client.get(f"/api/content/{path}/@print").json()["items"]] == ["accessible"]


def test_other_pages_have_no_print_version(client, tree):
    ready_print(tree.edition, "print")
    response = client.get(f"/api/content/{public_path(tree.theme_page.url_path)}/@print")
    assert response.status_code == 200 and response.json()["items"] == []


def test_the_brand_is_served_as_set_in_the_admin(client):
    first = client.get("/api/brand/")
    assert first.json()["colours"]["primary"] == BrandSettings().primary_colour
    assert client.get("/api/brand/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    row = BrandSettings.load()
    row.primary_colour, row.gentinfo_phone = "#005a32", "09 999 99 99"
    row.save()
    answer = client.get("/api/brand/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert answer.status_code == 200
    assert answer.json()["colours"]["primary"] == "#005a32" and answer.json()["gentinfo"]["phone"] == "09 999 99 99"


def test_the_openapi_document_lists_print_and_brand(client):
    schema = client.get("/api/schema/", HTTP_HOST="localhost").json()
    assert "/api/content/{path}/@print" in schema["paths"] and "/api/brand/" in schema["paths"]
    assert {"Brand", "EditionPrints"} <= set(schema["components"]["schemas"])
