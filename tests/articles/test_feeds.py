"""Atom feeds of new articles and programmes, narrowed by region or topic, linked from the pages."""
import xml.etree.ElementTree as ET

import pytest

from articles.filters import filter_articles, parse_filters
from articles.models import Article
from policies.filters import filter_programs
from policies.models import Program

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(response) -> list[ET.Element]:
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_the_articles_feed_lists_new_public_articles(client):
    Article.objects.filter(pk=Article.objects.first().pk).update(is_public=False)
    entries = _entries(client.get("/feeds/articles.atom"))
    assert len(entries) == min(30, Article.objects.published().count())
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    hidden = Article.objects.filter(is_public=False).first()
    assert f"http://testserver{hidden.get_absolute_url()}" not in links
    assert all(e.find(f"{ATOM}title").text for e in entries)


def test_a_feed_narrowed_by_region_and_topic_holds_what_the_list_would(client):
    filters = parse_filters({"region": "150100", "topic": "employment"})
    expected = {f"http://testserver{a.get_absolute_url()}" for a in filter_articles(Article.objects.published(), filters)}
    feed = ET.fromstring(client.get("/feeds/articles.atom?region=150100&topic=employment").content)
    assert {e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")} == expected
    assert "呼和浩特市" in feed.find(f"{ATOM}title").text
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith("?region=150100&topic=employment")


def test_the_programmes_feed_lists_new_programmes_by_topic(client):
    filters = parse_filters({"topic": "employment"})
    entries = _entries(client.get("/feeds/programs.atom?topic=employment"))
    assert len(entries) == min(30, filter_programs(Program.objects.published(), filters).count()) > 0


def test_a_bad_filter_is_a_400_that_names_it(client):
    response = client.get("/feeds/articles.atom?region=abc")
    assert response.status_code == 400 and "地区" in response.content.decode()


def test_pages_link_their_feeds(client):
    assert 'rel="alternate" type="application/atom+xml" title="民生 · 最新文章" href="/feeds/articles.atom"' in client.get("/").content.decode()
    html = client.get("/articles/?region=150100&topic=employment").content.decode()
    assert 'href="/feeds/articles.atom?region=150100&amp;topic=employment"' in html
    assert 'href="/feeds/programs.atom?region=150100"' in client.get("/regions/150100/").content.decode()
