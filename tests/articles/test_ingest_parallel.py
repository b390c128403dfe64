"""`ingest --workers N` and `reparse --all --workers N`: worker processes with their own connections, one progress
line, one summary; a failing page is reported and never blocks the rest; two ingests of one folder at once make no
duplicates; an ingest killed mid-batch leaves no half page and a rerun completes it."""
import os
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from articles.models import Article, Source
from stats.models import Figure
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLACES = ["包头市", "赤峰市", "通辽市", "呼和浩特市", "鄂尔多斯市", "乌海市", "兴安盟", "阿拉善盟"]


@pytest.fixture(scope="module", autouse=True)
def _reseed_after_module(reseed_after_module):
    """Worker processes commit: the seed corpus is put back afterwards."""
    yield


def _folder(tmp_path: Path, pages: int) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(pages):
        place = PLACES[i % len(PLACES)]
        body = "\n\n".join(
            f"{place}第{i}期第{j}段：今年以来城镇新增就业{1000 + 37 * i + j}人，同比增长{j % 9 + 1}%，"
            f"发放创业担保贷款{i + j + 2}亿元，惠及{300 + i * j}户家庭。"
            for j in range(12)
        )
        (folder / f"page_{i:03d}.txt").write_text(f"民声\n\n{place}就业工作第{i}期\n\n{body}\n", encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
    return out.getvalue(), err.getvalue(), code


def test_two_workers_ingest_a_folder_with_one_progress_line_per_page_and_one_summary(tmp_path):
    folder = _folder(tmp_path, 6)
    (folder / "copy_of_page_000.txt").write_bytes((folder / "page_000.txt").read_bytes())  # the same bytes again
    (folder / "empty.txt").write_bytes(b"")
    out, err, code = _run(str(folder), "--workers", "2")
    assert code == 2  # the empty file is reported …
    assert "empty.txt" in err and "skipped" in err
    assert "ingested 6 new page(s)" in out and "1 already present; 1 skipped" in out  # … and blocks nothing
    assert out.count("pages/s, ETA") == 8
    assert Source.objects.filter(name__in=[f"page_{i:03d}.txt" for i in range(1, 6)]).count() == 5
    assert Source.objects.filter(name__in=["page_000.txt", "copy_of_page_000.txt"]).count() == 1  # one, not two
    assert Figure.objects.filter(article__source__name="page_003.txt").count() >= 12


def test_a_page_that_fails_in_a_worker_is_reported_with_its_reason(tmp_path, monkeypatch):
    from articles.services import batch

    original = batch.source_ingest

    def fail_on_one(*, raw, name, **given):
        if name == "page_002.txt":
            raise RuntimeError("the disk is full")
        return original(raw=raw, name=name, **given)

    monkeypatch.setattr(batch, "source_ingest", fail_on_one)  # the forked workers inherit it
    out, err, code = _run(str(_folder(tmp_path, 4)), "--workers", "2")
    assert code == 2
    assert "page_002.txt: failed (RuntimeError: the disk is full)" in err
    assert "ingested 3 new page(s)" in out
    assert not Source.objects.filter(name="page_002.txt").exists()


def test_reparse_with_two_workers_keeps_every_record_id(tmp_path):
    _run(str(_folder(tmp_path, 4)))
    before = set(Figure.objects.values_list("pk", "start", "text"))
    out = StringIO()
    call_command("reparse", "--all", "--workers", "2", stdout=out)
    assert f"re-parsed {Source.objects.count()} page(s)" in out.getvalue()
    assert set(Figure.objects.values_list("pk", "start", "text")) == before


def _database_url() -> str:
    settings = connection.settings_dict
    host = quote(settings["HOST"] or "", safe="")
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings.get("PASSWORD") else ""
    return f"postgres://{quote(settings['USER'] or '', safe='')}{password}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def _database_env() -> dict[str, str]:
    """The environment that points a `manage.py` subprocess at this test database: its URL on a server, or the
    embedded PostgreSQL's database name (the subprocess attaches to the server this run started)."""
    if connection.settings_dict["HOST"]:
        return {"DATABASE_URL": _database_url()}
    return {"DATABASE_URL": "", "EMBEDDED_PGDATABASE": connection.settings_dict["NAME"]}


def _command(*args: str) -> subprocess.Popen:
    env = {**os.environ, **_database_env(), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "ingest", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_two_ingests_of_one_folder_at_once_make_no_duplicates_and_no_error(tmp_path):
    folder = _folder(tmp_path, 8)
    runs = [_command(str(folder), "--workers", "2"), _command(str(folder))]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert Source.objects.filter(name__startswith="page_").count() == 8
    assert Source.objects.values("sha256").distinct().count() == Source.objects.count()
    summaries = [out.strip().splitlines()[-1] for out, _ in outputs]
    new = sum(int(summary.split("ingested ")[1].split(" ")[0]) for summary in summaries)
    present = sum(int(summary.split("; ")[1].split(" ")[0]) for summary in summaries)
    assert (new, present) == (8, 8), summaries


def test_an_ingest_killed_mid_batch_leaves_no_half_page_and_a_rerun_completes_it(tmp_path):
    folder = _folder(tmp_path, 30)
    run = _command(str(folder))
    done = 0
    deadline = time.monotonic() + 300
    while done < 3 and time.monotonic() < deadline:  # let a few pages commit, then kill it in the middle of one
        line = run.stdout.readline()
        done += "pages/s" in line
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    assert done == 3
    stored = Source.objects.filter(name__startswith="page_").count()
    assert 3 <= stored < 30
    for source in Source.objects.filter(name__startswith="page_"):  # every stored page is whole
        articles = Article.objects.filter(source=source)
        assert articles.exists() and not articles.filter(public_text="").exists()
        assert Figure.objects.filter(article__source=source).count() >= 12
    rerun = _command(str(folder), "--workers", "2")
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert out.strip().splitlines()[-1].startswith(f"ingested {30 - stored} new page(s)")
    assert f"; {stored} already present; 0 skipped" in out
    assert Source.objects.filter(name__startswith="page_").count() == 30
