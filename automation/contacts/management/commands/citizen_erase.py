"""`manage.py citizen_erase REF --yes [--actor NAME]`: forget a citizen (contact deleted, history anonymised)."""

import getpass
import json

from django.core.management.base import BaseCommand, CommandError

from automation.contacts.models import Citizen
from automation.contacts.privacy import citizen_erase


class Command(BaseCommand):
    help = "Delete a citizen's contact data and anonymise their message history. Cannot be undone."

    def add_arguments(self, parser):
        parser.add_argument("ref", help="The citizen's reference.")
        parser.add_argument("--yes", action="store_true", help="Confirm: this cannot be undone.")
        parser.add_argument("--actor", help="Who asks (default: the shell user).")

    def handle(self, *args, ref, yes=False, actor=None, **options):
        citizen = Citizen.objects.filter(ref=ref).first()
        if citizen is None:
            raise CommandError(f"No citizen with reference {ref!r}.")
        if not yes:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")
        counts = citizen_erase(citizen=citizen, actor=actor or f"command:{getpass.getuser()}")
        self.stdout.write(json.dumps(counts))
