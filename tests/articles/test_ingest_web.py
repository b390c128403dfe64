"""Ingesting saved web articles and named pages: Source knows its paper, page label and issue date; bad input
(an HTML page without an article, a page in another language) is refused with a reason and writes nothing."""
import datetime
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Source
from articles.services import PageRejected, source_ingest

pytestmark = pytest.mark.django_db
WEB = Path(__file__).resolve().parent.parent / "data" / "web"


def _ingest(*paths, **options) -> str:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err, **options)
    finally:
        _ingest.err = err.getvalue()
    return out.getvalue()


def test_a_folder_of_saved_web_articles_is_ingested_with_papers_and_datelines(tmp_path):
    for name in ("dzrb_jobs_2014.html", "xianghe_farmland_trad.html", "gov_guangxi_counties_gbk.html"):
        shutil.copy(WEB / name, tmp_path / name)
    out = _ingest(tmp_path)
    assert "ingested 3 new page(s) with 3 article(s)" in out
    found = {s.name: (s.paper, s.published_on, s.published_basis) for s in Source.objects.filter(name__endswith=".html")}
    assert found == {
        "dzrb_jobs_2014.html": ("大众日报", datetime.date(2014, 1, 15), "web dateline"),
        "xianghe_farmland_trad.html": ("农民日报", datetime.date(2014, 9, 20), "web dateline"),
        "gov_guangxi_counties_gbk.html": ("新华社", datetime.date(2019, 5, 11), "web dateline"),
    }
    article = Article.objects.get(source__name="dzrb_jobs_2014.html")
    assert (article.headline, article.byline) == ("山东城乡就业连续10年双过百万", ["张春晓", "范粟"])
    assert article.figures.filter(value=1199800).exists()  # extraction ran on the body trafilatura found
    source = Source.objects.get(name="dzrb_jobs_2014.html")
    assert bytes(source.raw) == (WEB / "dzrb_jobs_2014.html").read_bytes()  # the page is kept as it came


def test_paper_and_page_given_on_the_command_line_win(tmp_path):
    page = tmp_path / "2021-03-06_某某晚报_A2.txt"
    page.write_text("标题\n\n发布时间:2021-03-05 来源:某某日报\n\n本报讯 某县今年新增就业3000人，同比增长12%。", encoding="utf-8")
    _ingest(page, paper="某某都市报", page_label="05版")
    source = Source.objects.get(name=page.name)
    assert (source.paper, source.page_label, source.published_on) == ("某某都市报", "05版", datetime.date(2021, 3, 6))


def test_the_file_name_pattern_fills_paper_and_page(tmp_path):
    page = tmp_path / "2021-03-06_某某晚报_A2.txt"
    page.write_text("标题\n\n本报讯 某县今年新增就业3000人，同比增长12%。", encoding="utf-8")
    _ingest(page)
    source = Source.objects.get(name=page.name)
    assert (source.paper, source.page_label, source.published_on, source.published_basis) == (
        "某某晚报", "A2", datetime.date(2021, 3, 6), "file name")


def test_an_html_page_without_an_article_is_skipped_with_its_reason_and_nothing_written(tmp_path):
    shutil.copy(WEB / "no_article_index.html", tmp_path / "index.html")
    before = (Source.objects.count(), Article.objects.count())
    with pytest.raises(CommandError):
        _ingest(tmp_path / "index.html")
    assert "index.html: the HTML page has no article body" in _ingest.err
    assert (Source.objects.count(), Article.objects.count()) == before


def test_a_page_in_another_language_is_rejected_and_nothing_written():
    before = Source.objects.count()
    with pytest.raises(PageRejected) as caught:
        source_ingest(raw="東京都は今年、子育て支援のために新しい補助金を始めました。".encode(), name="jp.txt")
    assert "not in Chinese" in caught.value.reason and "不是中文" in caught.value.reason_zh
    assert Source.objects.count() == before


def test_an_html_upload_in_the_admin_is_ingested_with_paper_and_page(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile

    user = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    upload = SimpleUploadedFile("guangxi.html", (WEB / "gov_guangxi_counties_gbk.html").read_bytes())
    response = client.post("/admin/articles/source/upload/", {"file": upload, "page_label": "要闻"}, follow=True)
    assert response.status_code == 200 and "已导入" in response.content.decode()
    source = Source.objects.get(name="guangxi.html")
    assert (source.paper, source.page_label) == ("新华社", "要闻")
    bad = SimpleUploadedFile("index.html", (WEB / "no_article_index.html").read_bytes())
    response = client.post("/admin/articles/source/upload/", {"file": bad})
    assert "无法导入：这个网页里没有找到文章正文" in response.content.decode()
    assert not Source.objects.filter(name="index.html").exists()
