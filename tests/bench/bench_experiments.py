"""Experiment statistics benchmark (issue 15): the sequential test beside a naive chi-squared test.

Simulates experiments that an editor looks at after every 100 recipients (up to 20,000
recipients each, half per version, a 10 % base rate) and prints, from one run of the
command editors and auditors can run themselves (`manage.py experiment_simulate`):

* with no true difference (A/A): how often each test declared a winner anyway
  (`false_positive_rate` of our mSPRT beside `naive_false_positive_rate`);
* with a true +2-point effect: how often it found version B better (`power`), and how many
  recipients that took on average.

Target: a false-winner rate at or below 5 % however often anyone looks; the naive test is
expected far above it. BENCH_EXPERIMENT_RUNS (default 2000): simulated experiments per case.
"""

from __future__ import annotations

import json
import os
from io import StringIO

from django.core.management import call_command

RUNS = int(os.environ.get("BENCH_EXPERIMENT_RUNS", 2000))


def report(name: str, value) -> None:
    print(f"{name}={round(value, 4) if isinstance(value, float) else value}", flush=True)


def simulate(effect: float) -> dict:
    out = StringIO()
    call_command(
        "experiment_simulate", "--effect", str(effect), "--runs", str(RUNS), "--peek-every", "100", "--json",
        stdout=out, stderr=StringIO(),
    )
    return json.loads(out.getvalue())


def test_sequential_test_against_naive_test_when_looking_every_100_recipients():
    a_a = simulate(0)
    effect = simulate(0.02)
    report("experiment_runs", a_a["runs"])
    report("experiment_peek_every", a_a["peek_every"])
    report("experiment_false_positive_rate", a_a["false_positive_rate"])
    report("experiment_naive_false_positive_rate", a_a["naive_false_positive_rate"])
    report("experiment_false_positive_ratio_naive_to_ours", a_a["naive_false_positive_rate"] / max(a_a["false_positive_rate"], 1 / a_a["runs"]))
    report("experiment_power_at_plus_2_points", effect["power"])
    report("experiment_mean_recipients_to_decide", effect["mean_recipients_at_stop"])
    assert a_a["false_positive_rate"] <= 0.05, "the sequential test must keep its promise"
