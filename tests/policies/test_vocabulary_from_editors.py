"""Editors' vocabulary: an entry added in the admin is used by the next ingest at once (no restart), aliases link
to its name, and a merge makes the merged name an alias that later pages are read with."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.services import source_ingest
from policies.models import Program, ProgramMention, VocabularyEntry
from policies.services import program_merge, programme_vocabulary

pytestmark = pytest.mark.django_db
PAGE = "民生\n\n老人吃饭有了好去处\n\n本报记者 李明\n\n今年以来，某某区大力推进银发暖心助餐，全区已建成社区食堂12个，惠及老人3000余人。\n"


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_an_entry_added_in_the_admin_is_used_by_the_next_ingest(editor_client):
    first = source_ingest(raw=PAGE.encode(), name="before.txt")
    assert not ProgramMention.objects.filter(article__source=first.source, text="银发暖心助餐").exists()
    response = editor_client.post("/admin/policies/vocabularyentry/add/", {
        "name": "银发暖心助餐工程", "aliases": '["银发暖心助餐"]', "kind": "program", "level": "provincial",
        "issuing_body": "", "first_year": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert programme_vocabulary().canonical_name("银发暖心助餐") == "银发暖心助餐工程"
    second = source_ingest(raw=(PAGE + "（编辑添加词条之后）\n").encode(), name="after.txt")
    mention = ProgramMention.objects.get(article__source=second.source, text="银发暖心助餐")
    assert mention.program.name == "银发暖心助餐工程"  # the alias links to the entry's name


def test_a_merge_adds_the_merged_name_as_an_alias_even_without_an_entry():
    survivor = Program.objects.create(name="暖巢关爱行动", key="暖巢关爱行动", slug="nuanchao")
    other = Program.objects.create(name="暖巢计划", key="暖巢计划", slug="nuanchao-2")
    assert not VocabularyEntry.objects.filter(name="暖巢关爱行动").exists()
    program_merge(survivor=survivor, others=[other])
    entry = VocabularyEntry.objects.get(name="暖巢关爱行动")
    assert (entry.aliases, entry.added_by_editor) == (["暖巢计划"], True)
    page = "民生\n\n暖巢温暖空巢老人\n\n本报记者 王芳\n\n某某县实施暖巢计划，今年为空巢老人上门服务5000人次。\n"
    outcome = source_ingest(raw=page.encode(), name="merged.txt")
    mention = ProgramMention.objects.get(article__source=outcome.source, text="暖巢计划")
    assert mention.program == survivor
