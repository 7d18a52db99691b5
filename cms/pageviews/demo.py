"""Demo page views: thirty days of visits to the demo's pages and a few referring domains.

So the report "Bezoeken" and the panel beside each page have a trend to show in a fresh
demo. The numbers are made up but steady (a seeded generator): busier on weekdays, the
home pages and section pages busiest. Added once: a database that has counted views
already is left alone.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from cms.core.publishing import public_pages
from cms.pageviews.models import PageViewDay, ReferrerDay

DAYS = 30
REFERRERS = {"google.com": 40, "stad.gent": 12, "facebook.com": 8, "duckduckgo.com": 4, "nieuwsblad.be": 3, "bing.com": 2}


def demo_page_views_install(*, days: int = DAYS) -> int:
    """Add the demo's views; returns the number of daily rows made (0 when views were counted before)."""
    if PageViewDay.objects.exists():
        return 0
    generator = random.Random(20261206)
    today = timezone.localdate()
    pages = list(public_pages().filter(depth__gt=1).order_by("path").values_list("pk", "depth"))
    rows, referrers = [], []
    for offset in range(days):
        day = today - timedelta(days=offset)
        weekday = 1.0 if day.weekday() < 5 else 0.5
        for pk, depth in pages:
            base = {2: 120, 3: 40}.get(depth, 8)
            views = int(base * weekday * generator.uniform(0.5, 1.5))
            if views:
                rows.append(PageViewDay(page_id=pk, day=day, views=views))
        for domain, base in REFERRERS.items():
            referrers.append(ReferrerDay(domain=domain, day=day, views=max(1, int(base * weekday * generator.uniform(0.5, 1.5)))))
    PageViewDay.objects.bulk_create(rows, batch_size=1000)
    ReferrerDay.objects.bulk_create(referrers, batch_size=1000)
    return len(rows)
