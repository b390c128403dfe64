"""The one filter layer: parameters refused with a reason readers can read, and only public records select rows."""
import pytest

from articles.filters import InvalidFilter, filter_articles, parse_filters
from articles.models import Article, RegionMention
from policies.models import ProgramMention

pytestmark = pytest.mark.django_db


def _refusal(params: dict) -> InvalidFilter:
    with pytest.raises(InvalidFilter) as caught:
        parse_filters(params)
    return caught.value


@pytest.mark.parametrize(
    ("params", "label", "reader_message"),
    [
        ({"date_from": "2025-13-45"}, "起始日期", "日期格式应为 YYYY-MM-DD（例如 2025-11-24）"),
        ({"date_to": "昨天"}, "截止日期", "日期格式应为 YYYY-MM-DD（例如 2025-11-24）"),
        ({"date_from": "2026-01-01", "date_to": "2025-01-01"}, "起始日期", "起始日期晚于截止日期"),
        ({"region": "15"}, "地区", "地区代码应为六位数字（例如 150000）"),
        ({"region": "999999"}, "地区", "没有代码为 999999 的行政区划"),
        ({"column": "栏" * 33}, "栏目", "最长 32 个字"),
        ({"topic": "health\x00"}, "主题", "含有 NUL 字符（%00）"),
    ],
)
def test_it_refuses_a_bad_parameter_with_its_chinese_label_and_reason(params, label, reader_message):
    refusal = _refusal(params)
    assert (refusal.label, refusal.reader_message) == (label, reader_message)


def test_a_refused_kind_or_status_lists_the_allowed_values_in_chinese():
    assert _refusal({"kind": "poem"}).reader_message.startswith("应为以下体裁之一：消息（news）")
    assert "已确认（confirmed）" in _refusal({"status": "rejected"}).reader_message


def test_the_api_keeps_its_english_message():
    refusal = _refusal({"region": "999999"})
    assert refusal.message == "999999 is not a known division code" and refusal.param == "region"


def _only_mention(mentions, key: str):
    """A public mention that is its article's only public mention of the same `key` value."""
    for mention in mentions:
        value = getattr(mention, key)
        if mentions.filter(article_id=mention.article_id, **{key: value}).count() == 1:
            return mention
    raise AssertionError("the seed corpus has no such mention")


def test_a_hidden_region_mention_no_longer_selects_its_article(client):
    mention = _only_mention(RegionMention.objects.published().filter(region__level="county"), "region_id")
    code = mention.region_id
    assert filter_articles(Article.objects.published(), parse_filters({"region": code})).filter(pk=mention.article_id).exists()
    mention.is_public = False
    mention.save()
    assert not filter_articles(Article.objects.published(), parse_filters({"region": code})).filter(pk=mention.article_id).exists()
    assert mention.article not in client.get("/articles/", {"region": code}).context["page"].object_list
    assert mention.article_id not in [row["id"] for row in client.get(f"/api/v1/articles?region={code}&limit=100").json()["results"]]


def test_a_hidden_programme_mention_no_longer_selects_its_article(client):
    mention = _only_mention(ProgramMention.objects.published(), "program_id")
    slug = mention.program.slug
    assert mention.article in client.get("/articles/", {"program": slug}).context["page"].object_list
    mention.is_public = False
    mention.save()
    assert mention.article not in client.get("/articles/", {"program": slug}).context["page"].object_list
    assert mention.article_id not in [row["id"] for row in client.get(f"/api/v1/articles?program={slug}&limit=100").json()["results"]]
