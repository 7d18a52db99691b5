"""Triggers besides dossier milestones: a page published, a new subscription, a schedule.

Each enrols the matching subscribers of the active journeys' live versions, through
`enrolment_start`, which is unique per (journey, citizen, occasion):

- page published (`page:<translation key>`), for a page the public can see now (the page
  kernel's rule: not under an unpublished section, not past its expiry) first published
  in the last day: a republish, or the publication of a translation, of the same page
  enrols nobody again, and an old page edited and republished is not news;
- new subscription (`subscription:<id>`);
- schedule (`schedule:<period start>`): run from the `automation.wake_enrolments` beat
  task every minute; a `ScheduleRun` row per trigger and period is claimed first, so a
  beat firing twice (or two beat processes) runs a period once.

New messages are queued after the transaction commits (persist first, then queue ids).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from automation.contacts.models import Citizen, Subscription
from automation.contacts.selectors import citizen_consents
from automation.journeys.conditions import conditions_hold
from automation.journeys.models import Journey, JourneyTrigger, ScheduleRun
from automation.journeys.news import page_summary, pages_published_between
from automation.journeys.runtime import enrolment_start
from automation.journeys.schedules import period_start
from automation.messages.queueing import messages_queue
from cms.core.publishing import is_public

logger = logging.getLogger(__name__)

# A page counts as new while its first publication is this recent: editing an old page
# and publishing it again mails nobody.
NEW_PAGE_WINDOW = timedelta(days=1)


def live_triggers(kind: str) -> QuerySet[JourneyTrigger]:
    return JourneyTrigger.objects.filter(
        kind=kind,
        action=JourneyTrigger.Action.ENROL,
        version__journey__status=Journey.Status.ACTIVE,
        version=F("version__journey__live_version"),
    ).select_related("version__journey", "entry_step", "wijk", "theme")


def subscribers(*, kind: str = "", wijk=None, theme=None) -> QuerySet[Citizen]:
    """Citizens with an active subscription of `kind` (any when empty), to `wijk`/`theme` when given."""
    subscriptions = Subscription.objects.filter(status=Subscription.Status.ACTIVE)
    if kind:
        subscriptions = subscriptions.filter(kind=kind)
    if wijk is not None:
        subscriptions = subscriptions.filter(wijk=wijk)
    if theme is not None:
        subscriptions = subscriptions.filter(theme=theme)
    return Citizen.objects.filter(pk__in=subscriptions.values("citizen")).select_related("wijk").order_by("pk")


def page_audience(*, wijken, themes) -> QuerySet[Citizen]:
    """Active subscribers to the news of one of these wijken or to one of these themes."""
    targets = Q(kind=Subscription.Kind.WIJK_NEWS, wijk__in=wijken) | Q(kind=Subscription.Kind.THEME, theme__in=themes)
    subscriptions = Subscription.objects.filter(targets, status=Subscription.Status.ACTIVE)
    return Citizen.objects.filter(pk__in=subscriptions.values("citizen")).select_related("wijk").order_by("pk")


def enrol_each(trigger: JourneyTrigger, citizens, *, occasion: str, context_for) -> list[int]:
    """Enrol each citizen whose conditions hold; returns the new messages' ids."""
    message_ids: list[int] = []
    for citizen in citizens:
        context = context_for(citizen)
        consents = citizen_consents(citizen=citizen)
        if not conditions_hold(version=trigger.version, citizen=citizen, data=context, consents=consents):
            continue
        message_ids += enrolment_start(trigger=trigger, citizen=citizen, occasion=occasion, context=context)
    return message_ids


def queue_after_commit(message_ids: list[int]) -> None:
    if message_ids:
        transaction.on_commit(partial(messages_queue, message_ids=message_ids), robust=True)


