"""The bundled note imported as an editor sees it in the page tree: one section of live
theme pages, chapters and subsections in the note's order, the same pages after a re-run.

Importing 48 pages takes seconds, so the module imports once and every test reads that
result (each test still runs in its own savepoint, rolled back after it).
"""

import datetime
import json
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.core.models import HomePage
from cms.importers.policy_note import BUNDLED_NOTE
from cms.importers.policy_note.importer import ImportStatus, policy_note_import
from cms.themes.models import ThemeIndexPage, ThemePage

SECTION_URL = "/nl/communicatie-en-merkbeleid/"
CHAPTER_4_URL = SECTION_URL + "4-open-nabije-communicatie-schept-inzicht-en-vertrouwen/"


@pytest.fixture(scope="module")
def note_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePage(title="Stad Gent", slug="stad-gent", locale=Locale.objects.get(language_code="nl"))
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
        yield SimpleNamespace(home=home, sections=policy_note_import(path=BUNDLED_NOTE))
        transaction.set_rollback(True)


@pytest.fixture
def imported(note_site, db):
    return note_site.sections


def test_the_note_becomes_a_section_of_live_theme_pages(imported):
    index = ThemeIndexPage.objects.get(slug="communicatie-en-merkbeleid")
    assert index.title == "Communicatie- en merkbeleid"
    assert index.live
    pages = ThemePage.objects.descendant_of(index)
    assert pages.count() == 1 + 10 + 37 == len(imported)
    assert all(page.live for page in pages)
    assert [section.status for section in imported] == [ImportStatus.CREATED] * 48


def test_chapters_under_the_section_and_subsections_under_their_chapter(imported):
    index = ThemeIndexPage.objects.get(slug="communicatie-en-merkbeleid")
    chapters = [page.title for page in index.get_children()]
    assert chapters == ["Voorwoord"] + [s.title for s in imported if s.number and "." not in s.number]
    assert chapters[1] == "1 Verloop van het traject"
    assert chapters[-1] == "10 Samenvatting"
    crisis = ThemePage.objects.get(title="4.6 Crisiscommunicatie en reputatiemanagement")
    assert crisis.get_parent().title == "4 Open, nabije communicatie schept inzicht en vertrouwen"
    assert crisis.url == CHAPTER_4_URL + "4-6-crisiscommunicatie-en-reputatiemanagement/"


def test_every_page_sits_where_an_editor_could_have_put_it(imported):
    index = ThemeIndexPage.objects.get(slug="communicatie-en-merkbeleid")
    assert index.specific_class.can_exist_under(index.get_parent().specific)
    for page in ThemePage.objects.descendant_of(index):
        assert ThemePage.can_exist_under(page.get_parent().specific), page.title


def test_pages_carry_theme_department_date_and_body(imported):
    crisis = ThemePage.objects.get(title="4.6 Crisiscommunicatie en reputatiemanagement")
    assert crisis.department == "Dienst Communicatie"
    assert [theme.slug for theme in crisis.themes.all()] == ["communicatie"]
    assert crisis.last_reviewed == datetime.date(2021, 3, 30)
    body = [(block.block_type, block.value) for block in crisis.body]
    assert body[0][0] == "heading"
    assert body[0][1]["text"] == "Gecoördineerde, onderbouwde crisiscommunicatie"
    assert body[1][0] == "paragraph"
    assert str(body[1][1]).startswith("<p>Bij incidenten en in crisistijden is een weloverwogen")


def test_the_pages_are_served(imported, client):
    assert client.get(SECTION_URL).status_code == 200
    response = client.get(CHAPTER_4_URL + "4-6-crisiscommunicatie-en-reputatiemanagement/")
    assert response.status_code == 200
    assert "Crisiscommunicatie en reputatiemanagement" in response.content.decode()


def test_chapter_and_section_pages_list_their_parts_in_the_notes_order(imported):
    chapter = ThemePage.objects.get(title__startswith="4 Open")
    contents = str([block.value for block in chapter.body if block.block_type == "paragraph"][-1])
    assert contents.index("4.1 Inleiding") < contents.index("4.6 Crisiscommunicatie") < contents.index("4.8 Samengevat")
    index = ThemeIndexPage.objects.get(slug="communicatie-en-merkbeleid")
    toc = str(index.body[0].value)
    assert toc.index("Voorwoord") < toc.index("2 Alles samengevat") < toc.index("10 Samenvatting")


def test_importing_again_changes_nothing_and_duplicates_nothing(imported):
    before = Page.objects.count()
    again = policy_note_import(path=BUNDLED_NOTE)
    assert Page.objects.count() == before
    assert [s.page_id for s in again] == [s.page_id for s in imported]
    assert {s.status for s in again} == {ImportStatus.UNCHANGED}
    assert ThemeIndexPage.objects.filter(slug="communicatie-en-merkbeleid").count() == 1


def test_json_lists_every_section_with_number_title_and_url(imported):
    out = StringIO()
    call_command("import_policy_note", str(BUNDLED_NOTE), "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert len(rows) == 48
    assert rows[0] == {"number": None, "title": "Voorwoord", "url": SECTION_URL + "voorwoord/"}
    assert rows[1] == {"number": "1", "title": "1 Verloop van het traject", "url": SECTION_URL + "1-verloop-van-het-traject/"}
    assert {
        "number": "4.6",
        "title": "4.6 Crisiscommunicatie en reputatiemanagement",
        "url": CHAPTER_4_URL + "4-6-crisiscommunicatie-en-reputatiemanagement/",
    } in rows
    assert [row["number"] for row in rows if row["number"] and "." not in row["number"]] == [str(n) for n in range(1, 11)]
