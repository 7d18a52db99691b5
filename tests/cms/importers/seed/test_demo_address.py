"""The demo's absolute URLs carry the address the demo serves on (WAGTAILADMIN_BASE_URL).

The Site the seed points at the home page is where every absolute page URL comes from: the
v2 API's `detail_url` and `html_url`, schema.org's `url`, feeds. With port 80 on a demo
served at :8000 each of them was a dead link.
"""

import pytest
from wagtail.models import Site

from cms.importers.seed.run import seed_demo
from tests.cms.importers.seed.kept_for_module import FIXTURES, small_seed_kept

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeded once for the module (`kept_for_module.py`); each test is rolled back inside it."""
    with small_seed_kept(django_db_blocker, WAGTAILADMIN_BASE_URL="http://localhost:8000"):
        yield


def test_every_absolute_page_url_of_the_api_carries_the_demos_port(seeded, client):
    listing = client.get("/api/v2/pages/?type=pressroom.PressReleasePage&fields=html_url", HTTP_HOST="localhost:8000").json()
    item = listing["items"][0]
    assert item["meta"]["detail_url"].startswith("http://localhost:8000/api/v2/pages/")
    assert item["meta"]["html_url"].startswith("http://localhost:8000/nl/pers/")
    path = item["meta"]["html_url"].removeprefix("http://localhost:8000/").rstrip("/")
    content = client.get(f"/api/content/{path}", HTTP_HOST="localhost:8000").json()
    assert content["schema_org"]["url"] == item["meta"]["html_url"]
    # ... and the URL answers: the page is served there.
    assert client.get(item["meta"]["html_url"].removeprefix("http://localhost:8000"), HTTP_HOST="localhost:8000").status_code == 200


def test_seeding_again_under_another_address_moves_the_site(seeded, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    seed_demo(data_dir=FIXTURES)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
