"""Saved web articles: the body of an HTML page (trafilatura), and the dateline line of a web reprint.

A web article reaches the pipeline either as `.html` (the page as a browser saves it) or as text copied from one.
Both carry a dateline line near the top — `发布时间:2015-08-28 02:31:23 来源:农民日报 责任编辑:…` — that gives the
issue date, the source paper and the byline (记者/作者/文/通讯员 are authors; 责任编辑 is not). `read_dateline` reads
it from text; `html_page_text` turns an HTML page into the plain text the page parser reads: headline, the dateline
line found in the page (verbatim), then the body paragraphs trafilatura finds. Trafilatura works on the bytes given;
nothing is fetched.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .decode import UndecodableFile, is_cjk
from .vocab import byline_roles

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)
MIN_BODY_CJK = 30  # an "article" with fewer Chinese characters than this is navigation, not a body
DATELINE_LINES = 15  # a dateline stands among the first lines of the article
DATELINE_MAX_CHARS = 160

_LABELS = (
    "发布时间", "发表时间", "发布日期", "更新时间", "时间", "日期", "来源", "稿源", "作者", "记者", "通讯员", "撰稿", "文",
    "责任编辑", "编辑", "责编", "审核", "校对", "浏览次数", "浏览", "点击", "阅读", "字号",
)
_AUTHOR_LABELS = frozenset({"作者", "记者", "通讯员", "撰稿", "文"})
_DATE_LABELS = frozenset({"发布时间", "发表时间", "发布日期", "更新时间", "时间", "日期"})
# A label is a word from _LABELS followed by a colon; 文 also as 文/ (文/张三).
_LABEL_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*[:：]\s*|(?<![\u4e00-\u9fff])(文)/"
)
_DATE_RE = re.compile(
    r"(?<!\d)(20\d\d|19\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?(?!\d)"
)
_WEB_COMPANIONS = frozenset({
    "来源", "稿源", "作者", "记者", "通讯员", "撰稿", "文", "责任编辑", "编辑", "责编", "浏览次数", "浏览", "点击", "阅读", "字号",
})
# A short line that is a date with its time of day (西安日报 2019-10-31 04:10; 2019-11-04 14:10:21): a web dateline.
_TIMED_DATE_RE = re.compile(
    r"(?<!\d)(?:(?:20\d\d|19\d\d)\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}(?:\s*日)?"
    r"|(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d))"  # 26.07.2017 14:44 on some reprint sites
    r"\s+\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
)
TIMED_LINE_MAX_CHARS = 40
_OUTLET_RE = re.compile(r"(?:报|网|社|台|刊|客户端|新闻|频道|杂志|时报|周刊)$|报社|日报|晚报|新闻网")
_PAPER_TAIL = re.compile(r"[\s|｜_\-—]+.*$")
# A masthead: the paper's name alone on the first line (《西安日报》 or 西安日报 2019年10月31日).
_MASTHEAD_RE = re.compile(
    r"^\s*《?([\u4e00-\u9fff]{2,12}(?:日报|晚报|晨报|早报|商报|时报|都市报|农民报|工人报|青年报|法制报))》?"
    r"(?:\s+.{0,40})?\s*$"
)
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|—{1,2}|-{1,2}|–)\s*")


@dataclass
class WebDateline:
    """What a web dateline line says; offsets of the line in the text it was read from."""

    start: int
    end: int
    date: datetime.date | None = None
    paper: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass
class WebPageText:
    """An HTML page reduced to the text the page parser reads, with what trafilatura said about it."""

    text: str
    title: str | None
    basis: str  # "trafilatura" or "trafilatura baseline" (its simpler paragraph extractor)


class NoArticleBody(UndecodableFile):
    """An HTML page in which no article body was found (an index page, a login wall, an empty template)."""


def looks_like_html(raw: bytes, name: str) -> bool:
    """True for a file named .html/.htm or whose first bytes open an HTML document."""
    return name.lower().endswith(HTML_SUFFIXES) or bool(_HTML_START.match(raw[:4096]))


def read_dateline(text: str) -> WebDateline | None:
    """The first web dateline among the first lines of `text` (simplified script), or None.

    A dateline is a short line with a 来源: label naming an outlet, or a publishing-time label (发布时间:) with a
    date, or a date with its time of day and little else. A dateline without a date takes one from the line
    after it when that line is a date and time alone (来源: 长城网 / 2019-11-04 14:10:21)."""
    lines = text.split("\n")[:DATELINE_LINES]
    offset = 0
    for number, line in enumerate(lines):
        found = _read_line(line, offset) if len(line) <= DATELINE_MAX_CHARS else None
        if found is not None:
            if found.date is None:
                after = next((later for later in lines[number + 1:number + 3] if later.strip()), "")
                timed = _timed_line(after, 0) if _TIMED_DATE_RE.fullmatch(after.strip()) else None
                found.date = timed.date if timed else None
            if found.paper is None:  # Xin Lang Cai Jing·2026-02-08 22:43 / (来源:新华日报) …
                for later in lines[number + 1:number + 4]:
                    more = _read_line(later, 0) if len(later) <= DATELINE_MAX_CHARS else _read_line(later[:DATELINE_MAX_CHARS], 0)
                    if more is not None and more.paper:
                        found.paper = more.paper
                        found.authors = found.authors or more.authors
                        break
            return found
        offset += len(line) + 1
    return None


def is_dateline(line: str) -> bool:
    """True for a web dateline line (simplified script): it stays a paragraph of its own, never a headline."""
    return len(line) <= DATELINE_MAX_CHARS and _read_line(line, 0) is not None


def _read_line(line: str, offset: int) -> WebDateline | None:
    labels = list(_LABEL_RE.finditer(line))
    if not labels:
        return _timed_line(line, offset)
    fields: dict[str, str] = {}
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(line)
        fields.setdefault(label.group(1) or label.group(2), line[label.end():end].strip(" \t\u3000-|｜"))
    dated_by = next((name for name in fields if name in _DATE_LABELS and _DATE_RE.search(fields[name])), None)
    # 时间：/日期： alone also open a notice's lines (时间：12月1日 地点：…): they need a web label beside them
    if dated_by in ("时间", "日期") and not fields.keys() & _WEB_COMPANIONS:
        dated_by = None
    dated = fields[dated_by] if dated_by else None
    paper = _paper(fields.get("来源") or fields.get("稿源") or "")
    if dated is None:  # 2019-05-11 16:03 来源: 新华社 — a date before the first label
        head = line[:labels[0].start()]
        dated = head if _DATE_RE.search(head) else None
    if dated is None and paper is None:  # 来源：市人社局 under a table is a credit, not a dateline
        return None
    authors = [name for label, value in fields.items() if label in _AUTHOR_LABELS for name in author_names(value)]
    return WebDateline(offset, offset + len(line), _date(dated), paper, authors)


def _timed_line(line: str, offset: int) -> WebDateline | None:
    """西安日报 2019-10-31 04:10: a short line that is a date with its time, and perhaps the outlet's name."""
    stripped = line.strip()
    match = _TIMED_DATE_RE.search(stripped)
    if not match or len(stripped) > TIMED_LINE_MAX_CHARS:
        return None
    rest = (stripped[:match.start()] + " " + stripped[match.end():]).strip(" ·|-—")
    if match.group("year"):
        try:
            day = datetime.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        except ValueError:
            return None
    else:
        day = _date(match.group())
    return WebDateline(offset, offset + len(line), day, _paper(rest) if rest else None, [])


