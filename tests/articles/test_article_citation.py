"""An article page shows an inferred issue date as inferred, with its basis, and a citation line its JSON twin repeats."""
import re
from html import unescape

import pytest

from articles.models import Article, Source

pytestmark = pytest.mark.django_db


def _citation(html: str) -> str:
    return unescape(re.search(r'<p class="citation-line" id="citation-text">(.*?)</p>', html).group(1))


def test_an_inferred_issue_date_is_shown_as_inferred_with_its_basis(client):
    article = Article.objects.published().filter(source__published_basis__startswith="latest reported event").first()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "推断</strong>：按文中报道的最晚事件日期" in html
    assert f"[{article.source.published_on.isoformat()}]" in _citation(html)


def test_a_date_set_by_an_editor_is_not_called_inferred(client):
    article = Article.objects.published().first()
    Source.objects.filter(pk=article.source_id).update(published_basis="编辑指定（editor）")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "推断</strong>" not in html
    assert f", {article.source.published_on.isoformat()}[" in _citation(html)


def test_the_json_twin_carries_the_same_citation_and_the_date_basis(client):
    article = Article.objects.published().exclude(byline=[]).first()
    html = client.get(article.get_absolute_url()).content.decode()
    body = client.get(f"/api/v1/articles/{article.pk}").json()
    assert body["citation"] == _citation(html)
    assert body["citation"].startswith(f"{article.public_byline[0]}. {article.public_headline}[N/OL]. ")
    assert body["citation"].endswith(f" http://testserver/articles/{article.pk}/.")
    assert body["source"]["published_inferred"] is True and "推断" in body["source"]["published_basis"]


def test_the_copy_button_is_a_script_of_the_site_not_inline(client):
    article = Article.objects.published().first()
    html = client.get(article.get_absolute_url()).content.decode()
    assert re.search(r'<script src="/static/js/copy\.js" defer></script>', html)
    assert 'data-copy="citation-text"' in html
    assert "<script>" not in html


def test_the_citation_names_the_paper_and_page_the_source_records(client):
    article = Article.objects.published().first()
    Source.objects.filter(pk=article.source_id).update(paper="内蒙古日报", page_label="第5版", published_basis="web dateline")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"内蒙古日报, {article.source.published_on.isoformat()}(第5版)[" in _citation(html)
    assert "推断</strong>" not in html
    assert f"来源：内蒙古日报 第5版，版面文件 {article.source.name}" in html
