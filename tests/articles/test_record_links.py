"""Provenance to the sentence: links to a record land on its anchor in the article page; permalinks redirect there."""
import re

import pytest

from articles.models import DateMention, RegionMention
from policies.models import QAPair
from stats.models import Figure

pytestmark = pytest.mark.django_db


def test_every_public_record_has_its_anchor_in_the_article_page(client):
    figure = Figure.objects.published().first()
    html = client.get(f"/articles/{figure.article_id}/").content.decode()
    ids = set(re.findall(r'id="([a-z]-\d+)"', html))
    for model, prefix in ((Figure, "f"), (DateMention, "d"), (RegionMention, "r"), (QAPair, "q")):
        for pk in model.objects.published().filter(article_id=figure.article_id).values_list("pk", flat=True):
            assert f"{prefix}-{pk}" in ids


def test_stats_links_go_to_the_sentence(client):
    html = client.get("/stats/").content.decode()
    links = re.findall(r'href="/articles/(\d+)/#f-(\d+)"', html)
    assert links
    for article_id, figure_id in links[:20]:
        assert Figure.objects.get(pk=figure_id).article_id == int(article_id)


def test_chart_points_are_links_to_their_sentence(client):
    html = client.get("/stats/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(r'<a href="/articles/\d+/#f-\d+"><(circle|rect)', svg)


def test_region_programme_and_qa_pages_link_to_the_sentence(client):
    assert re.search(r'href="/articles/\d+/#f-\d+"', client.get("/regions/150000/").content.decode())
    assert re.search(r'href="/articles/\d+/#q-\d+"', client.get("/qa/").content.decode())
    program = QAPair.objects.published().first()  # a programme mentioned in a Q&A article has mentions to link
    mention = program.article.programs.first()
    html = client.get(mention.program.get_absolute_url()).content.decode()
    assert re.search(r'href="/articles/\d+/#p-\d+"', html)


def test_the_sidebar_lists_a_repeated_region_once_with_its_count(client):
    counts = {}
    for mention in RegionMention.objects.published().filter(region__isnull=False):
        counts.setdefault(mention.article_id, {}).setdefault(mention.region_id, []).append(mention)
    article_id, regions = max(counts.items(), key=lambda item: max(len(v) for v in item[1].values()))
    code, mentions = max(regions.items(), key=lambda item: len(item[1]))
    assert len(mentions) > 1
    html = client.get(f"/articles/{article_id}/").content.decode()
    aside = html[html.index('<aside class="records"') :]
    listed = aside[aside.index("<h3>地区</h3>") :].split("</ul>")[0]  # the figures above may link their own region
    assert listed.count(f'href="/regions/{code}/"') == 1
    assert f"×{len(mentions)}" in aside
    assert f'href="#r-{mentions[0].pk}"' in aside


@pytest.mark.parametrize(("path", "model", "prefix"), [("figures", Figure, "f"), ("dates", DateMention, "d"), ("qa", QAPair, "q")])
def test_a_record_permalink_redirects_to_its_sentence(client, path, model, prefix):
    record = model.objects.published().first()
    response = client.get(f"/{path}/{record.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/articles/{record.article_id}/#{prefix}-{record.pk}"


def test_a_hidden_record_has_no_permalink(client):
    figure = Figure.objects.published().first()
    Figure.objects.filter(pk=figure.pk).update(is_public=False)
    assert client.get(f"/figures/{figure.pk}/").status_code == 404
    assert client.get("/figures/999999/").status_code == 404


def test_article_and_record_urls_built_once_per_script_prefix_equal_django_s_reverse():
    """Article URLs are reversed once per script prefix and filled in by id: the same as `reverse()`, under a
    prefix too (a site served below /minsheng/)."""
    from django.urls import clear_script_prefix, reverse, set_script_prefix

    from articles.models.article import article_path
    from articles.templatetags.site import record_link

    try:
        for prefix in ("/", "/minsheng/"):
            set_script_prefix(prefix)
            for pk in (1, 42, 987654321, 1234567890):
                assert article_path(pk) == reverse("articles:detail", args=[pk])
                assert record_link("figure", pk, 7) == reverse("articles:detail", args=[pk]) + "#f-7"
    finally:
        clear_script_prefix()
