"""One indicator's chart on a 390 px wide phone (real chromium): a line per region, a legend naming each region,
text at least 12 px as rendered, no label cut off by the drawing's edges."""
import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BODY = ("包头市：2024年城镇新增就业3.2万人，2025年城镇新增就业3.5万人。\n"
        "赤峰市：2024年城镇新增就业2.1万人，2025年城镇新增就业2.4万人。\n"
        "在乌海市，2024年城镇新增就业0.8万人，2025年城镇新增就业0.9万人。\n"
        "鄂尔多斯市：2024年城镇新增就业4.1万人，2025年城镇新增就业4.4万人。\n"
        "呼伦贝尔市：2024年城镇新增就业1.5万人，2025年城镇新增就业1.6万人。")
REGIONS = ("包头市", "赤峰市", "乌海市", "鄂尔多斯市", "呼伦贝尔市")
# Measured in the page (Playwright's evaluate of a function, which the CSP allows; nothing is waited for with it).
TEXTS = """svg => { const box = svg.getBoundingClientRect(); const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
    return {text: t.textContent, size: parseFloat(t.getAttribute('font-size')) * scale,
            left: r.left - box.left, right: box.right - r.right, top: r.top - box.top, bottom: box.bottom - r.bottom}; }); }"""


def test_an_indicators_chart_names_every_region_legibly_at_390_px(page, live_server):
    from articles.services import source_ingest
    from stats.models import Indicator

    raw = f"民声\n\n五市就业稳中有进\n\n□本报记者 张三\n\n{BODY}\n".encode()
    source_ingest(raw=raw, name="2026-01-10_chart_phone.txt", published_on=datetime.date(2026, 1, 10))
    slug = Indicator.objects.get(name="城镇新增就业", unit="人").slug
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/stats/?measure={slug}&region=150000")
    chart = page.locator("figure.series").filter(has_text="年度 · 水平").locator("svg.chart")
    expect(chart).to_have_count(1)
    legend = chart.locator("g.legend")
    for region in REGIONS:
        expect(legend.locator("text", has_text=region)).to_have_count(1)
    expect(chart.locator("polyline")).to_have_count(len(REGIONS))
    expect(chart.locator("text.axis-title").first).to_have_text("数值（人）")
    texts = chart.evaluate(TEXTS)
    assert {t["text"] for t in texts} >= set(REGIONS)
    for text in texts:
        assert text["size"] >= 12, text
        assert min(text["left"], text["right"], text["top"], text["bottom"]) >= -0.5, text  # nothing cut off
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page itself does not scroll sideways
    note = page.locator("figure.series").filter(has_text="年度 · 水平").locator(".citation")
    for region in REGIONS:
        expect(note.locator("strong", has_text=region)).to_have_count(1)
    page.locator("figure.series").filter(has_text="年度 · 水平").screenshot(path=str(SCREENSHOTS / "stats-regions-phone.png"))
