"""`?fields=` never strips an item of `id` and `meta`: the answer stays what the OpenAPI document promises."""

import pytest
from django.core.files.base import ContentFile
from jsonschema import Draft202012Validator
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.http.openapi.document import openapi_document
from cms.pressroom.models import PressReleaseAttachment

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def media(tree, django_capture_on_commit_callbacks):
    image = Image.objects.create(title="Fietsstraat", file=get_test_image_file())
    document = Document.objects.create(title="Persmap", file=ContentFile(b"%PDF-1.4", name="p.pdf"))
    with django_capture_on_commit_callbacks(execute=True):
        PressReleaseAttachment.objects.create(page=tree.release, locale=tree.release.locale, image=image, document=document)
        tree.release.save_revision().publish()
    return {"images": image, "documents": document, "pages": tree.release}


def item_schema(path: str) -> dict:
    document = openapi_document()
    schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return schema["properties"]["items"]["items"] if "items" in schema.get("properties", {}) else schema


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("fields", ["_", "_,title", "-title"])
def test_every_listed_item_keeps_id_and_meta(client, media, endpoint, fields):
    response = client.get(f"/api/v2/{endpoint}/", {"fields": fields})
    assert response.status_code == 200
    items = response.json()["items"]
    assert items
    validator = Draft202012Validator(item_schema(f"/api/v2/{endpoint}/"))
    for item in items:
        assert not list(validator.iter_errors(item)), item
        assert item["id"] and item["meta"]["type"] and item["meta"]["detail_url"]
    if fields == "_":
        assert all(set(item) == {"id", "meta"} for item in items)
        assert all(set(item["meta"]) == {"type", "detail_url"} for item in items)
    if fields == "_,title":
        assert all(set(item) == {"id", "meta", "title"} for item in items)


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_the_detail_keeps_id_and_meta_too(client, media, endpoint):
    response = client.get(f"/api/v2/{endpoint}/{media[endpoint].pk}/", {"fields": "_"})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == media[endpoint].pk and body["meta"]["detail_url"].endswith(f"/{media[endpoint].pk}/")


@pytest.mark.parametrize("fields", ["-id", "title,-detail_url", "-type"])
def test_removing_id_or_meta_by_name_is_a_400_naming_fields(client, media, fields):
    response = client.get("/api/v2/images/", {"fields": fields})
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    [param] = response.json()["invalid_params"]
    assert param["name"] == "fields" and "every item has id and meta" in param["reason"]
