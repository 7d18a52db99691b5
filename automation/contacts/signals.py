"""Signals other automation parts listen to, so contacts never imports journeys.

`subscription_confirmed` is sent (after commit) when a subscription becomes active: an email
subscription whose double opt-in link was followed, or a subscription that needs no
confirmation. Journeys with a "new subscription" trigger enrol the citizen on it.
Arguments: `subscription` (automation.contacts.models.Subscription).
"""

from django.dispatch import Signal

subscription_confirmed = Signal()
