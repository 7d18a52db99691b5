"""`manage.py webhook_endpoint NAME URL`: register (or update) a front end that gets page webhooks.

Endpoints are admin rows (Instellingen > Webhooks); this command is for deploy scripts and
`make demo`, which must wire the citizen site without a person clicking. The shared secret
is read from an environment variable (never from the command line, where `ps` shows it).
Re-running with the same name updates the row in place.
"""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from cms.api.webhooks.models import WebhookEndpoint

MIN_SECRET_LENGTH = 16


class Command(BaseCommand):
    help = "Register or update a webhook endpoint (name, URL, secret from an environment variable)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("url")
        parser.add_argument(
            "--secret-env",
            default="VRIJHAVEN_WEBHOOK_SECRET",
            help="Environment variable holding the shared secret (default VRIJHAVEN_WEBHOOK_SECRET).",
        )

    def handle(self, *args, name: str, url: str, secret_env: str, **options):
        try:
            URLValidator(schemes=("http", "https"))(url)
        except ValidationError:
            raise CommandError(f"url: {url!r} is not an http(s) URL") from None
        secret = os.environ.get(secret_env, "")
        if len(secret) < MIN_SECRET_LENGTH:
            raise CommandError(f"{secret_env}: set it to the shared secret, at least {MIN_SECRET_LENGTH} characters")
        endpoint, created = WebhookEndpoint.objects.update_or_create(
            name=name, defaults={"url": url, "secret": secret, "active": True}
        )
        self.stdout.write(f"{'Created' if created else 'Updated'} webhook endpoint {endpoint.name!r} -> {endpoint.url}")
