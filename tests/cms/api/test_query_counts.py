"""Listing cost does not grow with the number of items; a 304 skips building the answer; a
cached answer (or its 304) costs one query whatever the page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api import generation
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page


def queries(client, url, *, built=False, **headers):
    """Queries of one request, after a warm-up; `built`: with the answer cache retired first,
    as after a publish, so the answer is made from the database."""
    client.get(url, **headers)  # warm: the site lookup is cached after the first request
    if built:
        generation.bump()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code in (200, 304)
    return len(captured)


def test_children_listing_costs_the_same_for_more_children(client, tree):
    url = "/api/content/nl/themas?expand=children,navigation,breadcrumbs,translations"
    few = queries(client, url, built=True)
    for number in range(6):
        add_page(tree.theme_index, ThemePage, title=f"Thema {number}")
    assert queries(client, url, built=True) == few


def test_v2_listing_costs_the_same_for_more_items(client, tree):
    url = "/api/v2/pages/?type=themes.ThemePage&fields=intro,themes"
    few = queries(client, url)
    for number in range(6):
        add_page(tree.theme_index, ThemePage, title=f"Thema {number}")
    assert queries(client, url) == few


def test_304_costs_fewer_queries_than_the_answer(client, tree):
    url = "/api/content/nl/themas/grofvuil"
    full = queries(client, url, built=True)
    etag = client.get(url)["ETag"]
    assert queries(client, url, built=True, HTTP_IF_NONE_MATCH=etag) < full


def test_a_cached_answer_and_its_304_cost_one_query(client, tree):
    """The one query reads the content generation; nothing about the page is asked again."""
    for url in ["/api/content/nl/themas/grofvuil", "/api/content/nl/themas?expand=children,navigation",
                "/api/content/nl/themas/@children"]:
        built = queries(client, url, built=True)
        assert queries(client, url) == 1 < built, url
        etag = client.get(url)["ETag"]
        assert queries(client, url, HTTP_IF_NONE_MATCH=etag) == 1, url


def tables_read(client, url) -> list[str]:
    """The SQL of each query of an answer built after a publish."""
    client.get(url)
    generation.bump()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_a_pages_themes_are_read_once_for_its_answer(client, tree):
    """The theme list, each theme's local name and schema.org's keywords share one query."""
    sql = tables_read(client, "/api/content/nl/themas/grofvuil")
    assert len([query for query in sql if '"core_theme"' in query]) == 1


def test_a_projects_phases_and_documents_are_read_once_for_its_answer(client, tree):
    """Phases are shown as a field and read again by the project's participation; each
    document row points to a file: one query for the phases, one for the rows with their files."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from cms.projects.models import ProjectDocument, ProjectPhase

    for number in range(3):
        ProjectPhase.objects.create(page=tree.project, title=f"Fase {number}", sort_order=number)
        document = Document.objects.create(title=f"Plan {number}", file=ContentFile(b"%PDF-1.4", name=f"p{number}.pdf"))
        ProjectDocument.objects.create(page=tree.project, kind="plan", document=document, title=f"Plan {number}",
                                       sort_order=number)
    tree.project.save_revision().publish()
    sql = tables_read(client, "/api/content/nl/projecten/heraanleg-dampoort")
    assert len([query for query in sql if 'FROM "projects_projectphase"' in query]) == 1
    assert len([query for query in sql if '"wagtaildocs_document"' in query]) == 1


def test_a_page_without_children_asks_nothing_about_children(client, tree):
    """Children are listed by depth below the page; a page without any skips the list."""
    def lists_children(sql):
        return [query for query in sql if '"wagtailcore_page"."depth" = ' in query]

    assert len(lists_children(tables_read(client, "/api/content/nl/themas"))) == 1
    assert lists_children(tables_read(client, "/api/content/nl/themas/grofvuil")) == []
    assert client.get("/api/content/nl/themas/grofvuil").json()["items_total"] == 0
