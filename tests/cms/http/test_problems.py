"""Every error under /api/ is one RFC 7807 problem+json shape, whichever part answered."""

PROBLEM_KEYS = {"type", "title", "status"}


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_KEYS <= set(body)
    assert body["status"] == status
    assert body["type"].startswith("https://vrijhaven.dev/problems/")
    return body


NOT_FOUND = [
    "/api/nothing-here",
    "/api/v2/pages/999999/",
    "/api/content/nl/bestaat-niet",
    "/api/content/xx/themas",
    "/api/content/nl/themas/@unknown",
    "/api/content/@types/core.Nope",
]

BAD_INPUT = [
    ("/api/v2/pages/?limit=abc", "limit"),
    ("/api/v2/pages/?limit=-1", "limit"),
    ("/api/v2/pages/?limit=1000", "limit"),
    ("/api/v2/pages/?offset=x", "offset"),
    ("/api/v2/pages/?frobnicate=1", "frobnicate"),
    ("/api/v2/pages/?fields=nonsense", "fields"),
    ("/api/v2/pages/?type=core.Nope", "type"),
    ("/api/v2/pages/?order=nonsense", "order"),
    ("/api/v2/pages/?child_of=abc", "child_of"),
    ("/api/v2/pages/?locale=xx", "locale"),
    ("/api/v2/pages/?theme=geen-thema", "theme"),
    ("/api/v2/pages/?wijk=", "wijk"),
    ("/api/v2/images/?limit=x", "limit"),
    ("/api/v2/documents/?offset=-3", "offset"),
    ("/api/content/nl/themas?b_size=0", "b_size"),
    ("/api/content/nl/themas?b_start=-1", "b_start"),
    ("/api/content/nl/themas?expand=everything", "expand"),
    ("/api/content/nl/themas?colour=blue", "colour"),
]


def test_unknown_addresses_answer_404_problem_not_a_redirect(client, tree):
    for url in NOT_FOUND:
        assert_problem(client.get(url), 404)


def test_bad_input_is_a_400_naming_the_parameter(client, tree):
    for url, param in BAD_INPUT:
        body = assert_problem(client.get(url), 400)
        assert param in [p["name"] for p in body["invalid_params"]], url
        assert all(p["reason"] for p in body["invalid_params"])


def test_every_unknown_parameter_is_named_at_once(client, tree):
    body = assert_problem(client.get("/api/v2/pages/?aa=1&bb=2"), 400)
    assert [p["name"] for p in body["invalid_params"]] == ["aa", "bb"]


def test_writing_to_the_content_api_is_refused_as_a_problem(client, tree):
    response = client.post("/api/content/nl/themas")
    assert_problem(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_drf_errors_on_v2_are_problems_too(client, tree):
    assert_problem(client.post("/api/v2/pages/"), 405)
