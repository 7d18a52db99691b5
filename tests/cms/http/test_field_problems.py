"""A serializer's nested errors become one problem naming each field by its dotted path."""

import json

from cms.http.field_problems import field_errors, flatten_errors, invalid_fields
from cms.http.problems import InvalidParam, problem_response

DRF_ERRORS = {
    "event_id": ["This field is required."],
    "citizen": {"consent": {"sms": ["Must be true or false."]}, "phone": ["Not a phone number."]},
    "wijken": {1: ["Unknown wijk 'atlantis'."]},  # a ListField's errors, by item index
    "themes": [{}, {"slug": ["Unknown theme."]}],  # a list serializer's errors, one per item
    "non_field_errors": ["Give at least one of wijken, themes, press, crisis."],
}


def test_flatten_errors_names_nested_fields_by_dotted_path_and_list_items_by_their_index():
    assert flatten_errors(DRF_ERRORS) == [
        InvalidParam("event_id", "This field is required."),
        InvalidParam("citizen.consent.sms", "Must be true or false."),
        InvalidParam("citizen.phone", "Not a phone number."),
        InvalidParam("wijken.1", "Unknown wijk 'atlantis'."),
        InvalidParam("themes[1].slug", "Unknown theme."),
        InvalidParam("", "Give at least one of wijken, themes, press, crisis."),
    ]


def test_field_errors_reports_an_item_on_its_list_the_field_a_form_shows():
    assert field_errors(DRF_ERRORS) == {
        "event_id": ["This field is required."],
        "citizen.consent.sms": ["Must be true or false."],
        "citizen.phone": ["Not a phone number."],
        "wijken": ["Unknown wijk 'atlantis'."],
        "themes.slug": ["Unknown theme."],
        "body": ["Give at least one of wijken, themes, press, crisis."],
    }


def test_invalid_fields_carries_errors_and_invalid_params_the_same_facts():
    response = problem_response(invalid_fields(errors={"token": ["Required."], "channels.sms": ["Needs a phone."]}))
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content) == {
        "type": "https://vrijhaven.dev/problems/invalid-fields",
        "title": "Some fields are not valid",
        "status": 400,
        "detail": "Nothing was changed. Correct the fields listed in `errors` and send again.",
        "invalid_params": [{"name": "token", "reason": "Required."}, {"name": "channels.sms", "reason": "Needs a phone."}],
        "errors": {"token": ["Required."], "channels.sms": ["Needs a phone."]},
    }
