"""The demo's morning of searches: real answers of the search API, recorded as a citizen's would be."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from cms.importers.demo_searches import demo_questions, demo_searches_replay
from search.evaluation import LabelledQuery
from search.querylog.models import SearchClick, SearchEvent
from search.querylog.report import search_report


def question(text: str, relevant: dict[str, int] | None = None) -> LabelledQuery:
    return LabelledQuery(f"test-{text}", text, "nl", relevant or {}, "paraphrase")


def report():
    today = timezone.localdate()
    return search_report(since=today - timedelta(days=1), until=today).as_json()


def test_the_report_shows_what_the_search_answered(indexed):
    asked = [
        question("grofvuil", {"themas/grofvuil": 3}),  # found, and the good answer is opened
        question("Ledeberg", {"themas/grofvuil": 3}),  # found, but no good answer among the results
        question("xqzvwj plofkraak"),  # nothing on this site
    ]
    result = demo_searches_replay(questions=asked)
    assert (result.searches, result.opened) == (3, 1)
    figures = report()
    assert {row["query"] for row in figures["top"]} == {"grofvuil", "ledeberg", "xqzvwj plofkraak"}
    assert {row["query"] for row in figures["no_results"]} <= {"xqzvwj plofkraak"}
    assert len(figures["no_results"]) == result.nothing_found
    assert "ledeberg" in {row["query"] for row in figures["not_opened"]}
    assert "grofvuil" not in {row["query"] for row in figures["not_opened"]}
    opened = SearchClick.objects.get()
    assert (opened.query, opened.page_id, opened.position) == ("grofvuil", indexed.theme_page.pk, 1)


def test_it_runs_once_so_the_morning_is_not_counted_twice(indexed):
    demo_searches_replay(questions=[question("grofvuil")])
    again = demo_searches_replay(questions=[question("grofvuil")])
    assert again.skipped
    assert SearchEvent.objects.count() == 1


def test_the_command_asks_every_labelled_and_unanswered_question(indexed, capsys):
    call_command("demo_searches", "--no-progress")
    out = capsys.readouterr().out
    assert f"{len(demo_questions())} gesteld" in out
    assert SearchEvent.objects.count() == len(demo_questions()) > 100
    call_command("demo_searches", "--no-progress")
    assert "al zoekvragen" in capsys.readouterr().out
