"""What a citizen asks to follow, as subscription targets: wijken, themes, press releases, crisis alerts, projects.

One shape for the subscribe form and the preference centre, so both write the same rows.
A crisis subscription made here is city-wide (no wijk): an alert for any wijk reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass

from automation.contacts.models import Citizen, Subscription

Kind = Subscription.Kind


@dataclass(frozen=True)
class Targets:
    wijken: tuple = ()  # cms.core Wijk rows
    themes: tuple = ()  # source-locale cms.core Theme rows
    press: bool = False
    crisis: bool = False
    projects: tuple = ()  # source-locale cms.projects ProjectPage rows

    def keys(self) -> list[tuple[str, int | None, int | None, int | None]]:
        """(kind, wijk id, theme id, project id) of every subscription these targets stand for."""
        keys = [(Kind.WIJK_NEWS.value, wijk.pk, None, None) for wijk in self.wijken]
        keys += [(Kind.THEME.value, None, theme.pk, None) for theme in self.themes]
        if self.press:
            keys.append((Kind.PRESS.value, None, None, None))
        if self.crisis:
            keys.append((Kind.CRISIS.value, None, None, None))
        keys += [(Kind.PROJECT.value, None, None, project.pk) for project in self.projects]
        return keys


def subscription_key(subscription: Subscription) -> tuple[str, int | None, int | None, int | None]:
    return (subscription.kind, subscription.wijk_id, subscription.theme_id, subscription.project_id)


def subscriptions_by_key(*, citizen: Citizen) -> dict[tuple, Subscription]:
    return {subscription_key(sub): sub for sub in Subscription.objects.filter(citizen=citizen)}
