"""`manage.py print_batch [--output DIR] [--limit N]`: every letter waiting to be posted, as one print batch (zip).

The letters are `sent` once the zip is written whole; hand the zip to the print house.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from automation.messages.print_batch import default_output_dir, print_batch_create


class Command(BaseCommand):
    help = "Render waiting letters to PDF and collect them in one print batch (zip with manifest.json)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help=f"Folder for the batch (default: {default_output_dir()}).")
        parser.add_argument("--limit", type=int, help="At most this many letters in this batch.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, output=None, limit=None, no_progress=False, **options):
        if limit is not None and limit < 1:
            raise CommandError("--limit: must be 1 or more")

        def progress(letters, total):
            return tqdm(letters, total=total, desc="brieven", unit="brief", disable=no_progress, file=self.stderr)

        batch = print_batch_create(output_dir=output, limit=limit, progress=progress)
        if batch.recovered:
            self.stdout.write(f"{batch.recovered} letter(s) found in an earlier batch after a lost run: not printed again")
        if batch.suppressed:
            self.stdout.write(f"{batch.suppressed} letter(s) held back (no consent or no address any more)")
        if batch.path is None:
            self.stdout.write("No letters waiting.")
            return
        self.stdout.write(f"{batch.letters} letter(s) in {batch.path}")
