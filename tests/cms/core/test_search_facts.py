"""What each page type tells search about itself, read through `search_facts` (search itself
knows no page model): the text of its own fields, its wijken, its days."""

import datetime

from wagtail.models import Page

from cms.core.models import PressContact
from cms.core.search_facts import search_facts
from cms.neighbourhoods.models import WijkService
from cms.pressroom.models import PressReleaseContact
from cms.themes.models import DOCUMENT_SECTION_TYPE, ThemeIndexPage, ThemePage
from tests.cms.conftest import add_page


def test_a_page_type_that_declares_nothing_gives_its_text_and_address_only(tree):
    facts = search_facts(tree.theme_index)
    assert (facts.title, facts.path, facts.page_type, facts.language) == (
        "Thema's", "/nl/themas/", "themes.ThemeIndexPage", "nl"
    )
    assert (facts.themes, facts.wijken, facts.date, facts.end_date, facts.paragraphs) == ((), (), None, None, ())


def test_a_page_that_is_no_content_type_of_ours_gives_defaults(tree):
    root = Page.get_first_root_node()
    facts = search_facts(root)
    assert facts.path is None and facts.body is None and facts.wijken == ()


def test_a_wijk_page_gives_its_wijk_and_its_services_as_paragraphs(tree):
    tree.wijk_page.services = [
        WijkService(kind="bibliotheek", name="Bib Ledeberg", address="Hundelgemsesteenweg 123", opening_hours="ma-za")
    ]
    tree.wijk_page.save_revision().publish()
    facts = search_facts(Page.objects.get(pk=tree.wijk_page.pk).specific)
    assert facts.wijken == ("ledeberg",)
    assert facts.paragraphs == (("Bib Ledeberg", "Bibliotheek", "Hundelgemsesteenweg 123", "ma-za"),)


def test_a_press_release_gives_its_day_and_whom_to_call(tree):
    contact = PressContact.objects.create(key="woordvoerder", name="An Peeters", role="woordvoerder")
    PressReleaseContact.objects.create(page=tree.release, contact=contact)
    facts = search_facts(tree.release)
    assert (facts.date, facts.end_date) == (datetime.date(2026, 3, 2), None)
    assert ("An Peeters", "woordvoerder") in facts.paragraphs


def test_an_edition_and_its_articles_take_their_wijk_and_day_from_the_tree(tree):
    assert search_facts(tree.edition).wijken == ("ledeberg",)  # the magazine's wijk
    assert search_facts(tree.article).date == datetime.date(2026, 3, 1)  # the edition's day


def test_a_section_of_an_imported_document_is_no_theme_to_search(tree):
    # The home's first theme index is its "Thema's"; a later one holds a document's
    # chapters (as the policy note's importer adds), whose pages search calls sections.
    note = add_page(tree.home, ThemeIndexPage, title="Communicatie- en merkbeleid", slug="communicatie-en-merkbeleid")
    chapter = add_page(note, ThemePage, title="4 Open communicatie", slug="4-open-communicatie")
    subsection = add_page(chapter, ThemePage, title="4.1 Inleiding", slug="4-1-inleiding")
    assert search_facts(chapter).page_type == DOCUMENT_SECTION_TYPE == "themes.DocumentSection"
    assert search_facts(subsection).page_type == DOCUMENT_SECTION_TYPE
    assert search_facts(tree.theme_page).page_type == "themes.ThemePage"  # a theme stays a theme
    assert search_facts(note).page_type == "themes.ThemeIndexPage"
