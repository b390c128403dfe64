"""`ingest --queue`: one task per file on the real Redis broker, ingested by a real Celery worker, progress and a
summary reported by polling the results (skipped with the reason when no Redis answers)."""
import os
import subprocess
import sys
import uuid
from io import StringIO

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Source
from config.celery import app
from tests.articles.test_ingest_parallel import _database_url
from tests.articles.test_tasks import _close_connections, _redis_problem
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.skipif(_redis_problem() is not None, reason=str(_redis_problem())),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def queue(reseed_after_module):
    """A queue of this test's own on the shared Redis, with a real worker (in a thread) listening on it."""
    name = f"minsheng-test-{uuid.uuid4().hex}"
    task_postrun.connect(_close_connections)
    with start_worker(app, queues=[name], perform_ping_check=False, shutdown_timeout=30, concurrency=1):
        yield name
    task_postrun.disconnect(_close_connections)


def _folder(tmp_path, pages: int):
    folder = tmp_path / "queued"
    folder.mkdir()
    for i in range(pages):
        body = f"第{i}期：今年以来全区城镇新增就业{2000 + i}人，同比增长{i + 3}%，发放稳岗返还资金{i + 1}亿元。" * 4
        (folder / f"queued_{i}.txt").write_text(f"民声\n\n就业专刊第{i}期\n\n{body}\n", encoding="utf-8")
    return folder


def test_queued_pages_are_ingested_by_a_worker_with_progress_and_a_summary(queue, tmp_path):
    folder = _folder(tmp_path, 3)
    (folder / "empty.txt").write_bytes(b"")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):  # the empty file: reported, exit code 2
        call_command("ingest", str(folder), "--queue", "--queue-name", queue, stdout=out, stderr=err)
    assert out.getvalue().count("pages/s, ETA") == 4
    assert "ingested 3 new page(s) with 3 article(s); 0 already present; 1 skipped" in out.getvalue()
    assert "empty.txt" in err.getvalue()
    assert Source.objects.filter(name__startswith="queued_").count() == 3

    again = StringIO()
    call_command("ingest", str(folder / "queued_0.txt"), "--queue", "--queue-name", queue, stdout=again)
    assert "ingested 0 new page(s) with 0 article(s); 1 already present; 0 skipped" in again.getvalue()
    assert Source.objects.filter(name__startswith="queued_").count() == 3


def test_an_unreachable_broker_is_a_clear_error(tmp_path):
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_BROKER_URL": "redis://127.0.0.1:9/0"}  # nobody there
    run = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "ingest", "--queue", str(_folder(tmp_path, 1))],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode != 0
    assert "the Celery broker at redis://127.0.0.1:9/0 cannot be reached" in run.stderr
    assert "Traceback" not in run.stderr
