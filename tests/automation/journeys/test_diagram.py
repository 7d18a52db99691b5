"""The journey diagram: layout of branches and waits, live counts per step in a fixed number of queries, the admin panel."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from automation.journeys.diagram.counting import step_counts
from automation.journeys.diagram.drawing import journey_diagram_svg
from automation.journeys.diagram.graph import EntryNode, JourneyGraph, StepNode, journey_graph
from automation.journeys.diagram.layout import diagram_layout, step_lanes
from automation.journeys.models import Journey
from automation.journeys.versioning import journey_version_publish
from automation.messages.models import Message
from automation.messages.transitions import message_transition
from tests.automation.journeys import builders
from tests.automation.journeys.test_runtime import deliver  # noqa: F401 (fixture)
from tests.automation.journeys.test_versions_and_branches import send, wait, wake_now  # noqa: F401 (fixture)

BRANCH = ("branch", {"key": "als-bounce", "on": "not_delivered", "after_step": "mail", "channel": "", "goto": "sms"})


def reminder_journey() -> Journey:
    """Mail, wait, if the mail bounced an SMS; a milestone 'documenten_ontvangen' ends it."""
    builders.milestone("aanvraag_ontvangen")
    builders.milestone("documenten_ontvangen")
    journey = Journey.objects.create(slug="herinnering", name="Herinnering", status=Journey.Status.ACTIVE)
    journey.trigger_design = [
        ("milestone", {"milestone": "omgevingsvergunning:aanvraag_ontvangen", "start_step": ""}),
        ("exit_milestone", {"milestone": "omgevingsvergunning:documenten_ontvangen"}),
    ]
    journey.step_design = [
        send("mail", "mail"), wait(), BRANCH, ("exit", {"key": "klaar"}), send("sms", "sms-terugval", channels="sms")
    ]
    journey.save()
    journey_version_publish(journey=journey)
    journey.refresh_from_db()
    return journey


# Layout: pure, no database.

def node(id, kind="send", next_id=None, branch_id=None):
    return StepNode(id=id, key=f"s{id}", kind=kind, detail="", next_id=next_id, branch_id=branch_id)


def test_a_branch_target_goes_one_lane_right_and_the_way_on_stays_in_the_main_lane():
    graph = JourneyGraph(
        steps=(node(1, next_id=2), node(2, "wait", next_id=3), node(3, "branch", next_id=4, branch_id=5),
               node(4, "exit"), node(5, next_id=6), node(6, "exit")),
        entries=(EntryNode(step_id=1, labels=("mijlpaal A",)),),
    )
    assert step_lanes(graph) == {1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 1}
    layout = diagram_layout(graph)
    assert [layout.rows[i] for i in range(1, 7)] == [0, 1, 2, 3, 4, 5]
    main, side = layout.steps[1].x, layout.steps[5].x
    assert all(layout.steps[i].x == main for i in (2, 3, 4)) and layout.steps[6].x == side > main
    # the wait hangs straight under its send step, the step after it straight under the wait
    down = [line for line in layout.lines if line.kind == "next" and line.points[0][1] == layout.steps[2].bottom]
    assert down[0].points == ((layout.steps[2].centre_x, layout.steps[2].bottom), (layout.steps[3].centre_x, layout.steps[3].y))
    branch = next(line for line in layout.lines if line.kind == "branch")
    assert branch.label == "ja" and branch.points[0] == (layout.steps[3].right, layout.steps[3].middle_y)
    assert branch.points[-1] == (layout.steps[5].x, layout.steps[5].middle_y)
    assert {line.label for line in layout.lines if line.kind == "next" and line.points[0][1] == layout.steps[3].bottom} == {"nee"}
    entry = next(line for line in layout.lines if line.kind == "entry")
    assert entry.points[-1][0] == layout.steps[1].x and layout.entries[1].right < main


def test_no_line_runs_through_a_box():
    graph = JourneyGraph(
        steps=(node(1, "branch", next_id=3, branch_id=4), node(2, "exit"), node(3, next_id=1), node(4, "branch", branch_id=2)),
        entries=(EntryNode(step_id=1, labels=("start",)),),
    )
    layout = diagram_layout(graph)
    for line in layout.lines:
        for (x1, y1), (x2, y2) in zip(line.points, line.points[1:]):
            for box in layout.steps.values():
                inside_x = box.x + 1 < max(x1, x2) and min(x1, x2) < box.right - 1
                inside_y = box.y + 1 < max(y1, y2) and min(y1, y2) < box.bottom - 1
                assert not (inside_x and inside_y), (line, box)


def test_a_step_no_trigger_reaches_stays_in_the_main_lane():
    graph = JourneyGraph(steps=(node(1), node(2)), entries=())
    assert step_lanes(graph) == {1: 0, 2: 0}


# Counts, drawing and the panel: on the database.

@pytest.mark.django_db
def test_counts_on_every_step_follow_the_enrolments(rabot, deliver, wake_now):  # noqa: F811
    journey = reminder_journey()
    deliver(event_id="e1", dossier="OMV-1")  # mail bounces: waits, then the sms
    deliver(event_id="e2", dossier="OMV-2")  # mail gets through: waits, then done
    deliver(event_id="e3", dossier="OMV-3")  # stays waiting, then documents come in
    emails = {m.dossier.external_id: m for m in Message.objects.select_related("dossier").filter(channel="email")}
    assert message_transition(message_id=emails["OMV-2"].pk, from_status="sent", to_status="delivered")
    assert message_transition(message_id=emails["OMV-1"].pk, from_status="sent", to_status="failed", detail="bounce")
    deliver(event_id="e4", dossier="OMV-3", milestone="documenten_ontvangen")
    wake_now()
    steps = {step.key: step.pk for step in journey.live_version.steps.all()}
    counts = step_counts(journey.live_version)
    mail, pause, branch, done, sms = (counts[steps[key]] for key in ("mail", "pauze", "als-bounce", "klaar", "sms"))
    assert (mail.entered, mail.sent, mail.delivered, mail.left) == (3, 3, 1, 0)
    assert (pause.entered, pause.waiting, pause.milestone, pause.left) == (3, 0, 1, 1)
    assert (branch.entered, done.entered, done.left, sms.entered, sms.sent) == (2, 1, 1, 1, 1)
    assert sms.left == 1 and sms.milestone == 0


@pytest.mark.django_db
def test_counting_takes_the_same_queries_for_one_citizen_or_many(rabot, deliver, wake_now):  # noqa: F811
    journey = reminder_journey()
    deliver(event_id="e1", dossier="OMV-1")
    with CaptureQueriesContext(connection) as few:
        step_counts(journey.live_version)
    for n in range(2, 8):
        deliver(event_id=f"e{n}", dossier=f"OMV-{n}")
    wake_now()
    with CaptureQueriesContext(connection) as many:
        step_counts(journey.live_version)
    assert len(many) == len(few) <= 4


@pytest.mark.django_db
def test_the_edit_screen_shows_the_diagram_with_counts_and_the_same_counts_as_a_table(rabot, deliver, admin_client):  # noqa: F811
    journey = reminder_journey()
    deliver(event_id="e1")
    page = admin_client.get(reverse("automation_journeys:edit", args=[journey.pk])).content.decode()
    start = page.index("data-journey-diagram-panel")
    svg = page[start : page.index("</svg>", start)]
    assert 'role="img"' in svg and "<title id=\"journey-diagram-title\">Herinnering, versie 1</title>" in svg
    assert "Versturen: mail (mail · e-mail (het eerste dat aankomt)): binnengekomen 1," in svg  # the desc a screen reader reads, with the counts
    assert "binnengekomen 1 · wachtend 0 · verstuurd 1" in svg  # the mail step's box
    assert "Stopt lopende deelnames bij mijlpaal documenten_ontvangen." in svg
    table = page[page.index("data-journey-step-counts") :]
    assert '<th scope="row">Wachten: pauze</th><td>1 uur</td><td data-count="entered">1</td><td data-count="waiting">1</td>' in table


@pytest.mark.django_db
def test_texts_an_editor_typed_are_escaped_in_the_svg(rabot):
    journey = reminder_journey()
    graph = journey_graph(journey.live_version)
    evil = JourneyGraph(steps=(StepNode(id=1, key="<script>", kind="send", detail="a & b"),), entries=())
    svg = journey_diagram_svg(chart_id="d", title="<b>", graph=evil, layout=diagram_layout(evil), counts={})
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;" in svg and "a &amp; b" in svg
    assert len(graph.steps) == 5
