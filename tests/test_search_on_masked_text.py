"""Search and filters run on masked text only: a query built from hidden digits learns nothing (issue 11, item 2)."""
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from articles.services import source_ingest

pytestmark = pytest.mark.django_db

PLANTED = Path(__file__).resolve().parent / "data" / "hostile" / "pii_planted.txt"
# The planted answer reads 电话TEL:13512345678 (shown 135****5678): the first query is its true hidden digits.
TRUE_GUESS, FALSE_GUESS = "1351234", "1351235"
SEARCHES = ["/api/v1/qa?q=", "/qa/?q=", "/search/?q=", "/api/v1/search?q=", "/articles/?q=", "/api/v1/articles?q="]


@pytest.fixture(autouse=True)
def planted():
    source_ingest(raw=PLANTED.read_bytes(), name="pii_planted.txt", published_on=date(2031, 1, 6))


def answer(client, url: str, query: str) -> str:
    response = client.get(url + quote(query))
    assert response.status_code == 200
    return response.content.decode().replace(quote(query), "").replace(query, "")


@pytest.mark.parametrize("url", SEARCHES)
def test_a_right_and_a_wrong_guess_of_hidden_digits_get_the_same_answer(client, url):
    right, wrong = answer(client, url, TRUE_GUESS), answer(client, url, FALSE_GUESS)
    assert right == wrong
    assert "捡到钱包应该怎么办" not in right


@pytest.mark.parametrize("url", SEARCHES)
def test_a_whole_hidden_number_or_a_hidden_name_finds_nothing(client, url):
    for query in ("13812345678", "150203197506152023", "甄美玲"):
        assert "认领钱包" not in answer(client, url, query), query


def test_the_masked_text_itself_is_still_searchable(client):
    assert "捡到钱包应该怎么办" in client.get("/api/v1/qa?q=" + quote("捡到钱包")).content.decode()
