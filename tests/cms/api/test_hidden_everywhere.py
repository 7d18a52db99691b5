"""One rule, every endpoint (issue 11): a page under an unpublished section, a page past its
expiry and a restricted page are absent from every answer the public can ask for, while
their public siblings are present in each. (The index and the messages: tests/search/
test_extraction.py and tests/automation/journeys/test_hidden_pages.py.)"""

import pytest

from cms.core.publishing import public_path, public_url
from search.extraction import documents_for_pages, page_document
from tests.cms.api.services.search.conftest import index  # noqa: F401 - fixture
from tests.cms.conftest import HIDDEN_MARK, hide_three_ways

SUBRESOURCES = ["", "/@children", "/@navigation", "/@translations", "/@breadcrumbs", "/@search?q=buurtfeest"]


@pytest.fixture
def pages(tree):
    return hide_three_ways(tree)


def address(page) -> str:
    """Where a reader would ask for the page (the hidden ones have no public answer, but an address)."""
    return public_path(page.url_path)


def test_the_hidden_pages_answer_404_on_every_page_endpoint_and_their_siblings_200(client, pages):
    for page in pages.hidden + pages.siblings:
        expected = 200 if page in pages.siblings else 404
        for suffix in SUBRESOURCES:
            response = client.get(f"/api/content/{address(page)}{suffix}")
            assert response.status_code == expected, (page.title, suffix)
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == expected, page.title
        html_path = "/" + address(page).split("/", 1)[1] + "/"
        assert client.get("/api/v2/pages/find/", {"html_path": html_path}).status_code in (
            (302,) if expected == 200 else (404,)
        ), page.title


LISTINGS = [
    "/api/v2/pages/?limit=20",
    "/api/v2/pages/?type=pressroom.PressReleasePage",
    "/api/v2/pages/?type=events.EventPage&fields=start",
    "/api/v2/pages/?theme=afval&wijk=ledeberg",
    "/api/v2/pages/?search=buurtfeest",
    "/api/v2/pages/?search=fietsstraten&type=pressroom.PressReleasePage",
    "/api/content/nl/pers",
    "/api/content/nl/activiteiten/@children",
    "/api/content/nl?expand=children,navigation",
    "/api/content/nl/pers/nieuwe-fietsstraten/@navigation",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_the_hidden_pages_are_in_no_listing_and_no_count(client, pages, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    body = response.content.decode()
    assert HIDDEN_MARK not in body
    assert "/archief" not in body and "/voorbij" not in body  # nor the unpublished sections
    if "navigation" not in url:
        assert "Nieuwe fietsstraten" in body or "Buurtfeest Ledeberg" in body


FEEDS = {
    "/api/feeds/press/rss/": "Nieuwe fietsstraten",
    "/api/feeds/press/atom/": "Nieuwe fietsstraten",
    "/api/feeds/theme/afval/rss/": "Buurtfeest Ledeberg",
    "/api/feeds/theme/afval/atom/": "Nieuwe fietsstraten",
    "/api/feeds/events.ics": "Buurtfeest Ledeberg",
    "/api/feeds/wijk/ledeberg/events.ics": "Buurtfeest Ledeberg",
    "/api/signage/ledeberg/": "Nieuwe fietsstraten",
}


@pytest.mark.parametrize("url", list(FEEDS))
def test_the_hidden_pages_are_in_no_feed_calendar_or_screen(client, pages, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    body = response.content.decode()
    assert HIDDEN_MARK not in body
    assert FEEDS[url] in body


def test_the_hidden_pages_are_not_in_the_sitemap(client, pages):
    sitemap = client.get("/sitemap.xml").content.decode()
    for page in pages.hidden:
        assert f"<loc>{public_url(page.url_path)}</loc>" not in sitemap, page.title
    for page in pages.siblings:
        assert f"<loc>{public_url(page.url_path)}</loc>" in sitemap, page.title


def test_the_hidden_pages_are_not_found_by_search_even_from_a_stale_index(client, pages, index):  # noqa: F811
    everything = documents_for_pages([page.pk for page in pages.hidden + pages.siblings])
    assert set(everything) == {page.pk for page in pages.siblings}
    index.index_documents(everything.values())
    # As if the index lagged behind: the hidden pages' documents from when they were public.
    index.index_documents([page_document(page.specific) for page in pages.hidden])
    for query in ({"q": "verborgen", "mode": "keyword"}, {"q": "buurtfeest fietsstraten", "mode": "keyword"}):
        answer = client.get("/api/search/", query).json()
        assert HIDDEN_MARK not in str(answer["items"]), query
        assert answer["items_total"] == len(answer["items"]), query
    assert client.get("/api/search/suggest/", {"q": "verbo", "lang": "nl"}).json()["items"] == []
    assert "Buurtfeest Ledeberg" in str(client.get("/api/search/", {"q": "buurtfeest", "mode": "keyword"}).json())
    scoped = client.get("/api/content/nl/activiteiten/@search", {"q": "buurtfeest", "mode": "keyword"}).json()
    assert HIDDEN_MARK not in str(scoped["items"]) and "Buurtfeest Ledeberg" in str(scoped["items"])
