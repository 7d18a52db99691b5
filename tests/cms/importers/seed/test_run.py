"""The demo seed on small fixtures: complete and repeatable (all-or-nothing: test_run_rollback.py).

The seed is made once for this module (`kept_for_module.py`); each test is rolled back inside it.
"""

import json
import shutil

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from cms.core.models import HomePage, Theme
from cms.importers.seed.run import seed_demo
from cms.neighbourhoods.models import MagazineEdition, WijkPage
from cms.pressroom.models import PressReleasePage
from cms.projects.models import ProjectPage
from cms.themes.models import ThemePage
from tests.cms.importers.seed.kept_for_module import FIXTURES, counts, small_seed_kept

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with small_seed_kept(django_db_blocker) as report:
        yield report


def test_seeding_twice_changes_nothing(seeded):
    first = counts()
    report = seed_demo(data_dir=FIXTURES)
    assert counts() == first
    assert report.counts.get("pages created", 0) == 0
    assert report.counts.get("pages saved", 0) == 0  # no new revisions either


def test_the_home_page_replaces_wagtails_welcome_page(seeded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()


def test_every_wijk_has_a_live_page(seeded):
    assert WijkPage.objects.live().filter(locale__language_code="nl").count() == 25
    ledeberg = WijkPage.objects.get(slug="ledeberg", locale__language_code="nl")
    assert [service.name for service in ledeberg.services.all()] == ["Lokaal dienstencentrum Ledeberg"]


def test_translations_exist_and_are_live(seeded):
    page = ThemePage.objects.get(slug="grofvuil", locale__language_code="nl")
    translations = {t.locale.language_code: t for t in page.get_translations()}
    assert translations["en"].title == "Bulky waste"
    assert translations["fr"].title == "Encombrants"
    assert all(t.live for t in translations.values())
    assert [theme.slug for theme in translations["en"].specific.themes.all()] == ["afval"]
    assert Theme.objects.get(slug="afval", locale__language_code="fr").name == "Déchets"


def test_english_pages_are_served_under_en(client, seeded):
    response = client.get("/en/themas/grofvuil/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Bulky waste" in response.content.decode()


def test_draft_and_embargoed_releases_are_not_live(seeded):
    draft = PressReleasePage.objects.get(slug="concept-circulatie")
    embargoed = PressReleasePage.objects.get(slug="embargo-europees-geld", locale__language_code="nl")
    live = PressReleasePage.objects.get(slug="nieuwe-fietsstraten", locale__language_code="nl")
    assert not draft.live and draft.first_published_at is None
    assert not embargoed.live
    assert embargoed.go_live_at == embargoed.embargo_until
    assert embargoed.latest_revision.approved_go_live_at == embargoed.embargo_until
    assert not embargoed.get_translations().get(locale__language_code="en").live
    assert live.live
    assert [a.kind for a in live.attachments.all()] == ["image", "document"]
    assert [c.contact.key for c in live.press_contacts.all()] == ["persdienst"]


def test_project_phases_documents_and_edition_mixing(seeded):
    project = ProjectPage.objects.get(slug="oude-dokken", locale__language_code="nl")
    assert project.current_phase.title == "Bouw"
    assert [d.document.title for d in project.documents.all()] == ["Masterplan Oude Dokken"]
    edition = MagazineEdition.objects.get(number=17)
    assert [a.title for a in edition.articles()] == ["Nieuwe riolering", "Nieuwe afvalkalender"]


def test_demo_accounts_can_log_in_with_the_demo_password(seeded, client):
    # Through the admin's login form: django-axes (login lockout) needs the request, which client.login() lacks.
    assert client.post("/admin/login/", {"username": "redacteur.milieu", "password": "vrijhaven-demo"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    reviewer = get_user_model().objects.get(username="reviewer")
    assert list(reviewer.groups.values_list("name", flat=True)) == ["Reviewers"]
    assert get_user_model().objects.get(username="admin").is_superuser


def test_a_changed_file_updates_the_page_in_place(seeded, tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES, data_dir)
    path = data_dir / "theme_pages_afval.json"
    items = json.loads(path.read_text())
    items[0]["title"] = "Grofvuil laten ophalen"
    path.write_text(json.dumps(items))
    before = ThemePage.objects.get(slug="grofvuil", locale__language_code="nl")

    report = seed_demo(data_dir=data_dir)

    after = ThemePage.objects.get(slug="grofvuil", locale__language_code="nl")
    assert after.pk == before.pk
    assert after.title == "Grofvuil laten ophalen"
    assert report.counts["pages saved"] == 1
