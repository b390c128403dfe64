"""Reference measurement: the JioNLP library scored on the same pages and hand annotations as Minsheng.

Role: an outside yardstick for the docs, so they can say honestly how Minsheng's extractors compare with a
well-known Chinese NLP toolkit. It runs JioNLP (https://github.com/dongrixinyu/JioNLP) over the pages that
bench/extraction_quality.py scores, turns its output into the record shapes the bench compares (figures:
value/value_max/unit; dates: inclusive ISO start/end; regions: six-digit GB/T 2260 codes) and scores them with
the bench's own matcher (bench/quality_match.py), printing the same gold/pred/TP/precision/recall/F1 table.
jionlp is not a project dependency: install it in a separate virtualenv, never in the project's .venv.

How to run (from the project root):
    python3 -m venv /tmp/jio-venv
    /tmp/jio-venv/bin/pip install jionlp opencc-python-reimplemented
    /tmp/jio-venv/bin/python bench/jionlp_reference.py [--unseen | --heldout | --blind] [--errors] [--verbose]
        [--body-only] [--figures MODE] [--regions MODE] [--ret-future] [--compare]

--unseen / --heldout / --blind pick tests/data/unseen/, tests/data/heldout/ or tests/data/blind/, and --real /
--reserve / --reserve2 / --reserve3 / --reserve4 the real excerpts in tests/data/real*/ (pages as <stem>.txt next to an
annotations/ folder of <stem>.json); the default is the seed pages in fixtures/pages/.
--compare prints one row per option value (the other options at their defaults) instead of one table.

Pages are read as the project's bench reads them (articles.parsing.page.parse_page_bytes, plain Python that needs
only opencc for traditional-script pages), and the headline, subheadline and body of every article are scanned
separately, as bench/extraction_quality.py does by default. Django, the project's extractors and Minsheng's
dictionaries are never used: everything JioNLP knows comes from JioNLP and its tagger jiojio.

JioNLP "used as well as it can be" (the defaults are the best-scoring configuration; see --compare):
- dates: jio.ner.extract_time(text, time_base=<issue date at 12:00>, with_parsing=True). time_point and
  time_span results are dates; time_delta and time_period are durations and repetitions. JioNLP closes "since X"
  spans and opens "before X" spans at time_base; the bench writes "until now" as an open end, so an endpoint equal
  to time_base (noon: no parsed date starts or ends then) and 'inf'/'-inf' become None. Half-width , ; : ( ) are
  made full-width first (extract_time reads "个,2024年以来" as the year 3), bare digit strings such as "1870" that
  JioNLP reads as years are dropped (--compare: keep_bare_numbers) and ret_future stays False (--ret-future).
- figures (--figures):
  money            jio.ner.extract_money, clause by clause (its candidate pattern otherwise runs over commas and
                   swallows neighbouring amounts), full-width digits folded to half-width.
  jionlp           money plus durations from extract_time's time_delta results (3个月, 满4年, 一年以上): all
                   that JioNLP's own extractors yield; JioNLP has no extractor for counts, percentages or measures.
  quantities       jionlp plus a thin layer over jiojio's POS tags: a run of numerals (m) followed by
                   quantifiers (q), or a numeral ending in %, valued with jio.parse_money.
  quantities+nouns (default) also an Arabic numeral followed by a noun of one or two characters, since jiojio
                   tags 人, 小时, 人份 and 课时 as nouns.
- regions (--regions): names are resolved with jio.parse_location, given the page's main province (from
  jio.recognize_location on the whole page) for names found in several provinces, and give one code per level
  written (呼和浩特市托克托县 gives 150100 and 150122; 北京市 gives 110000). jio.recognize_location itself only
  returns a per-document tally of its top three places, which cannot be scored per mention.
  recognizer       JioNLP's recogniser per mention: jiojio words tagged ns (as recognize_location uses them).
  gazetteer        (default) every full name and alias of JioNLP's location dictionary (china_location.txt, the
                   names jio.parse_location knows), longest first, except before 路/街 (parse_location's own
                   street rule) and bare county short names (合作, 惠民, 乌兰) that resolve outside the page's province.
  gazetteer+words  gazetteer hits only where they start and end on jiojio word boundaries.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import io
import json
import logging
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Both imports are plain Python (no Django): the page parser and the bench's matcher.
from articles.parsing.page import parse_page_bytes  # noqa: E402
from bench.extraction_quality import CORPORA, annotation_pairs, print_errors, print_table  # noqa: E402
from bench.quality_match import MatchResult, score_page, sum_scores  # noqa: E402

ROWS = ("figures", "figures_strict", "dates", "regions")
KINDS = ("figures", "dates", "regions")  # what JioNLP is scored on
logging.getLogger().setLevel(logging.CRITICAL)  # jionlp logs a traceback for every string it fails to parse

with contextlib.redirect_stdout(io.StringIO()):  # jionlp and jiojio print banners on import
    try:
        import jiojio
        import jionlp as jio
    except ImportError as error:  # pragma: no cover - depends on the venv
        sys.exit(f"jionlp_reference: {error}; run it with a venv that has `pip install jionlp` (see the docstring)")
    jio.recognize_location("北京")  # loads jiojio with POS tagging (jiojio.init(pos_rule=True, pos=True)) once


# ---- shared helpers -------------------------------------------------------------------------------------------

_FULL2HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL2HALF[0x3000] = 0x20


def half_width(text: str) -> str:
    """Fold full-width ASCII (digits, ％, ．) to half-width; lengths are unchanged, so offsets still hold."""
    return text.translate(_FULL2HALF)


_CJK_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})


def cjk_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) to their full-width forms (same length). extract_time reads '个,2024年以来'
    as year 3, but '个，2024年以来' correctly; some pages print half-width commas between Chinese clauses."""
    return text.translate(_CJK_PUNCT)


