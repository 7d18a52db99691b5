"""The search endpoints are in the OpenAPI document, and real answers match it."""

import jsonschema
from openapi_spec_validator import validate


def test_paths_are_documented_and_answers_match(client, indexed):
    document = client.get("/api/schema/").json()
    validate(document)
    for path in ["/api/search/", "/api/search/suggest/", "/api/content/{path}/@search"]:
        assert path in document["paths"]
    schemas = document["components"]["schemas"]
    resolver = {"components": document["components"]}
    jsonschema.validate(client.get("/api/search/", {"q": "ledeberg"}).json(), {**schemas["SearchResults"], **resolver})
    jsonschema.validate(client.get("/api/content/nl/wijken/@search", {"q": "ledeberg"}).json(),
                        {**schemas["SearchResults"], **resolver})
    jsonschema.validate(client.get("/api/search/suggest/", {"q": "led"}).json(), schemas["SearchSuggestions"])
    jsonschema.validate(client.get("/api/search/", {"q": "x" * 501}).json(), schemas["Problem"])
