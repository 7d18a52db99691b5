"""`manage.py print_edition EDITION --variant print|accessible|large-print --output FILE [--json] [--store]`.

EDITION is an edition's id or its public path. Writes the PDF for the print shop, for
screen readers or in large print; `--json` prints {"path", "pages", "bytes", "articles"}
instead of a progress bar; `--store` also keeps it as the edition's print version (a
Wagtail document the citizen site offers), as the admin's "Drukversie maken" does.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cms.neighbourhoods.print.lookup import EditionNotFound, edition_find
from cms.neighbourhoods.print.services import edition_print_file
from cms.neighbourhoods.print.variants import PrintVariant


class Command(BaseCommand):
    help = "Lay out a magazine edition as a PDF: print (A4, bleed, crop marks), accessible (tagged) or large print."

    def add_arguments(self, parser):
        parser.add_argument("edition", help="The edition's id or public path (nl/wijken/<wijk>/<magazine>/<edition>).")
        parser.add_argument("--variant", default=PrintVariant.PRINT, help="print, accessible or large-print.")
        parser.add_argument("--output", type=Path, required=True, help="The PDF file to write.")
        parser.add_argument("--json", action="store_true", help='Print {"path", "pages", "bytes", "articles"}.')
        parser.add_argument("--store", action="store_true", help="Also store it as the edition's print version.")

    def handle(self, *args, edition, variant, output, json=False, store=False, **options):
        if variant not in PrintVariant.values:
            raise CommandError(f"--variant: {variant!r} is not one of {', '.join(PrintVariant.values)}")
        if output.is_dir() or not output.parent.is_dir():
            raise CommandError(f"--output: {output} is not a file in an existing folder")
        try:
            page = edition_find(edition)
        except EditionNotFound as error:
            raise CommandError(f"EDITION: {error}") from None
        bar = None if json else tqdm(total=1, desc=f"{page.title} ({variant})", unit="stap", file=self.stderr)

        def progress(done: int, total: int) -> None:
            if bar is not None:
                bar.total = total
                bar.n = done
                bar.refresh()

        try:
            rendered = edition_print_file(edition=page, variant=variant, output=output, progress=progress, store=store)
        finally:
            if bar is not None:
                bar.close()
        facts = {"path": str(output.resolve()), "pages": rendered.pages, "bytes": len(rendered.pdf),
                 "articles": rendered.articles}
        if json:
            self.stdout.write(_dumps(facts))
        else:
            self.stdout.write(f"{facts['pages']} page(s), {facts['articles']} article(s), {facts['bytes']} bytes: {facts['path']}")


def _dumps(facts: dict) -> str:
    return json.dumps(facts, ensure_ascii=False)
