"""`/api/search/suggest/`: titles as one types."""


def test_suggests_titles_from_a_prefix(client, indexed):
    response = client.get("/api/search/suggest/", {"q": "grofv", "lang": "nl"})
    assert response.status_code == 200
    answer = response.json()
    assert [item["title"] for item in answer["items"]] == ["Grofvuil"]
    assert answer["items"][0]["@id"] == "http://testserver/api/content/nl/themas/grofvuil"
    assert answer["metadata"]["fallback"] is False


def test_bad_suggest_parameters_are_named(client, db):
    assert client.get("/api/search/suggest/").json()["invalid_params"][0]["name"] == "q"
    assert client.get("/api/search/suggest/", {"q": "a", "limit": "99"}).json()["invalid_params"][0]["name"] == "limit"
    assert client.get("/api/search/suggest/", {"q": "a", "mode": "x"}).json()["invalid_params"][0]["name"] == "mode"
