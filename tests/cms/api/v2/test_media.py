"""v2 images and documents: only media a public page uses are listed or found."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.pressroom.models import PressReleaseAttachment


def attach(page, **media):
    PressReleaseAttachment.objects.create(page=page, locale=page.locale, **media)
    page.save_revision().publish()


@pytest.fixture
def media(tree, hidden, django_capture_on_commit_callbacks):
    public_image = Image.objects.create(title="Fietsstraat", file=get_test_image_file())
    embargo_image = Image.objects.create(title="Embargo foto", file=get_test_image_file())
    unused_image = Image.objects.create(title="Niet gebruikt", file=get_test_image_file())
    embargo_doc = Document.objects.create(title="Embargo dossier", file=ContentFile(b"%PDF-1.4", name="e.pdf"))
    public_doc = Document.objects.create(title="Persmap", file=ContentFile(b"%PDF-1.4", name="p.pdf"))
    scheduled = hidden["scheduled"]
    with django_capture_on_commit_callbacks(execute=True):
        attach(tree.release, image=public_image, document=public_doc)
        PressReleaseAttachment.objects.create(page=scheduled, locale=scheduled.locale, image=embargo_image,
                                              document=embargo_doc)
        scheduled.save_revision().publish()  # still scheduled: the embargo has not ended
    scheduled.refresh_from_db()
    assert not scheduled.live
    return {"public": public_image, "embargo": embargo_image, "unused": unused_image,
            "embargo_doc": embargo_doc, "public_doc": public_doc}


def listed(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["meta"]["total_count"] == len(body["items"])
    return sorted(item["title"] for item in body["items"])


def test_images_list_only_what_public_pages_use(client, media):
    assert listed(client, "images") == ["Fietsstraat"]
    assert client.get(f"/api/v2/images/{media['public'].pk}/").status_code == 200
    for name in ("embargo", "unused"):
        response = client.get(f"/api/v2/images/{media[name].pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_documents_list_only_what_public_pages_use(client, media):
    assert listed(client, "documents") == ["Persmap"]
    assert client.get(f"/api/v2/documents/{media['embargo_doc'].pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{media['public_doc'].pk}/").status_code == 200