def _num(text: str | float) -> float:
    value = float(text)
    return int(value) if value == int(value) else value


# ---- dates ----------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=4096)
def time_entities(text: str, published_on: datetime.date, ret_future: bool = False) -> tuple[dict[str, Any], ...]:
    """jio.ner.extract_time with time_base = the issue date at 12:00 (a time no parsed date ever has), on the
    text with full-width digits folded and Chinese-text punctuation made full-width (offsets unchanged)."""
    base = datetime.datetime.combine(published_on, datetime.time(12, 0))
    return tuple(jio.ner.extract_time(cjk_punctuation(half_width(text)), time_base=time.mktime(base.timetuple()),
                                      with_parsing=True, ret_future=ret_future))


def predict_dates(text: str, published_on: datetime.date, ret_future: bool = False,
                  drop_bare_numbers: bool = True) -> list[dict[str, Any]]:
    base_text = datetime.datetime.combine(published_on, datetime.time(12, 0)).strftime("%Y-%m-%d %H:%M:%S")
    records = []
    for entity in time_entities(text, published_on, ret_future):
        if entity["type"] not in ("time_point", "time_span"):
            continue
        if drop_bare_numbers and entity["text"].strip().isdigit():
            continue  # 1870, 2000: a bare number JioNLP read as a year
        span = entity["detail"]["time"]
        if not isinstance(span, list) or len(span) != 2:
            continue

        def day(point: str) -> str | None:
            if point in ("inf", "-inf") or point == base_text:
                return None  # "since X" / "before Y": JioNLP closes the span at time_base, i.e. "now"
            return point[:10]

        start, end = day(span[0]), day(span[1])
        if start is None and end is None:
            continue  # 现在: "now" on both ends, no calendar date
        records.append({"text": entity["text"], "start": start, "end": end})
    return records


# ---- figures --------------------------------------------------------------------------------------------------

_CLAUSE = re.compile(r"[^，,。；;！？!?、：:\n（）()“”\"《》]+")


def predict_money(text: str) -> list[dict[str, Any]]:
    records = []
    for clause in _CLAUSE.finditer(half_width(text)):
        for entity in jio.ner.extract_money(clause.group(), with_parsing=True):
            detail = entity["detail"]
            value, value_max = _money_value(entity["text"], detail)
            if value is None:
                continue
            start, end = (clause.start() + k for k in entity["offset"])
            records.append({"text": text[start:end], "value": value, "value_max": value_max,
                            "unit": _currency(detail.get("case"))})
    return records


_BLUR_MARKS = re.compile(r"[余多几来左右以上约近超逾]|上下")
_RANGE_MARKS = re.compile(r"[-~—－～至到]")


