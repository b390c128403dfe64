"""Public article pages render the seed corpus in Chinese, with no outside assets."""
import re

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_home_shows_counts_and_latest_articles(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert f"<strong>{Article.objects.count()}</strong> 篇文章" in html
    latest = Article.objects.published().first()
    assert latest.headline in html


def test_article_list_is_paginated(client):
    response = client.get("/articles/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"共 {Article.objects.count()} 篇" in html
    assert html.count('<li>') == min(20, Article.objects.count())
    assert client.get("/articles/?page=2").status_code == 200
    assert client.get("/articles/?page=abc").status_code == 200  # a malformed page number falls back, never a 500


def test_article_detail_shows_headline_and_paragraphs(client):
    article = Article.objects.exclude(headline="").first()
    response = client.get(f"/articles/{article.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert article.headline in html
    first_paragraph = article.text.splitlines()[0]
    assert first_paragraph[:20] in html


def test_a_hidden_article_is_not_public(client):
    article = Article.objects.first()
    article.is_public = False
    article.save()
    assert client.get(f"/articles/{article.pk}/").status_code == 404


def test_an_unknown_article_gets_the_site_404_page(client):
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/articles/"])
def test_pages_reference_no_outside_address(client, url):
    html = client.get(url).content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', html)
