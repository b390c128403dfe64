"""Public article pages: home, the filtered list and an article's page, in Chinese, with no outside assets."""
import re

import pytest

from articles.models import Article, PersonalData, Topic
from policies.models import Program, ProgramMention

pytestmark = pytest.mark.django_db


def test_home_shows_counts_latest_articles_and_the_search_box(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert f"<strong>{Article.objects.published().count()}</strong> 篇文章" in html
    assert Article.objects.published().first().headline in html
    assert 'action="/search/"' in html


def test_home_lists_the_programmes_mentioned_in_most_articles_first(client):
    top = max(Program.objects.published(), key=lambda p: (len({m.article_id for m in p.mentions.all()}), -ord(p.name[0])))
    html = client.get("/").content.decode()
    ranked = html[html.index('id="programs-heading"') :]
    assert f"{len({m.article_id for m in top.mentions.all()})} 篇文章" in ranked.split("</li>")[0]


def test_home_shows_items_the_editors_featured(client):
    article = Article.objects.exclude(headline="").last()
    Article.objects.filter(pk=article.pk).update(is_featured=True)
    Program.objects.filter(pk=Program.objects.last().pk).update(is_featured=True)
    html = client.get("/").content.decode()
    featured = html[html.index('id="featured-heading"') :]
    assert article.headline in featured and Program.objects.last().name in featured


def test_home_query_count_does_not_depend_on_the_corpus(client, django_assert_max_num_queries):
    # The first reader of an archive generation (as here: the cache is new) also rewrites the programme counts
    # summary (policies.services.program_counts_refresh): one statement more, once per change of the archive.
    with django_assert_max_num_queries(13):
        client.get("/")


def test_article_list_is_paginated_and_counts_every_article(client):
    html = client.get("/articles/").content.decode()
    assert f"共 {Article.objects.published().count()} 篇" in html
    assert client.get("/articles/?page=2").status_code == 200
    assert client.get("/articles/?page=abc").status_code == 200  # a malformed page number falls back, never a 500


def test_article_list_filters_by_topic_and_links_the_same_query_in_the_api(client):
    topic = Topic.objects.get(slug="health")
    expected = Article.objects.published().filter(topics=topic).count()
    html = client.get("/articles/?topic=health").content.decode()
    assert f"共 {expected} 篇" in html
    assert 'href="/api/v1/articles?topic=health"' in html


def test_article_list_filters_by_region_including_the_divisions_below_it(client):
    in_baotou_or_below = Article.objects.published().filter(regions__region__code__startswith="1502").distinct().count()
    html = client.get("/articles/?region=150200").content.decode()
    assert f"共 {in_baotou_or_below} 篇" in html


def test_a_bad_filter_names_the_parameter_and_answers_400(client):
    response = client.get("/articles/?date_from=2026-01-01&date_to=2025-01-01")
    assert response.status_code == 400
    assert "筛选条件有误：<strong>起始日期</strong> —— 起始日期晚于截止日期" in response.content.decode()


def test_a_malformed_date_is_explained_in_chinese(client):
    html = client.get("/articles/?date_from=2025-13-45").content.decode()
    assert "<strong>起始日期</strong> —— 日期格式应为 YYYY-MM-DD（例如 2025-11-24）" in html
    assert "Input should" not in html


@pytest.mark.parametrize("url", ["/articles/?region=999999", "/search/?q=医保&region=999999"])
def test_an_unknown_region_is_a_filter_error_not_a_server_error(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "筛选条件有误：<strong>地区</strong> —— 没有代码为 999999 的行政区划" in response.content.decode()


def test_article_list_sorts_oldest_first(client):
    shown = client.get("/articles/?sort=oldest").context["page"].object_list
    oldest = Article.objects.published().order_by("source__published_on", "source_id", "position").first()
    assert shown[0] == oldest
    assert [a.source.published_on for a in shown] == sorted(a.source.published_on for a in shown)


def test_article_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        client.get("/articles/")


def test_article_page_marks_records_in_the_text_and_lists_them_beside_it(client):
    mention = ProgramMention.objects.published().select_related("program", "article").first()
    html = client.get(mention.article.get_absolute_url()).content.decode()
    assert 'class="rec rec-program"' in html
    assert 'class="rec rec-figure"' in html or not mention.article.figures.exists()
    assert f'href="{mention.program.get_absolute_url()}">{mention.program.name}</a>' in html
    assert f'href="/api/v1/articles/{mention.article_id}"' in html


def test_article_page_masks_personal_data(client):
    item = PersonalData.objects.filter(field="text").select_related("article").first()
    number = item.article.text[item.start : item.end]
    html = client.get(item.article.get_absolute_url()).content.decode()
    assert number not in html
    assert item.article.public_text[item.start : item.end] in html


def test_article_page_links_the_same_story_on_another_page(client):
    copy = Article.objects.filter(duplicate_of__isnull=False).select_related("duplicate_of").first()
    html = client.get(copy.get_absolute_url()).content.decode()
    assert f'href="{copy.duplicate_of.get_absolute_url()}"' in html
    html = client.get(copy.duplicate_of.get_absolute_url()).content.decode()
    assert f'href="{copy.get_absolute_url()}"' in html


def test_article_page_query_count_does_not_grow_with_records(client, django_assert_max_num_queries):
    article = max(Article.objects.published(), key=lambda a: a.figures.count() + a.regions.count())
    with django_assert_max_num_queries(18):  # 16, and a figure's own region and programme (two prefetches)
        client.get(article.get_absolute_url())


def test_a_hidden_article_is_not_public(client):
    article = Article.objects.first()
    article.is_public = False
    article.save()
    assert client.get(f"/articles/{article.pk}/").status_code == 404


def test_an_unknown_article_gets_the_site_404_page(client):
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html and 'href="/static/css/site.css"' in html


@pytest.mark.parametrize("url", ["/", "/articles/", "/search/?q=医保", "/regions/", "/regions/150000/"])
def test_pages_reference_no_outside_address(client, url):
    html = client.get(url).content.decode()
    assert not re.search(r'(src|href|action)="(https?:)?//', html)
