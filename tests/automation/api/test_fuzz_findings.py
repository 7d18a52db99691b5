"""What the API fuzzer found in the automation API (issue 12), pinned on SQLite.

A NUL character in an event reached PostgreSQL's jsonb, which cannot hold one: a 500. It is
refused before anything is stored, naming where it was.
"""

import json

import pytest

from automation.dossiers.models import DossierEvent


@pytest.mark.parametrize(("where", "name"), [(("data", "note"), "data.note"), (("citizen", "extra"), "citizen.extra")])
def test_a_nul_character_in_an_event_is_a_400_naming_where(post_event, event_payload, db, where, name):
    part, key = where
    event_payload.setdefault(part, {})[key] = "a\x00b"
    response = post_event(event_payload)
    assert response.status_code == 400
    assert [param["name"] for param in response.json()["invalid_params"]] == [name]
    assert not DossierEvent.objects.exists()


def test_a_nul_character_in_a_key_is_refused_too(post_event, event_payload, db):
    event_payload["data"] = {"no\x00te": "x"}
    response = post_event(event_payload, raw=json.dumps(event_payload).encode())
    assert response.status_code == 400
    assert not DossierEvent.objects.exists()


@pytest.mark.parametrize("typed", ["+32478436876*", "0470 12 34 56 x", "+32470123456#1"])
def test_a_phone_with_signs_a_phone_number_does_not_have_is_refused(typed):
    """phonenumbers read past trailing signs, so `+32478436876*` was stored as a valid number."""
    from automation.contacts.phone import InvalidPhoneNumber, phone_to_e164

    with pytest.raises(InvalidPhoneNumber):
        phone_to_e164(typed)


def test_a_number_where_the_document_asks_for_text_is_a_400_naming_each_field(post_event, event_payload, db):
    """DRF's text fields turned a number into its digits: `"municipality": 0` was stored as "0"."""
    event_payload["citizen"]["postal_address"] = {"street": "Rabotstraat", "number": 1, "postcode": "9000", "municipality": 0}
    event_payload["citizen"]["wijk"] = 7
    event_payload["milestone"] = 12
    response = post_event(event_payload)
    assert response.status_code == 400
    names = {param["name"]: param["reason"] for param in response.json()["invalid_params"]}
    assert set(names) == {"citizen.postal_address.number", "citizen.postal_address.municipality", "citizen.wijk", "milestone"}
    assert all(reason == "Must be text (a JSON string)." for reason in names.values())
    assert not DossierEvent.objects.exists()
