"""Test helpers for bounded work: a crowded page (hundreds of articles, Q&A pairs, mentions and figures built from a
seed article's real text) and a log of the rows each SQL statement returned."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.db import connection

from articles.models import Article, Source
from policies.models import Program, ProgramMention, QAPair
from stats.models import Figure, Indicator

# The columns of the page file: no list, search or record page may select them.
PAGE_FILE_COLUMNS = ('"articles_source"."raw"', '"articles_source"."text"')


@dataclass
class Statement:
    sql: str
    rows: int  # rows the statement returned (psycopg's rowcount after a SELECT)


@contextmanager
def fetched_rows() -> Iterator[list[Statement]]:
    """Every SQL statement run inside the block, with how many rows it returned."""
    log: list[Statement] = []

    def record(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        log.append(Statement(sql, context["cursor"].rowcount))
        return result

    with connection.execute_wrapper(record):
        yield log


def selects_page_file(log: list[Statement]) -> list[str]:
    """The statements that selected a page file's bytes or text."""
    return [s.sql for s in log if s.sql.lstrip().upper().startswith("SELECT") and any(c in s.sql.split(" FROM ")[0] for c in PAGE_FILE_COLUMNS)]


def rows_of(log: list[Statement], table: str) -> int:
    """The largest number of rows any statement selecting from `table` returned."""
    return max((s.rows for s in log if f'FROM "{table}"' in s.sql), default=0)


@dataclass
class CrowdedPage:
    source: Source
    articles: list[Article]
    program: Program
    indicators: list[Indicator]


def crowded_page(*, articles: int, qa_pairs: int, figures_per_indicator: int = 0, indicators: int = 0) -> CrowdedPage:
    """One page holding `articles` articles (a copy of a seed Q&A article's text each), `qa_pairs` pairs asking about
    低保, one programme named in every article, and `indicators` indicators with `figures_per_indicator` figures each.
    Written in bulk: parsing such a page would take the test minutes and prove nothing more here."""
    seed = QAPair.objects.select_related("article").first()
    body = seed.article.text
    raw = ("\n\n".join(f"{seed.article.headline}\n{body}" for _ in range(8)) * 4).encode("utf-8")
    raw += f"\n{articles}-{qa_pairs}-{figures_per_indicator}".encode()  # a distinct file per size
    source = Source.objects.create(
        name=f"crowded-{articles}.txt", sha256=hashlib.sha256(raw).hexdigest(), raw=raw, text=raw.decode("utf-8"),
        encoding="utf-8", published_on=date(2026, 1, 5),
    )
    rows = Article.objects.bulk_create(
        Article(source=source, issue_date=source.published_on, position=i, headline=f"低保申领问答（{i + 1}）", text=body, kind=Article.Kind.QA)
        for i in range(articles)
    )
    question = "低保怎么申请？"
    answer = "符合条件的家庭可向户籍所在地乡镇（街道）提出申请，也可通过线上渠道办理。"
    QAPair.objects.bulk_create(
        QAPair(article=rows[i % articles], start=0, end=len(question), text=question,
               question=f"{question}（第{i + 1}问）", answer=answer)
        for i in range(qa_pairs)
    )
    program = Program.objects.create(slug=f"低保-{articles}", name="城乡低保", key=f"城乡低保-{articles}")
    ProgramMention.objects.bulk_create(
        ProgramMention(article=article, program=program, name="城乡低保", start=0, end=2, text=body[:2]) for article in rows
    )
    made = [Indicator.objects.create(name=f"低保对象人数{k}", unit="人", slug=f"dibao-{articles}-{k}") for k in range(indicators)]
    Figure.objects.bulk_create(
        Figure(article=rows[n % articles], indicator=indicator, value=1000 + n, unit="人", measure=indicator.name,
               period=f"20{10 + n % 16}年", start=0, end=2, text=f"{1000 + n}人", program=program)
        for indicator in made
        for n in range(figures_per_indicator)
    )
    return CrowdedPage(source, rows, program, made)
