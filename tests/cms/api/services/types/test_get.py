"""GET .../@types and .../@types/<type>: the page types and a JSON Schema for each."""

import jsonschema
from jsonschema.validators import Draft202012Validator


def test_lists_every_page_type_with_a_schema_link(client, tree):
    data = client.get("/api/content/nl/themas/@types").json()
    ids = [item["@id"] for item in data["items"]]
    assert "http://testserver/api/content/@types/themes.ThemePage" in ids
    assert "http://testserver/api/content/@types/events.EventPage" in ids


def test_schema_is_valid_and_describes_real_answers(client, tree):
    for path, type_name in [
        ("nl/themas/grofvuil", "themes.ThemePage"),
        ("nl/activiteiten/buurtfeest-ledeberg", "events.EventPage"),
        ("nl/pers/nieuwe-fietsstraten", "pressroom.PressReleasePage"),
        ("nl/wijken/ledeberg", "neighbourhoods.WijkPage"),
    ]:
        schema = client.get(f"/api/content/@types/{type_name}").json()
        schema.pop("@id")
        Draft202012Validator.check_schema(schema)
        jsonschema.validate(client.get(f"/api/content/{path}").json(), schema)
