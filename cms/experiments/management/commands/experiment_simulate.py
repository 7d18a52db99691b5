"""`manage.py experiment_simulate --effect 0 --runs 2000 --peek-every 100 --json`: what the test promises.

Simulates many experiments looked at after every `--peek-every` recipients and prints how
often the sequential test declared a winner beside the naive chi-squared test on the same
data: with `--effect 0` the false-winner rates (`false_positive_rate`,
`naive_false_positive_rate`), with an effect (e.g. `--effect 0.02` on the 10 % base rate)
the `power`. Shows a progress bar on a terminal.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cms.experiments.statistics.simulation import simulate

BATCH = 250


class Command(BaseCommand):
    help = "Simulate experiments with a look after every N recipients: false-winner rate and power of the test."

    def add_arguments(self, parser):
        parser.add_argument("--effect", type=float, default=0.0, help="True difference of version B (0.02 = +2 points).")
        parser.add_argument("--base-rate", type=float, default=0.10, help="Share of people who act on version A.")
        parser.add_argument("--runs", type=int, default=2000, help="Number of simulated experiments.")
        parser.add_argument("--peek-every", type=int, default=100, help="Look at the result after this many recipients.")
        parser.add_argument("--max-recipients", type=int, default=20_000, help="Recipients per experiment.")
        parser.add_argument("--alpha", type=float, default=0.05, help="Accepted false-winner rate.")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for a repeatable run.")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, effect, base_rate, runs, peek_every, max_recipients, alpha, seed, json: bool = False, **options):
        if runs < 1:
            raise CommandError("--runs: at least 1.")
        if peek_every < 2:
            raise CommandError("--peek-every: at least 2.")
        if max_recipients < peek_every:
            raise CommandError("--max-recipients: at least --peek-every.")
        if not 0 < base_rate < 1:
            raise CommandError("--base-rate: a share between 0 and 1 (0.10 = 10 %).")
        if not 0 <= base_rate + effect <= 1:
            raise CommandError("--effect: the base rate plus the effect must stay between 0 and 1.")
        if not 0 < alpha < 1:
            raise CommandError("--alpha: a share between 0 and 1.")
        results = []
        for index, size in enumerate(self._batches(runs)):
            batch_seed = None if seed is None else seed * 100_003 + index
            results.append(
                simulate(
                    runs=size,
                    peek_every=peek_every,
                    max_recipients=max_recipients,
                    base_rate=base_rate,
                    effect=effect,
                    alpha=alpha,
                    seed=batch_seed,
                )
            )
        answer = _combined(results)
        if json:
            self.stdout.write(_dumps(answer))
            return
        for key, value in answer.items():
            self.stdout.write(f"{key}={value}")

    def _batches(self, runs: int):
        """Runs in batches of BATCH, so the progress bar moves and memory stays small."""
        sizes = [BATCH] * (runs // BATCH) + ([runs % BATCH] if runs % BATCH else [])
        progress = tqdm(total=runs, unit="runs", file=self.stderr._out, disable=not self.stderr.isatty())
        for size in sizes:
            yield size
            progress.update(size)
        progress.close()


def _combined(results) -> dict:
    """The batches' rates weighted by their runs, as one result."""
    total = sum(result.runs for result in results)
    first = results[0].as_json()
    answer = dict(first, runs=total)
    for key, value in first.items():
        if key.endswith("_rate") or key in ("power", "naive_power", "mean_recipients_at_stop"):
            answer[key] = round(sum(result.as_json()[key] * result.runs for result in results) / total, 4)
    return answer


def _dumps(answer: dict) -> str:
    return json.dumps(answer, indent=2)
