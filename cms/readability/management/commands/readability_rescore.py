"""`manage.py readability_rescore`: score every live page now (after an upgrade, or a glossary overhaul).

Publishing scores a page by itself (a task); this fills the report for pages published
before the readability app existed, in one process, without a queue.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from wagtail.models import Page

from cms.readability.services import page_readability_record


class Command(BaseCommand):
    help = "Score every live page's readability and store it for the admin report."

    def handle(self, *args, **options):
        ids = list(Page.objects.filter(live=True, depth__gt=1).values_list("pk", flat=True))
        stored = sum(1 for page_id in ids if page_readability_record(page_id=page_id) is not None)
        self.stdout.write(f"{stored} live pages scored.")
