"""Editors rename and merge indicators and programmes; a later ingest that meets the old names still succeeds."""
import hashlib
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.text import slugify

from articles.models import ApiToken, Source
from articles.services import source_ingest
from policies.models import Program
from policies.services import program_for, program_merge
from stats.models import Figure, Indicator
from stats.services import indicator_for, indicator_merge

pytestmark = pytest.mark.django_db

BODY = "今年全区城镇新增就业3000人，同比增长12%。自治区实施“乡村振兴带头人培育计划”，惠及3万余人。"


def _page(headline: str) -> bytes:
    return f"民声\n\n{headline}\n\n□本报记者 张三\n\n{BODY * 3}\n".encode()


def _renamed_indicator() -> Indicator:
    indicator = indicator_for(measure="城镇新增就业", unit="人", cache={})
    indicator.name = "城镇新增就业人数（编辑改名）"
    indicator.save()  # what the admin's change form does
    return indicator


def test_a_page_meeting_a_renamed_indicators_measure_files_its_figures_under_it():
    indicator = _renamed_indicator()
    outcome = source_ingest(raw=_page("就业形势稳中向好"), name="after-rename.txt")
    figures = Figure.objects.filter(article__source=outcome.source, measure="城镇新增就业", unit="人")
    assert figures.exists()
    assert set(figures.values_list("indicator", flat=True)) == {indicator.pk}
    assert Indicator.objects.filter(name="城镇新增就业", unit="人").count() == 0


def test_a_page_meeting_a_merged_indicators_measure_files_its_figures_under_the_survivor():
    survivor = indicator_for(measure="就业人数", unit="人", cache={})
    merged = indicator_for(measure="城镇新增就业", unit="人", cache={})
    indicator_merge(survivor=survivor, others=[merged])
    outcome = source_ingest(raw=_page("就业形势合并之后"), name="after-merge.txt")
    figures = Figure.objects.filter(article__source=outcome.source, measure="城镇新增就业", unit="人")
    assert set(figures.values_list("indicator", flat=True)) == {survivor.pk}


def test_an_indicator_renamed_to_a_measures_name_takes_that_measure():
    other = indicator_for(measure="养老服务床位", unit="张", cache={})
    other.name = "护理型床位"
    other.save()
    assert not Indicator.objects.filter(key="护理型床位|张").exists()
    assert indicator_for(measure="护理型床位", unit="张", cache={}) == other


def test_a_programme_whose_slug_an_editor_gave_away_is_still_created():
    key = "乡村振兴带头人培育计划"
    Program.objects.filter(key=key).delete()
    expected_slug = f"{slugify(key, allow_unicode=True)[:70]}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"
    Program.objects.create(name="别的项目", key="别的项目", slug=expected_slug)
    outcome = source_ingest(raw=_page("培育计划启动"), name="slug-taken.txt")
    program = Program.objects.get(key=key)
    assert program.slug != expected_slug
    assert program.mentions.filter(article__source=outcome.source).exists()


def test_a_later_mention_under_a_merged_programmes_key_links_to_the_survivor():
    survivor = Program.objects.create(name="带头人培育工程", key="带头人培育工程", slug="dtr")
    merged = program_for(name="乡村振兴带头人培育计划", kind="program", surface="", cache={})
    program_merge(survivor=survivor, others=[merged])
    survivor.refresh_from_db()
    survivor.aliases = []  # an editor tidied the aliases: the key still links
    survivor.save()
    outcome = source_ingest(raw=_page("培育工程合并之后"), name="program-merged.txt")
    assert survivor.mentions.filter(article__source=outcome.source).exists()
    assert not Program.objects.filter(key="乡村振兴带头人培育计划").exists()


def test_an_api_upload_after_a_rename_is_created_not_a_server_error(client):
    _renamed_indicator()
    _, secret = ApiToken.issue(name="导入脚本")
    upload = SimpleUploadedFile("api-after-rename.txt", _page("接口上传的新版面"))
    response = client.post("/api/v1/sources", {"file": upload}, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 201, response.content


def test_a_folder_ingest_goes_on_past_a_file_that_fails_and_names_the_reason(tmp_path, monkeypatch):
    from articles.services import ingest

    (tmp_path / "a-fails.txt").write_bytes(_page("第一篇"))
    (tmp_path / "b-loads.txt").write_bytes(_page("第二篇"))
    real_parse = ingest.pipeline.parse_page

    def parse_failing_on_a(raw, name, published_on=None, **options):
        if name == "a-fails.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real_parse(raw, name, published_on=published_on, **options)

    monkeypatch.setattr(ingest.pipeline, "parse_page", parse_failing_on_a)
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("ingest", str(tmp_path), stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 2
    assert "a-fails.txt" in err.getvalue() and "maximum recursion depth exceeded" in err.getvalue()
    assert Source.objects.filter(name="b-loads.txt").exists()
