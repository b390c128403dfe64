"""Series charts on a 390 px wide phone (real chromium): text at least 12 px as rendered, no label cut off, a
legend and axis titles with the unit."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MEASURE = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return {
    texts: [...svg.querySelectorAll('text')].map(t => {
      const r = t.getBoundingClientRect();
      return {size: parseFloat(t.getAttribute('font-size')) * scale, left: r.left - box.left, right: box.right - r.right,
              top: r.top - box.top, bottom: box.bottom - r.bottom, text: t.textContent};
    }),
    legend: svg.querySelectorAll('g.legend').length,
    axis: [...svg.querySelectorAll('text.axis-title')].map(t => t.textContent),
  };
})"""


def test_charts_stay_legible_and_whole_at_390_px(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/stats/")
    charts = page.evaluate(MEASURE)
    assert charts, "the stats page drew no chart"
    for chart in charts:
        assert chart["legend"] == 1
        assert any(title.startswith("数值（") for title in chart["axis"])
        for text in chart["texts"]:
            assert text["size"] >= 11.9, text
            assert min(text["left"], text["right"], text["top"], text["bottom"]) >= -0.5, text