def _money_value(surface: str, detail: dict[str, Any]) -> tuple[float | None, float | None]:
    """JioNLP writes a range for both true ranges (100元至300元, 三四万元) and blurred amounts (2000余元 ->
    2000..3000). The bench's shape keeps the stated amount for the latter (the qualifier is not scored), so a
    blurred single amount is re-parsed without its qualifier."""
    num = detail.get("num")
    if isinstance(num, list):
        if detail.get("definition") == "blur" and _BLUR_MARKS.search(surface) and not _RANGE_MARKS.search(surface):
            stripped = _BLUR_MARKS.sub("", surface)
            try:
                again = jio.parse_money(stripped)
                if not isinstance(again["num"], list):
                    return _num(again["num"]), None
            except Exception:  # noqa: BLE001 - jionlp raises bare exceptions on odd strings
                pass
            return _num(num[0]), None
        return _num(num[0]), _num(num[1])
    if num is None:
        return None, None
    return _num(num), None


def _currency(case: str | None) -> str:
    return {"人民币": "元", None: "元"}.get(case, case or "元")


def tagged(text: str) -> list[tuple[str, str]]:
    """jiojio words with POS tags (jiojio is initialised once, by JioNLP's location recogniser)."""
    if not text.strip():
        return []
    try:
        return [(word, tag) for word, tag in jiojio.cut(text)]
    except ValueError:  # jiojio fails on some whitespace-only fragments
        return []


_MONEY_UNITS = {"元", "块", "块钱", "美元", "欧元", "港元", "英镑", "日元", "韩元", "万元", "亿元"}
_QUALIFIER_WORDS = {"余", "多", "来", "几", "上下", "左右", "以上", "以下"}


def predict_quantities(text: str, nouns: bool = False) -> list[dict[str, Any]]:
    """Counts, percentages and measures from jiojio's m (numeral) + q (quantifier) tags; money is left to
    extract_money. Values come from jio.parse_money (which reads 万/亿 and Chinese numerals). With `nouns`, a
    numeral followed by a noun of one or two characters counts too (jiojio tags 人, 小时, 课时, 人份 as n)."""
    tokens = tagged(half_width(text))
    starts = [0]
    for word, _tag in tokens:
        starts.append(starts[-1] + len(word))
    aligned = starts[-1] == len(text)

    def original(a: int, b: int) -> str:  # the printed surface (full-width digits kept) of tokens a..b-1
        return text[starts[a]:starts[b]] if aligned else "".join(w for w, _ in tokens[a:b])

    records = []
    i = 0
    while i < len(tokens):
        word, tag = tokens[i]
        if tag != "m":
            i += 1
            continue
        j = i
        numeral = []
        while j < len(tokens) and tokens[j][1] == "m":
            numeral.append(tokens[j][0])
            j += 1
        surface = "".join(numeral)
        if surface.endswith("%") and len(surface) > 1:
            value, _ = _value(surface[:-1])
            if value is not None:
                records.append({"text": original(i, j), "value": value, "value_max": None, "unit": "%",
                                "_span": (starts[i], starts[j])})
            i = j
            continue
        number = "".join(w for w in numeral if w not in _QUALIFIER_WORDS)
        unit_end = j
        if j < len(tokens) and tokens[j][0] not in _MONEY_UNITS and (
                tokens[j][1] == "q"
                or (nouns and tokens[j][1] == "n" and len(tokens[j][0]) <= 2 and re.search(r"\d", number))):
            unit_end = j + 1
            while unit_end < len(tokens) and tokens[unit_end][1] == "q":  # 个 + 次 -> 个次
                unit_end += 1
        if unit_end > j:
            unit = "".join(w for w, _ in tokens[j:unit_end])
            value, value_max = _value(number)
            if value is not None and number not in ("一", "零"):
                records.append({"text": original(i, unit_end), "value": value, "value_max": value_max,
                                "unit": unit, "_span": (starts[i], starts[unit_end])})
            i = unit_end
            continue
        i = j
    return records


def _value(number: str) -> tuple[float | None, float | None]:
    """(value, value_max) of a numeral via jio.parse_money; a range only for two numbers (三四, 两三)."""
    if not number:
        return None, None
    try:
        parsed = jio.parse_money(number + "元")
    except Exception:  # noqa: BLE001 - jionlp raises bare exceptions on strings it cannot read
        return None, None
    num = parsed.get("num")
    try:
        if isinstance(num, list):
            return _num(num[0]), _num(num[1])
        return _num(num), None
    except (TypeError, ValueError):
        return None, None


_DELTA_UNITS = {"year": ("周年", "年"), "month": ("个月", "月"), "day": ("天", "日"), "hour": ("小时", "钟头"),
                "minute": ("分钟",), "second": ("秒",), "week": ("周", "星期")}


