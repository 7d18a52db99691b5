"""`manage.py import_policy_note PATH [--json]`: the policy note as themed pages.

Thin on purpose: the work is `policy_note_import`; this turns its result into text for a
person or JSON for a script, and any `PolicyNoteError` into a CommandError naming the file.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.importers.policy_note.errors import PolicyNoteError
from cms.importers.policy_note.importer import INDEX_TITLE, ImportStatus, policy_note_import
from cms.importers.quiet_log import page_log_quieted

STATUS_WORDS = {ImportStatus.CREATED: "nieuw", ImportStatus.UPDATED: "bijgewerkt", ImportStatus.UNCHANGED: "ongewijzigd"}


class Command(BaseCommand):
    help = (
        "Import the communication and brand policy note (text extracted from the PDF) as a section of "
        "theme pages under the Dutch home page. Re-running updates the same pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the note as UTF-8 text")
        parser.add_argument(
            "--json",
            action="store_true",
            help='print the sections as a JSON array of {"number", "title", "url"}; the foreword has number null',
        )

    def handle(self, *args, path: Path, **options):
        try:
            with page_log_quieted(verbosity=options["verbosity"]):
                sections = policy_note_import(path=path)
        except PolicyNoteError as error:
            raise CommandError(f"{path}: {error}") from error

        if options["json"]:
            rows = [{"number": s.number, "title": s.title, "url": s.url} for s in sections]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for section in sections if options["verbosity"] >= 1 else ():  # -v 0: the summary line alone
            indent = "    " if section.number and "." in section.number else "  "
            self.stdout.write(f"{indent}{section.title}  {section.url}  ({STATUS_WORDS[section.status]})")
        counts = {status: sum(s.status == status for s in sections) for status in ImportStatus}
        self.stdout.write(
            self.style.SUCCESS(
                f"{INDEX_TITLE}: {len(sections)} pagina's "
                f"({counts[ImportStatus.CREATED]} nieuw, {counts[ImportStatus.UPDATED]} bijgewerkt, "
                f"{counts[ImportStatus.UNCHANGED]} ongewijzigd)"
            )
        )
