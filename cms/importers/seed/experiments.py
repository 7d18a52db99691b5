"""The demo's page experiment: two texts for the button on the green-roof subsidy theme page.

So the demo shows a running experiment end to end (the citizen site draws a version per
view and counts the button's clicks; the admin shows the results), the seed starts one on
a real page with a real call to action (one no benchmark or other browser test reads, so
their figures stay those of a cached page). Idempotent like the rest of the seed: an
experiment already on that page (running or stopped by an editor) is left as it is.
"""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Locale

from cms.experiments.pages.models import ExperimentField, PageExperiment, PageExperimentVersion
from cms.experiments.pages.validation import VersionDraft, default_measured_link, page_experiment_problems
from cms.importers.seed.context import SeedContext
from cms.themes.models import ThemePage

PAGE_SLUG = "groendak-subsidie"
NAME = "Knoptekst groendaksubsidie"
VERSION_B = "Vraag uw groendakpremie nu aan"


class DemoExperimentError(RuntimeError):
    pass


def seed_page_experiment(ctx: SeedContext) -> PageExperiment | None:
    ctx.step("Pagina-experiment")
    page = ThemePage.objects.filter(slug=PAGE_SLUG, locale=Locale.objects.get(language_code="nl")).first()
    if page is None:
        ctx.warn(f"no theme page '{PAGE_SLUG}': the demo has no page experiment")
        return None
    existing = PageExperiment.objects.filter(page=page).first()
    if existing is not None:
        return existing
    versions = [VersionDraft(VERSION_B, 50)]
    now = timezone.now()
    measured_link = default_measured_link(page)
    problems = page_experiment_problems(page=page, field=ExperimentField.CALL_TO_ACTION, measured_link=measured_link,
                                        control_weight=50, versions=versions, starts_at=now, ends_at=None)
    if problems:
        raise DemoExperimentError(f"the demo experiment on {PAGE_SLUG} is not valid: {problems}")
    experiment = PageExperiment.objects.create(
        name=NAME, page=page, field=ExperimentField.CALL_TO_ACTION, measured_link=measured_link,
        control_weight=50, starts_at=now)
    PageExperimentVersion.objects.create(experiment=experiment, text=VERSION_B, weight=50, sort_order=0)
    ctx.counts["page experiments"] += 1
    return experiment
