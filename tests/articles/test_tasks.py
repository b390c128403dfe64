"""The Celery task ingests one page file through `source_ingest`: queued on the real Redis, run by a real worker."""
import uuid
from pathlib import Path

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings
from django.db import connections

from articles.models import Source
from articles.tasks import ingest_page
from config.celery import app
from tests.conftest import SEED_PAGES


def _redis_problem() -> str | None:
    try:
        redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"no Redis answers at {settings.CELERY_BROKER_URL} ({error})"
    return None


pytestmark = [
    pytest.mark.skipif(_redis_problem() is not None, reason=str(_redis_problem())),
    # The worker runs tasks in its own thread, with its own connection: the rows must really be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _close_connections(**_) -> None:
    """The worker thread's connections, closed after each task so the test database can be dropped at the end."""
    connections.close_all()


@pytest.fixture
def queue(reseed_after_module):
    """A queue of this test's own on the shared Redis, so that no other worker takes its tasks."""
    name = f"minsheng-test-{uuid.uuid4().hex}"
    task_postrun.connect(_close_connections)
    with start_worker(app, queues=[name], perform_ping_check=False, shutdown_timeout=30):
        yield name
    task_postrun.disconnect(_close_connections)


def test_a_queued_page_is_ingested_by_a_worker_and_summarised(queue, tmp_path):
    page = tmp_path / "queued_page.txt"
    page.write_bytes(SEED_PAGES[0].read_bytes() + b"\n")  # a seed page, one newline longer: a new file

    summary = ingest_page.apply_async(args=[str(page)], queue=queue).get(timeout=120)

    source = Source.objects.get(name="queued_page.txt")
    assert summary == {"path": str(page), "status": "ingested", "source": source.pk, "articles": source.articles.count()}
    assert summary["articles"] > 0


def test_a_queued_web_article_keeps_its_paper_and_the_given_page_label(queue, tmp_path):
    page = tmp_path / "web_article.html"
    page.write_bytes((Path(__file__).resolve().parent.parent / "data" / "web" / "dzrb_jobs_2014.html").read_bytes())
    summary = ingest_page.apply_async(args=[str(page)], kwargs={"page_label": "要闻"}, queue=queue).get(timeout=120)
    assert summary["status"] == "ingested"
    source = Source.objects.get(name="web_article.html")
    assert (source.paper, source.page_label, source.published_on.isoformat()) == ("大众日报", "要闻", "2014-01-15")


def test_a_page_queued_twice_is_reported_as_already_present_not_duplicated(queue, tmp_path):
    page = tmp_path / "twice.txt"
    page.write_bytes(SEED_PAGES[1].read_bytes())
    first, second = (ingest_page.apply_async(args=[str(page)], queue=queue).get(timeout=120) for _ in range(2))
    assert (first["status"], second["status"]) == ("ingested", "already present")
    assert first["source"] == second["source"]
    assert Source.objects.filter(sha256=Source.objects.get(pk=first["source"]).sha256).count() == 1


def test_a_rejected_page_is_a_reported_failure_not_a_crash(queue, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    results = [ingest_page.apply_async(args=[str(path)], queue=queue) for path in (empty, missing)]
    summaries = [result.get(timeout=120) for result in results]
    assert [summary["status"] for summary in summaries] == ["rejected", "rejected"]
    assert summaries[1]["reason"] == "no such file"  # the same reasons as `manage.py ingest` gives
    assert all(result.successful() for result in results)
    assert not Source.objects.filter(name__in=["empty.txt", "missing.txt"]).exists()
