"""The admin requires a login and lists the seed pages and articles for staff."""
import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/", "/admin/articles/article/", "/admin/articles/source/"])
def test_the_admin_requires_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_see_sources_and_search_articles(client):
    user = get_user_model().objects.create_superuser("editor", "", "a-long-test-password")
    client.force_login(user)
    assert client.get("/admin/articles/source/").status_code == 200
    response = client.get("/admin/articles/article/", {"q": "医保"})
    assert response.status_code == 200
    assert "医保" in response.content.decode()
