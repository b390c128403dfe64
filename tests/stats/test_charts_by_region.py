"""/stats/ charts of one indicator: a line per region in its own colour, a legend naming each region, lines only
between comparable points (one period kind, changes apart from levels), a source note linking every point."""
import datetime
import re

import pytest

from articles.services import source_ingest
from stats.models import Figure, Indicator
from stats.tables import build_series, charts_of

pytestmark = pytest.mark.django_db

BODY = ("包头市：2024年城镇新增就业3.2万人，2025年城镇新增就业3.5万人。\n"
        "赤峰市：2024年城镇新增就业2.1万人，2025年城镇新增就业2.4万人。\n"
        "在乌海市，2024年城镇新增就业0.8万人，2025年城镇新增就业0.9万人。\n"
        "包头市城镇新增就业同比增长5%，2025年城镇新增就业同比增长6%。")
REGIONS = ("包头市", "赤峰市", "乌海市")
PAGE = "2026-01-10_chart_regions.txt"


@pytest.fixture
def indicator():
    page = f"民声\n\n三市就业稳中有进\n\n□本报记者 张三\n\n{BODY}\n".encode()
    source_ingest(raw=page, name=PAGE, published_on=datetime.date(2026, 1, 10))
    return Indicator.objects.get(name="城镇新增就业", unit="人")


def test_the_series_of_one_indicator_are_drawn_in_one_chart_a_line_per_region(indicator):
    series, _ = build_series(Figure.objects.published().filter(indicator=indicator))
    charts = charts_of(series)
    levels = next(c for c in charts if not c.is_change and c.period_kind == "year")
    assert sorted(s.region_name for s in levels.series) == sorted(REGIONS)
    assert len({s.colour for s in levels.series}) == 3  # one colour per region
    assert levels.axis == "time" and levels.label == "年度 · 水平 · 3 个地区"
    # changes never share a chart (nor a line) with levels
    assert all(not s.is_change for s in levels.series)


def test_the_stats_page_draws_the_indicator_with_a_legend_axis_titles_and_a_source_note(client, indicator):
    html = client.get(f"/stats/?measure={indicator.slug}").content.decode()
    svg = re.search(r'<svg viewBox[^>]*class="chart">.*?</svg>', html, re.S).group()
    assert svg.count("<polyline") == 3
    for region in REGIONS:
        assert f">{region}</text>" in svg
    assert "数值（人）" in svg and ">时间</text>" in svg
    figures = Figure.objects.filter(indicator=indicator, is_change=False, article__source__name=PAGE)
    note = html[html.index('class="citation meta">出处：'):]
    note = note[: note.index("</div>")]
    assert figures.count() == 6
    for figure in figures:  # every point's sentence is linked from the chart and from the note under it
        anchor = f"/articles/{figure.article_id}/#f-{figure.pk}"
        assert f'href="{anchor}"' in svg and f'href="{anchor}"' in note
    assert all(f"<strong>{region}</strong>" in note for region in REGIONS)
