"""A figure's sentence (and its span) is public text: on the site, in the API and in every file it is shown with the
article's personal data masked — what the parser found and what an editor added later — never as stored."""
import datetime
from html import unescape

import pytest

from articles.models import PersonalData, RecordStatus
from articles.services import source_ingest
from articles.services.public_view import article_public_refresh
from stats.models import Figure
from tests.test_personal_data_audit import digits_joined, readable

pytestmark = pytest.mark.django_db

ISSUE = datetime.date(2032, 2, 2)  # later than every seed page: the planted figure leads every newest-first list
PHONE, ID_NUMBER, NAME = "13812345678", "150105198802293017", "甄美玲"
SENTENCE = f"今年1—10月，全市为困难群众发放取暖补贴800万元，经办人{NAME}，咨询电话{PHONE}，身份证号{ID_NUMBER}。"


def _page() -> bytes:
    return f"民声\n\n取暖补贴发放到位\n\n□本报记者 张三\n\n{SENTENCE}\n".encode()


@pytest.fixture
def planted():
    """The page ingested; then the figure's sentence as a stale store could hold it (unmasked) and the name, which
    the parser does not take for personal data outside a notice, confirmed as such by an editor."""
    source = source_ingest(raw=_page(), name="sentence-pii.txt", published_on=ISSUE).source
    figure = Figure.objects.get(article__source=source, text__contains="800万元")
    assert PHONE not in figure.sentence and ID_NUMBER not in figure.sentence, "the parser stores the sentence masked"
    article = figure.article
    start = article.text.index(NAME)
    PersonalData.objects.create(
        article=article, kind=PersonalData.Kind.NAME, field=PersonalData.Field.TEXT, text=NAME,
        start=start, end=start + len(NAME), status=RecordStatus.CONFIRMED,
    )
    article_public_refresh(article=article)
    Figure.objects.filter(pk=figure.pk).update(sentence=SENTENCE)
    return Figure.objects.get(pk=figure.pk)


def _leaks(text: str) -> list[str]:
    joined = digits_joined(text)
    return [datum for datum in (PHONE, ID_NUMBER) if datum in joined] + ([NAME] if NAME in text else [])


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/figures?date_from=2032-02-01&limit=100",
        "/api/v1/figures/{pk}",
        "/api/v1/figures?date_from=2032-02-01&format=csv",
        "/api/v1/figures?date_from=2032-02-01&format=xlsx",
        "/stats/figures.csv?date_from=2032-02-01",
        "/stats/figures.xlsx?date_from=2032-02-01",
        "/stats/figures.json?date_from=2032-02-01",
        "/stats/?date_from=2032-02-01",
        "/articles/{article}/",
    ],
)
def test_a_figures_sentence_is_shown_masked_everywhere(client, planted, url):
    response = client.get(url.format(pk=planted.pk, article=planted.article_id))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = readable(body, response["Content-Type"])
    if "html" in response["Content-Type"]:
        text += unescape(body.decode())  # attributes too (a row's title quotes its sentence), which `readable` drops
    assert "800万元" in text or "800" in text, "the planted figure is in the answer"
    assert not _leaks(text)


def test_the_api_and_the_files_give_the_masked_sentence(client, planted):
    row = client.get(f"/api/v1/figures/{planted.pk}").json()
    assert row["sentence"].startswith("今年1—10月") and "138****5678" in row["sentence"] and "甄**" in row["sentence"]
    exported = client.get("/stats/figures.json?date_from=2032-02-01").json()["results"]
    mine = next(r for r in exported if r["id"] == planted.pk)
    assert mine["sentence"] == row["sentence"] and mine["provenance.text"] == row["provenance"]["text"]
