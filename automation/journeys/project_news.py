"""Triggers "project moves to another phase" and "event planned for a project", for its followers.

Automation listens to Wagtail's `page_published` (signals.py) and reads the projects
through cms's models; cms knows nothing of this. When a project page (in its source
language) is published, its current phase and its public linked events are compared with
what was last seen (`ProjectWatch`):

- another current phase than before: the followers of the project are enrolled in the live
  journeys with a `project_phase` trigger (occasion `project-phase:<project>:<n>`, n counting
  the project's phase changes, so a project that moves back and forth is news each time);
- a public event linked to the project and not announced before, still to come: enrolled in
  the `project_event` journeys (occasion `project-event:<project>:<event>`). An event
  published after it was linked is caught when the event itself is published.

The first time a project is seen, it is only remembered: nothing changed yet. The row is
locked while compared, so two workers handling two publishes announce a change once.
Each message's context names the project (in the follower's language), the phase or the
event, whether input is possible and until when, and `follow` (the reason line and the
one-click stop link, which the e-mail frame shows: automation/messages/creation.py).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import formats, timezone, translation
from wagtail.models import Page

from automation.contacts.following import follow_context, project_followers
from automation.contacts.projects import project_in_language, source_project
from automation.journeys.models import JourneyTrigger, ProjectWatch
from automation.journeys.news import page_summary
from automation.journeys.triggers import enrol_each, live_triggers, queue_after_commit
from cms.core.publishing import is_public
from cms.projects.input_windows import phase_accepts_input
from cms.projects.models import ProjectEventLink, ProjectPage, ProjectPhase


def human_date(value: date | None, *, language: str) -> str:
    """'15 maart 2027', '15 March 2027', '15 mars 2027'."""
    if value is None:
        return ""
    with translation.override(language):
        return formats.date_format(value, "j F Y")


def _current_phase(project: ProjectPage) -> ProjectPhase | None:
    return ProjectPhase.objects.filter(page_id=project.pk, is_current=True).first()


def _public_events(project: ProjectPage) -> list[Page]:
    links = ProjectEventLink.objects.filter(page_id=project.pk).select_related("event")
    return [link.event for link in links if is_public(link.event)]


def _phase_in_language(phase: ProjectPhase, shown: ProjectPage) -> ProjectPhase:
    if shown.pk == phase.page_id:
        return phase
    return ProjectPhase.objects.filter(page_id=shown.pk, translation_key=phase.translation_key).first() or phase


def _context(subscription, project: ProjectPage, *, phase: ProjectPhase | None = None, event: Page | None = None) -> dict:
    language = subscription.citizen.language
    shown = project_in_language(project, language=language)
    summary = page_summary(shown, language=language)
    context = {
        "project": summary,
        "follow": follow_context(subscription=subscription, project_title=shown.title, language=language),
    }
    current = phase or _current_phase(project)
    if current is not None:
        local = _phase_in_language(current, shown)
        open_now = phase_accepts_input(current)
        context["phase"] = {
            "title": local.title,
            "description": local.description,
            "input_open": open_now,
            "input_until": human_date(current.input_until, language=language) if open_now else "",
        }
    if event is not None:
        specific = event.specific
        start = getattr(specific, "start", None)
        context["event"] = {
            **page_summary(specific, language=language),
            "start": human_date(timezone.localdate(start), language=language) if start else "",
            "time": timezone.localtime(start).strftime("%H:%M") if start else "",
            "location": getattr(specific, "location_name", "") or "",
        }
    return context


def _enrol_followers(kind: str, project: ProjectPage, *, occasion: str, **about) -> list[int]:
    followers = {sub.citizen_id: sub for sub in project_followers(project=project)}
    message_ids: list[int] = []
    for trigger in live_triggers(kind):
        message_ids += enrol_each(
            trigger,
            [sub.citizen for sub in followers.values()],
            occasion=occasion,
            context_for=lambda citizen: _context(followers[citizen.pk], project, **about),
        )
    return message_ids


def projects_of_page(page: Page) -> list[ProjectPage]:
    """The source-language projects a published page is news for: the project itself, or those linking the event."""
    specific = page.specific
    if isinstance(specific, ProjectPage):
        return [source_project(specific)]
    links = ProjectEventLink.objects.filter(event_id=page.pk).select_related("page")
    return list({link.page_id: source_project(link.page) for link in links}.values())


def project_news_check(*, project: ProjectPage, now=None) -> list[int]:
    """Compare the project with what was last seen; enrol followers for what changed. Returns message ids."""
    now = now or timezone.now()
    if not is_public(project):
        return []
    message_ids: list[int] = []
    with transaction.atomic():
        phase = _current_phase(project)
        events = _public_events(project)
        watch, created = ProjectWatch.objects.get_or_create(
            project_id=project.pk,
            defaults={"phase_key": phase.translation_key if phase else None, "event_ids": [e.pk for e in events]},
        )
        if created:
            return []
        watch = ProjectWatch.objects.select_for_update().get(pk=watch.pk)
        changed = []
        if phase is not None and phase.translation_key != watch.phase_key:
            watch.phase_key, watch.phase_changes = phase.translation_key, watch.phase_changes + 1
            changed += ["phase_key", "phase_changes"]
            message_ids += _enrol_followers(
                JourneyTrigger.Kind.PROJECT_PHASE, project,
                occasion=f"project-phase:{project.pk}:{watch.phase_changes}", phase=phase,
            )  # fmt: skip
        for event in events:
            if event.pk in watch.event_ids:
                continue
            watch.event_ids = [*watch.event_ids, event.pk]
            changed.append("event_ids")
            start = getattr(event.specific, "start", None)
            if start is not None and start < now:
                continue  # linked after it took place: nothing to announce
            message_ids += _enrol_followers(
                JourneyTrigger.Kind.PROJECT_EVENT, project, occasion=f"project-event:{project.pk}:{event.pk}", event=event
            )
        if changed:
            watch.save(update_fields=sorted(set(changed)) + ["updated_at"])
        queue_after_commit(message_ids)
    return message_ids


def journeys_project_news(*, page_id: int) -> list[int]:
    """A page was published: if it is a project or an event linked to projects, check those projects."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not is_public(page):
        return []
    message_ids: list[int] = []
    for project in projects_of_page(page):
        message_ids += project_news_check(project=project)
    return message_ids
