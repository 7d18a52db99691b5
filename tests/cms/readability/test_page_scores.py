"""Each published page's score is stored by a task queued on publish, forgotten on unpublish;
the content API shows the level (content answer, v2 meta) and the OpenAPI document says so."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.readability.models import PageReadability
from cms.readability.services import page_readability
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

pytestmark = pytest.mark.django_db

OFFICIAL_INTRO = (
    "Teneinde van de dienstverlening inzake de ophaling van grofvuil gebruik te kunnen maken, dient de aanvrager "
    "voorafgaandelijk een afspraak te maken, waarna de goederen uiterlijk om 7 uur dienen te worden aangeboden."
)
BODY = [
    {"type": "paragraph", "value": "<p>Wij halen uw grofvuil op. Maak een afspraak. U betaalt 25 euro.</p>"},
    {"type": "heading", "value": {"text": "Wat mag mee", "level": 2}},
    {"type": "paragraph", "value": f"<p>{OFFICIAL_INTRO}</p>"},
]


def test_publishing_stores_the_score_with_section_department_and_type(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(tree.theme_index, ThemePage, title="Grofvuil aan huis", intro=OFFICIAL_INTRO,
                        department="Milieu en Klimaat")
    row = PageReadability.objects.get(page=page)
    assert row.level in ("B2", "C1") and row.difficulty > 50
    assert row.revision_id == page.live_revision_id
    assert (row.section_id, row.section_title) == (tree.theme_index.pk, "Thema's")
    assert row.department == "Milieu en Klimaat" and row.page_type == "themes.ThemePage"
    assert row.language == "nl" and row.words > 20


def test_republishing_rescores_and_unpublishing_forgets(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(tree.theme_index, ThemePage, title="Grofvuil aan huis", intro=OFFICIAL_INTRO)
    hard = PageReadability.objects.get(page=page).difficulty
    page.intro = "Wij halen uw grofvuil op. Maak eerst een afspraak."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert PageReadability.objects.get(page=page).difficulty < hard
    page.unpublish()
    assert not PageReadability.objects.filter(page=page).exists()


def test_a_page_without_text_has_no_stored_level(tree):
    assert not PageReadability.objects.filter(page=tree.project_index).exists()


def test_blocks_are_scored_one_by_one_and_headings_are_not_sentences(tree):
    page = add_page(tree.theme_index, ThemePage, title="Blokken", body=BODY)
    score = page_readability(page)
    labels = [(part.block_type, result.level) for part, result in score.blocks]
    assert labels[0] == ("paragraph", "A2") and labels[1][0] == "paragraph" and labels[1][1] in ("B2", "C1")
    assert all(part.block_type != "heading" for part, _result in score.blocks)
    assert score.overall.words == sum(result.words for _part, result in score.blocks)


def test_the_content_answer_and_v2_detail_carry_the_level(client, tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(tree.theme_index, ThemePage, title="Grofvuil aan huis", intro=OFFICIAL_INTRO)
    stored = PageReadability.objects.get(page=page)
    answer = client.get("/api/content/nl/themas/grofvuil-aan-huis").json()
    assert answer["readability"] == {"level": stored.level, "label": stored.level_label,
                                     "difficulty": stored.difficulty, "target": "B1"}
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["meta"]["readability"] == answer["readability"]
    listing = client.get("/api/v2/pages/?type=themes.ThemePage").json()
    assert all("readability" not in item["meta"] for item in listing["items"])  # detail only


def test_the_content_answer_scores_a_page_whose_task_has_not_run_yet(client, tree):
    PageReadability.objects.filter(page=tree.theme_page).delete()
    answer = client.get("/api/content/nl/themas/grofvuil").json()
    assert answer["readability"]["level"] == "A2" and answer["readability"]["target"] == "B1"
    assert client.get("/api/content/nl/themas").json()["readability"] is None  # no text, no level


def test_the_openapi_document_and_the_type_schema_describe_the_level(client, tree):
    document = client.get("/api/schema/").json()
    schema = document["components"]["schemas"]["themes_ThemePage"]["properties"]["readability"]
    assert schema["properties"]["level"]["enum"] == ["A2", "B1", "B2", "C1"]
    assert "B1 as the city's target" in schema["description"]
    detail = document["paths"]["/api/v2/pages/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert "readability" in detail["properties"]["meta"]["properties"]
    types = client.get("/api/content/@types/themes.ThemePage").json()
    assert types["properties"]["readability"]["required"] == ["level", "label", "difficulty", "target"]


def test_rescore_command_fills_the_table_for_pages_published_before(tree):
    PageReadability.objects.all().delete()
    out = io.StringIO()
    call_command("readability_rescore", stdout=out)
    live_with_text = [page for page in Page.objects.live().specific() if page_readability(page).overall.words]
    assert PageReadability.objects.count() == len(live_with_text) > 0
    assert out.getvalue() == f"{len(live_with_text)} live pages scored.\n"