def _date(value: str | None) -> datetime.date | None:
    match = _DATE_RE.search(value or "")
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _paper(value: str) -> str | None:
    """The outlet a 来源: names — a paper, site, agency or broadcaster (农民日报, 新华社, 中国政府网), else None."""
    value = _PAPER_TAIL.sub("", value.strip()).strip("《》“”\"'()（） ")
    if not value or not _OUTLET_RE.search(value):
        return None
    return value[:64]


def author_names(value: str) -> list[str]:
    """Names after 作者:/记者: — `张春晓 范 粟` is two names (a two-character name is printed with a space)."""
    names: list[str] = []
    for chunk in re.split(r"[、，,；;/]+", value):
        tokens = [token for token in chunk.split() if token not in byline_roles()]  # 文/孙八 通讯员 周九
        merged: list[str] = []
        for token in tokens:
            if merged and len(token) == 1 and len(merged[-1]) == 1:
                merged[-1] += token
            else:
                merged.append(token)
        names.extend(token for token in merged if 2 <= len(token) <= 6 and all(is_cjk(ch) or ch == "·" for ch in token))
    return names


def read_masthead(text: str) -> str | None:
    """The paper named alone on the page's first non-empty line (a masthead), or None."""
    for line in text.split("\n")[:3]:
        if line.strip():
            match = _MASTHEAD_RE.match(line)
            return match.group(1) if match else None
    return None


