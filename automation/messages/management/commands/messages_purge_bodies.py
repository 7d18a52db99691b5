"""`manage.py messages_purge_bodies [--days N]`: empty the bodies of final messages past retention."""

from django.core.management.base import BaseCommand

from automation.messages.retention import message_bodies_purge


class Command(BaseCommand):
    help = "Empty body, HTML and headers of sent/failed messages older than AUTOMATION_MESSAGE_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override the retention period, in days.")

    def handle(self, *args, days=None, **options):
        purged = message_bodies_purge(older_than_days=days)
        self.stdout.write(f"{purged} message(s) purged")
