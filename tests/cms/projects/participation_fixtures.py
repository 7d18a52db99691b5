"""A project with a phase open for input and a linked event, for the participation tests."""

import datetime

from django.utils import timezone

from cms.projects.models import ProjectEventLink, ProjectPhase


def open_for_input(project, *, until=None, question="", options="", event=None):
    """Give `project` a current phase open for input (until `until`, default in 30 days) and publish it."""
    until = until or timezone.localdate() + datetime.timedelta(days=30)
    project.phases.add(
        ProjectPhase(title="Ontwerp", is_current=False, outcome="U vroeg meer groen: er komen 40 bomen bij."),
        ProjectPhase(
            title="Beleid in ontwikkeling",
            is_current=True,
            input_open=True,
            input_until=until,
            question=question,
            question_options=options,
        ),
    )
    if event is not None:
        project.event_links.add(ProjectEventLink(event=event))
    project.save_revision().publish()
    project.refresh_from_db()
    return ProjectPhase.objects.get(page_id=project.pk, is_current=True)