def html_page_text(html: str) -> WebPageText:
    """Headline, dateline line and body paragraphs of a saved web article; NoArticleBody when there is no body."""
    import trafilatura  # imported here: only HTML pages need it (and its import is not free)

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True, fast=False,
        )
        body = (getattr(document, "text", None) or "").strip() if document is not None else ""
        basis = "trafilatura"
        if _cjk_count(body) < MIN_BODY_CJK:
            _, body, _ = trafilatura.baseline(html)  # all paragraph-like text: for pages whose layout it cannot read
            body = body.strip()
            basis = "trafilatura baseline"
    except (ValueError, TypeError, RecursionError, MemoryError) as error:  # a document lxml cannot build
        raise NoArticleBody(
            f"the HTML page could not be read ({type(error).__name__})", "这个网页无法解析（HTML 结构无法读取）",
        ) from error
    if _cjk_count(body) < MIN_BODY_CJK:
        raise NoArticleBody(
            "the HTML page has no article body (no paragraphs of Chinese text were found in it)",
            "这个网页里没有找到文章正文（没有中文段落）",
        )
    title = _title(getattr(document, "title", None) if document is not None else None)
    dateline = _dateline_in_page(html)
    lines = [line for line in (title, dateline) if line and line not in body[:400]]
    body_lines = [line.strip() for line in body.split("\n") if line.strip()]
    text = "\n\n".join(lines + ["\n".join(body_lines)])
    return WebPageText(text=text, title=title, basis=basis)


def _title(value: str | None) -> str | None:
    """The headline without a site name after it (`标题_新浪新闻`, `标题 - 人民网`)."""
    if not value:
        return None
    value = " ".join(value.split())
    parts = [part for part in _TITLE_SEPARATORS.split(value) if part]
    return max(parts[:1] + [p for p in parts[1:] if len(p) > len(parts[0]) * 2], key=len) if parts else None


def _dateline_in_page(html: str) -> str | None:
    """The dateline line as printed anywhere in the page's visible text (trafilatura leaves it out of the body)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, TypeError, SyntaxError):
        return None
    for bad in root.xpath("//script|//style|//noscript"):
        bad.getparent().remove(bad)
    best: tuple[int, int, str] | None = None
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "head", "title"):
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > DATELINE_MAX_CHARS:
            continue
        found = _read_line(_simplified(text), 0)
        if found is None:
            continue
        # the element that says most (date, paper, authors), and of those the smallest: not its headline too
        key = (-((found.date is not None) + (found.paper is not None) + bool(found.authors)), len(text), text)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def _simplified(text: str) -> str:
    from .script import simplified_shadow

    return simplified_shadow(text)


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if is_cjk(ch))
