"""The hostile-input corpus (tests/data/hostile/, plus big and special files made here): every file is ingested by
the real command and the real API upload, and is either loaded or refused with a reason — never a traceback or a 500."""
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import ApiToken, Source
from articles.services import PageRejected, upload_read
from bench.hostile_pages import many_articles_page

pytestmark = pytest.mark.django_db

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
CORPUS = sorted(path for path in HOSTILE.iterdir() if path.is_file() and not path.name.startswith("."))
REFUSED = {
    "binary.bin", "empty.txt", "whitespace_only.txt", "bom_only.txt", "latin1.txt", "pdf_header.pdf",
    "zip_header.txt", "only_punctuation.txt", "nul_every_other.txt", "nul_bytes.txt", "invalid_utf8.txt",
    "mixed_encodings.txt",
}
GOOD = "暖闻\n\n好消息标题\n\n□本报记者 张三\n\n" + "包头市今年发放补贴1.5亿元，惠及4万余人。" * 6


def _ingest(*paths) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:  # the command's own way of saying some files were skipped
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


@pytest.mark.parametrize("path", CORPUS, ids=[path.name for path in CORPUS])
def test_the_ingest_command_loads_or_refuses_each_hostile_file_with_a_reason(path, client):
    _, err, code = _ingest(path)
    if path.name in REFUSED:
        assert code == 2 and f"skipped {path}: " in err
        assert not Source.objects.filter(name=path.name).exists()
    else:
        assert code == 0, err
        source = Source.objects.get(name=path.name)
        for article in source.articles.order_by("position")[:5]:
            assert client.get(article.get_absolute_url()).status_code == 200
    assert "failed (" not in err  # a refusal has a reason; a crash caught by the command would say "failed"


@pytest.mark.parametrize("path", CORPUS, ids=[path.name for path in CORPUS])
def test_the_api_upload_answers_each_hostile_file_without_a_server_error(path, client):
    _, secret = ApiToken.issue(name="对抗测试")
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    response = client.post("/api/v1/sources", {"file": upload}, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == (422 if path.name in REFUSED else 201), response.content[:300]
    if response.status_code == 422:
        assert response.json()["error"]["message"]


def test_a_file_larger_than_the_limit_is_refused_from_its_size_without_being_read(tmp_path, settings):
    settings.MAX_PAGE_BYTES = 1024 * 1024
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(8 * 1024 ** 3)  # sparse: 8 GiB on paper, nothing on disk
    _, err, code = _ingest(huge)
    assert code == 2 and "8589934592 bytes, more than the 1048576 allowed" in err


def test_a_named_pipe_and_a_device_are_refused_without_reading_them(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would wait forever for a writer
    _, err, code = _ingest(fifo, "/dev/zero")
    assert code == 2
    assert f"skipped {fifo}: a named pipe (FIFO), not a regular file" in err
    assert "skipped /dev/zero: a device, not a regular file" in err


def test_a_symbolic_link_out_of_the_folder_is_reported_and_not_followed(tmp_path):
    outside, folder = tmp_path / "outside", tmp_path / "pages"
    outside.mkdir()
    folder.mkdir()
    (outside / "secret.txt").write_text(GOOD.replace("好消息标题", "外面的文件"), encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "escape.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    _, err, code = _ingest(folder)
    assert code == 2
    assert f"skipped {folder / 'escape.txt'}: a symbolic link pointing outside the folder" in err
    assert f"skipped {folder / 'elsewhere'}: a symbolic link pointing outside the folder" in err
    assert Source.objects.filter(name="good.txt").exists()
    assert not Source.objects.filter(name__in=["escape.txt", "secret.txt"]).exists()


def test_a_symbolic_link_inside_the_folder_is_followed(tmp_path):
    (tmp_path / "page.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "page.txt")
    out, _, code = _ingest(tmp_path)
    assert code == 0 and "1 already present" in out


def test_an_oversized_upload_is_refused_from_its_declared_size_before_reading(settings):
    settings.MAX_PAGE_BYTES = 1000

    class Upload(SimpleUploadedFile):
        bytes_read = 0

        def read(self, *args):
            data = super().read(*args)
            self.bytes_read += len(data)
            return data

    upload = Upload("big.txt", GOOD.encode() * 50)
    with pytest.raises(PageRejected) as refused:
        upload_read(upload=upload, name="big.txt")
    assert "more than the 1000 allowed" in refused.value.reason
    assert upload.bytes_read == 0


def test_a_page_of_thousands_of_tiny_articles_is_ingested(tmp_path):
    page = tmp_path / "thousands.txt"
    page.write_bytes(many_articles_page(1000))
    _, err, code = _ingest(page)
    assert code == 0, err
    assert Source.objects.get(name="thousands.txt").articles.count() >= 1000
