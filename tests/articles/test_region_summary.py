"""The region counts (/regions/, every region page, the API's region facet) read from a per-article summary that the
database keeps with every write: they equal the counts taken from the mentions and figures themselves, after ingest,
re-parse, an editor's review or correction, hiding or deleting an article — and the page shows the new count at once."""
import pytest

from articles import browse
from articles.models import Article, ArticleRegion, Region, RegionMention, Source
from articles.services.editing import article_save_by_editor
from articles.services.ingest import source_reparse
from articles.services.review import record_save_by_editor, records_review
from stats.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor-summary", password="x", is_staff=True)


def _agree() -> dict[str, tuple[int, int]]:
    counts = browse._region_counts()
    assert counts == browse.region_counts_from_mentions()
    return counts


def _an_article_naming(prefix: str) -> Article:
    """The public article with the most published mentions under `prefix` and at least one published figure."""
    ids = (
        RegionMention.objects.published().filter(region__code__startswith=prefix).values_list("article_id", flat=True)
    )
    with_figures = set(Figure.objects.published().filter(article_id__in=ids).values_list("article_id", flat=True))
    assert with_figures, f"the seed pages have an article naming {prefix} with figures"
    return Article.objects.get(pk=min(with_figures))


def test_the_seed_archive_s_summary_gives_the_counts_of_the_mentions_themselves():
    counts = _agree()
    assert counts["150000"][0] > 1 and counts["150000"][1] > 0
    # Each article once per division, whatever its number of mentions: the province counts each article under it once.
    under = set(
        RegionMention.objects.published().filter(region__code__startswith="15").values_list("article_id", flat=True)
    )
    assert counts["150000"][0] == len(under)


def test_an_editor_s_rejection_lowers_the_counts_at_once_on_the_region_page(client, editor):
    article = _an_article_naming("15")
    before = _agree()
    client.get("/regions/150000/")  # the counts of this generation are cached
    mentions = RegionMention.objects.filter(article=article, region__code__startswith="15")
    records_review(records=mentions, user=editor, status="rejected")
    after = _agree()
    figures = Figure.objects.published().filter(article=article).count()
    assert after["150000"] == (before["150000"][0] - 1, before["150000"][1] - figures)
    page = client.get("/regions/150000/").content.decode()
    assert f"{after['150000'][0]} 篇文章 · {after['150000'][1]} 条数据" in page


def test_a_rejected_figure_leaves_the_figure_counts_and_a_corrected_mention_moves_the_article(editor):
    article = _an_article_naming("15")
    before = _agree()
    figure = Figure.objects.published().filter(article=article).first()
    figure.status = "rejected"
    record_save_by_editor(record=figure, user=editor, changed_fields=["status"])
    after = _agree()
    assert after["150000"] == (before["150000"][0], before["150000"][1] - 1)

    # An editor corrects every mention of the article to a county of a province the article does not name.
    named = set(ArticleRegion.objects.filter(article=article).values_list("code", flat=True))
    county = Region.objects.filter(level="county").exclude(code__regex="^(" + "|".join(c[:2] for c in named) + ")").first()
    province = county.code[:2] + "0000"
    for mention in RegionMention.objects.published().filter(article=article, region__code__startswith="15"):
        mention.region_id = county.code
        record_save_by_editor(record=mention, user=editor, changed_fields=["region"])
    moved = _agree()
    assert moved["150000"][0] == before["150000"][0] - 1
    assert moved[county.code][0] == before.get(county.code, (0, 0))[0] + 1
    assert moved[province][0] == before.get(province, (0, 0))[0] + 1  # and the province above it


def test_hiding_an_article_takes_it_out_and_showing_it_puts_it_back(editor):
    article = _an_article_naming("15")
    before = _agree()
    article.is_public = False
    article_save_by_editor(article=article, user=editor, changed_fields=["is_public"])
    hidden = _agree()
    assert hidden["150000"][0] == before["150000"][0] - 1
    assert not ArticleRegion.objects.filter(article=article).exists()
    article.is_public = True
    article_save_by_editor(article=article, user=editor, changed_fields=["is_public"])
    assert _agree() == before


def test_a_re_parse_and_a_deleted_page_keep_the_summary_equal_to_the_mentions():
    source = Source.objects.filter(articles__regions__isnull=False).distinct().first()
    before = _agree()
    RegionMention.objects.filter(article__source=source).delete()  # as if the rules had found none
    assert _agree() != before
    source_reparse(source=source)  # the current rules find them again
    assert _agree() == before
    article_ids = list(source.articles.values_list("pk", flat=True))
    source.delete()
    _agree()
    assert not ArticleRegion.objects.filter(article_id__in=article_ids).exists()


def test_an_update_that_changes_no_counted_column_leaves_the_summary_rows_alone():
    """Editors' notes, review dates and masks are written far more often than statuses: they recount nothing."""
    article = _an_article_naming("15")
    rows = set(ArticleRegion.objects.filter(article=article).values_list("pk", "code", "figures"))
    RegionMention.objects.filter(article=article).update(needs_review=True)
    Figure.objects.filter(article=article).update(needs_review=True)
    assert set(ArticleRegion.objects.filter(article=article).values_list("pk", "code", "figures")) == rows
    RegionMention.objects.filter(article=article).update(is_public=False)
    assert not ArticleRegion.objects.filter(article=article).exists()
    _agree()
