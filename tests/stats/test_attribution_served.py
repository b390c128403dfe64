"""Figures store what they are about (written through the FIGURES record kind), serve it on the site, the API and
the exports, filter by it, and keep an editor's correction of it across re-parse (real PostgreSQL)."""
import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model

from articles.models import RecordStatus
from articles.services import source_ingest, source_reparse
from articles.services.review import record_save_by_editor
from stats.models import Figure

pytestmark = pytest.mark.django_db

BODY = (
    "今年1—10月，全市城镇新增就业3000人，同比增长12%。截至6月底，全市发放创业担保贷款1.62亿元。"
    "青山区新增就业岗位500个。全国城镇新增就业1100万人。"
)


def _page() -> bytes:
    return f"民声\n\n包头就业形势稳中向好\n\n□本报记者 张三\n\n{BODY}\n".encode()


@pytest.fixture
def ingested():
    outcome = source_ingest(raw=_page(), name="attribution-page.txt", published_on=datetime.date(2025, 11, 20))
    return Figure.objects.filter(article__source=outcome.source)


def _one(figures, text):
    return figures.get(text__contains=text)


def test_ingest_stores_region_period_programme_change_and_sentence(ingested):
    jobs = _one(ingested, "3000人")
    assert jobs.region_code == "150200" and jobs.region.name == "包头市"
    assert (jobs.period_start, jobs.period_end) == (datetime.date(2025, 1, 1), datetime.date(2025, 10, 31))
    assert jobs.period_kind == "to-date"
    assert jobs.is_change is False and jobs.sentence.startswith("今年1—10月")
    assert _one(ingested, "12%").is_change is True
    loan = _one(ingested, "1.62亿元")
    assert loan.program is not None and loan.program.name == "创业担保贷款"
    assert _one(ingested, "500个").region_code == "150204"  # 青山区, its own clause
    national = _one(ingested, "1100万人")
    assert national.region_code == "000000" and national.region is None


def test_the_api_serves_the_attribution_and_filters_by_the_figures_own_region(client, ingested):
    body = client.get("/api/v1/figures?region=150204&limit=100").json()
    texts = {row["provenance"]["text"] for row in body["results"]}
    assert any("500个" in text for text in texts) and not any("3000人" in text for text in texts)
    row = next(r for r in body["results"] if "500个" in r["provenance"]["text"])
    assert row["region"] == {"code": "150204", "name": "青山区"}
    assert {"period_start", "period_end", "period_kind", "program", "is_change", "sentence"} <= set(row)
    changes = client.get("/api/v1/figures?change=change&limit=100").json()["results"]
    assert changes and all(r["is_change"] for r in changes)
    assert client.get("/api/v1/figures?period=decade").status_code == 422


def test_the_csv_export_carries_the_attribution_columns(client, ingested):
    response = client.get("/stats/figures.csv?region=150200")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    for column in ("region_code", "region.code", "region.name", "period_start", "period_end", "period_kind",
                   "program.slug", "program.name", "is_change", "sentence"):
        assert column in header
    codes = {row[header.index("region_code")] for row in rows[1:]}
    assert codes and all(code.startswith("1502") for code in codes)


def test_region_and_programme_pages_list_the_figures_about_them(client, ingested):
    html = client.get("/regions/150204/").content.decode()
    assert "500" in html and "3000" not in html.split('id="figures-heading"')[1]
    loan = _one(ingested, "1.62亿元")
    html = client.get(f"/policies/{loan.program.slug}/").content.decode()
    section = html.split('id="figures-heading"')[1].split("</section>")[0]
    assert "162000000" in section.replace(",", "") or "1.62" in section
    assert "3000" not in section


def test_an_editors_correction_of_the_attribution_survives_re_parse(ingested):
    editor = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    figure = _one(ingested, "3000人")
    figure.region_code, figure.is_change, figure.period_kind = "150203", True, "year"
    record_save_by_editor(record=figure, user=editor, changed_fields=["region_code", "is_change", "period_kind"])
    source_reparse(source=figure.article.source)
    figure.refresh_from_db()
    assert figure.status == RecordStatus.CORRECTED
    assert (figure.region_code, figure.region_id, figure.is_change, figure.period_kind) == ("150203", "150203", True, "year")
    assert Figure.objects.filter(article=figure.article, start=figure.start, end=figure.end).count() == 1


def test_reparse_rewrites_a_stale_attribution_in_place_keeping_the_figures_id(ingested):
    """Bulk record writes keep an auto figure's row while its (start, end, text) holds; attribution that the parser
    now reads otherwise (here: a stored state from an older parser) is updated in that row."""
    jobs = _one(ingested, "3000人")
    fresh = {name: getattr(jobs, name) for name in ATTRIBUTION}
    loan = _one(ingested, "1.62亿元")
    Figure.objects.filter(pk=jobs.pk).update(
        region_code="150100", region_id="150100", period_start=None, period_end=None, period_kind="", is_change=True,
        program=loan.program, sentence="旧句子",
    )
    source_reparse(source=jobs.article.source)
    again = Figure.objects.get(article=jobs.article, start=jobs.start, end=jobs.end)
    assert again.pk == jobs.pk and again.status == RecordStatus.AUTO
    assert {name: getattr(again, name) for name in ATTRIBUTION} == fresh


ATTRIBUTION = ("region_code", "region_id", "period_start", "period_end", "period_kind", "program_id", "is_change", "sentence")
