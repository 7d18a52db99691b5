"""`manage.py experiment_simulate`: the promise of the test, shown by simulation."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> dict:
    out = StringIO()
    call_command("experiment_simulate", *args, "--json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_a_a_experiments_looked_at_every_100_recipients_rarely_declare_a_winner():
    answer = run("--effect", "0", "--runs", "600", "--peek-every", "100", "--max-recipients", "6000")
    assert answer["runs"] == 600 and answer["peek_every"] == 100
    assert answer["false_positive_rate"] <= 0.05
    assert answer["naive_false_positive_rate"] > 2 * max(answer["false_positive_rate"], 0.05)


def test_a_real_effect_is_found_in_the_right_direction():
    answer = run("--effect", "0.05", "--runs", "300", "--max-recipients", "6000")
    assert answer["power"] > 0.8
    assert "false_positive_rate" not in answer


@pytest.mark.parametrize(
    "args, field",
    [(["--runs", "0"], "--runs"), (["--peek-every", "1"], "--peek-every"), (["--effect", "0.95"], "--effect"),
     (["--base-rate", "1.5"], "--base-rate")],
)
def test_bad_arguments_name_the_option(args, field):
    with pytest.raises(CommandError, match=field):
        call_command("experiment_simulate", *args, stdout=StringIO())
