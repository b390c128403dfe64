"""/api/v1/articles: published articles only, masked text, records with provenance, no query per row."""
import pytest

from articles.models import Article, PersonalData, RecordStatus, RegionMention
from articles.summaries import archive_changed
from stats.models import Figure

pytestmark = pytest.mark.django_db


def test_it_lists_published_articles_with_a_total_count_and_a_next_link(get_json):
    _, body = get_json("/api/v1/articles?limit=5")
    assert body["count"] == Article.objects.published().count() and body["count_is_exact"]
    assert len(body["results"]) == 5
    assert "cursor=" in body["next"] and body["next"].endswith("limit=5")  # the newest order pages by cursor
    _, following = get_json(body["next"].removeprefix("http://testserver"))
    _, by_offset = get_json("/api/v1/articles?limit=5&offset=5")
    assert following["results"] == by_offset["results"]
    assert {"id", "headline", "column", "byline", "kind", "topics", "source", "url"} <= set(body["results"][0])


def test_a_hidden_article_is_neither_listed_nor_served(client, get_json):
    hidden = Article.objects.first()
    Article.objects.filter(pk=hidden.pk).update(is_public=False)
    _, body = get_json("/api/v1/articles?limit=100")
    assert hidden.pk not in [row["id"] for row in body["results"]]
    assert body["count"] == Article.objects.published().count()
    assert client.get(f"/api/v1/articles/{hidden.pk}").status_code == 404


def test_an_unknown_article_is_a_404_in_the_error_shape(get_json):
    response, body = get_json("/api/v1/articles/999999")
    assert response.status_code == 404
    assert body == {"error": {"status": 404, "message": "not found"}}


def test_the_article_text_has_personal_data_masked(get_json):
    pii = PersonalData.objects.exclude(status=RecordStatus.REJECTED).filter(field="text").select_related("article").first()
    assert pii is not None, "the seed pages hold personal data"
    assert pii.text in pii.article.text
    _, body = get_json(f"/api/v1/articles/{pii.article_id}")
    assert pii.text not in body["text"]
    assert body["text"] == pii.article.public_text
    assert "personal_data" not in body["records"]


def test_an_article_comes_with_its_published_records_and_their_provenance(get_json):
    figure = Figure.objects.published().first()
    rejected = Figure.objects.filter(article=figure.article).exclude(pk=figure.pk).first()
    Figure.objects.filter(pk=rejected.pk).update(status=RecordStatus.REJECTED)
    _, body = get_json(f"/api/v1/articles/{figure.article_id}")
    figures = {row["id"]: row for row in body["records"]["figures"]}
    assert rejected.pk not in figures
    assert figures[figure.pk]["provenance"] == {
        "article_id": figure.article_id,
        "start": figure.start,
        "end": figure.end,
        "text": figure.text,
        "status": figure.status,
        "extractor_version": figure.extractor_version,
    }
    assert body["text"][figure.start : figure.end] == figure.text
    assert set(body["records"]) == {"figures", "dates", "regions", "programs", "qa_pairs"}


def test_kind_and_region_filters_match_the_site(client, get_json):
    _, body = get_json("/api/v1/articles?kind=qa&limit=100")
    assert body["count"] == Article.objects.published().filter(kind="qa").count() > 0
    assert {row["kind"] for row in body["results"]} == {"qa"}
    site = client.get("/articles/?region=150000")
    _, api = get_json("/api/v1/articles?region=150000&limit=100")
    assert site.context["page"].paginator.count == api["count"] > 0


def test_q_ranks_articles_by_relevance(get_json):
    _, body = get_json("/api/v1/articles?q=医保")
    assert body["count"] > 0
    assert "医保" in body["results"][0]["headline"]


def test_the_list_makes_the_same_number_of_queries_for_5_or_50_rows(client, django_assert_max_num_queries):
    client.get("/api/v1/articles?limit=5")  # warm caches (content types, etc.)
    with django_assert_max_num_queries(8):
        client.get("/api/v1/articles?limit=5&facets=region,topic,year,kind")
    with django_assert_max_num_queries(8):
        client.get("/api/v1/articles?limit=50&facets=region,topic,year,kind")


def test_the_article_page_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    article = max(Article.objects.published(), key=lambda a: Figure.objects.filter(article=a).count())
    with django_assert_max_num_queries(15):
        client.get(f"/api/v1/articles/{article.pk}")


def test_every_published_article_has_a_detail_that_matches_the_schema(client, assert_matches_schema):
    articles = Article.objects.published()
    assert articles.filter(duplicate_of__isnull=False).exists(), "the seed pages reprint some stories"
    for article in articles:
        response = client.get(f"/api/v1/articles/{article.pk}")
        assert response.status_code == 200, article.pk
        assert_matches_schema(response.json(), "articles/{article_id}")


def test_a_reprint_names_the_published_article_it_repeats(client):
    reprint = Article.objects.published().filter(duplicate_of__is_public=True).first()
    body = client.get(f"/api/v1/articles/{reprint.pk}").json()
    assert body["duplicate_of"] == reprint.duplicate_of_id
    assert client.get(f"/api/v1/articles/{body['duplicate_of']}").status_code == 200
    Article.objects.filter(pk=reprint.duplicate_of_id).update(is_public=False)
    assert client.get(f"/api/v1/articles/{reprint.pk}").json()["duplicate_of"] is None  # never a link to a 404


def test_the_region_facet_counts_what_the_region_filter_selects(client):
    facets = client.get("/api/v1/articles?facets=region&limit=1").json()["facets"]["region"]
    top = facets[0]
    assert top["value"] == "150000", "the seed pages are mostly about Inner Mongolia"
    assert client.get(f"/api/v1/articles?region={top['value']}").json()["count"] == top["count"]
    for facet in facets:
        assert client.get(f"/api/v1/articles?region={facet['value']}").json()["count"] == facet["count"], facet


def test_a_province_facet_counts_articles_naming_any_division_in_it(client):
    top = client.get("/api/v1/articles?facets=region&limit=1").json()["facets"]["region"][0]
    direct = Article.objects.published().filter(regions__region_id=top["value"]).distinct().count()
    below = Article.objects.published().filter(regions__region__code__startswith=top["value"][:2]).distinct().count()
    assert top["count"] == below > direct


def test_a_place_mention_an_editor_hid_counts_neither_in_the_facet_nor_in_the_filter(client):
    url = "/api/v1/articles?facets=region&limit=1"
    county = next(f for f in client.get(url).json()["facets"]["region"] if not f["value"].endswith("00"))
    article = Article.objects.published().filter(regions__region_id=county["value"]).first()
    RegionMention.objects.filter(article=article, region_id=county["value"]).update(is_public=False)
    archive_changed()  # as an editor's change through the admin ends (facet counts are cached per generation)
    after = next(f for f in client.get(url).json()["facets"]["region"] if f["value"] == county["value"])
    assert after["count"] == county["count"] - 1
    assert client.get(f"/api/v1/articles?region={county['value']}").json()["count"] == after["count"]
