"""`manage.py messages_log [--json] [--dossier ID] [--citizen REF] [--journey SLUG]`: the message log.

With --json, a JSON array (one object per message, with its status history); without, one
line per message for a terminal. Addresses are masked: a log is not an address book.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from automation.messages.selectors import message_log, message_log_entry


class Command(BaseCommand):
    help = "Print the messages sent (or being sent), with their status history."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print a JSON array.")
        parser.add_argument("--dossier", help="Only messages about this dossier (its number in the case system).")
        parser.add_argument("--citizen", help="Only messages to this citizen (their reference).")
        parser.add_argument("--journey", help="Only messages of this journey (its slug).")

    def handle(self, *args, **options):
        messages = message_log(dossier=options["dossier"], citizen=options["citizen"], journey=options["journey"])
        entries = [message_log_entry(message) for message in messages.iterator(chunk_size=500)]
        if options["json"]:
            self.stdout.write(json.dumps(entries, ensure_ascii=False, indent=2))
            return
        for entry in entries:
            self.stdout.write(
                f"{entry['created_at'][:19]}  {entry['channel']:<6} {entry['status']:<10} "
                f"{entry['journey'] or '-'} / {entry['milestone'] or '-'}  dossier {entry['dossier'] or '-'}  "
                f"{entry['language']}  {entry['recipient']}"
            )
        self.stdout.write(f"{len(entries)} message(s)")
