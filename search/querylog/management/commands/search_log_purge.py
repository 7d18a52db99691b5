"""`manage.py search_log_purge [--days N]`: fold pending search log rows, then delete what is past retention.

Beat runs the same every day (`search.querylog.purge`); a site without beat runs this from cron.
"""

from django.core.management.base import BaseCommand, CommandError

from search.querylog.retention import search_log_purge


class Command(BaseCommand):
    help = ("Fold raw search log rows into daily counts, then delete raw rows older than SEARCH_LOG_RETENTION_DAYS "
            "and daily counts older than SEARCH_LOG_DAILY_RETENTION_DAYS.")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep raw rows this many days instead of SEARCH_LOG_RETENTION_DAYS.")

    def handle(self, *args, days=None, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be 1 or more")
        purged = search_log_purge(raw_days=days)
        self.stdout.write(
            f"folded {purged.folded_searches} search(es) and {purged.folded_clicks} click(s); "
            f"deleted {purged.raw_rows} raw row(s) and {purged.daily_rows} daily count(s)"
        )
