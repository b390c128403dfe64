"""A changed version of a stored page (same name, new bytes) takes the paper, page label and issue date it is given
or gives, like a first ingest — except an issue date an editor set, which stays."""
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from articles.models import Source
from articles.services import source_ingest
from articles.services.dating import source_date_set_by_editor

pytestmark = pytest.mark.django_db
PAGE = "民声\n\n就业稳中有进\n\n记者从自治区人社厅获悉，今年以来全区城镇新增就业18.6万人。{}\n"


def test_a_changed_version_takes_the_paper_page_and_date_it_is_given():
    source_ingest(raw=PAGE.format("").encode(), name="p.txt", published_on=date(2025, 3, 1))
    outcome = source_ingest(
        raw=PAGE.format("更正。").encode(), name="p.txt", published_on=date(2025, 3, 2), paper="内蒙古日报", page_label="05版"
    )
    source = Source.objects.get(pk=outcome.source.pk)
    assert (source.paper, source.page_label, source.published_on) == ("内蒙古日报", "05版", date(2025, 3, 2))
    assert source.articles.get().issue_date == date(2025, 3, 2)


def test_an_editors_issue_date_outlives_a_changed_version():
    first = source_ingest(raw=PAGE.format("").encode(), name="q.txt", published_on=date(2025, 3, 1), paper="北方新报")
    editor = get_user_model().objects.create_user("dater")
    source = first.source
    source.published_on = date(2025, 2, 28)
    source_date_set_by_editor(source=source, user=editor, changed_fields=["published_on"])
    source_ingest(raw=PAGE.format("更正。").encode(), name="q.txt", published_on=date(2025, 3, 5))
    source.refresh_from_db()
    assert source.published_on == date(2025, 2, 28) and source.published_basis.startswith("编辑指定")
    assert source.paper == "北方新报"  # not given again, not on the page: kept
    assert source.articles.get().issue_date == date(2025, 2, 28)
