"""`manage.py readability`: text and JSON output, standard input, clear errors."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

OFFICIAL = (
    "Indien u wenst gebruik te maken van de dienstverlening, dient u teneinde de behandeling van uw aanvraag "
    "te bespoedigen de bovenvermelde documenten voorafgaandelijk over te maken. Bel ons."
)


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(OFFICIAL, encoding="utf-8")
    return path


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("readability", *args, stdout=out)
    return out.getvalue()


def test_the_text_report_names_the_level_the_hardest_sentence_and_the_words(db, text_file):
    output = run(str(text_file))
    assert output.startswith("Niveau: Zeer moeilijk (C1), moeilijkheid ")
    assert "moeilijker dan het doel Helder (B1)" in output
    assert "1. [C1, " in output and "Indien u wenst gebruik te maken" in output
    assert "- indien → als" in output
    assert "- bespoedigen (weinig gebruikt)" in output


def test_json_has_the_documented_keys_first(db, text_file):
    answer = json.loads(run("--json", str(text_file)))
    assert list(answer)[:5] == ["level", "difficulty", "lang", "sentences", "words"]
    assert answer["level"] == "C1" and answer["lang"] == "nl"
    assert answer["difficulty"] > 50
    assert answer["words"][0] == {"word": "indien", "kind": "ambtelijk", "suggestion": "als", "note": "", "count": 1}


def test_standard_input_and_another_language(db, monkeypatch):
    answer = json.loads(run("--json", "--lang", "en", "-", stdin="Call us. We help you.", monkeypatch=monkeypatch))
    assert answer["lang"] == "en" and answer["level"] == "A2"


def test_a_missing_file_and_an_unknown_language_are_clear_errors(db, tmp_path, text_file):
    with pytest.raises(CommandError, match="FILE: no such file: .*missing.txt"):
        run(str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError, match="--lang: unknown language 'de'; choose one of nl, en, fr"):
        run("--lang", "de", str(text_file))
