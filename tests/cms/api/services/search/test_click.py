"""`/api/search/click/`: a signed result link is counted and redirects to the page, and only ever to a public page."""

import pytest
from django.core import signing

from search.querylog.click_tokens import SALT, Click, click_token
from search.querylog.models import SearchClick


def click_url(page, *, query="grofvuil", position=2):
    return "/api/search/click/?t=" + click_token(Click(query=query, language="nl", page_id=page.pk, position=position))


def test_a_click_is_counted_and_redirects_to_the_page(client, tree):
    response = client.get(click_url(tree.theme_page))
    assert response.status_code == 302
    assert response["Location"] == "http://localhost/nl/themas/grofvuil/"
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    row = SearchClick.objects.get()
    assert (row.query, row.language, row.page_id, row.position) == ("grofvuil", "nl", tree.theme_page.pk, 2)


def test_a_result_link_from_the_search_answer_works(client, tree, index):
    from wagtail.models import Page

    from search.extraction import documents_for_pages

    index.index_documents(documents_for_pages(Page.objects.values_list("pk", flat=True)).values())
    item = client.get("/api/search/", {"q": "grofvuil", "mode": "keyword"}).json()["items"][0]
    response = client.get(item["click"])
    assert response.status_code == 302 and response["Location"].endswith(item["url"])
    assert SearchClick.objects.get().position == 1


def test_head_redirects_without_counting(client, tree):
    assert client.head(click_url(tree.theme_page)).status_code == 302
    assert not SearchClick.objects.exists()


def test_a_missing_token_is_refused_naming_the_parameter(client, tree):
    response = client.get("/api/search/click/", {"t": ""})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalid_params"]] == ["t"]
    assert not SearchClick.objects.exists()


@pytest.mark.parametrize("token", [
    "garbage",
    signing.dumps(["grofvuil", "nl", 1, 1], salt=SALT, key="not-our-secret", compress=True),
    # Even signed by us, a token cannot carry an address: only a page id is accepted.
    signing.dumps(["grofvuil", "nl", "https://evil.example/", 1], salt=SALT, compress=True),
], ids=["garbage", "other-key", "an-address"])  # named: a signed token holds its signing time
def test_foreign_or_forged_tokens_are_unknown_links(client, tree, token):
    """A forged token is an unknown link (404 `unknown-link`), as for every signed link (issue 12: the
    document lets `t` be any string, and a well-formed request for a link that does not exist is a 404)."""
    response = client.get("/api/search/click/", {"t": token})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("/unknown-link")
    assert not SearchClick.objects.exists()


def test_no_parameter_can_choose_the_target(client, tree):
    response = client.get(click_url(tree.theme_page) + "&next=https://evil.example/")
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_params"]] == ["next"]


def test_a_page_no_longer_public_is_404(client, tree, hidden):
    for page in (hidden["draft"], hidden["restricted"], hidden["under_restricted"], hidden["expired"]):
        response = client.get(click_url(page))
        assert response.status_code == 404, page.title
    tree.theme_page.unpublish()
    assert client.get(click_url(tree.theme_page)).status_code == 404
    assert client.get("/api/search/click/?t=" + click_token(Click("x", "nl", 999999, 1))).status_code == 404
    assert not SearchClick.objects.exists()


def test_post_is_refused(client, tree):
    assert client.post(click_url(tree.theme_page)).status_code == 405
