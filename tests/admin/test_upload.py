"""Uploading a page in the admin: parsed and ingested, or a clear message with nothing half-written."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Source
from articles.services import source_ingest

pytestmark = pytest.mark.django_db




def test_an_uploaded_page_is_ingested(editor_client):
    page = ("民声\n\n新政策出台\n\n□本报记者 张三\n\n" + "鄂尔多斯市今年发放创业补贴2000万元，惠及1200余人。" * 5).encode()
    response = editor_client.post(
        "/admin/articles/source/upload/", {"file": SimpleUploadedFile("upload.txt", page)}, follow=True
    )
    assert response.status_code == 200
    source = Source.objects.get(name="upload.txt")
    assert "已导入" in response.content.decode()
    assert source.articles.count() >= 1


def test_a_binary_upload_comes_back_with_a_reason(editor_client):
    before = Source.objects.count()
    response = editor_client.post(
        "/admin/articles/source/upload/", {"file": SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(256))}
    )
    assert response.status_code == 200
    assert "无法导入" in response.content.decode()
    assert Source.objects.count() == before


def test_the_add_button_leads_to_the_upload_form(editor_client):
    response = editor_client.get("/admin/articles/source/add/")
    assert response.status_code == 302 and response["Location"].endswith("/admin/articles/source/upload/")


def test_a_refused_upload_says_why_in_chinese(editor_client):
    response = editor_client.post(
        "/admin/articles/source/upload/", {"file": SimpleUploadedFile("dump.bin", b"\x00\x01\x02\x03\xff" * 51)}
    )
    html = response.content.decode()
    assert "无法导入：文件含有 NUL 字节，又不是有效的 UTF-16 文本：看起来是二进制文件。" in html
    assert "the file" not in html


PAGE = "民声\n\n{title}\n\n□本报记者 张三\n\n" + "鄂尔多斯市今年发放创业补贴2000万元，惠及1200余人。" * 5


def _page(title: str) -> bytes:
    return PAGE.format(title=title).encode()


def test_several_files_are_each_ingested_with_their_own_outcome(editor_client):
    source_ingest(raw=_page("旧闻"), name="old.txt")
    files = [
        SimpleUploadedFile("a.txt", _page("第一篇")),
        SimpleUploadedFile("dump.bin", b"\x00\x01\x02\x03\xff" * 51),
        SimpleUploadedFile("again.txt", _page("旧闻")),
        SimpleUploadedFile("b.txt", _page("第二篇")),
        SimpleUploadedFile("empty.txt", b""),
    ]
    response = editor_client.post(
        "/admin/articles/source/upload/",
        {"file": files, "paper": "鄂尔多斯日报", "page_label": "05版", "published_on": "2024-03-05"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    # every file has its line, in order, with its outcome; the bad ones did not stop the good ones after them
    lines = [html.index(f">{name}") if f">{name}<" in html else html.index(f"{name}：") for name in ["a.txt", "dump.bin", "again.txt", "b.txt", "empty.txt"]]
    assert lines == sorted(lines)
    assert html.count('data-status="ingested"') == 2
    assert html.count('data-status="present"') == 1
    assert html.count('data-status="rejected"') == 2
    assert "无法导入：文件含有 NUL 字节" in html
    for name in ["a.txt", "b.txt"]:
        source = Source.objects.get(name=name)
        assert (source.paper, source.page_label, str(source.published_on)) == ("鄂尔多斯日报", "05版", "2024-03-05")
        assert source.articles.count() >= 1
    assert not Source.objects.filter(name__in=["dump.bin", "empty.txt", "again.txt"]).exists()


def test_one_file_at_a_time_answers_json_for_the_progress_script(editor_client):
    response = editor_client.post(
        "/admin/articles/source/upload/", {"file": SimpleUploadedFile("one.txt", _page("单篇"))},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    [outcome] = response.json()["outcomes"]
    source = Source.objects.get(name="one.txt")
    assert outcome["status"] == "ingested" and outcome["url"] == f"/admin/articles/source/{source.pk}/change/"
    response = editor_client.post(
        "/admin/articles/source/upload/", {"file": SimpleUploadedFile("one.txt", _page("单篇"))},
        headers={"Accept": "application/json"},
    )
    assert response.json()["outcomes"][0]["status"] == "present"
    assert Source.objects.filter(name="one.txt").count() == 1
    response = editor_client.post(
        "/admin/articles/source/upload/", {"file": SimpleUploadedFile("x.txt", _page("日期错")), "published_on": "2024-13-40"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400 and "出版日期" in response.json()["errors"][0]
    assert not Source.objects.filter(name="x.txt").exists()


def test_the_form_offers_several_files_a_date_picker_and_a_progress_bar_without_inline_script(editor_client):
    html = editor_client.get("/admin/articles/source/upload/").content.decode()
    assert 'type="file"' in html and "multiple" in html.split('type="file"')[1].split(">")[0]
    assert 'type="date"' in html
    assert "<progress" in html and "js/upload-progress.js" in html
    assert "报纸" in html and "版次" in html
    assert "<script>" not in html and "style=" not in html


def test_no_file_chosen_is_a_form_error(editor_client):
    response = editor_client.post("/admin/articles/source/upload/", {"paper": "某报"})
    assert response.status_code == 200 and "请至少选择一个文件。" in response.content.decode()
