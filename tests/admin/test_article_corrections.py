"""An editor's corrections of an article (headline, byline, column, kind) outlive re-parses and re-ingests, and are
kept in the article's history; the parser's own writes add no history rows."""
import pytest
from django.core.management import call_command

from articles.models import Article, Source
from articles.services import source_ingest
from tests.admin.test_article_review import _errors, _form_data

pytestmark = pytest.mark.django_db



BODY = "今年全区城镇新增就业3000人，同比增长12%。自治区实施“乡村振兴带头人培育计划”，惠及3万余人。"


def _page(extra: str = "") -> bytes:
    return f"民声\n\n就业形势稳中向好\n\n□本报记者 张三\n\n{BODY * 3}{extra}\n".encode()


def _correct(client, article: Article, **changes: str) -> None:
    url = f"/admin/articles/article/{article.pk}/change/"
    form = _form_data(client.get(url))
    form.update(changes)
    response = client.post(url, form)
    assert response.status_code == 302, _errors(response)


def _silent(command: str, *args: str) -> None:
    from tests.conftest import _Null

    call_command(command, *args, stdout=_Null(), stderr=_Null())


def test_an_editors_headline_byline_column_and_kind_survive_reparse_all(editor_client):
    article = Article.objects.order_by("pk").first()
    _correct(editor_client, article, headline="编辑改过的标题", subheadline="编辑的副题", byline="李编辑", column="民情", kind="notice")
    _silent("reparse", "--all")
    article.refresh_from_db()
    assert (article.headline, article.subheadline, article.byline) == ("编辑改过的标题", "编辑的副题", ["李编辑"])
    assert (article.column, article.kind) == ("民情", "notice")
    assert set(article.edited_fields) == {"headline", "subheadline", "byline", "column", "kind"}


def test_an_editors_headline_survives_ingesting_a_changed_version_of_the_page(editor_client):
    article = source_ingest(raw=_page(), name="versioned.txt").source.articles.get()
    _correct(editor_client, article, headline="编辑更正的标题")
    source_ingest(raw=_page("另有200家企业参加。"), name="versioned.txt")
    article.refresh_from_db()
    assert article.headline == "编辑更正的标题"
    assert "另有200家企业参加" in article.text  # the new version's text did come in
    assert Source.objects.filter(name="versioned.txt").count() == 1


def test_fields_the_editor_left_alone_still_follow_the_parser(editor_client):
    article = Article.objects.order_by("pk").first()
    parsed_kind = article.kind
    _correct(editor_client, article, headline="只改了标题")
    Article.objects.filter(pk=article.pk).update(kind="brief" if parsed_kind != "brief" else "news")
    _silent("reparse", "--source", str(article.source_id))
    article.refresh_from_db()
    assert article.kind == parsed_kind and article.headline == "只改了标题"


def test_an_editors_change_is_kept_in_the_articles_history(editor_client):
    article = Article.objects.order_by("pk").first()
    _correct(editor_client, article, headline="历史里的标题")
    latest = article.history.first()
    assert latest.headline == "历史里的标题"
    assert latest.history_user.username == "editor"
    assert editor_client.get(f"/admin/articles/article/{article.pk}/history/").status_code == 200


def test_ingest_and_reparse_write_no_article_history_rows():
    before = Article.history.count()
    source = source_ingest(raw=_page(), name="quiet.txt").source
    source_ingest(raw=_page("再补充一句话，说明惠及人数。"), name="quiet.txt")
    _silent("reparse", "--source", str(source.pk))
    assert Article.history.count() == before
