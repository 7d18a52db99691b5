"""`python manage.py seed_demo`: build or update the Ghent demo site from the demo JSON.

The work is in cms/importers/seed/; this command only reads options, shows progress on
stderr and prints the summary and the demo accounts.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cms.importers.quiet_log import page_log_quieted
from cms.importers.seed.accounts import DEMO_PASSWORD
from cms.importers.seed.data import DEFAULT_DATA_DIR, DemoDataError
from cms.importers.seed.run import seed_demo


class Command(BaseCommand):
    help = "Bouwt (of werkt bij) de Gentse demosite uit cms/importers/demo_data/*.json. Veilig om te herhalen."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR), help="Map met de demo-JSON-bestanden.")
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk tonen.")

    def handle(self, *args, data_dir, no_progress, **options):
        progress = tqdm(total=0, unit="item", file=self.stderr._out, disable=no_progress, dynamic_ncols=True, delay=0.2)
        try:
            with page_log_quieted(verbosity=options["verbosity"]):
                report = seed_demo(data_dir=data_dir, progress=progress)
        except DemoDataError as error:
            progress.close()
            raise CommandError(f"Demo-data niet geladen, er is niets gewijzigd: {error}") from None

        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"Let op: {warning}"))
        for name in report.ignored_files:
            self.stderr.write(self.style.WARNING(f"Bestand genegeerd (onbekende soort): {name}"))
        counts = ", ".join(f"{kind}: {count}" for kind, count in sorted(report.counts.items()))
        self.stdout.write(f"Klaar. {counts}")
        per_locale = ", ".join(f"{code}: {count}" for code, count in report.live_pages.items())
        self.stdout.write(f"Live pagina's: {report.total_live_pages} ({per_locale})")
        self.stdout.write(f"Demo-accounts (wachtwoord '{DEMO_PASSWORD}'): {', '.join(report.accounts)}")
        self.stdout.write(self.style.SUCCESS("Admin: /admin/"))
