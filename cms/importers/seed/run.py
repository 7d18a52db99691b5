"""The seed as one transaction: every step runs, or nothing is left behind.

Steps run in dependency order (the skeleton before content, contacts before releases,
wijk pages before the magazines that live under them, pages before the permissions that
point at them), then what other apps contribute (`contributions.py`: the automation demo).
Each step is looked up at call time, so a test can make one fail halfway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import Page

from cms.core.editors import editorial_network_ensure
from cms.importers.seed import accounts, events, neighbourhoods, pressroom, projects, structure, taxonomy, themes
from cms.importers.seed.experiments import seed_page_experiment
from cms.importers.seed.context import NoProgress, SeedContext
from cms.importers.seed.contributions import demo_contributions
from cms.importers.seed.data import DEFAULT_DATA_DIR, load_demo_data
from cms.importers.seed.media import DemoMedia
from cms.pageviews.demo import demo_page_views_install


@dataclass
class SeedReport:
    counts: dict[str, int]
    warnings: list[str]
    ignored_files: list[str]
    accounts: list[str]
    live_pages: dict[str, int] = field(default_factory=dict)

    @property
    def total_live_pages(self) -> int:
        return sum(self.live_pages.values())


def _live_pages_by_locale() -> dict[str, int]:
    live = Page.objects.live().filter(depth__gt=1)
    return {code: live.filter(locale__language_code=code).count() for code in structure.LOCALE_CODES}


def seed_demo(*, data_dir: Path | str = DEFAULT_DATA_DIR, progress=None) -> SeedReport:
    """Build or update the demo site; raises DemoDataError (and rolls back) on bad data."""
    data = load_demo_data(data_dir)
    progress = NoProgress() if progress is None else progress
    if hasattr(progress, "total"):  # a tqdm bar made before the data was read
        progress.total = data.item_count()
        progress.refresh()
    with transaction.atomic():
        ctx = SeedContext(locales=structure.ensure_locales(), media=DemoMedia(), progress=progress)
        taxonomy.seed_taxonomies(ctx, data)
        sections = structure.seed_structure(ctx, data)
        contacts = pressroom.seed_press_contacts(ctx, data)
        themes.seed_theme_pages(ctx, data, sections)
        wijk_pages = neighbourhoods.seed_wijk_pages(ctx, data, sections)
        neighbourhoods.seed_magazines(ctx, data, sections, wijk_pages)
        pressroom.seed_press_releases(ctx, data, sections, contacts)
        projects.seed_projects(ctx, data, sections)
        events.seed_events(ctx, data, sections)
        projects.seed_project_events(ctx, data, sections)
        seed_page_experiment(ctx)
        ctx.step("Redactiegroepen en workflow")
        editorial_network_ensure()
        usernames = accounts.seed_accounts(ctx, data)
        ctx.step("Bezoeken (demo)")
        ctx.counts["page_view_days"] = demo_page_views_install()
        for contribution in demo_contributions():  # what apps above the content hub add (journeys, citizens)
            ctx.step(contribution.label)
            contribution.install()
        images, documents = ctx.media.counts()
        ctx.counts["images"], ctx.counts["documents"] = images, documents
        report = SeedReport(
            counts=dict(ctx.counts),
            warnings=ctx.warnings,
            ignored_files=data.ignored_files,
            accounts=usernames,
            live_pages=_live_pages_by_locale(),
        )
    progress.close()
    return report
