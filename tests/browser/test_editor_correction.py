"""An editor in a real browser: logs in, corrects a figure, confirms a region; the public page shows the correction."""
import pytest

from articles.models import RecordStatus
from stats.models import Figure
from tests.browser.conftest import make_editor, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_editor_corrects_a_figure_and_confirms_a_region_and_readers_see_it(page, live_server):
    editor = make_editor("editor")
    figure = Figure.objects.filter(article__regions__isnull=False, value__lt=1000).order_by("article_id", "start").first()
    article = figure.article
    region = article.regions.order_by("start").first()

    sign_in(page, live_server, "editor")

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert page.locator(".review-text mark.rec-figure").count() > 0  # records are highlighted in the text
    figure_row = page.locator(f"input[name^='figures-'][name$='-id'][value='{figure.pk}']").locator("xpath=ancestor::tr")
    figure_row.locator("input[name$='-value']").fill("98765")
    region_row = page.locator(f"input[name^='regions-'][name$='-id'][value='{region.pk}']").locator("xpath=ancestor::tr")
    region_row.locator("select[name$='-status']").select_option("confirmed")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1, page.locator(".errornote, .errorlist").all_inner_texts()

    figure.refresh_from_db()
    region.refresh_from_db()
    assert figure.value == 98765 and figure.status == RecordStatus.CORRECTED and figure.reviewed_by == editor
    assert region.status == RecordStatus.CONFIRMED

    page.goto(f"{live_server.url}/articles/{article.pk}/")
    assert "9.8765万" in page.locator("aside.records").inner_text()  # the corrected value, exactly
