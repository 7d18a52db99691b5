"""`manage.py subscriptions_purge_unconfirmed`: forget subscribe-form requests whose link expired unconfirmed."""

import json

from django.core.management.base import BaseCommand

from automation.contacts.unconfirmed import unconfirmed_purge


class Command(BaseCommand):
    help = "Delete unconfirmed subscription requests older than the link's 7 days, and what only they held."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(unconfirmed_purge()))
