"""Pure matching of predicted records against hand annotations: keys, multiset matching and precision/recall/F1."""
from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Marks that never belong to a name or a number's surface: quotes, book-title marks, whitespace.
_NAME_NOISE = "“”‘’\"'《》〈〉「」『』 \t\n\r\u3000"


@dataclass
class MatchResult:
    """Counts of one record type (for one page or summed over pages), with the unmatched records kept for review."""

    gold: int = 0
    predicted: int = 0
    true_positives: int = 0
    missed: list[Any] = field(default_factory=list)  # gold records no prediction matched
    false_hits: list[Any] = field(default_factory=list)  # predictions no gold record matched
    pairs: list[tuple[Any, Any]] = field(default_factory=list)  # (gold, predicted) records matched

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: MatchResult) -> MatchResult:
        return MatchResult(
            gold=self.gold + other.gold,
            predicted=self.predicted + other.predicted,
            true_positives=self.true_positives + other.true_positives,
            missed=self.missed + other.missed,
            false_hits=self.false_hits + other.false_hits,
            pairs=self.pairs + other.pairs,
        )


def field_of(record: Any, name: str, default: Any = None) -> Any:
    """Read a field from an annotation dict or an extractor dataclass alike."""
    if isinstance(record, dict):
        return record.get(name, default)
    return getattr(record, name, default)


def match_records(
    gold: Sequence[Any],
    predicted: Sequence[Any],
    key: Callable[[Any], Hashable],
    compatible: Callable[[Any, Any], bool] | None = None,
    fallback: Callable[[Any, Any], bool] | None = None,
) -> MatchResult:
    """Pair gold and predicted records one-to-one (multiset matching).

    A pair needs equal keys and, when `compatible` is given, compatible(gold, pred).
    When `fallback` is given, records left over are then paired across keys wherever
    fallback(gold, pred) holds (used for the relaxed programme match). Pairing is greedy
    in reading order, which is exact for plain key matching.
    """
    unmatched_pred = list(range(len(predicted)))
    by_key: dict[Hashable, list[int]] = {}
    for index in unmatched_pred:
        by_key.setdefault(key(predicted[index]), []).append(index)
    used: set[int] = set()
    leftover_gold: list[Any] = []
    matched: list[tuple[Any, Any]] = []
    for gold_record in gold:
        partner = _first_partner(gold_record, by_key.get(key(gold_record), []), predicted, used, compatible)
        if partner is None:
            leftover_gold.append(gold_record)
        else:
            used.add(partner)
            matched.append((gold_record, predicted[partner]))
    missed: list[Any] = []
    if fallback is not None:
        remaining = [i for i in unmatched_pred if i not in used]
        for gold_record in leftover_gold:
            partner = _first_partner(gold_record, remaining, predicted, used, fallback)
            if partner is None:
                missed.append(gold_record)
            else:
                used.add(partner)
                matched.append((gold_record, predicted[partner]))
    else:
        missed = leftover_gold
    return MatchResult(
        gold=len(gold),
        predicted=len(predicted),
        true_positives=len(matched),
        missed=missed,
        false_hits=[predicted[i] for i in unmatched_pred if i not in used],
        pairs=matched,
    )


def _first_partner(
    gold_record: Any,
    candidates: Iterable[int],
    predicted: Sequence[Any],
    used: set[int],
    accept: Callable[[Any, Any], bool] | None,
) -> int | None:
    for index in candidates:
        if index in used:
            continue
        if accept is None or accept(gold_record, predicted[index]):
            return index
    return None


# ---- keys per record type -------------------------------------------------------------------------------------

def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 6)


def figure_key(record: Any) -> tuple[float | None, float | None, str]:
    """Figures match on value, value_max and unit (whitespace ignored)."""
    unit = "".join((field_of(record, "unit") or "").split())
    return (_number(field_of(record, "value")), _number(field_of(record, "value_max")), unit)


def surfaces_overlap(gold: Any, predicted: Any) -> bool:
    """Strict figure match: one surface text (whitespace removed) contains the other."""
    a, b = squeeze(field_of(gold, "text")), squeeze(field_of(predicted, "text"))
    return bool(a) and bool(b) and (a in b or b in a)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return str(value)


def date_key(record: Any) -> tuple[str | None, str | None]:
    """Dates match on their inclusive ISO range; None is an open end."""
    return (_iso(field_of(record, "start")), _iso(field_of(record, "end")))


def region_key(record: Any) -> str | None:
    return field_of(record, "code")


