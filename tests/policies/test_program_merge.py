"""Merging programmes: mentions and aliases move to the survivor; later mentions of a merged name find it."""
import pytest

from policies.models import Program, ProgramMention
from policies.services import program_for, program_merge

pytestmark = pytest.mark.django_db


def test_merging_moves_mentions_and_aliases_to_the_survivor():
    survivor = Program.objects.create(name="甲计划", key="甲计划", slug="jia")
    other = Program.objects.create(name="甲计划项目", key="甲计划项目", slug="jia-xm", aliases=["甲项目"])
    article_mention = ProgramMention.objects.first()
    article_mention.program = other
    article_mention.save()
    assert program_merge(survivor=survivor, others=[other]) == 1
    survivor.refresh_from_db()
    assert not Program.objects.filter(pk=other.pk).exists()
    assert {"甲计划项目", "甲项目"} <= set(survivor.aliases)
    article_mention.refresh_from_db()
    assert article_mention.program == survivor


def test_a_later_mention_of_a_merged_name_links_to_the_survivor():
    survivor = Program.objects.create(name="乙工程", key="乙工程", slug="yi")
    other = Program.objects.create(name="乙工程二期", key="乙工程二期", slug="yi-2")
    program_merge(survivor=survivor, others=[other])
    assert program_for(name="乙工程二期", kind="program", surface="“乙工程二期”", cache={}) == survivor
