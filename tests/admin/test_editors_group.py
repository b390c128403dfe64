"""The Editors group made by a migration: records and programmes yes; users and raw sources no."""
import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def test_editors_may_change_records_and_programmes():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"change_figure", "change_datemention", "change_regionmention", "change_programmention", "change_qapair"} <= codenames
    assert {"change_program", "change_indicator", "change_article", "add_source"} <= codenames


def test_editors_may_not_manage_users_or_delete_anything():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert not {"change_user", "add_user", "delete_user", "change_group"} & codenames
    assert not {c for c in codenames if c.startswith("delete_")}
