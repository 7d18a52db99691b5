"""Server-side charts for admin reports: readable without colour or sight, escaped, sized to their data."""

import re
from datetime import date, timedelta

import pytest

from cms.core.charts.bar_chart import bar_chart_svg
from cms.core.charts.trend_chart import trend_chart_svg

DAYS = [date(2026, 3, 1) + timedelta(days=n) for n in range(5)]


def test_a_trend_is_described_in_words_and_each_day_carries_its_number():
    svg = trend_chart_svg(chart_id="t", title="Zoekopdrachten per dag", days=DAYS,
                          series=[("zoekopdrachten", [1, 4, 0, 2, 4])])
    assert 'role="img"' in svg and 'aria-labelledby="t-title t-desc"' in svg
    assert '<desc id="t-desc">Van 1/3 tot 5/3. zoekopdrachten: 11 in totaal, het meest op 2/3 (4).</desc>' in svg
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert titles == ["1/3: zoekopdrachten 1", "2/3: zoekopdrachten 4", "3/3: zoekopdrachten 0",
                      "4/3: zoekopdrachten 2", "5/3: zoekopdrachten 4"]
    heights = [float(h) for h in re.findall(r'height="([\d.]+)" fill="#\w+"><title>', svg)]
    assert heights[1] == heights[4] == max(heights) and heights[2] == 0  # scaled to the busiest day


def test_two_series_share_the_scale_and_the_legend_names_them():
    svg = trend_chart_svg(chart_id="t", title="x", days=DAYS[:2], series=[("alle", [4, 2]), ("zonder resultaat", [2, 0])])
    assert ">alle</text>" in svg and ">zonder resultaat</text>" in svg
    assert "zonder resultaat: 2 in totaal, het meest op 1/3 (2)" in svg


def test_an_empty_period_says_so():
    svg = trend_chart_svg(chart_id="t", title="x", days=[], series=[("zoekopdrachten", [])], empty="Niets.")
    assert '<desc id="t-desc">Niets.</desc>' in svg
    quiet = trend_chart_svg(chart_id="t", title="x", days=DAYS[:1], series=[("zoekopdrachten", [0])])
    assert "zoekopdrachten: geen" in quiet


def test_text_is_escaped():
    svg = trend_chart_svg(chart_id="t", title="<script>", days=DAYS[:1], series=[("a & b", [1])])
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg


def test_a_series_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError, match="2 values for 5 days"):
        trend_chart_svg(chart_id="t", title="x", days=DAYS, series=[("a", [1, 2])])


def test_the_bar_chart_takes_its_empty_text():
    assert "Geen zoekvragen." in bar_chart_svg(chart_id="b", title="x", groups=[], empty="Geen zoekvragen.")
    assert "Geen berichten." in bar_chart_svg(chart_id="b", title="x", groups=[])
