"""`manage.py search_report [--json] [--days N] [--limit N]`: the "Zoekvragen" report on the command line.

The same figures as the admin report (`search/querylog/report.py`): most searched, searched
but nothing found, found but never opened, for the last N days (today included). `--json`
prints one object, `{"since", "until", "top", "no_results", "not_opened", "withheld"}`, each
list of `{"query", "lang", "count"}` (`lang` null: searched in every language); without it a
readable table per list.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from search.querylog.models import WithheldKind
from search.querylog.report import DEFAULT_DAYS, DEFAULT_LIMIT, period_of, search_report

TITLES = {
    "top": "Meest gezocht",
    "no_results": "Gezocht maar niets gevonden",
    "not_opened": "Gevonden maar nooit geopend",
}


class Command(BaseCommand):
    help = "What citizens searched for: most searched, nothing found, found but never opened."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print JSON instead of tables.")
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"The last N days, today included (default {DEFAULT_DAYS}).")
        parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=f"Queries per list at most (default {DEFAULT_LIMIT}).")

    def handle(self, *args, **options):
        if options["days"] < 1:
            raise CommandError("--days must be 1 or more")
        if options["limit"] < 1:
            raise CommandError("--limit must be 1 or more")
        since, until = period_of(options["days"])
        report = search_report(since=since, until=until, limit=options["limit"])
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Zoekvragen van {since.isoformat()} tot en met {until.isoformat()}")
        for section, title in TITLES.items():
            rows = getattr(report, section)
            self.stdout.write("")
            self.stdout.write(f"{title} ({len(rows)})")
            if not rows:
                self.stdout.write("  (geen)")
                continue
            width = max(len(row.query) for row in rows)
            for row in rows:
                self.stdout.write(f"  {row.count:>6}  {row.query.ljust(width)}  {row.language or 'alle talen'}")
        withheld = {kind: n for kind, n in report.withheld.items() if n}
        if withheld:
            labels = dict(WithheldKind.choices)
            self.stdout.write("")
            self.stdout.write("Niet bewaard (leken op persoonsgegevens): "
                              + ", ".join(f"{labels[kind]} {n}" for kind, n in withheld.items()))
