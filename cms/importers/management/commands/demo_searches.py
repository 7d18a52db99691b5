"""`python manage.py demo_searches`: give the demo's report "Zoekvragen" a morning of real searches.

The work is in cms/importers/demo_searches.py; this command shows progress on stderr and
prints what was asked, found and opened. For the demo site only: it asks the search API
as `localhost`.
"""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from cms.importers.demo_searches import demo_questions, demo_searches_replay


class Command(BaseCommand):
    help = "Stelt de vragen van de zoek-evaluatieset aan de demosite, zodat het rapport Zoekvragen cijfers toont."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk tonen.")

    def handle(self, *args, no_progress, **options):
        with tqdm(total=len(demo_questions()), unit="vraag", file=self.stderr._out, disable=no_progress,
                  dynamic_ncols=True, delay=0.2) as progress:  # fmt: skip
            result = demo_searches_replay(step=progress.update)
        if result.skipped:
            self.stdout.write("Het zoeklogboek bevat al zoekvragen: niets opnieuw gevraagd.")
            return
        self.stdout.write(
            f"Zoekvragen: {result.searches} gesteld, {result.nothing_found} zonder resultaat, "
            f"{result.opened} keer een resultaat geopend. Rapport: /admin/ > Rapporten > Zoekvragen"
        )
