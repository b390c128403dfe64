"""Figures are grouped under indicators; personal facts such as ages are not made into series."""
import pytest

from stats.models import Figure
from stats.services import indicator_for

pytestmark = pytest.mark.django_db


def test_figures_with_the_same_measure_share_one_indicator():
    cache: dict = {}
    first = indicator_for(measure="城镇新增就业", unit="人", cache=cache)
    assert first is not None
    assert indicator_for(measure="城镇新增就业", unit="人", cache={}) == first


def test_ages_are_not_an_indicator():
    assert indicator_for(measure="年龄", unit="岁", cache={}) is None
    assert not Figure.objects.filter(unit="岁", indicator__isnull=False).exists()
