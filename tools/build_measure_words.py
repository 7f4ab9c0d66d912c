"""Build `lexicon/measure_words.txt`, the measure words a figure may end with, from jieba's dictionary.

Chinese has hundreds of measure words (艘, 枚, 对, 班, 组, 套, 羽 …), too many to list by hand and
miss none. jieba's dictionary holds them implicitly: it tags numeral compounds such as 一艘, 两艘,
几艘, 万艘 as numerals (`m`). A word that follows several different numerals in such compounds is a
measure word. What that finds but is no reported quantity in these texts (a time or an ordinal:
年, 点, 届; a particle or verb after a numeral: 下, 番, 遍; a body part of an idiom: 眼, 手) is
named in `lexicon/not_measure_words.txt`, and the units of `lexicon/units.yaml` are left to it.

    python tools/build_measure_words.py          # rewrites src/casekit/lexicon/measure_words.txt

Run it again after a jieba upgrade or a change to the exclusions; the list is package data, so
casekit does not read jieba's dictionary at run time.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import jieba
import yaml

LEXICON = Path(__file__).resolve().parents[1] / "src" / "casekit" / "lexicon"
# The numerals a measure word follows in jieba's compounds (一艘, 两艘, 几艘, 数艘, 万艘 …).
NUMERALS = ("一", "两", "三", "几", "数", "每", "半", "十", "百", "千", "万")
NUMERAL_CHARS = set("零〇一二两三四五六七八九十百千万亿几数余多来")
MIN_NUMERALS = 3  # different numerals seen before a word: fewer is chance (一致, 三国)
MAX_CHARS = 3


def measure_words(dictionary: Path, min_numerals: int = MIN_NUMERALS) -> list[str]:
    """Words that follow at least `min_numerals` different numerals in jieba's numeral compounds."""
    numerals_before: dict[str, set[str]] = defaultdict(set)
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, _freq, tag = line.split()
        if tag != "m":
            continue
        for numeral in NUMERALS:
            rest = word[len(numeral):]
            if word.startswith(numeral) and 0 < len(rest) <= MAX_CHARS and not NUMERAL_CHARS & set(rest):
                numerals_before[rest].add(numeral)
    return sorted(w for w, seen in numerals_before.items() if len(seen) >= min_numerals)


def read_words(path: Path) -> set[str]:
    """The words of a list, several to a line, after # comments are removed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {word for ln in lines for word in ln.split("#")[0].split()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=LEXICON / "measure_words.txt")
    args = ap.parse_args(argv)
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    excluded = read_words(LEXICON / "not_measure_words.txt")
    listed = {str(unit) for unit in yaml.safe_load((LEXICON / "units.yaml").read_text(encoding="utf-8"))}
    found = measure_words(dictionary)
    kept = [w for w in found if w not in excluded and w not in listed]
    header = ("# Measure words a figure may end with, found by tools/build_measure_words.py in jieba's dictionary\n"
              "# (a word after three or more different numerals in its numeral compounds), less\n"
              "# not_measure_words.txt and the units of units.yaml. Generated: edit the exclusions, not this file.\n")
    args.out.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(found)} found, {len(found) - len(kept)} excluded or listed in units.yaml, {len(kept)} written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
