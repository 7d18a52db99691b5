"""The OpenAPI 3.1 document at /api/schema/: valid, and true to the real answers."""

import jsonschema
from jsonschema.validators import Draft202012Validator
from openapi_spec_validator import validate


def test_document_is_valid_openapi_31(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response["ETag"]
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)
    for path in ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/content/{path}",
                 "/api/content/{path}/@breadcrumbs", "/api/content/{path}/@navigation",
                 "/api/content/{path}/@translations", "/api/content/{path}/@children", "/api/content/@types/{type}"]:
        assert path in document["paths"]


def _resolve(schema, document):
    ref = schema.get("$ref")
    return document["components"]["schemas"][ref.split("/")[-1]] if ref else schema


def test_real_answers_match_the_document(client, tree):
    document = client.get("/api/schema/").json()
    registry_doc = {"components": document["components"]}
    content_schema = document["paths"]["/api/content/{path}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    for path in ["nl/themas/grofvuil", "nl/activiteiten/buurtfeest-ledeberg", "nl/pers/nieuwe-fietsstraten", "nl"]:
        answer = client.get(f"/api/content/{path}").json()
        # The answer's @type picks the oneOf branch; validate against that one strictly.
        branch = _resolve({"$ref": f"#/components/schemas/{answer['@type'].replace('.', '_')}"}, document)
        Draft202012Validator.check_schema(branch)
        jsonschema.validate(answer, branch)
        assert any(option["$ref"].endswith(answer["@type"].replace(".", "_")) for option in content_schema["oneOf"])
    problem = client.get("/api/content/nl/niets").json()
    jsonschema.validate(problem, registry_doc["components"]["schemas"]["Problem"])
    bad = client.get("/api/v2/pages/?limit=x").json()
    jsonschema.validate(bad, registry_doc["components"]["schemas"]["Problem"])
    listing_schema = document["paths"]["/api/v2/pages/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    jsonschema.validate(client.get("/api/v2/pages/").json(), listing_schema)


def test_docs_page_lists_every_operation(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "GET /api/content/{path}/@breadcrumbs" in html
    assert "GET /api/feeds/press/{fmt}/" in html and "GET /api/signage/{slug}/" in html
    assert "WEBHOOK page.moved" in html
    assert "/api/schema/" in html


def test_one_document_describes_the_dossier_events_contract(client, db):
    """Case-system integrators find the signed events endpoint in the platform's document."""
    document = client.get("/api/schema/").json()
    validate(document)
    post = document["paths"]["/api/automation/events/"]["post"]
    assert {"200", "202", "400", "401"} <= set(post["responses"])
    event = document["components"]["schemas"]["DossierEvent"]
    assert {"event_id", "source", "dossier", "milestone", "occurred_at", "citizen"} <= set(event["required"])
