"""Server-drawn SVG charts: accessible, offline, and a missing value is shown as missing, never as a zero bar."""
from datetime import date

from stats.charts import bar_chart, format_value, time_chart


def test_numbers_are_written_as_readers_write_them():
    assert format_value(1_180_000_000) == "11.8亿"
    assert format_value(27_000) == "2.7万"
    assert format_value(32.08) == "32.08"
    assert format_value(None) == "缺失"


def test_a_bar_chart_draws_one_bar_per_known_value_and_marks_missing_ones():
    svg = bar_chart("城镇新增就业（人）", [("包头市", 1200.0), ("赤峰市", None), ("乌海市", 300.0)], "人")
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title>城镇新增就业（人）</title>" in svg
    assert svg.count("<rect") == 2
    assert "缺失" in svg


def test_a_time_chart_breaks_its_line_at_a_missing_value():
    points = [(date(2023, 1, 1), 1.0), (date(2024, 1, 1), 2.0), (date(2025, 1, 1), None), (date(2026, 1, 1), 4.0)]
    svg = time_chart("参保人数", points, "人")
    assert svg.count("<polyline") == 1  # 2023–2024 joined; 2026 stands alone after the gap
    assert svg.count("<circle") == 3
    assert "2025-01" in svg and "缺失" in svg


def test_charts_escape_text_and_load_nothing():
    svg = bar_chart("<script>", [("<b>", 1.0), ("b", 2.0)])
    assert "<script>" not in svg and "&lt;b&gt;" in svg
    assert "http" not in svg and "href" not in svg


def test_several_values_on_one_day_are_dots_not_a_zigzag_line():
    points = [(date(2025, 1, 1), 1.0), (date(2025, 1, 1), 5.0), (date(2026, 1, 1), 2.0)]
    svg = time_chart("年龄", points, "岁")
    assert "<polyline" not in svg and svg.count("<circle") == 3


def test_a_chart_names_its_region_in_a_legend_in_its_colour_and_titles_its_axes_with_the_unit():
    from datetime import date

    from stats.charts import region_colour, time_chart

    colour = region_colour("150200")
    svg = time_chart("城镇新增就业", [(date(2024, 1, 1), 3.0), (date(2025, 1, 1), 4.0)], "万人", legend="包头市",
                     colour=colour)
    assert 'class="legend"' in svg and "包头市" in svg and f'fill="{colour}"' in svg
    assert "数值（万人）" in svg and ">时间</text>" in svg
    assert region_colour("150200") == colour != region_colour("150100")
