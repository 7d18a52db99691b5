"""The questions that opened a page: most frequent first, with the average position, within the period."""

from datetime import timedelta

import pytest
from django.utils import timezone

from search.querylog.folding import search_log_fold
from search.querylog.page_questions import page_questions

from .factories import opened

pytestmark = pytest.mark.django_db


def test_questions_of_one_page_with_their_average_position():
    today = timezone.localdate()
    opened("grof huisvuil", 7, position=1, times=3)
    opened("ophaling zetel", 7, position=4)
    opened("ophaling zetel", 7, position=2, day=today - timedelta(days=3))
    opened("enlèvement encombrants", 7, position=1, language="fr")
    opened("grof huisvuil", 8, position=2, times=10)  # another page
    search_log_fold()
    opened("grof huisvuil", 7, position=4)  # not folded yet: counted too

    questions = page_questions(page_id=7, today=today)

    assert [(q.query, q.language, q.opened, q.average_position) for q in questions.questions] == [
        ("grof huisvuil", "nl", 4, 1.8),
        ("ophaling zetel", "nl", 2, 3.0),
        ("enlèvement encombrants", "fr", 1, 1.0),
    ]
    assert questions.total == 3


def test_the_limit_keeps_the_total():
    for n in range(5):
        opened(f"vraag {n}", 3, times=n + 1)
    questions = page_questions(page_id=3, limit=2)
    assert [q.query for q in questions.questions] == ["vraag 4", "vraag 3"] and questions.total == 5


def test_older_questions_fall_outside_the_period():
    today = timezone.localdate()
    opened("oud", 3, day=today - timedelta(days=90))
    opened("net op tijd", 3, day=today - timedelta(days=89))
    assert [q.query for q in page_questions(page_id=3, days=90, today=today).questions] == ["net op tijd"]


def test_a_page_nobody_opened_has_no_questions():
    assert page_questions(page_id=99).questions == [] and page_questions(page_id=99).total == 0