def journeys_page_published(*, page_id: int) -> list[int]:
    """Enrol the subscribers of a just-published page's wijken and themes, once per page."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None or not is_public(page):
        return []
    if page.first_published_at is None or page.first_published_at < timezone.now() - NEW_PAGE_WINDOW:
        return []  # an old page edited and published again is not news
    page = page.specific
    wijken = list(page.wijken.all()) if hasattr(page, "wijken") else []
    themes = list(page.themes.all()) if hasattr(page, "themes") else []
    if not wijken and not themes:
        return []
    summaries: dict[str, dict] = {}

    def context_for(citizen):
        if citizen.language not in summaries:
            summaries[citizen.language] = page_summary(page, language=citizen.language)
        return {"page": summaries[citizen.language]}

    message_ids: list[int] = []
    with transaction.atomic():
        for trigger in live_triggers(JourneyTrigger.Kind.PAGE_PUBLISHED):
            if trigger.wijk_id and trigger.wijk not in wijken or trigger.theme_id and trigger.theme not in themes:
                continue
            if trigger.wijk_id or trigger.theme_id:
                audience = page_audience(
                    wijken=[trigger.wijk] if trigger.wijk_id else [], themes=[trigger.theme] if trigger.theme_id else []
                )
            else:
                audience = page_audience(wijken=wijken, themes=themes)
            message_ids += enrol_each(
                trigger, audience, occasion=f"page:{page.translation_key}", context_for=context_for
            )
        queue_after_commit(message_ids)
    return message_ids


def journeys_subscription_confirmed(*, subscription: Subscription) -> list[int]:
    """Enrol the citizen of a newly active subscription in journeys listening for its kind."""
    message_ids: list[int] = []
    context = {
        "subscription": {
            "kind": subscription.kind,
            "wijk": subscription.wijk.name if subscription.wijk_id else "",
            "theme": subscription.theme.name if subscription.theme_id else "",
        }
    }
    with transaction.atomic():
        for trigger in live_triggers(JourneyTrigger.Kind.SUBSCRIPTION):
            if trigger.subscription_kind and trigger.subscription_kind != subscription.kind:
                continue
            if trigger.wijk_id and trigger.wijk_id != subscription.wijk_id:
                continue
            message_ids += enrol_each(
                trigger, [subscription.citizen], occasion=f"subscription:{subscription.pk}", context_for=lambda c: context
            )
        queue_after_commit(message_ids)
    return message_ids


def journeys_run_schedules(*, now=None) -> int:
    """Run every schedule trigger whose current period has not run yet; returns enrolments made."""
    now = now or timezone.now()
    total = 0
    for trigger in live_triggers(JourneyTrigger.Kind.SCHEDULE):
        start = period_start(trigger.schedule, now=now)
        if start is not None and not ScheduleRun.objects.filter(trigger=trigger, period=start.isoformat()).exists():
            total += schedule_run(trigger=trigger, start=start)
    return total


def schedule_run(*, trigger: JourneyTrigger, start) -> int:
    """One period of one schedule trigger, at most once (the ScheduleRun row is the claim)."""
    try:
        with transaction.atomic():
            run = ScheduleRun.objects.create(trigger=trigger, period=start.isoformat())
            since = start - _period_length(trigger)
            pages = []
            if trigger.wijk_id:
                pages = pages_published_between(wijk=trigger.wijk, start=since, end=start)
            if trigger.only_with_news and not pages:
                run.detail = "niets nieuws: niets verstuurd"
                run.save(update_fields=["detail"])
                return 0
            audience = subscribers(kind=trigger.subscription_kind, wijk=trigger.wijk, theme=trigger.theme)

            def context_for(citizen):
                return {
                    "wijk": {"name": trigger.wijk.name if trigger.wijk_id else "", "slug": getattr(trigger.wijk, "slug", "")},
                    "pages": [page_summary(page, language=citizen.language) for page in pages],
                    "period": {"start": since.date().isoformat(), "end": start.date().isoformat()},
                }

            message_ids = enrol_each(trigger, audience, occasion=f"schedule:{run.period}", context_for=context_for)
            run.enrolled = trigger.version.journey.enrolments.filter(occasion=f"schedule:{run.period}").count()
            run.save(update_fields=["enrolled"])
            queue_after_commit(message_ids)
            return run.enrolled
    except IntegrityError:
        logger.info("Schedule of %s for %s already ran", trigger, start.isoformat())
        return 0


def _period_length(trigger: JourneyTrigger) -> timedelta:
    return timedelta(days=1) if trigger.schedule.split()[-1] == "*" else timedelta(days=7)
