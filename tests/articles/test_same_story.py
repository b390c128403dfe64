"""The same story on two pages (seeds 000 and 001 carry two in different versions) is linked, never dropped."""
import pytest

from articles.models import Article
from articles.same_story import align_by_similarity

pytestmark = pytest.mark.django_db


def test_the_stories_printed_on_both_seed_pages_are_linked_across_pages():
    later = Article.objects.filter(source__name__startswith="000", duplicate_of__isnull=False)
    pairs = {(a.headline, a.duplicate_of.headline) for a in later} | {
        (a.headline, a.duplicate_of.headline)
        for a in Article.objects.filter(source__name__startswith="001", duplicate_of__source__name__startswith="000")
    }
    headlines = {h for pair in pairs for h in pair}
    assert any("看病更近了" in h for h in headlines)
    assert any("居民医保" in h for h in headlines)


def test_both_versions_stay_stored():
    assert Article.objects.filter(headline__contains="看病更近了").count() == 2


def test_a_notice_printed_twice_on_one_page_is_linked_to_its_first_printing():
    notices = Article.objects.filter(source__name__startswith="001", kind="notice").order_by("position")
    linked = [n for n in notices if n.duplicate_of_id]
    assert linked and all(n.duplicate_of.source_id == n.source_id for n in linked)


def test_alignment_pairs_each_new_text_with_its_old_version():
    old = ["今年全区新增就业岗位3000个，同比增长12%。企业稳岗返还资金发放到位。", "集采药品进村入户，群众购药更方便了。"]
    new = ["集采药品进村入户，群众购药更加方便了。", "今年全区新增就业岗位3000个，同比增长12%。企业稳岗返还资金已发放到位。"]
    assert align_by_similarity(old, new) == {0: 1, 1: 0}
