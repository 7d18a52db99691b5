"""Any text in `?search=` on pages, images and documents answers 200 with results, or a 400 naming `search`.

On SQLite a lone double quote used to end in a 500 (FTS5: unterminated string); a NUL
character cannot be stored by any database. The same text must keep finding what it
found without the odd characters.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.pressroom.models import PressReleaseAttachment

PROBLEM = "application/problem+json"
ENDPOINTS = ("pages", "images", "documents")
# What a person or a fuzzer types: quotes, FTS5 syntax, SQL-ish and odd Unicode.
ODD_TEXTS = ['"', '""', '"fietsstraat', "fietsstraat\"", "'", "\\", "*", "(", ")", "-", "^", ":", "NEAR", "AND",
             "OR NOT", "fiets*", "%", "_", ";--", "\u201cfiets\u201d", "🚲", "\u202e", " ", "a" * 200]  # fmt: skip
REFUSED = {"\x00": "null characters", "fiets\x00straat": "null characters", "a" * 201: "at most 200"}


@pytest.fixture
def media(tree, django_capture_on_commit_callbacks):
    image = Image.objects.create(title="Fietsstraat Dampoort", file=get_test_image_file())
    document = Document.objects.create(title="Fietsstraat plan", file=ContentFile(b"%PDF-1.4", name="plan.pdf"))
    with django_capture_on_commit_callbacks(execute=True):
        PressReleaseAttachment.objects.create(page=tree.release, locale=tree.release.locale, image=image, document=document)
        tree.release.save_revision().publish()
    return image, document


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("text", ODD_TEXTS, ids=repr)
def test_odd_search_text_answers_200(client, media, endpoint, text):
    response = client.get(f"/api/v2/{endpoint}/", {"search": text})
    assert response.status_code == 200, response.content[:300]
    assert isinstance(response.json()["items"], list)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(("text", "reason"), REFUSED.items(), ids=["nul", "nul-inside", "too-long"])
def test_text_no_backend_can_take_is_a_400_naming_search(client, media, endpoint, text, reason):
    response = client.get(f"/api/v2/{endpoint}/", {"search": text})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    [param] = response.json()["invalid_params"]
    assert param["name"] == "search" and reason in param["reason"]


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "title"), [("pages", "Nieuwe fietsstraten"), ("images", "Fietsstraat Dampoort"),
                                                 ("documents", "Fietsstraat plan")])  # fmt: skip
def test_quotes_around_a_word_still_find_it(client, media, endpoint, title):
    word = "fietsstraten" if endpoint == "pages" else "fietsstraat"
    plain = client.get(f"/api/v2/{endpoint}/", {"search": word}).json()["items"]
    quoted = client.get(f"/api/v2/{endpoint}/", {"search": f'"{word}"'}).json()["items"]
    assert title in [item["title"] for item in plain]
    assert [item["id"] for item in quoted] == [item["id"] for item in plain]
