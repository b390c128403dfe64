"""Creating an API token in the admin: the secret is in that one response, never in a cookie or the session."""
import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory

from articles.models import ApiToken

pytestmark = pytest.mark.django_db


def _create(admin_client, name: str = "合作方", follow: bool = False):
    return admin_client.post("/admin/articles/apitoken/add/", {"name": name, "is_active": "on"}, follow=follow)


def test_the_secret_is_shown_in_the_response_that_creates_the_token(admin_client):
    response = _create(admin_client)
    assert response.status_code == 200  # rendered at once, not a redirect to a page that reads it back
    secret = response.context["secret"]
    assert ApiToken.authenticate(secret) == ApiToken.objects.get(name="合作方")
    assert "只显示这一次" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def _cookie_messages(response) -> list[str]:
    """The messages the (signed, compressed, not encrypted) messages cookie carries: anyone holding it can read them."""
    morsel = response.cookies.get(CookieStorage.cookie_name)
    if morsel is None or not morsel.value:
        return []
    return [str(message) for message in CookieStorage(RequestFactory().get("/"))._decode(morsel.value) or []]


def test_the_secret_rides_in_no_cookie_and_stays_out_of_the_session(admin_client):
    response = _create(admin_client, follow=False)
    token = ApiToken.objects.get(name="合作方")
    assert not any(token.prefix in message for message in _cookie_messages(response))
    assert all(token.prefix not in str(value) for value in admin_client.session.values())
    following = admin_client.get("/admin/articles/apitoken/")
    assert not any(token.prefix in message for message in _cookie_messages(following))


def test_saving_an_existing_token_shows_no_secret(admin_client):
    token = ApiToken.objects.get(pk=_create(admin_client).context["token"].pk)
    response = admin_client.post(f"/admin/articles/apitoken/{token.pk}/change/", {"name": "改名", "is_active": "on"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.name == "改名" and ApiToken.objects.filter(prefix=token.prefix).count() == 1
