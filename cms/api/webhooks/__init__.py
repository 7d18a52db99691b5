"""Outgoing webhooks: tell each front end when a page is published, unpublished, moved or
deleted, so it can revalidate its cached copy at once instead of waiting for max-age.

Front ends are `WebhookEndpoint` rows (a snippet in Wagtail admin, see models.py for why
not a setting). Each event becomes one `WebhookDelivery` row per endpoint, stored in the
transaction that changed the page; its id is queued after commit (signals.py); a task
POSTs the signed body with no transaction open, retrying with backoff (delivery.py).
"""
