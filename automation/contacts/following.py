"""Following a project: who follows it, the reason line of their messages, the one-click stop.

Subscriptions of kind `project` are made through the subscribe form with double opt-in
(subscribing.py); this module is what the journeys and the stop link need of them.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from automation.contacts.models import Subscription
from automation.contacts.projects import project_in_language
from automation.contacts.tokens import stop_token

Status = Subscription.Status

REASON = {
    "nl": "U krijgt dit bericht omdat u het project {project} volgt.",
    "en": "You receive this message because you follow the project {project}.",
    "fr": "Vous recevez ce message parce que vous suivez le projet {project}.",
}
STOP_LABEL = {
    "nl": "Dit project niet meer volgen (met één klik)",
    "en": "Stop following this project (one click)",
    "fr": "Ne plus suivre ce projet (en un clic)",
}


def project_followers(*, project) -> QuerySet[Subscription]:
    """Active follow subscriptions of this (source-language) project, with their citizens."""
    return (
        Subscription.objects.filter(kind=Subscription.Kind.PROJECT, project_id=project.pk, status=Status.ACTIVE)
        .select_related("citizen", "citizen__wijk")
        .order_by("citizen_id")
    )


def stop_url(*, subscription: Subscription) -> str:
    path = reverse("automation:stop-following", args=[stop_token(subscription=subscription)])
    return settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + path


def follow_context(*, subscription: Subscription, project_title: str, language: str) -> dict:
    """The `follow` placeholders: the reason line and the stop link every project message carries."""
    reason = REASON.get(language, REASON["nl"]).format(project=project_title)
    return {"project": project_title, "reason": reason, "stop_url": stop_url(subscription=subscription),
            "stop_label": STOP_LABEL.get(language, STOP_LABEL["nl"])}  # fmt: skip


def followed_title(*, subscription: Subscription, language: str) -> str:
    if subscription.project_id is None:
        return ""
    return project_in_language(subscription.project.specific, language=language).title


def follow_stop(*, subscription: Subscription) -> None:
    Subscription.objects.filter(pk=subscription.pk).exclude(status=Status.ENDED).update(
        status=Status.ENDED, ended_at=timezone.now()
    )
