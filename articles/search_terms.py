"""Search terms for Chinese full text: jieba words plus character bigrams, for documents and queries alike.

Documents are indexed with the words jieba cuts (with the gazetteer dictionary) and every CJK character bigram, so
a two-character query such as 医保 is found wherever it stands, not only where jieba cut a word boundary. Plain
Python, no Django.
"""
from __future__ import annotations

import re

from articles.extract import fastcut
from articles.extract.segmenter import get_tokenizer

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+(?:\.[0-9]+)?")
MAX_QUERY_TERMS = 12


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]


def document_terms(text: str) -> tuple[list[str], list[str]]:
    """(jieba words, CJK bigrams in reading order) for one document."""
    tokenizer = get_tokenizer()
    words = [w.lower() for w in fastcut.cut_for_search(tokenizer, text) if _WORD.fullmatch(w)]
    grams = [gram for run in _CJK_RUN.findall(text) for gram in bigrams(run)]
    return words, grams


def query_terms(query: str) -> list[str]:
    """The words of a query as jieba cuts them with the same dictionary as the index."""
    tokenizer = get_tokenizer()
    terms: list[str] = []
    for chunk in _WORD.findall(query[:200]):
        if _CJK_RUN.fullmatch(chunk) and len(chunk) > 2:
            terms.extend(w for w in fastcut.cut(tokenizer, chunk) if w.strip())
        else:
            terms.append(chunk.lower())
    seen: list[str] = []
    for term in terms:
        if term not in seen:
            seen.append(term)
    return seen[:MAX_QUERY_TERMS]


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("'", "''").replace("\\", "\\\\") + "'"


def tsquery(query: str) -> str | None:
    """A raw PostgreSQL tsquery: every query word must match, as a jieba word or as its adjacent bigrams."""
    parts = []
    for term in query_terms(query):
        if _CJK_RUN.fullmatch(term) and len(term) > 1:
            phrase = " <-> ".join(_quote(gram) for gram in bigrams(term))
            parts.append(f"({_quote(term)} | ({phrase}))")
        else:
            parts.append(_quote(term) + (":*" if not _CJK_RUN.fullmatch(term) else ""))
    return " & ".join(parts) or None
