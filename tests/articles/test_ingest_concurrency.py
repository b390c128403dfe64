"""Ingests at the same moment, each in its own thread with its own PostgreSQL connection: one Source per sha256, one
per page name, no traceback, no server error."""
import threading
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from articles.models import ApiToken, Article, Source
from articles.services import source_ingest
from policies.models import Program
from stats.models import Indicator

# Real transactions: every thread commits, so the test database is emptied afterwards (the reseed puts the corpus back).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BODY = "今年全区城镇新增就业3000人，同比增长12%。自治区实施“乡村振兴带头人培育计划”，惠及3万余人。"


@pytest.fixture(scope="module", autouse=True)
def _reseed_after_module(reseed_after_module):
    """These tests commit (threads need their own connections): the seed corpus is put back afterwards."""
    yield


def _page(headline: str, extra: str = "") -> bytes:
    return f"民声\n\n{headline}\n\n□本报记者 张三\n\n{BODY * 3}{extra}\n".encode()


def _at_once(calls: list[Callable[[], object]]) -> tuple[list[object], list[BaseException]]:
    """Run the calls in threads released together; each thread closes its own database connection."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as error:  # noqa: BLE001 — collected and asserted on by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_the_same_bytes_ingested_twice_at_once_make_one_source():
    raw = _page("同一文件两次导入")
    outcomes, errors = _at_once([lambda: source_ingest(raw=raw, name="twice.txt")] * 2)
    assert errors == []
    assert sorted(outcome.created for outcome in outcomes) == [False, True]
    assert Source.objects.filter(name="twice.txt").count() == 1


def test_the_same_bytes_under_two_names_at_once_make_one_source():
    raw = _page("同一文件两个名字")
    outcomes, errors = _at_once([lambda: source_ingest(raw=raw, name="one.txt"), lambda: source_ingest(raw=raw, name="two.txt")])
    assert errors == []
    assert Source.objects.count() == 1
    assert outcomes[0].source.pk == outcomes[1].source.pk


def test_versions_of_one_page_name_at_once_leave_one_source_for_that_name():
    versions = [_page("同名不同内容", extra=f"第{i}版补充说明，涉及{i + 2}个盟市。") for i in range(4)]
    _, errors = _at_once([lambda raw=raw: source_ingest(raw=raw, name="versions.txt") for raw in versions])
    assert errors == []
    source = Source.objects.get(name="versions.txt")
    assert bytes(source.raw) in versions
    assert Article.objects.filter(source=source).count() == 1


def test_six_parallel_api_uploads_answer_without_a_server_error():
    _, secret = ApiToken.issue(name="并发脚本")
    headers = {"Authorization": f"Bearer {secret}"}
    raw = _page("六个并发上传")

    def upload(name: str, content: bytes) -> int:
        file = SimpleUploadedFile(name, content)
        return Client().post("/api/v1/sources", {"file": file}, headers=headers).status_code

    calls = [lambda: upload("same.txt", raw)] * 3 + [lambda i=i: upload(f"other-{i}.txt", _page(f"另一版面{i}")) for i in range(3)]
    statuses, errors = _at_once(calls)
    assert errors == []
    assert sorted(statuses[:3]) == [200, 200, 201]
    assert statuses[3:] == [201, 201, 201]
    assert Source.objects.filter(name="same.txt").count() == 1


def test_pages_sharing_indicators_and_programmes_ingested_at_once_share_one_row_each():
    pages = [_page(f"共享指标的版面{i}", extra=f"另有{i + 1}家企业参加。") for i in range(6)]
    _, errors = _at_once([lambda i=i, raw=raw: source_ingest(raw=raw, name=f"shared-{i}.txt") for i, raw in enumerate(pages)])
    assert errors == []
    assert Source.objects.count() == 6
    assert Indicator.objects.filter(name="城镇新增就业", unit="人").count() == 1
    assert Program.objects.filter(key="乡村振兴带头人培育计划").count() == 1
