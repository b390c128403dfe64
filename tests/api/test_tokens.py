"""POST /api/v1/sources: ingest for holders of an API token (stored hashed, managed in the admin); 401 otherwise."""
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import ApiToken, Article, Source
from tests.conftest import SEED_PAGES

pytestmark = pytest.mark.django_db
PAGE = "民生\n\n社区食堂开张 老人吃饭不再难\n\n本报记者 李明\n\n5月1日，呼和浩特市新城区第一家社区食堂开张，每餐12元，已服务老人300余人次。\n"


def upload(client, secret=None, content=None, name="new-page.txt"):
    content = PAGE.encode() if content is None else content
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return client.post("/api/v1/sources", {"file": SimpleUploadedFile(name, content)}, headers=headers)


def test_without_a_token_an_upload_is_a_401_and_nothing_is_written(client):
    before = Source.objects.count()
    response = upload(client)
    assert response.status_code == 401
    assert response.json()["error"]["status"] == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert upload(client, "not-a-real-token-at-all").status_code == 401
    assert Source.objects.count() == before


def test_a_token_is_stored_only_as_its_hash():
    token, secret = ApiToken.issue(name="导入脚本")
    assert token.hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.hash, token.prefix} and secret.startswith(token.prefix)
    assert ApiToken.authenticate(secret) == token
    assert ApiToken.authenticate(secret[:-1] + "x") is None


def test_a_valid_token_ingests_a_page_once(client):
    token, secret = ApiToken.issue(name="导入脚本")
    first = upload(client, secret)
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["created"] is True and body["articles"] >= 1
    assert Article.objects.filter(source_id=body["source"]["id"]).count() == body["articles"]
    again = upload(client, secret)
    assert again.status_code == 200 and again.json()["created"] is False
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_is_refused(client):
    token, secret = ApiToken.issue(name="旧脚本")
    ApiToken.objects.filter(pk=token.pk).update(is_active=False)
    assert upload(client, secret).status_code == 401


def test_a_binary_file_is_a_422_with_the_reason_and_nothing_half_written(client):
    _, secret = ApiToken.issue(name="导入脚本")
    before = (Source.objects.count(), Article.objects.count())
    response = upload(client, secret, content=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, name="photo.png")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["param"] == "file" and error["message"]
    assert (Source.objects.count(), Article.objects.count()) == before


def test_a_missing_file_is_a_422_naming_it(client):
    _, secret = ApiToken.issue(name="导入脚本")
    response = client.post("/api/v1/sources", {}, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 422 and response.json()["error"]["param"] == "file"


def test_reading_never_needs_a_token_and_other_writes_are_not_allowed(client):
    assert client.get("/api/v1/sources").status_code == 200
    assert client.post("/api/v1/articles", {}).status_code == 405
    assert SEED_PAGES  # the seed pages are what the list shows
    assert client.get("/api/v1/sources").json()["count"] == len(SEED_PAGES)


def test_the_admin_shows_the_secret_once_on_creation(admin_client):
    response = admin_client.post("/admin/articles/apitoken/add/", {"name": "合作方", "is_active": "on"})
    token = ApiToken.objects.get(name="合作方")
    secret = response.context["secret"]
    assert secret.startswith(token.prefix) and f'value="{secret}"' in response.content.decode()
    assert ApiToken.authenticate(secret) == token
    page = admin_client.get(f"/admin/articles/apitoken/{token.pk}/change/").content.decode()
    assert secret not in page and token.hash not in page


def test_a_saved_web_article_is_ingested_with_its_paper_and_an_html_page_without_one_is_a_422(client):
    from pathlib import Path

    web = Path(__file__).resolve().parent.parent / "data" / "web"
    _, secret = ApiToken.issue(name="导入脚本")
    headers = {"Authorization": f"Bearer {secret}"}
    page = SimpleUploadedFile("farmland.html", (web / "xianghe_farmland_trad.html").read_bytes())
    response = client.post("/api/v1/sources", {"file": page, "page_label": "A3"}, headers=headers)
    assert response.status_code == 201, response.content
    source = response.json()["source"]
    assert (source["paper"], source["page_label"], source["published_on"]) == ("农民日报", "A3", "2014-09-20")
    before = Source.objects.count()
    empty = SimpleUploadedFile("index.html", (web / "no_article_index.html").read_bytes())
    response = client.post("/api/v1/sources", {"file": empty}, headers=headers)
    assert response.status_code == 422 and "no article body" in response.json()["error"]["message"]
    assert Source.objects.count() == before
