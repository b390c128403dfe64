"""Shared fixtures of the admin tests: a logged-in member of the Editors group."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


@pytest.fixture
def editor_client(client):
    """A client logged in as a staff user in the Editors group (the permissions editors really have)."""
    user = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client
