"""`manage.py evaluate_search`: the labelled set through a backend, as a table or JSON."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search.backends import get_backend
from tests.search.corpus import CORPUS

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_set(tmp_path):
    path = tmp_path / "queries.json"
    path.write_text(
        json.dumps(
            [
                {"query": "bewonerskaart aanvragen", "language": "nl", "relevant": [{"page": "/nl/mobiliteit/bewonerskaart", "grade": 3}]},
                {"query": "residents permit", "language": "en", "relevant": [{"page": "mobility/residents-permit", "grade": 3}]},
                {"query": "xqzvwkj", "language": "nl", "kind": "unanswerable"},
            ]
        )
    )
    return path


@pytest.fixture
def indexed():
    backend = get_backend("default")
    backend.index_documents(CORPUS)
    yield backend
    backend.clear()


def run(*args) -> str:
    out = StringIO()
    call_command("evaluate_search", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_prints_one_row_per_mode(indexed, small_set):
    table = run("--backend", "local", "--queries", str(small_set))
    assert [line.split()[1] for line in table.splitlines()[2:5]] == ["keyword", "vector", "hybrid"]
    assert "1 Dutch and 1 English answerable queries" in table
    # beside MRR and nDCG: hit@10 and the share of unanswerable questions that find nothing, per half
    assert table.count("half A") == table.count("half B") == 3  # one row per mode and half
    assert "unanswerable found nothing" in table and "1 unanswerable queries (1 Dutch, 0 English)" in table


def test_json_holds_the_figures_per_query(indexed, small_set):
    (report,) = json.loads(run("--backend", "local", "--queries", str(small_set), "--mode", "keyword", "--json"))
    assert (report["backend"], report["mode"], report["queries"]) == ("local", "keyword", 2)
    assert report["unanswerable"]["queries"] == 1 and report["unanswerable"]["no_answer"] == 1.0  # no word matches
    assert report["hit@10"] == 1.0 and [half["queries"] for half in report["halves"]] == [1, 1]
    assert report["per_query"][0]["mrr"] == 1.0
    assert report["per_query"][0]["top"][0] == "/nl/mobiliteit/bewonerskaart/"


def test_an_empty_index_says_how_to_fill_it(db, small_set):
    with pytest.raises(CommandError, match="--rebuild"):
        run("--backend", "local", "--queries", str(small_set))


@pytest.mark.parametrize(
    "args, message",
    [(["--mode", "fuzzy"], "--mode"), (["--backend", "solr"], "--backend"), (["--queries", "/nonexistent.json"], "cannot read")],
)
def test_wrong_arguments_are_named(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
