"""Public pages of the articles app: home, the article list and an article's page."""
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from articles.models import Article, Source

ARTICLES_PER_PAGE = 20


def home(request):
    articles = Article.objects.published()
    context = {
        "latest": articles.select_related("source")[:8],
        "counts": {"sources": Source.objects.count(), "articles": articles.count()},
    }
    return render(request, "home.html", context)


def article_list(request):
    articles = Article.objects.published().select_related("source")
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/list.html", {"page": page})


def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.published().select_related("source"), pk=pk)
    return render(request, "articles/detail.html", {"article": article})
