"""Behind a TLS proxy with the production settings: https is trusted from the proxy's header, http is redirected
(except the health probe), HSTS is sent."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def behind_a_proxy(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    settings.ALLOWED_HOSTS = ["minsheng.example.org"]


def test_a_request_the_proxy_marks_https_is_served_with_hsts(client, behind_a_proxy):
    response = client.get("/regions/", HTTP_HOST="minsheng.example.org", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=3600"


def test_a_plain_http_request_is_redirected_to_https(client, behind_a_proxy):
    response = client.get("/regions/?q=1", HTTP_HOST="minsheng.example.org")
    assert response.status_code == 301 and response["Location"] == "https://minsheng.example.org/regions/?q=1"


def test_a_client_cannot_claim_https_when_no_proxy_header_is_trusted(client, behind_a_proxy, settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    response = client.get("/regions/", HTTP_HOST="minsheng.example.org", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301


def test_the_health_probe_answers_over_plain_http(client, behind_a_proxy):
    response = client.get("/api/v1/health", HTTP_HOST="minsheng.example.org")
    assert response.status_code == 200