def predict_durations(text: str, published_on: datetime.date) -> list[dict[str, Any]]:
    """Durations (3个月, 满4年, 一年以上) from extract_time's time_delta results; the unit as printed."""
    records = []
    for entity in time_entities(text, published_on):
        if entity["type"] != "time_delta":
            continue
        detail = entity["detail"].get("time")
        if isinstance(detail, list):  # 6个月以上 -> [{'month': 6.0}, {'infinite': True}]
            detail = detail[0]
        if not isinstance(detail, dict) or len(detail) != 1:
            continue
        (key, value), = detail.items()
        unit = next((u for u in _DELTA_UNITS.get(key, ()) if u in entity["text"]), None)
        if unit is None or isinstance(value, (list, tuple)):
            continue
        start, end = entity["offset"]
        records.append({"text": text[start:end], "value": _num(value), "value_max": None, "unit": unit,
                        "_span": (start, end)})
    return records


FIGURE_MODES = ("money", "jionlp", "quantities", "quantities+nouns")


def predict_figures(text: str, mode: str, published_on: datetime.date) -> list[dict[str, Any]]:
    """money: extract_money; jionlp: plus extract_time's durations (both JioNLP extractors, no glue);
    quantities(+nouns): plus jiojio numerals with their counters, except where a duration already stands."""
    records = predict_money(text)
    if mode == "money":
        return records
    durations = predict_durations(text, published_on)
    records += durations
    if mode != "jionlp":
        taken = [r["_span"] for r in durations]
        for record in predict_quantities(text, nouns=mode == "quantities+nouns"):
            a, b = record["_span"]
            if not any(a < y and x < b for x, y in taken):
                records.append(record)
    for record in records:
        record.pop("_span", None)
    return records


# ---- regions --------------------------------------------------------------------------------------------------

class RegionIndex:
    """Codes, names and aliases from JioNLP's own location dictionary (china_location.txt)."""

    def __init__(self) -> None:
        data = jio.china_location_loader()
        self.code: dict[tuple[str | None, str | None, str | None], str] = {}
        self.names: dict[tuple[str | None, str | None, str | None], set[str]] = {}
        self.surfaces: set[str] = set()
        upper_names: set[str] = set()  # provinces and prefectures, full and short
        county_names: set[str] = set()
        county_aliases: set[str] = set()
        for prov, prov_data in data.items():
            if prov.startswith("_"):
                continue
            self._add((prov, None, None), prov_data)
            for city, city_data in prov_data.items():
                if city.startswith("_"):
                    continue
                self._add((prov, city, None), city_data)
                for county, county_data in city_data.items():
                    if county.startswith("_"):
                        continue
                    self._add((prov, city, county), county_data)
        for key, names in self.names.items():
            if key[2] is None:
                upper_names |= names
            else:
                county_names.add(key[2])
                county_aliases |= names - {key[2]}
        # short county names (合作, 惠民, 通道, 乌兰) that are also common words
        self.county_aliases = county_aliases - upper_names - county_names
        self.longest = max(len(s) for s in self.surfaces)

    def _add(self, key: tuple[str | None, str | None, str | None], node: dict[str, Any]) -> None:
        aliases = node.get("_alias") or []
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        names = {node["_full_name"], *aliases}
        names = {n for n in names if n and len(n) >= 2}
        self.code[key] = node["_admin_code"]
        self.names[key] = names
        self.surfaces |= names

    def codes_written(self, surface: str, parsed: dict[str, Any]) -> list[str]:
        """One code per level of the parse whose full name or alias is written in `surface`; a string that names
        two levels (承德: 承德市 and 承德县) gives the higher one, as parse_location prefers for bare aliases."""
        prov, city, county = parsed.get("province"), parsed.get("city"), parsed.get("county")
        if prov and city == prov:  # municipalities: 北京市 is both levels, one code (110000)
            city = None
        levels = []
        if prov:
            levels.append((prov, None, None))
        if prov and city:
            levels.append((prov, city, None))
        if county:
            if city:
                levels.append((prov, city, county))
            else:  # a county whose city JioNLP left open: use it only when the name is unique in the province
                keys = [k for k in self.code if k[2] == county and (prov is None or k[0] == prov)]
                if len(keys) == 1:
                    levels.append(keys[0])
        codes, consumed = [], []
        for key in levels:  # top down; a name shared by two levels (承德 = 承德市 and 承德县) counts once, higher
            found = [n for n in self.names.get(key, ()) if n in surface and not any(n in c for c in consumed)]
            if found:
                consumed.append(max(found, key=len))
                codes.append(self.code[key])
        return codes


