"""Date filters take a calendar date written YYYY-MM-DD and nothing else: a number is not a Unix timestamp."""
import pytest

from articles.filters import InvalidFilter, parse_filters

pytestmark = pytest.mark.django_db

JUNK = ["0", "86400", "-86400", "1e5", "00-00", "0000-00-00", "2025-1-1", "20250101", "２０２５-０１-０１", "2025-02-30", "2025-01-01T00:00"]


@pytest.mark.parametrize("param", ["date_from", "date_to"])
@pytest.mark.parametrize("value", JUNK)
def test_it_refuses_anything_but_a_calendar_date(param, value):
    with pytest.raises(InvalidFilter) as caught:
        parse_filters({param: value})
    assert caught.value.param == param
    assert caught.value.reader_message == "日期格式应为 YYYY-MM-DD（例如 2025-11-24）"


def test_a_number_is_not_read_as_1970():
    with pytest.raises(InvalidFilter) as caught:
        parse_filters({"date_to": "0"})
    assert caught.value.message == "must be a date written YYYY-MM-DD, not '0'"


def test_a_calendar_date_is_still_a_filter():
    filters = parse_filters({"date_from": "2025-01-01", "date_to": "2026-02-28"})
    assert (filters.date_from.isoformat(), filters.date_to.isoformat()) == ("2025-01-01", "2026-02-28")


@pytest.mark.parametrize("path", ["/articles/", "/search/?q=医保&", "/stats/", "/qa/"])
@pytest.mark.parametrize("query", ["date_to=0", "date_from=0", "date_from=1e5", "date_to=00-00"])
def test_the_site_answers_a_junk_date_with_a_400_that_names_it(client, path, query):
    separator = "" if path.endswith("&") else "?"
    response = client.get(f"{path}{separator}{query}")
    assert response.status_code == 400
    label = "截止日期" if query.startswith("date_to") else "起始日期"
    assert f"<strong>{label}</strong> —— 日期格式应为 YYYY-MM-DD" in response.content.decode()


@pytest.mark.parametrize("name", ["articles", "figures", "qa", "dates"])
@pytest.mark.parametrize("query", ["date_to=0", "date_from=0", "date_from=1e5", "date_to=00-00"])
def test_the_api_answers_a_junk_date_with_a_422_naming_it(client, name, query):
    response = client.get(f"/api/v1/{name}?{query}")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["param"] == query.split("=")[0] and "YYYY-MM-DD" in error["message"]


def test_an_upload_refuses_a_number_as_its_issue_date_and_writes_nothing(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.models import ApiToken, Source

    _, secret = ApiToken.issue(name="导入脚本")
    before = Source.objects.count()
    page = SimpleUploadedFile("dated.txt", "民生\n\n社区食堂开张\n\n5月1日，新城区第一家社区食堂开张，每餐12元。\n".encode())
    response = client.post("/api/v1/sources", {"file": page, "published_on": "0"}, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 422 and response.json()["error"]["param"] == "published_on"
    assert Source.objects.count() == before
