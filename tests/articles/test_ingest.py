"""`manage.py ingest`: idempotent, one transaction per page, bad files reported by name while the rest loads."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Source
from articles.services import PageRejected, source_ingest
from tests.conftest import SEED_DIR, SEED_PAGES

pytestmark = pytest.mark.django_db


def _ingest(*paths, **options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_the_seed_pages_are_loaded_once_each():
    assert Source.objects.count() == len(SEED_PAGES) == 5
    assert Article.objects.count() > 20


def test_it_never_duplicates_a_page_that_is_ingested_again():
    before = (Source.objects.count(), Article.objects.count())
    out, _ = _ingest(SEED_DIR)
    assert (Source.objects.count(), Article.objects.count()) == before
    assert "ingested 0 new page(s)" in out
    assert "5 already present" in out


def test_it_shows_progress_and_a_summary(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("民声\n\n新闻标题在这里\n\n□本报记者 张三\n\n" + "今年全区新增就业岗位3000个，同比增长12%。" * 5, encoding="utf-8")
    out, _ = _ingest(page)
    assert "[##############################] 1/1 page.txt" in out
    assert out.strip().endswith("ingested 1 new page(s) with 1 article(s); 0 already present; 0 skipped")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_it_reports_a_bad_file_by_name_and_still_loads_the_rest(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("暖闻\n\n好消息标题\n\n" + "呼和浩特市今年发放补贴1.2亿元，惠及3万余人。" * 6, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        _ingest(tmp_path)
    assert raised.value.returncode == 2
    assert Source.objects.filter(name="good.txt").exists()
    assert not Source.objects.filter(name="bad.txt").exists()


def test_the_skip_reason_names_the_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "skipped" in err.getvalue() and "empty.txt" in err.getvalue()


def test_a_missing_path_is_reported_not_crashed(tmp_path):
    with pytest.raises(CommandError):
        _ingest(tmp_path / "nope.txt")


def test_a_gb18030_page_is_decoded_and_its_encoding_recorded():
    raw = ("民生\n\n医保新政落地\n\n□本报记者 李四\n\n" + "自治区医保局介绍，今年全区参保人数达2000万人。" * 6).encode("gb18030")
    outcome = source_ingest(raw=raw, name="gbk.txt")
    assert outcome.created
    assert outcome.source.encoding in {"gb18030", "gbk", "gb2312"}
    assert "医保新政落地" in outcome.source.text


def test_a_binary_page_is_rejected_with_a_reason():
    with pytest.raises(PageRejected) as raised:
        source_ingest(raw=b"%PDF-1.7\n" + bytes(range(256)) * 4, name="scan.pdf")
    assert raised.value.name == "scan.pdf"
    assert raised.value.reason


def test_a_failure_part_way_through_a_page_leaves_nothing_written(monkeypatch):
    raw = ("民声\n\n标题一\n\n" + "正文一，全区新增岗位100个。" * 8 + "\n\n民情\n\n标题二\n\n" + "正文二，共有20家企业参加。" * 8).encode()
    from articles.services import ingest

    def fail(**kwargs):  # after the source, its articles and their records are written
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "articles_public_refresh", fail)
    with pytest.raises(RuntimeError):
        source_ingest(raw=raw, name="half.txt")
    assert not Source.objects.filter(name="half.txt").exists()
    assert not Article.objects.filter(headline="标题一").exists()


def test_the_date_option_overrides_the_inferred_issue_date(tmp_path):
    page = tmp_path / "dated.txt"
    page.write_text("民声\n\n标题\n\n" + "11月3日，全市发放补贴500万元。" * 6, encoding="utf-8")
    _ingest(page, "--date=2024-11-05")
    source = Source.objects.get(name="dated.txt")
    assert str(source.published_on) == "2024-11-05"


def test_a_broken_symbolic_link_in_a_folder_is_reported_by_name(tmp_path):
    (tmp_path / "good.txt").write_text("暖闻\n\n好消息标题\n\n" + "包头市今年发放补贴1.5亿元，惠及4万余人。" * 6, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("ingest", str(tmp_path), stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 2
    assert "skipped" in err.getvalue() and "gone.txt" in err.getvalue() and "broken symbolic link" in err.getvalue()
    assert Source.objects.filter(name="good.txt").exists()


def test_a_latin_1_page_is_refused_as_text_in_an_unsupported_encoding():
    with pytest.raises(PageRejected) as raised:
        source_ingest(raw="café naïve résumé\n".encode("latin-1") * 50, name="western.txt")
    assert "not Chinese text in a supported encoding (UTF-8, GB18030, UTF-16 or Big5)" in raised.value.reason
    assert "binary" not in raised.value.reason
    assert raised.value.reason_zh == "文件是文本，但不是受支持编码（UTF-8、GB18030、UTF-16 或 Big5）的中文文本"
