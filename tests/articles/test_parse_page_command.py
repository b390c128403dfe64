"""`manage.py parse_page PATH --json` prints the shared contract for every fixture page, without a database."""
import json
import os
import subprocess
import sys

import jsonschema
import pytest

from tests.conftest import ROOT, SEED_PAGES

SCHEMA_PATH = ROOT.parent / "shared" / "contracts" / "parse-page.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) if SCHEMA_PATH.exists() else None
# A database that does not exist: the command must not need one.
NO_DATABASE = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none", "SECRET_KEY": "x" * 50}


def _parse_page(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "parse_page", str(path), "--json"],
        cwd=ROOT, env=NO_DATABASE, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture(scope="module")
def contracts() -> dict[str, dict]:
    results = {}
    for page in SEED_PAGES:
        done = _parse_page(page)
        assert done.returncode == 0, done.stderr
        results[page.name] = json.loads(done.stdout)
    return results


@pytest.mark.skipif(SCHEMA is None, reason="../shared/contracts/parse-page.schema.json is not beside the project")
@pytest.mark.parametrize("page", [p.name for p in SEED_PAGES])
def test_every_fixture_page_honours_the_contract(contracts, page):
    jsonschema.validate(contracts[page], SCHEMA)


def test_offsets_point_at_the_text_they_claim(contracts):
    for contract in contracts.values():
        for article in contract["articles"]:
            text = article["text"]
            for key in ("figures", "regions", "programs"):
                for record in article[key]:
                    assert text[record["start"] : record["end"]] == record["text"], (key, record)
            for record in article["dates"]:
                assert text[record["start_offset"] : record["end_offset"]] == record["text"], record


def test_personal_data_lists_every_kind_and_pii_only_the_contracts_kinds(contracts):
    kinds = {item["kind"] for c in contracts.values() for a in c["articles"] for item in a["personal_data"]}
    assert "name" in kinds  # the private names in seed 001's loss notices
    for contract in contracts.values():
        for article in contract["articles"]:
            assert {item["kind"] for item in article["pii"]} <= {"id_card", "phone"}
            for item in article["personal_data"]:
                field = article[item["field"]] if item["field"] != "byline" else "\n".join(article["byline"])
                assert field[item["start"] : item["end"]] == item["text"], item


def test_the_page_records_source_and_issue_date(contracts):
    contract = contracts[SEED_PAGES[0].name]
    assert contract["source"]["encoding"] == "utf-8"
    assert len(contract["source"]["sha256"]) == 64
    assert contract["published_on"]["basis"]


def test_an_empty_file_is_refused_with_a_reason(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = _parse_page(empty)
    assert done.returncode != 0
    assert "empty.txt" in done.stderr


def test_parse_page_takes_an_issue_date_like_ingest_and_reads_html():
    web = ROOT / "tests" / "data" / "web" / "dzrb_jobs_2014.html"
    done = subprocess.run(
        [sys.executable, "manage.py", "parse_page", str(web), "--json", "--date", "2014-01-16"],
        cwd=ROOT, env=NO_DATABASE, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    contract = json.loads(done.stdout)
    assert contract["published_on"]["date"] == "2014-01-16" and contract["published_on"]["basis"] == "given"
    assert contract["source"]["paper"] == "大众日报"
    assert contract["articles"][0]["headline"] == "山东城乡就业连续10年双过百万"
    if SCHEMA is not None:
        jsonschema.validate(contract, SCHEMA)
    bad = subprocess.run(
        [sys.executable, "manage.py", "parse_page", str(web), "--date", "2014-13-01"],
        cwd=ROOT, env=NO_DATABASE, capture_output=True, text=True, timeout=120,
    )
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr
