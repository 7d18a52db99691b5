"""v2 answers carry rich text as display HTML and, on request, image renditions in chosen sizes."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.pressroom.models import PressReleaseAttachment


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def illustrated(tree, media_root):
    """The theme page with a paragraph linking to the press release and a 640x480 photo block."""
    photo = Image.objects.create(title="Containerpark", file=get_test_image_file(size=(640, 480)))
    page = tree.theme_page
    page.body = [
        ("paragraph", f'<p>Lees <a linktype="page" id="{tree.release.pk}">het persbericht</a>.</p>'),
        ("image", {"image": photo, "alt": "Het containerpark aan de Proeftuinstraat", "caption": ""}),
    ]
    page.save_revision().publish()
    PressReleaseAttachment.objects.create(page=tree.release, locale=tree.release.locale, image=photo)
    tree.release.save_revision().publish()
    return photo


def body_of(client, page, query=""):
    response = client.get(f"/api/v2/pages/{page.pk}/?fields=body{query}")
    assert response.status_code == 200, response.content
    return {block["type"]: block["value"] for block in response.json()["body"]}


def test_rich_text_is_display_html_with_real_links(client, tree, illustrated):
    paragraph = body_of(client, tree.theme_page)["paragraph"]
    assert 'href="/nl/pers/nieuwe-fietsstraten/"' in paragraph
    assert "linktype" not in paragraph
    # A client that wants Wagtail's stored form still asks for it by name.
    assert 'linktype="page"' in body_of(client, tree.theme_page, "&rich_text_format=db_html")["paragraph"]


def test_renditions_in_chosen_sizes_on_image_blocks(client, tree, illustrated):
    image = body_of(client, tree.theme_page, "&renditions=fill-800x450,width-400")["image"]
    assert image["image"] == illustrated.pk  # the stock id stays for existing clients
    fill, width = image["renditions"]["fill-800x450"], image["renditions"]["width-400"]
    # fill never upscales: a 640x480 original cropped to 16:9 is 640x360.
    assert (fill["width"], fill["height"]) == (640, 360)
    assert (width["width"], width["height"]) == (400, 300)
    assert fill["url"].startswith("http://testserver/") and fill["url"] != width["url"]
    assert fill["alt"] == width["alt"] == "Het containerpark aan de Proeftuinstraat"


def test_renditions_on_image_fields_and_the_images_endpoint(client, tree, illustrated):
    release = client.get(f"/api/v2/pages/{tree.release.pk}/?renditions=max-100x100").json()
    attached = release["attachments"][0]["image"]
    assert attached["renditions"]["max-100x100"]["width"] == 100
    listed = client.get("/api/v2/images/?renditions=width-200").json()["items"]
    assert [item["renditions"]["width-200"]["height"] for item in listed] == [150]
    detail = client.get(f"/api/v2/images/{illustrated.pk}/?renditions=width-200").json()
    assert detail["renditions"]["width-200"]["alt"] == "Containerpark"


def test_without_the_parameter_answers_are_stock(client, tree, illustrated):
    image = body_of(client, tree.theme_page)["image"]
    assert "renditions" not in image
    assert "renditions" not in client.get(f"/api/v2/images/{illustrated.pk}/").json()


@pytest.mark.parametrize("value", ["", "blur-4", "fill-800", "width-x", "fill-20000x100",
                                   "width-1,width-2,width-3,width-4,width-5"])
def test_a_bad_rendition_spec_is_a_400_naming_the_parameter(client, tree, illustrated, value):
    for url in [f"/api/v2/pages/{tree.theme_page.pk}/", "/api/v2/pages/", "/api/v2/images/"]:
        response = client.get(url, {"renditions": value})
        assert response.status_code == 400, (url, value)
        assert response["Content-Type"] == "application/problem+json"
        assert [param["name"] for param in response.json()["invalid_params"]] == ["renditions"]


def test_documents_do_not_take_renditions(client, tree):
    response = client.get("/api/v2/documents/?renditions=width-200")
    assert response.status_code == 400
    assert response.json()["invalid_params"][0]["name"] == "renditions"
