"""Citing an article: the GB/T 7714-2015 reference line of a newspaper article read online ([N/OL]), and a reader's
wording of how an issue date was found. Plain values in, text out; no Django."""
from __future__ import annotations

import re
from datetime import date

MAX_AUTHORS = 3  # GB/T 7714-2015 8.1.2: the first three responsible persons, then “等”
UNKNOWN_PAPER = "[报纸名不详]"
# Words before a name in a byline that are roles, not part of the name.
_ROLE = re.compile(r"^(?:本报(?:特约)?记者|特约记者|记者|通讯员|实习生|见习记者|文/|图/|文图/|文\s*图/)\s*")
# Bases of an issue date that state it rather than infer it: given at ingest, set by an editor, read from the page.
STATED_BASES = ("given", "编辑指定", "file name", "web dateline", "masthead")


def authors(byline: list[str]) -> str:
    """The responsible persons as GB/T 7714 lists them: names separated by “, ”, more than three cut to three + 等."""
    names = [_ROLE.sub("", name).strip() for name in byline]
    names = [name for name in names if name]
    if len(names) > MAX_AUTHORS:
        return ", ".join(names[:MAX_AUTHORS]) + ", 等"
    return ", ".join(names)


def date_is_inferred(basis: str) -> bool:
    """Whether an issue date was estimated from the text (not given at ingest, set by an editor or read off the page)."""
    return not basis.strip().startswith(STATED_BASES)


def citation_line(
    *,
    paper: str,
    headline: str,
    byline: list[str],
    issue_date: date | None,
    page_label: str = "",
    url: str = "",
    date_inferred: bool = False,
    accessed: date | None = None,
) -> str:
    """The GB/T 7714-2015 reference of a newspaper article read online:
    `作者. 题名[N/OL]. 报纸名, 出版日期(版次)[引用日期]. URL.` An estimated issue date is put in square brackets
    (8.4.1: a date not stated by the source is given in []), an unknown paper as [报纸名不详]."""
    who = authors(byline)
    title = (headline or "").strip() or "[无题]"
    when = issue_date.isoformat() if issue_date else "[出版日期不详]"
    if issue_date and date_inferred:
        when = f"[{when}]"
    page = f"({page_label.strip()})" if page_label and page_label.strip() else ""
    cited = f"[{accessed.isoformat()}]" if accessed and url else ""
    line = f"{who}. " if who else ""
    line += f"{title}[N/OL]. " if url else f"{title}[N]. "
    line += f"{paper.strip() or UNKNOWN_PAPER}, {when}{page}{cited}."
    if url:
        line += f" {url}."
    return line


_EVENT = re.compile(r"latest reported event (\d{4}-\d{2}-\d{2})")


def basis_label(basis: str, earliest: date | None = None, latest: date | None = None) -> str:
    """How an issue date was found, in words for readers (the stored basis is a short English note)."""
    text = basis.strip()
    if text.startswith("编辑指定"):
        return text
    if text == "given":
        return "导入时指定"
    if text == "file name":
        return "取自文件名"
    if text == "web dateline":
        return "取自网页的发布时间"
    span = f"，应在 {earliest.isoformat()} 至 {latest.isoformat()} 之间" if earliest and latest and earliest != latest else ""
    event = _EVENT.search(text)
    if event:
        return f"按文中报道的最晚事件日期 {event.group(1)} 推断{span}"
    if text.startswith("only years mentioned"):
        return f"文中只提到年份，无法确定具体日期{span}"
    if text.startswith("no dates"):
        return "文中没有日期"
    return text
