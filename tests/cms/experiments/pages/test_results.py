"""The results: tallies per version from the stored views, the kernel's decision and verdict."""

from datetime import timedelta

from django.utils import timezone

from cms.experiments.pages.models import PageView
from cms.experiments.pages.results import page_experiment_results, version_tallies
from cms.experiments.statistics import ArmTally, Decision


def views(experiment, version, *, shown, clicked):
    now = timezone.now()
    PageView.objects.bulk_create(
        [PageView(experiment=experiment, version=version, clicked_at=now if i < clicked else None) for i in range(shown)])


def test_tallies_count_views_and_clicks_per_version_with_zero_for_unseen(start_experiment):
    experiment = start_experiment(texts=("B-tekst", "C-tekst"), control_weight=34, weights=[33, 33])
    views(experiment, "A", shown=5, clicked=2)
    views(experiment, "C", shown=3, clicked=3)
    assert version_tallies(experiment=experiment) == [ArmTally("A", 5, 2), ArmTally("B", 0, 0), ArmTally("C", 3, 3)]


def test_a_clear_winner_is_named_with_the_button_outcome(start_experiment):
    experiment = start_experiment()
    views(experiment, "A", shown=3000, clicked=300)
    views(experiment, "B", shown=3000, clicked=450)
    results = page_experiment_results(experiment=experiment)
    assert results.comparison.decision == Decision.WINNER and results.comparison.winner == "B"
    assert results.verdict.startswith("Versie B brengt") and "op de knop te klikken" in results.verdict
    row_b = results.rows[1]
    assert (row_b.exposed, row_b.clicked, row_b.rate) == (3000, 450, 15.0)
    assert 0 < row_b.low < row_b.difference < row_b.high  # percentage points above A
    assert "Versie B: " in results.chart


def test_views_from_another_experiment_do_not_count(start_experiment, tree):
    first = start_experiment()
    first.status = "stopped"
    first.save()
    second = start_experiment()
    views(first, "A", shown=4, clicked=1)
    assert version_tallies(experiment=second) == [ArmTally("A", 0, 0), ArmTally("B", 0, 0)]
    assert page_experiment_results(experiment=second).comparison.decision == Decision.TOO_EARLY
    assert timezone.now() - first.created_at < timedelta(minutes=5)
