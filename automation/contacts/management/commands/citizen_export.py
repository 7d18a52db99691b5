"""`manage.py citizen_export REF [--actor NAME]`: everything held on a citizen, as JSON (logged)."""

import getpass
import json

from django.core.management.base import BaseCommand, CommandError

from automation.contacts.models import Citizen
from automation.contacts.privacy import citizen_export


class Command(BaseCommand):
    help = "Print everything held on one citizen as JSON. The export is recorded in the access log."

    def add_arguments(self, parser):
        parser.add_argument("ref", help="The citizen's reference.")
        parser.add_argument("--actor", help="Who asks (default: the shell user).")

    def handle(self, *args, ref, actor=None, **options):
        citizen = Citizen.objects.filter(ref=ref).first()
        if citizen is None:
            raise CommandError(f"No citizen with reference {ref!r}.")
        data = citizen_export(citizen=citizen, actor=actor or f"command:{getpass.getuser()}")
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