REGION_MODES = ("recognizer", "gazetteer", "gazetteer+words")


class RegionPredictor:
    def __init__(self) -> None:
        self.index = RegionIndex()
        self.province: str | None = None
        self._cache: dict[tuple[str, str | None], list[str]] = {}

    def set_page(self, page_text: str) -> None:
        """The page's main province, from JioNLP's own document-level recogniser."""
        self.province = None
        found = jio.recognize_location(page_text)
        for place, _count in found.get("domestic") or []:
            if place.get("province"):
                self.province = place["province"]
                break

    def resolve(self, surface: str) -> list[str]:
        key = (surface, self.province)
        if key not in self._cache:
            codes = self.index.codes_written(surface, jio.parse_location(surface))
            if self.province and self.province not in surface:
                parsed = jio.parse_location(self.province + surface)
                if parsed.get("province") == self.province:
                    local = self.index.codes_written(surface, parsed)
                    if local and (not codes or codes[0][:2] != local[0][:2]):
                        codes = local
            self._cache[key] = codes
        return self._cache[key]

    def predict(self, text: str, mode: str) -> list[dict[str, Any]]:
        if mode == "recognizer":
            mentions = [word for word, tag in tagged(text) if tag == "ns"]
        else:
            mentions = self._scan(text, tagged(text) if mode == "gazetteer+words" else None)
        records = []
        for surface in mentions:
            codes = self.resolve(surface)
            if mode != "recognizer" and surface in self.index.county_aliases and not self._in_province(codes):
                continue  # a bare county short name outside the page's province is taken for a common word
            records += [{"text": surface, "code": code} for code in codes]
        return records

    def _in_province(self, codes: list[str]) -> bool:
        home = self.index.code.get((self.province, None, None)) if self.province else None
        return bool(home) and all(code[:2] == home[:2] for code in codes)

    def _scan(self, text: str, tokens: list[tuple[str, str]] | None) -> list[str]:
        """Longest names from JioNLP's location dictionary, left to right; with `tokens`, only hits that start
        and end on jiojio word boundaries."""
        bounds = None
        if tokens is not None:
            bounds = {0}
            offset = 0
            for word, _tag in tokens:
                offset += len(word)
                bounds.add(offset)
        mentions = []
        i = 0
        while i < len(text):
            hit = 0
            for length in range(min(self.index.longest, len(text) - i), 1, -1):
                if text[i:i + length] in self.index.surfaces:
                    hit = length
                    break
            if hit and not _street(text, i + hit) and (bounds is None or (i in bounds and i + hit in bounds)):
                mentions.append(text[i:i + hit])
                i += hit
            else:
                i += 1
        return mentions


def _street(text: str, end: int) -> bool:
    """jio.parse_location's own exception: an alias followed by 路/街/大街 names a street (北海市重庆路)."""
    return text[end:end + 1] in ("路", "街") or text[end:end + 2] == "大街"


# ---- corpus loop ----------------------------------------------------------------------------------------------

def predict_page(raw: bytes, name: str, published_on: datetime.date, regions: RegionPredictor, body_only: bool,
                 modes: dict[str, tuple[str, ...]]) -> dict[str, dict[str, list[Any]]]:
    """Records per type and per option value: {"figures": {"money": [...], ...}, "dates": {...}, ...}."""
    page = parse_page_bytes(raw, name, published_on=published_on)
    regions.set_page(page.text)
    pooled: dict[str, dict[str, list[Any]]] = {kind: {mode: [] for mode in modes[kind]} for kind in modes}
    for article in page.articles:
        texts = [article.text] if body_only else [t for t in (article.headline, article.subheadline, article.text) if t]
        for text in texts:
            for mode in modes["figures"]:
                pooled["figures"][mode] += predict_figures(text, mode, published_on)
            for mode in modes["dates"]:
                pooled["dates"][mode] += predict_dates(text, published_on, ret_future=mode == "ret_future",
                                                       drop_bare_numbers=mode != "keep_bare_numbers")
            for mode in modes["regions"]:
                pooled["regions"][mode] += regions.predict(text, mode)
    return pooled


def run(corpus: str, body_only: bool, modes: dict[str, tuple[str, ...]]
        ) -> list[tuple[str, dict[str, Any], dict[str, dict[str, list[Any]]]]]:
    """(page, gold, predictions per type and option) for every annotated page of the corpus."""
    regions = RegionPredictor()
    pages = []
    for note_path, page_path in annotation_pairs(corpus):
        gold = json.loads(note_path.read_text(encoding="utf-8"))
        published_on = datetime.date.fromisoformat(gold["published_on"])
        pages.append((note_path.stem, gold, predict_page(page_path.read_bytes(), page_path.name, published_on,
                                                         regions, body_only, modes)))
    return pages


