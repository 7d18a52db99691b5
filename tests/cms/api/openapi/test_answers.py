"""The OpenAPI document, walked: every GET it documents (outside the automation part) answers
200 on the page tree, with a media type the document names, and every JSON answer validates
against the documented response schema. The endpoints issue 3 names are all there,
including the outgoing webhooks; the feeds parse as what they claim to be."""

import re
import xml.etree.ElementTree as ET

import feedparser
import jsonschema
import pytest
from openapi_spec_validator import validate
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from django.core.files.base import ContentFile

from cms.api.preview.tokens import make_token
from cms.api.webhooks.events import payload
from cms.experiments.pages.models import PageExperiment, PageExperimentVersion, PageView
from cms.experiments.pages.tokens import view_token
from cms.pressroom.models import PressReleaseAttachment
from cms.themes.models import ThemePage
from search.querylog.click_tokens import Click, click_token
from tests.cms.conftest import add_page

ISSUE_3_PATHS = [
    "/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/images/", "/api/v2/images/{id}/", "/api/v2/documents/",
    "/api/v2/documents/{id}/", "/api/content/{path}", "/api/content/{path}/@breadcrumbs",
    "/api/content/{path}/@navigation", "/api/content/{path}/@translations", "/api/content/{path}/@children",
    "/api/content/@types", "/api/content/@types/{type}", "/api/preview/", "/api/feeds/press/{fmt}/",
    "/api/feeds/wijk/{slug}/{fmt}/", "/api/feeds/theme/{slug}/{fmt}/", "/api/feeds/events.ics",
    "/api/feeds/wijk/{slug}/events.ics", "/sitemap.xml", "/api/signage/{slug}/",
]
# Owned by the automation engineers and tested with their contracts.
NOT_WALKED = ("/api/automation/",)


