"""Evaluating a journey version's conditions for one citizen and event (all must hold).

Values are compared as text, the way an editor types them in the admin: language "fr",
wijk "rabot-blaisantvest", consent "true", an attribute of the event's data by its
dotted path ("adres.postcode").
"""

from __future__ import annotations

from automation.contacts.models import Citizen
from automation.journeys.models import JourneyCondition, JourneyVersion

Field, Operator = JourneyCondition.Field, JourneyCondition.Operator


def conditions_hold(*, version: JourneyVersion, citizen: Citizen, data: dict, consents: dict[str, bool]) -> bool:
    return all(
        condition_holds(condition, citizen=citizen, data=data, consents=consents)
        for condition in version.conditions.all()
    )


def condition_holds(condition: JourneyCondition, *, citizen: Citizen, data: dict, consents: dict[str, bool]) -> bool:
    actual = _actual(condition, citizen=citizen, data=data, consents=consents)
    expected = condition.value.strip()
    if condition.operator == Operator.PRESENT:
        return actual != ""
    if condition.operator == Operator.IN:
        return actual in {item.strip() for item in expected.split(",")}
    if condition.operator == Operator.NOT_EQUALS:
        return actual != expected
    return actual == expected


def _actual(condition: JourneyCondition, *, citizen: Citizen, data: dict, consents: dict[str, bool]) -> str:
    if condition.field == Field.LANGUAGE:
        return citizen.language
    if condition.field == Field.WIJK:
        return citizen.wijk.slug if citizen.wijk_id else ""
    if condition.field == Field.CONSENT:
        answer = consents.get(condition.key)
        return "" if answer is None else str(answer).lower()
    value = data
    for part in condition.key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)
