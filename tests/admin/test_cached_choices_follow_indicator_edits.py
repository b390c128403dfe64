"""An editor's change to an indicator (hidden, featured, renamed, merged) moves the archive generation on, so the
cached /stats/ choices and overview never keep showing the old indicator."""
import pytest

from articles.summaries import cached, generation
from stats.models import Indicator
from stats.services import indicator_merge

pytestmark = pytest.mark.django_db


def _indicator(name: str) -> Indicator:
    return Indicator.objects.create(name=name, unit="人", slug=f"{name}-slug", key=f"{name}|人")


def test_hiding_an_indicator_in_the_admin_list_refreshes_what_is_cached(editor_client):
    indicator = _indicator("编辑隐藏的指标")
    cached("probe", lambda: "before the edit")
    before = generation()
    response = editor_client.post(
        "/admin/stats/indicator/",
        {
            "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(indicator.pk), "form-0-is_featured": "", "_save": "保存",
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.is_public is False
    assert generation() != before
    assert cached("probe", lambda: "recomputed") == "recomputed"


def test_merging_indicators_refreshes_what_is_cached():
    survivor, other = _indicator("并入的指标甲"), _indicator("并入的指标乙")
    before = generation()
    indicator_merge(survivor=survivor, others=[other])
    assert generation() != before
