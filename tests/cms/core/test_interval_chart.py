"""The interval chart: ranges around zero that read without colour or sight."""

from cms.core.charts.interval_chart import interval_chart_svg


def test_every_range_is_written_out_and_described():
    svg = interval_chart_svg(
        chart_id="exp", title="Verschil met versie A", rows=[("Versie B", 3.2, 6.0, 9.1), ("Versie C", -4.0, 1.0, 5.5), ("Versie D", None, None, None)]
    )
    assert 'role="img"' in svg and "Verschil met versie A" in svg
    assert "Versie B: +3,2 tot +9,1 % (geschat +6,0 %)" in svg
    assert "Versie D: nog niet te zeggen" in svg
    assert svg.count("<circle") == 2


def test_a_range_above_zero_is_drawn_right_of_the_zero_line():
    svg = interval_chart_svg(chart_id="c", title="t", rows=[("B", 2.0, 3.0, 4.0)])
    zero = 160 + 440 / 2
    x1 = float(svg.split('x1="')[2].split('"')[0])
    assert x1 > zero


def test_labels_are_escaped():
    assert "&lt;script&gt;" in interval_chart_svg(chart_id="c", title="t", rows=[("<script>", 1.0, 2.0, 3.0)])