def score(pages: list[tuple[str, dict[str, Any], dict[str, dict[str, list[Any]]]]],
          choice: dict[str, str]) -> list[tuple[str, dict[str, MatchResult]]]:
    return [(name, score_page(gold, {kind: predicted[kind][choice[kind]] for kind in choice}))
            for name, gold, predicted in pages]


DATE_MODES = ("default", "ret_future", "keep_bare_numbers")
DEFAULTS = {"figures": "quantities+nouns", "dates": "default", "regions": "gazetteer"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--unseen", action="store_true", help="score tests/data/unseen/")
    which.add_argument("--heldout", action="store_true", help="score tests/data/heldout/")
    which.add_argument("--blind", action="store_true", help="score tests/data/blind/ (when it exists)")
    for name in ("real", "reserve", "reserve2", "reserve3", "reserve4"):
        which.add_argument(f"--{name}", action="store_true", help=f"score the {CORPORA[name][2]} ({CORPORA[name][0].name}/)")
    parser.add_argument("--figures", choices=FIGURE_MODES, default=DEFAULTS["figures"],
                        help="money: extract_money; jionlp: plus extract_time durations; quantities: plus jiojio "
                             "numeral+quantifier tags; quantities+nouns (default): plus numerals before short nouns")
    parser.add_argument("--regions", choices=REGION_MODES, default=DEFAULTS["regions"],
                        help="recognizer: jiojio ns words; gazetteer (default): JioNLP's location dictionary; "
                             "gazetteer+words: dictionary hits on jiojio word boundaries only")
    parser.add_argument("--ret-future", action="store_true", help="pass ret_future=True to jio.ner.extract_time")
    parser.add_argument("--compare", action="store_true", help="one row per option value instead of one table")
    parser.add_argument("--verbose", action="store_true", help="print a table per page too")
    parser.add_argument("--errors", action="store_true", help="list misses and false hits")
    parser.add_argument("--body-only", action="store_true", help="skip headlines, as the pipeline does")
    args = parser.parse_args(argv)
    corpus = next((name for name in ("unseen", "heldout", "blind", "real", "reserve", "reserve2", "reserve3",
                                                 "reserve4")
                   if getattr(args, name)), "seed")
    scope = "bodies only" if args.body_only else "headlines + bodies"
    title = f"{CORPORA[corpus][2]}, {len(annotation_pairs(corpus))} pages, {scope}"

    if args.compare:
        modes = {"figures": FIGURE_MODES, "dates": DATE_MODES, "regions": REGION_MODES}
        pages = run(corpus, args.body_only, modes)
        print(f"\nJioNLP {jio.__version__} option comparison — {title}")
        header = (f"{'type':<15} {'option':<17} {'gold':>5} {'pred':>5} {'TP':>5} {'precision':>9} {'recall':>7} "
                  f"{'F1':>6}")
        print(header)
        print("-" * len(header))
        for kind, rows in (("figures", ("figures", "figures_strict")), ("dates", ("dates",)),
                           ("regions", ("regions",))):
            for mode in modes[kind]:
                total = sum_scores(s for _, s in score(pages, {**DEFAULTS, kind: mode}))
                for row in rows:
                    r = total[row]
                    print(f"{row:<15} {mode:<17} {r.gold:>5} {r.predicted:>5} {r.true_positives:>5} "
                          f"{r.precision:>9.3f} {r.recall:>7.3f} {r.f1:>6.3f}")
        return 0

    choice = {"figures": args.figures, "dates": "ret_future" if args.ret_future else "default",
              "regions": args.regions}
    pages = run(corpus, args.body_only, {kind: (mode,) for kind, mode in choice.items()})
    per_page = score(pages, choice)
    if args.verbose:
        for name, scores in per_page:
            print_table(f"page {name}", scores, rows=ROWS)
    if args.errors:
        for name, scores in per_page:
            print_errors(name, scores, kinds=KINDS)
    print_table(f"JioNLP {jio.__version__} OVERALL — {title}; figures={args.figures}, regions={args.regions}"
                + (", ret_future" if args.ret_future else ""), sum_scores(s for _, s in per_page), rows=ROWS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
