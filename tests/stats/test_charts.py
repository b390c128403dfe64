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


def test_one_chart_draws_a_line_per_region_each_in_its_own_colour_named_in_the_legend():
    from stats.charts import Line, chart_colours, lines_chart

    colours = chart_colours(["150200", "150900"])
    assert len(set(colours)) == 2
    svg = lines_chart("城镇新增就业", [
        Line("包头市", colours[0], [(date(2024, 1, 1), 3.0, "/articles/1/#f-1"), (date(2025, 1, 1), 4.0, "/articles/1/#f-2")]),
        Line("乌兰察布市", colours[1], [(date(2024, 1, 1), 1.0, "/articles/2/#f-3"), (date(2025, 1, 1), 2.0, "/articles/2/#f-4")]),
    ], "万人")
    assert svg.count("<polyline") == 2  # one per region, never a line from one region to another
    assert f'stroke="{colours[0]}"' in svg and f'stroke="{colours[1]}"' in svg
    assert svg.count('class="legend-entry"') == 2 and ">包头市</text>" in svg and ">乌兰察布市</text>" in svg
    assert svg.count("<a href=") == 4  # every point links to its sentence


def test_regions_whose_codes_share_a_palette_colour_still_get_different_colours():
    from stats.charts import REGION_COLOURS, chart_colours, region_colour

    clash = [code for code in ("150100", "150200", "150300", "150400", "150500", "150600", "150700", "150800")
             if region_colour(code) == region_colour("150100")]
    assert len(clash) >= 2
    colours = chart_colours(clash)
    assert len(set(colours)) == len(colours) and colours[0] == region_colour(clash[0])
    assert len(set(chart_colours([str(150000 + i) for i in range(len(REGION_COLOURS))]))) == len(REGION_COLOURS)


def test_a_long_legend_wraps_into_rows_inside_the_drawing_and_the_chart_grows_to_hold_them():
    import re

    from stats.charts import WIDTH, Line, lines_chart, text_width

    names = ["呼和浩特市", "包头市", "乌海市", "赤峰市", "通辽市", "鄂尔多斯市", "呼伦贝尔市"]
    lines = [Line(name, "#0072b2", [(date(2024, 1, 1), 1.0), (date(2025, 1, 1), 2.0)]) for name in names]
    one = lines_chart("t", lines[:1], "人")
    many = lines_chart("t", lines, "人")
    height = lambda svg: float(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))  # noqa: E731
    assert height(many) > height(one)
    for x, text in re.findall(r'<text x="([\d.]+)" y="[\d.]+" font-size="13" fill="#1f2328">([^<]+)</text></g>', many):
        assert float(x) + text_width(text) <= WIDTH


def test_bars_of_several_regions_are_coloured_by_region_with_a_legend():
    svg = bar_chart("参保人数", [("a", 1.0, "/x#f-1", "#0072b2"), ("b", 2.0, "/x#f-2", "#d55e00")], "人",
                    legend=[("包头市", "#0072b2"), ("赤峰市", "#d55e00")])
    assert 'fill="#0072b2"' in svg and 'fill="#d55e00"' in svg and svg.count('class="legend-entry"') == 2
