"""API router of the articles app: /api/v1/articles."""
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja import Field

from articles.models import Article
from articles.schemas import ArticleDetailOut, ArticleListOut

router = Router(tags=["articles"])
MAX_LIMIT = 100


class Page(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})", examples=[20])
    offset: int = Field(0, ge=0, description="number of records to skip", examples=[0])


def _article_out(article: Article) -> dict:
    return {
        "id": article.pk,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "column": article.column,
        "byline": article.byline,
        "kind": article.kind,
        "source": {"id": article.source_id, "name": article.source.name, "published_on": article.source.published_on},
        "url": article.get_absolute_url(),
        "text": article.text,
    }


@router.get("", response=ArticleListOut, summary="List articles")
def list_articles(request, page: Query[Page]):
    """Published articles, newest issue first, with the total count and a link to the next page."""
    articles = Article.objects.published().select_related("source")
    count = articles.count()
    rows = articles[page.offset : page.offset + page.limit]
    next_offset = page.offset + page.limit
    next_url = None
    if next_offset < count:
        next_url = request.build_absolute_uri(f"{request.path}?limit={page.limit}&offset={next_offset}")
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "next": next_url,
        "results": [_article_out(a) for a in rows],
    }


@router.get("/{int:article_id}", response=ArticleDetailOut, summary="One article")
def get_article(request, article_id: int):
    article = get_object_or_404(Article.objects.published().select_related("source"), pk=article_id)
    return _article_out(article)
