"""What the API fuzzer found in the content API (issue 12), each a request a client can send.

Each was a 500, a refusal the document contradicts, or a 304 for something that does not
exist; found by tests/integration/test_fuzz_api.py on PostgreSQL, pinned here on SQLite.
"""

import pytest


def names(response) -> list[str]:
    return [param["name"] for param in response.json().get("invalid_params", [])]


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_an_offset_past_any_listing_is_a_400_naming_offset(client, tree, url):
    response = client.get(url, {"offset": "99999999999999999999"})
    assert response.status_code == 400
    assert names(response) == ["offset"]


@pytest.mark.parametrize("kind", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["null", "1.5", "[1]", "٣"])
def test_find_with_an_id_that_is_no_whole_number_is_a_400_naming_id(client, tree, kind, value):
    response = client.get(f"/api/v2/{kind}/find/", {"id": value})
    assert response.status_code == 400
    assert names(response) == ["id"]


def test_find_by_id_still_redirects_to_the_detail(client, tree):
    response = client.get("/api/v2/pages/find/", {"id": tree.theme_page.pk})
    assert response.status_code == 302
    assert f"/api/v2/pages/{tree.theme_page.pk}/" in response["Location"]


def test_random_order_with_an_offset_is_answered(client, tree):
    response = client.get("/api/v2/pages/", {"order": "random", "offset": "1", "limit": "5"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] > 1


def test_child_of_with_descendant_of_lists_the_children_below_both(client, tree):
    parent = tree.theme_page.get_parent()
    both = client.get("/api/v2/pages/", {"child_of": parent.pk, "descendant_of": "root"})
    assert both.status_code == 200
    children = client.get("/api/v2/pages/", {"child_of": parent.pk}).json()["items"]
    assert [item["id"] for item in both.json()["items"]] == [item["id"] for item in children]
    assert tree.theme_page.pk in [item["id"] for item in children]


def test_search_ordered_by_a_field_the_index_does_not_hold_is_answered_in_that_order(client, tree):
    response = client.get("/api/v2/pages/", {"search": tree.theme_page.title.split()[0], "order": "-slug"})
    assert response.status_code == 200
    slugs = [item["meta"]["slug"] for item in response.json()["items"]]
    assert slugs == sorted(slugs, reverse=True)


def test_a_filter_naming_no_public_page_is_a_404(client, tree):
    for name in ("child_of", "descendant_of", "translation_of"):
        response = client.get("/api/v2/pages/", {name: "987654"})
        assert response.status_code == 404, name
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("url", ["/api/content/@types/no.SuchType", "/sitemap.xml?p=false", "/sitemap.xml?p=99"])
def test_if_none_match_star_is_no_304_for_what_does_not_exist(client, tree, url):
    response = client.get(url, HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["0\t", " 1", "1_0", "٣"])
def test_a_batch_start_that_is_not_plain_digits_is_a_400(client, tree, value):
    response = client.get("/api/content/nl/themas/@children", {"b_start": value})
    assert response.status_code == 400
    assert names(response) == ["b_start"]


def test_an_unknown_parameter_on_one_item_is_a_400_as_on_the_listing(client, tree):
    response = client.get(f"/api/v2/pages/{tree.theme_page.pk}/", {"colour": "blue"})
    assert response.status_code == 400
    assert names(response) == ["colour"]
    assert client.get(f"/api/v2/pages/{tree.theme_page.pk}/", {"fields": "_,title"}).status_code == 200
