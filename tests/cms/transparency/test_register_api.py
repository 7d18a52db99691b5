"""GET /api/transparency/: the public algorithm register, generated from the live configuration."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings

from cms.transparency.entries import AlgorithmEntry, Text
from cms.transparency.models import AlgorithmChange
from cms.transparency import registry
from cms.transparency.registry import algorithm_register, registered_entries

pytestmark = pytest.mark.django_db
URL = "/api/transparency/"
# What the issue names: search ranking (with its no-result decision), experiment assignment
# and statistics, readability scoring, frequency caps, quiet hours, send-time rules.
NAMED = {
    "search-ranking",
    "search-no-answer",
    "experiment-assignment",
    "experiment-statistics",
    "readability-score",
    "newsletter-frequency-cap",
    "quiet-hours",
    "send-times",
}
TEXT_FIELDS = ("title", "purpose", "method", "data", "oversight")


def register(client, language="nl", **headers):
    response = client.get(URL, {"lang": language}, **headers)
    assert response.status_code == 200, response.content
    return response.json()


def by_key(answer) -> dict:
    return {algorithm["key"]: algorithm for algorithm in answer["algorithms"]}


def test_every_algorithm_the_issue_names_is_described_in_three_languages(client):
    answers = {language: by_key(register(client, language)) for language in ("nl", "en", "fr")}
    assert NAMED <= set(answers["nl"])
    for key in NAMED:
        for field in TEXT_FIELDS:
            texts = [answers[language][key][field] for language in ("nl", "en", "fr")]
            assert all(text.strip() for text in texts), (key, field)
            assert len(set(texts)) == 3, (key, field, texts)  # really translated
        assert datetime.date.fromisoformat(answers["nl"][key]["last_changed"]) == datetime.date.today()


def test_settings_are_read_live_so_the_register_cannot_go_stale(client):
    with override_settings(AUTOMATION_NEWSLETTER_CAP=5, AUTOMATION_NEWSLETTER_CAP_DAYS=14, AUTOMATION_SMS_QUIET_HOURS="22:00-07:30"):
        entries = by_key(register(client))
    cap = entries["newsletter-frequency-cap"]
    assert "hoogstens 5 nieuwsbrieven per 14 dagen" in cap["method"]
    assert {"name": "AUTOMATION_NEWSLETTER_CAP", "value": "5"}.items() <= cap["settings"][0].items()
    assert "Tussen 22:00 en 07:30" in entries["quiet-hours"]["method"]
    with override_settings(AUTOMATION_NEWSLETTER_CAP=0, AUTOMATION_SMS_QUIET_HOURS=""):
        entries = by_key(register(client, "en"))
    assert "no limit" in entries["newsletter-frequency-cap"]["method"]
    assert "No quiet hours" in entries["quiet-hours"]["method"]


def test_the_search_entry_follows_the_fusion_setting(client):
    with override_settings(SEARCH_FUSION="rrf"):
        ranking = by_key(register(client, "en"))["search-ranking"]
    assert "reciprocal rank fusion" in ranking["method"]
    assert {"name": "SEARCH_FUSION", "value": "rrf"}.items() <= next(s for s in ranking["settings"] if s["name"] == "SEARCH_FUSION").items()


def test_a_change_moves_only_that_algorithms_date(client):
    register(client)
    long_ago = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
    AlgorithmChange.objects.update(changed_at=long_ago)
    unchanged = register(client)
    assert {algorithm["last_changed"] for algorithm in unchanged["algorithms"]} == {"2026-01-15"}
    assert unchanged["last_changed"] == "2026-01-15"
    with override_settings(AUTOMATION_SMS_QUIET_HOURS="23:00-07:00"):
        changed = by_key(register(client))
    today = datetime.date.today().isoformat()
    assert changed["quiet-hours"]["last_changed"] == today
    assert changed["send-times"]["last_changed"] == "2026-01-15"


def test_an_unchanged_register_answers_304_and_a_change_gives_a_new_etag(client):
    first = client.get(URL)
    assert first["Cache-Control"] == "public, max-age=300"
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    with override_settings(AUTOMATION_NEWSLETTER_CAP=9):
        changed = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert client.get(URL, {"lang": "en"})["ETag"] != first["ETag"]


@pytest.mark.parametrize(
    "query, names",
    [({"lang": "de"}, ["lang"]), ({"taal": "nl"}, ["taal"]), ({"lang": "xx", "q": "1"}, ["lang", "q"])],
)
def test_bad_parameters_are_named(client, query, names):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert sorted(param["name"] for param in response.json()["invalid_params"]) == sorted(names)


def test_writing_is_refused_with_the_allowed_method(client):
    response = client.post(URL, {})
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_the_register_is_in_the_openapi_document(client):
    document = client.get("/api/schema/").json()
    assert "get" in document["paths"]["/api/transparency/"]
    assert "AlgorithmRegister" in document["components"]["schemas"]


def test_a_description_must_carry_its_own_key():
    def wrong() -> AlgorithmEntry:
        text = Text(nl="a", en="b", fr="c")
        return AlgorithmEntry(key="other", title=text, purpose=text, method=text, data=text, oversight=text, source="x")

    algorithm_register(key="test-mismatch", describe=wrong, order=999)
    try:
        with pytest.raises(ValueError, match="test-mismatch"):
            registered_entries()
    finally:
        registry._registered.pop("test-mismatch")


def test_every_text_needs_all_three_languages():
    with pytest.raises(ValueError, match="fr"):
        Text(nl="Hallo", en="Hello", fr=" ")


def test_a_change_shortly_after_midnight_in_ghent_is_dated_that_day(client, settings):
    settings.TIME_ZONE = "Europe/Brussels"
    register(client)  # records every description once
    after_midnight_in_ghent = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.timezone.utc)  # 00:30 on the 7th there
    AlgorithmChange.objects.update(changed_at=after_midnight_in_ghent)
    answer = register(client)
    assert answer["last_changed"] == "2026-12-07"
    assert {algorithm["last_changed"] for algorithm in answer["algorithms"]} == {"2026-12-07"}
