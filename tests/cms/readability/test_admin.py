"""Where editors see readability in the admin: the live check of a draft (permission checked),
the Checks panel section, the site-wide report with its chart, table and CSV, the dashboard
panel and the glossary snippet."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from cms.readability.models import GlossaryEntry, PageReadability
from cms.readability.services import page_readability_record
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

pytestmark = pytest.mark.django_db

OFFICIAL = (
    "Teneinde van de dienstverlening inzake de ophaling van grofvuil gebruik te kunnen maken, dient de aanvrager "
    "voorafgaandelijk een afspraak te maken, waarna de goederen uiterlijk om 7 uur dienen te worden aangeboden."
)


def edit_form_data(page, **changes):
    """The page's edit form as the browser posts it (StreamField as its hidden inputs)."""
    data = {"title": page.title, "slug": page.slug, "intro": page.intro, "body-count": "0", "audience": "",
            "department": "", "last_reviewed": ""}
    data.update(changes)
    return data


@pytest.fixture
def scored(tree):
    hard = add_page(tree.theme_index, ThemePage, title="Moeilijke pagina", intro=OFFICIAL, department="Mobiliteit")
    for page in (tree.theme_page, hard):
        page_readability_record(page_id=page.pk)
    return hard


def test_the_live_check_scores_the_posted_draft_not_the_saved_page(admin_client, tree):
    url = reverse("readability:live_edit", args=[tree.theme_page.pk])
    plain = admin_client.post(url, edit_form_data(tree.theme_page, intro="Wij halen uw grofvuil op.")).json()
    hard = admin_client.post(url, edit_form_data(tree.theme_page, intro=OFFICIAL)).json()
    assert plain["level"] == "A2" and hard["level"] in ("B2", "C1") and hard["difficulty"] > plain["difficulty"]
    assert hard["sentences"][0]["text"].startswith("Teneinde van de dienstverlening")
    assert {"word": "teneinde", "kind": "ambtelijk", "suggestion": "om", "note": "", "count": 1} in hard["words"]
    assert hard["blocks"][0]["label"] == "Inleiding"
    tree.theme_page.refresh_from_db()
    assert tree.theme_page.intro == "Zo raakt u grofvuil kwijt."  # nothing saved


def test_the_live_check_on_the_create_form(admin_client, tree):
    url = reverse("readability:live_create", args=["themes", "themepage", tree.theme_index.pk])
    answer = admin_client.post(url, {"title": "", "slug": "", "intro": OFFICIAL, "body-count": "0"}).json()
    assert answer["level"] in ("B2", "C1")


def test_the_live_check_refuses_an_editor_who_may_not_edit_the_page(client, tree, django_user_model):
    editor = django_user_model.objects.create_user("lezer", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(reverse("readability:live_edit", args=[tree.theme_page.pk]), edit_form_data(tree.theme_page))
    assert response.status_code in (302, 403)
    assert response.get("Content-Type", "").startswith("application/json") is False
    client.logout()
    anonymous = client.post(reverse("readability:live_edit", args=[tree.theme_page.pk]), edit_form_data(tree.theme_page))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]


def test_the_checks_panel_has_the_heldere_taal_section_with_its_live_address(admin_client, tree):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tree.theme_page.pk])).content.decode()
    assert "Heldere taal" in page
    assert f'data-url="{reverse("readability:live_edit", args=[tree.theme_page.pk])}"' in page
    assert "readability/live.js" in page
    assert "data-content-readability-score" in page  # Wagtail's own metrics (LIX) stay below ours


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_report_shows_levels_per_group_and_the_hardest_page_first(admin_client, scored):
    page = text_of(admin_client.get(reverse("readability:report")))
    assert "Alle pagina's: 2, waarvan 1 moeilijker dan Helder (B1)" in page
    assert page.index("Moeilijke pagina") < page.index("Grofvuil")
    assert "<svg" in page and 'role="img"' in page
    assert "Per rubriek" in page and "Per dienst" in page and "Per paginatype" in page
    assert "Mobiliteit" in page and "themapagina" in page.lower()


def test_the_report_filters_and_exports_csv_worst_first(admin_client, scored):
    only_hard = text_of(admin_client.get(reverse("readability:report"), {"department": "Mobiliteit"}))
    assert "Alle pagina's: 1," in only_hard and "Grofvuil</a>" not in only_hard
    response = admin_client.get(reverse("readability:report"), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="leesbaarheid-' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["Moeilijke pagina", "Grofvuil"]
    assert rows[0]["department"] == "Mobiliteit" and float(rows[0]["difficulty"]) > float(rows[1]["difficulty"])
    assert rows[0]["edit_url"].endswith(reverse("wagtailadmin_pages:edit", args=[scored.pk]))


def test_the_report_leaves_out_pages_the_public_cannot_see(admin_client, scored):
    scored.unpublish()
    PageReadability.objects.create(page=scored, level="C1", difficulty=90, language="nl", page_type="x",
                                   scored_at=PageReadability.objects.get().scored_at)
    assert "Moeilijke pagina" not in text_of(admin_client.get(reverse("readability:report")))


def test_the_dashboard_lists_the_editors_own_hardest_pages(client, scored, admin_user):
    scored.owner = admin_user
    scored.save(update_fields=["owner"])
    client.force_login(admin_user)
    page = text_of(client.get(reverse("wagtailadmin_home")))
    assert "Uw pagina's die het moeilijkst te lezen zijn" in page
    assert "Moeilijke pagina" in page and "boven het doel" in page


def test_an_editor_without_pages_sees_no_such_panel(client, scored, django_user_model):
    other = django_user_model.objects.create_superuser("ander", "ander@example.org", "x")
    client.force_login(other)
    assert "het moeilijkst te lezen" not in text_of(client.get(reverse("wagtailadmin_home")))


def test_the_glossary_is_an_editable_snippet(admin_client):
    index = admin_client.get(reverse("wagtailsnippets_readability_glossaryentry:list"), {"q": "indien"})
    assert index.status_code == 200 and "indien" in index.content.decode()
    response = admin_client.post(reverse("wagtailsnippets_readability_glossaryentry:add"),
                                 {"official": "Dwangbevel", "plain": "laatste aanmaning", "language": "nl", "note": ""})
    assert response.status_code == 302
    assert GlossaryEntry.objects.get(official="dwangbevel").plain == "laatste aanmaning"