@pytest.fixture
def document(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def media(tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = Image.objects.create(title="Fietsstraat", file=get_test_image_file())
    doc = Document.objects.create(title="Persmap", file=ContentFile(b"%PDF-1.4", name="persmap.pdf"))
    PressReleaseAttachment.objects.create(page=tree.release, locale=tree.release.locale, image=image, document=doc)
    tree.release.save_revision().publish()
    return {"image": image, "document": doc}


def validator_for(schema, document):
    """A 2020-12 validator whose `#/components/...` references resolve in the document."""
    return jsonschema.Draft202012Validator({**schema, "components": document["components"]})


def urls_for(template: str, tree, media) -> list[str]:
    """Concrete URLs for a documented path: every path parameter filled with a real value."""
    ids = {"pages": tree.theme_page.pk, "images": media["image"].pk, "documents": media["document"].pk}
    fill = {
        "path": ["nl", "nl/themas/grofvuil", "nl/pers/nieuwe-fietsstraten", "nl/activiteiten/buurtfeest-ledeberg"],
        "type": ["themes.ThemePage", "pressroom.PressReleasePage"],
        "fmt": ["rss", "atom"],
        "slug": ["afval"] if "/theme/" in template else ["ledeberg"],
        "id": [ids[template.split("/")[3]]] if "{id}" in template else [],
    }
    urls = [template]
    for name in re.findall(r"{(\w+)}", template):
        urls = [url.replace(f"{{{name}}}", str(value)) for url in urls for value in fill[name]]
    return urls


def measured_link_token(tree) -> str:
    """A page view of a page experiment (on a theme page with a button), as its measured link's token."""
    page = add_page(tree.theme_index, ThemePage, title="Met knop", body=[
        ("call_to_action", {"label": "Aanvragen", "url": "https://stad.gent.example/aanvragen", "description": ""})])
    experiment = PageExperiment.objects.create(name="Knop", page=page, measured_link="https://stad.gent.example/aanvragen")
    PageExperimentVersion.objects.create(experiment=experiment, text="Nu aanvragen", weight=50)
    return view_token(PageView.objects.create(experiment=experiment, version="A").id)


def required_query(operation, tree, template: str = "") -> dict:
    values = {
        "token": make_token(page_id=tree.theme_page.pk, revision_id=tree.theme_page.get_latest_revision().pk),
        "q": "grofvuil",
        "t": measured_link_token(tree) if template == "/api/experiments/click/"
        else click_token(Click(query="grofvuil", language="nl", page_id=tree.theme_page.pk, position=1)),
    }
    return {p["name"]: values[p["name"]] for p in operation.get("parameters", []) if p["in"] == "query" and p["required"]}


def test_the_document_covers_every_endpoint_of_the_content_api(document):
    validate(document)
    assert set(ISSUE_3_PATHS) <= set(document["paths"])
    assert set(document["webhooks"]) == {"page.published", "page.unpublished", "page.moved", "page.deleted"}
    feed = document["paths"]["/api/feeds/press/{fmt}/"]["get"]["responses"]["200"]["content"]
    assert set(feed) == {"application/rss+xml", "application/atom+xml"}
    assert set(document["paths"]["/api/feeds/events.ics"]["get"]["responses"]["200"]["content"]) == {"text/calendar"}
    assert set(document["paths"]["/sitemap.xml"]["get"]["responses"]["200"]["content"]) == {"application/xml"}
    # The rate limit and the front ends' way around it are part of the contract.
    assert "Retry-After" in document["paths"]["/api/content/{path}"]["get"]["responses"]["429"]["headers"]
    assert document["components"]["securitySchemes"]["clientKey"]["name"] == "X-Vrijhaven-Client-Key"


def test_every_documented_get_answers_as_documented(client, tree, media, document):
    walked = 0
    for template, operations in document["paths"].items():
        if template.startswith(NOT_WALKED) or "get" not in operations:
            continue
        operation = operations["get"]
        if "200" not in operation["responses"]:  # a redirect (a search result link): as documented
            for url in urls_for(template, tree, media):
                query = required_query(operation, tree, template)
                if template.endswith("/find/"):  # v2 find: one item by id, redirected to its detail
                    kind = template.split("/")[3]
                    query["id"] = {"pages": tree.theme_page.pk, "images": media["image"].pk,
                                   "documents": media["document"].pk}[kind]  # fmt: skip
                response = client.get(url, query)
                assert str(response.status_code) in operation["responses"] and response.status_code == 302, url
                assert "Location" in operation["responses"]["302"]["headers"] and response["Location"], url
            continue
        documented = operation["responses"]["200"]["content"]
        for url in urls_for(template, tree, media):
            response = client.get(url, required_query(operation, tree))
            assert response.status_code == 200, (url, response.content[:300])
            media_type = response["Content-Type"].split(";")[0].strip()
            assert media_type in documented, (url, media_type, list(documented))
            if media_type == "application/json":
                validator_for(documented[media_type]["schema"], document).validate(response.json())
            elif media_type in ("application/rss+xml", "application/atom+xml"):
                parsed = feedparser.parse(response.content)
                assert not parsed.bozo and parsed.version.startswith(media_type.split("/")[1][:3]), url
            elif media_type == "application/xml":
                ET.fromstring(response.content)
            elif media_type == "application/vnd.oai.openapi+json":  # the document itself
                assert response.json()["openapi"].startswith("3.1"), url
            elif media_type == "text/html":  # its HTML rendering (/api/docs/)
                assert response.content.lower().startswith(b"<!doctype html>"), url
            else:
                assert response.content.startswith(b"BEGIN:VCALENDAR"), url
            walked += 1
    assert walked >= 30


def test_v2_answers_with_every_option_validate(client, tree, media, document):
    """The options the v2 parts document (renditions, filters) give answers of the documented shape."""
    paths = document["paths"]
    cases = [
        ("/api/v2/pages/{id}/", f"/api/v2/pages/{tree.release.pk}/?fields=*&renditions=width-200"),
        ("/api/v2/pages/", "/api/v2/pages/?theme=afval&wijk=ledeberg,dampoort&type=themes.ThemePage&locale=nl"),
        ("/api/v2/images/", "/api/v2/images/?renditions=fill-80x45"),
        ("/api/v2/images/{id}/", f"/api/v2/images/{media['image'].pk}/?renditions=width-200"),
    ]
    for template, url in cases:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        schema = paths[template]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        validator_for(schema, document).validate(response.json())


def test_real_error_answers_are_documented_problems(client, tree, document):
    for url in ["/api/content/nl/niets", "/api/v2/pages/?limit=x", "/api/signage/nergens/", "/api/feeds/press/rss/?x=1",
                "/api/preview/?token=vals", "/api/v2/pages/?renditions=blur-3"]:
        response = client.get(url)
        assert response.status_code in (400, 404), url
        assert response["Content-Type"] == "application/problem+json", url
        validator_for({"$ref": "#/components/schemas/Problem"}, document).validate(response.json())


def test_webhook_payloads_match_the_documented_schema(tree, document):
    schema = document["webhooks"]["page.moved"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    validator = validator_for(schema, document)
    for event in document["webhooks"]:
        data = payload(event=event, page=tree.theme_page, old_url_path="/stad-gent/oud/" if event == "page.moved" else None)
        validator.validate(data)
    assert "X-Vrijhaven-Signature" in [p["name"] for p in document["webhooks"]["page.published"]["post"]["parameters"]]
