"""`manage.py search_pages`: ranked results for people, JSON for scripts, many queries per run."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.themes.models import ThemePage
from tests.search.conftest import add_page

pytestmark = pytest.mark.django_db


def search(*args) -> str:
    out = StringIO()
    call_command("search_pages", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def pages(tree, locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        english = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)
        english.title, english.intro = "Bulky waste", "Bring grofvuil to the recycling park."
        english.save_revision().publish()
        add_page(tree.theme_index, ThemePage, title="Grofvuil sorteren", intro="Sorteer uw grofvuil.")
    return tree


def test_json_gives_ranked_hits_with_title_url_and_score(pages):
    hits = json.loads(search("grofvuil", "--json", "--mode", "keyword"))
    assert {hit["title"] for hit in hits} == {"Grofvuil", "Grofvuil sorteren", "Bulky waste"}
    assert all({"title", "url", "score", "id", "language", "page_type", "snippet"} <= set(hit) for hit in hits)
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
    assert "/nl/themas/grofvuil/" in {hit["url"] for hit in hits}


def test_limit_lang_and_backend_narrow_the_answer(pages):
    assert len(json.loads(search("grofvuil", "--json", "--limit", "1"))) == 1
    english = json.loads(search("grofvuil", "--json", "--lang", "en", "--backend", "local"))
    assert [(hit["title"], hit["language"]) for hit in english] == [("Bulky waste", "en")]


def test_plain_output_lists_rank_title_and_url(pages):
    out = search("grofvuil sorteren", "--mode", "keyword")
    assert out.splitlines()[0].startswith(" 1. ") and "Grofvuil sorteren" in out.splitlines()[0]
    assert "/nl/themas/grofvuil-sorteren/" in out
    assert search("qwxzyv", "--mode", "keyword").strip() == "No results."


def test_queries_file_prints_one_json_array_per_line_in_order(pages, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("grofvuil sorteren\n\nbulky waste\n", encoding="utf-8")
    lines = search("--queries", str(queries), "--mode", "keyword").splitlines()
    assert len(lines) == 3
    first, empty, last = (json.loads(line) for line in lines)
    assert first[0]["title"] == "Grofvuil sorteren"
    assert empty == []
    assert last[0]["title"] == "Bulky waste"


@pytest.mark.parametrize(
    "args, option",
    [
        (["x", "--mode", "fuzzy"], "--mode"),
        (["x", "--backend", "solr"], "--backend"),
        (["x", "--limit", "0"], "--limit"),
        (["x", "--limit", "many"], "--limit"),
        (["x", "--lang", "de"], "--lang"),
        (["--queries", "/nonexistent/queries.txt"], "--queries"),
    ],
)
def test_bad_options_are_refused_naming_the_option(db, args, option):
    with pytest.raises(CommandError, match=option):
        search(*args)


def test_when_the_site_holds_no_answer_it_says_why(pages, settings):
    # The tree is a dozen pages, where the hashing embedder's neighbours are far apart:
    # a margin nobody reaches makes the decision (search.answerability) the one at work.
    config = dict(settings.SEARCH_BACKENDS["default"])
    settings.SEARCH_BACKENDS = {**settings.SEARCH_BACKENDS, "default": {**config, "ANSWER_MARGINS": [1, 1]}}
    assert search("qwxzyv").strip() == (
        "No results. No word of the question occurs on the site and nothing comes close in meaning."
    )
