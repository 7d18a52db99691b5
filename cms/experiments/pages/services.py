"""Showing a page under experiment, counting its click, stopping it by hand.

`page_view_show` is called once per content-API answer for a page with a running
experiment: it draws the version at random (nothing about the reader is used or kept),
stores the view (the exposure) and returns the version's text and the view's token.
`page_view_click` marks the view clicked with one conditional UPDATE (clicked_at IS NULL),
so of any number of uses of one token, at the same moment or later, exactly one counts.
A click long after the view (past CLICK_WINDOW) is not "in that same view" and does not count.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from cms.experiments.assignment import arm_at_random
from cms.experiments.pages.models import CONTROL, ExperimentStatus, PageExperiment, PageView
from cms.experiments.pages.tokens import view_token

CLICK_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Shown:
    version: str
    text: str | None  # None for version A: the page as published
    token: str


def running_experiment(*, page_id: int) -> PageExperiment | None:
    """The experiment running on this page now, with its versions, or None (one query when none)."""
    if not _marked_running(page_id):
        return None
    return PageExperiment.objects.running().filter(page_id=page_id).prefetch_related("versions").first()


def _marked_running(page_id: int) -> bool:
    """Whether any experiment on the page has the status running (started or not, ended or not).

    Asked for every page the content API builds, nearly always of a page with none, so as
    plain SQL: building the ORM query of `running()` costs more than running it. Only a yes
    goes on to `running()`, the one rule of what runs now.
    """
    meta, quote = PageExperiment._meta, connection.ops.quote_name
    table, page, status = (quote(name) for name in (meta.db_table, meta.get_field("page").column,
                                                     meta.get_field("status").column))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {table} WHERE {page} = %s AND {status} = %s LIMIT 1",  # noqa: S608 - names from the model
            [page_id, str(ExperimentStatus.RUNNING)],
        )
        return cursor.fetchone() is not None


def page_view_show(*, experiment: PageExperiment) -> Shown:
    version = arm_at_random(experiment.weights())
    view = PageView.objects.create(experiment=experiment, version=version)
    text = None if version == CONTROL else experiment.texts()[version]
    return Shown(version=version, text=text, token=view_token(view.id))


def page_view_click(*, view_id: uuid.UUID) -> bool:
    """Count the click of this view; False when it was counted before (or came too late)."""
    now = timezone.now()
    return bool(
        PageView.objects.filter(pk=view_id, clicked_at__isnull=True, shown_at__gte=now - CLICK_WINDOW)
        .update(clicked_at=now)
    )


def page_experiment_stop(*, experiment: PageExperiment) -> bool:
    """Stop by hand; False when it was already stopped. Views and clicks stay for the results."""
    return bool(PageExperiment.objects.filter(pk=experiment.pk, status=ExperimentStatus.RUNNING)
                .update(status=ExperimentStatus.STOPPED, stopped_at=timezone.now()))