def place_key(record: Any) -> str:
    """Townships and villages have no GB/T code; they match on their written name."""
    return squeeze(field_of(record, "text"))


def is_coded_region(record: Any) -> bool:
    return bool(field_of(record, "code"))


def program_key(record: Any) -> str:
    return canonical_name(field_of(record, "name") or field_of(record, "text"))


def names_contain(gold: Any, predicted: Any) -> bool:
    """Relaxed programme match: one canonical name contains the other."""
    a, b = program_key(gold), program_key(predicted)
    return bool(a) and bool(b) and (a in b or b in a)


def canonical_name(name: str | None) -> str:
    return "".join(ch for ch in (name or "") if ch not in _NAME_NOISE)


def squeeze(text: str | None) -> str:
    return "".join((text or "").split())


# ---- one page, every record type ------------------------------------------------------------------------------

RECORD_TYPES = ("figures", "figures_strict", "dates", "regions", "places", "programs", "programs_relaxed")


def score_page(gold: dict[str, list[Any]], predicted: dict[str, list[Any]]) -> dict[str, MatchResult]:
    """Score one page: `gold` is an annotation file's content, `predicted` holds the extractors' records
    under the keys figures/dates/regions/programs. Returns one MatchResult per row of RECORD_TYPES."""
    gold_regions = gold.get("regions", [])
    pred_regions = predicted.get("regions", [])
    return {
        "figures": match_records(gold.get("figures", []), predicted.get("figures", []), figure_key),
        "figures_strict": match_records(
            gold.get("figures", []), predicted.get("figures", []), figure_key, compatible=surfaces_overlap),
        "dates": match_records(gold.get("dates", []), predicted.get("dates", []), date_key),
        "regions": match_records(
            [r for r in gold_regions if is_coded_region(r)],
            [r for r in pred_regions if is_coded_region(r)], region_key),
        "places": match_records(
            [r for r in gold_regions if not is_coded_region(r)],
            [r for r in pred_regions if not is_coded_region(r)], place_key),
        "programs": match_records(gold.get("programs", []), predicted.get("programs", []), program_key),
        "programs_relaxed": match_records(
            gold.get("programs", []), predicted.get("programs", []), program_key, fallback=names_contain),
    }


def sum_scores(pages: Iterable[dict[str, MatchResult]]) -> dict[str, MatchResult]:
    total = {name: MatchResult() for name in RECORD_TYPES}
    for page in pages:
        for name, result in page.items():
            total[name] = total[name] + result
    return total


# ---- what matched figures are about (issue 14) -----------------------------------------------------------------

ATTRIBUTION_FIELDS = ("region", "period", "program", "change")


@dataclass
class FieldScore:
    """Of the matched figures whose gold record carries the field, how many predictions agree."""

    correct: int = 0
    total: int = 0
    wrong: list[tuple[Any, Any]] = field(default_factory=list)  # (gold, predicted) pairs that disagree

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def _attribution_agrees(name: str, gold: Any, predicted: Any) -> bool | None:
    """Whether a prediction agrees with its gold figure on one attribution field; None when gold lacks it."""
    if not isinstance(gold, dict):
        return None
    if name == "region":
        if "region_code" not in gold:
            return None
        return gold["region_code"] == field_of(predicted, "region_code")
    if name == "period":
        if "period_start" not in gold and "period_end" not in gold:
            return None
        return (_iso(gold.get("period_start")), _iso(gold.get("period_end"))) == (
            _iso(field_of(predicted, "period_start")), _iso(field_of(predicted, "period_end")))
    if name == "program":
        if "program" not in gold:
            return None
        want, got = canonical_name(gold.get("program")), canonical_name(field_of(predicted, "program"))
        return want == got or (bool(want) and bool(got) and (want in got or got in want))
    if "is_change" not in gold:
        return None
    return bool(gold["is_change"]) == bool(field_of(predicted, "is_change"))


def score_attribution(pairs: Iterable[tuple[Any, Any]]) -> dict[str, FieldScore]:
    """Accuracy of region, period (exact start and end), programme link (one canonical name containing the other,
    or both none) and change-vs-level on matched figure pairs."""
    scores = {name: FieldScore() for name in ATTRIBUTION_FIELDS}
    for gold, predicted in pairs:
        for name in ATTRIBUTION_FIELDS:
            agrees = _attribution_agrees(name, gold, predicted)
            if agrees is None:
                continue
            scores[name].total += 1
            if agrees:
                scores[name].correct += 1
            else:
                scores[name].wrong.append((gold, predicted))
    return scores
