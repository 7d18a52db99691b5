"""One event validator per process answers every document as a fresh serializer would.

`dossier_event_validate` reuses one serializer (its field tree is built once); these tests
hold it to that: nothing from one document leaks into the next, in sequence or from
several threads at once, and errors keep their nested, field-named shape.
"""

from __future__ import annotations

import copy
import threading

import pytest
from rest_framework.exceptions import ValidationError

from automation.dossiers.event_schema import DossierEventSerializer, dossier_event_validate
from tests.automation.example_event import EXAMPLE_EVENT


def document(number: int, *, valid: bool) -> dict:
    event = copy.deepcopy(EXAMPLE_EVENT)
    event["event_id"] = f"evt-{number}"
    event["citizen"].update(ref=f"citizen-{number}", phone=f"+3247012{number:04d}")
    if not valid:
        event["citizen"].update(phone="12", consent={"sms": "yes"})
        del event["dossier"]["type"]
    return event


def fresh_outcome(event: dict):
    serializer = DossierEventSerializer(data=event)
    return serializer.validated_data if serializer.is_valid() else serializer.errors


def shared_outcome(event: dict):
    try:
        return dossier_event_validate(event)
    except ValidationError as invalid:
        return invalid.detail


@pytest.mark.django_db
def test_invalid_and_valid_documents_in_turn_each_get_their_own_answer(rabot):
    for number, valid in enumerate([False, True, False, True, True, False]):
        event = document(number, valid=valid)
        assert shared_outcome(event) == fresh_outcome(event)
    assert dossier_event_validate(document(7, valid=True))["citizen"]["ref"] == "citizen-7"


@pytest.mark.django_db
def test_errors_name_every_invalid_field_and_nothing_else(rabot):
    dossier_event_validate(document(1, valid=True))  # a valid one first: no state carried over
    with pytest.raises(ValidationError) as invalid:
        dossier_event_validate(document(2, valid=False))
    detail = invalid.value.detail
    assert set(detail) == {"citizen", "dossier"}
    assert set(detail["citizen"]) == {"phone", "consent"} and set(detail["dossier"]) == {"type"}


@pytest.mark.django_db
def test_threads_validating_at_once_each_get_the_answer_for_their_own_document(rabot):
    threads_count, rounds = 6, 40
    start = threading.Barrier(threads_count)
    wrong: list[str] = []

    def validate_many(offset: int):
        start.wait()
        for round_number in range(rounds):
            number = offset * 1000 + round_number
            event = document(number, valid=(number % 3 != 0))
            outcome = shared_outcome(event)
            if number % 3 == 0:
                if set(outcome) != {"citizen", "dossier"}:
                    wrong.append(f"{number}: {outcome}")
            elif outcome["citizen"]["ref"] != f"citizen-{number}" or outcome["event_id"] != f"evt-{number}":
                wrong.append(f"{number}: {outcome}")

    # The wijk table is read once here, so the threads need no database connection of their own.
    dossier_event_validate(document(0, valid=True))
    threads = [threading.Thread(target=validate_many, args=(offset,)) for offset in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
