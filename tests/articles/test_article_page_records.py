"""The article page and its API twin fetch the rare record kinds (policy documents, Q&A pairs, personal data) only
for an article that has them, and skip the same-story lookup for an original nobody repeats — and still show
exactly what a plain fetch of every kind shows."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import browse
from articles.models import Article
from policies.models import QAPair

pytestmark = pytest.mark.django_db


def _shown(article: Article) -> dict[str, list[int]]:
    records = browse.public_records(article)
    return {name: sorted(r.pk for r in rows) for name, rows in records.items()} | {
        name: sorted(r.pk for r in getattr(article, name).all()) for name in browse.RARE_RECORDS
    }


def test_an_article_with_rare_records_shows_them_and_one_without_shows_none_in_fewer_statements():
    with_qa = Article.objects.published().filter(pk__in=QAPair.objects.values("article_id")).first()
    plain = (
        Article.objects.published()
        .exclude(pk__in=QAPair.objects.values("article_id"))
        .exclude(documents__isnull=False)
        .exclude(personal_data__isnull=False)
        .first()
    )
    for article in (with_qa, plain):
        assert _shown(browse.article_for_page(article.pk)) == _shown(Article.objects.get(pk=article.pk))
    assert browse.article_for_page(with_qa.pk).qa_pairs.all()
    with CaptureQueriesContext(connection) as rich:
        browse.article_for_page(with_qa.pk)
    with CaptureQueriesContext(connection) as bare:
        loaded = browse.article_for_page(plain.pk)
        assert not loaded.qa_pairs.all() and not loaded.documents.all() and not loaded.personal_data.all()
    assert len(bare.captured_queries) < len(rich.captured_queries)


def test_the_same_story_lookup_is_skipped_only_for_an_original_nobody_repeats():
    copy = Article.objects.published().filter(duplicate_of__isnull=False, duplicate_of__is_public=True).first()
    original = browse.article_for_page(copy.duplicate_of_id)
    assert copy.pk in [a.pk for a in browse.same_story(original)]
    assert original.pk in [a.pk for a in browse.same_story(browse.article_for_page(copy.pk))]
    repeated = Article.objects.filter(duplicate_of__isnull=False).values("duplicate_of_id")
    alone = Article.objects.published().filter(duplicate_of__isnull=True).exclude(pk__in=repeated).first()
    loaded = browse.article_for_page(alone.pk)
    with CaptureQueriesContext(connection) as queries:
        assert browse.same_story(loaded) == []
    assert len(queries.captured_queries) == 0
