"""Uploading a page in the admin: parsed and ingested, or a clear message with nothing half-written."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Source

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
