"""One measured link used twice at the same moment counts once, on real PostgreSQL.

SQLite serialises writers, so two uses racing each other only really race here: the click
is one `UPDATE ... WHERE clicked_at IS NULL`, and PostgreSQL re-checks that condition for
the second writer after the first commits, so the second finds nothing left to count.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from cms.experiments.pages.models import PageView
from cms.experiments.pages.results import version_tallies
from cms.experiments.pages.services import page_view_click
from cms.experiments.pages.tokens import view_from_token
from tests.cms.conftest import home, locales, tree  # noqa: F401 - fixtures
from tests.cms.experiments.pages.conftest import APPLY, PATH, cta_page, start_experiment  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration


def _token(click_url: str) -> str:
    return click_url.split("t=", 1)[1]


def test_a_second_use_waiting_on_the_first_counts_nothing(transactional_db, start_experiment):
    assert connection.vendor == "postgresql"
    start_experiment()
    view_id = view_from_token(_token(Client().get(PATH).json()["experiment"]["click"]))
    first_holds, counted = threading.Event(), {}

    def first():
        try:
            with transaction.atomic():  # counted, not yet committed, while the second use arrives
                counted["first"] = page_view_click(view_id=view_id)
                first_holds.set()
                threading.Event().wait(0.5)
        finally:
            connection.close()

    def second():
        try:
            first_holds.wait(timeout=30)
            counted["second"] = page_view_click(view_id=view_id)  # blocks on the row until the first commits
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert counted == {"first": True, "second": False}
    assert PageView.objects.filter(clicked_at__isnull=False).count() == 1


def test_two_readers_following_one_link_at_once_are_both_redirected_and_counted_once(transactional_db,
                                                                                   start_experiment):
    experiment = start_experiment()
    click = Client().get(PATH).json()["experiment"]["click"]
    start = threading.Barrier(2)
    answers = []

    def follow():
        try:
            start.wait(timeout=30)
            response = Client().get(click)
            answers.append((response.status_code, response["Location"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=follow) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [(302, APPLY), (302, APPLY)]
    tallies = version_tallies(experiment=experiment)
    assert sum(tally.exposed for tally in tallies) == 1 and sum(tally.converted for tally in tallies) == 1
