"""Stage 6: a case's text -> its figures (党员332人, 帮扶资金累计57万元, 覆盖率90.5%).

A figure is a number with a unit or measure word from `lexicon/units.yaml`. What looks like
one but is not a count is left out: years and dates (their units are not in the list),
ordinals (第七届), codes and formulas (12371, 1+5+N, 5·23), and plain small Chinese
numerals, which in these texts enumerate structure ("三个层面") rather than report a figure.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Mapping

from casekit.extract import patterns as P
from casekit.extract.numbers import MAGNITUDES, parse_arabic, parse_chinese, scale
from casekit.options import Units

# "两千", "三百", "四十", "一万五千", "十二"; a bare 十/百/千/万 when an approximation goes with it
# ("十余名", "千余名", "近千人").
CN_QUANTITY = (
    r"(?:[一二两三四五六七八九][零〇一二两三四五六七八九十百千万亿]*[十百千万亿][一二三四五六七八九]?"
    r"|十[一二三四五六七八九]|[十百千万](?=[余多])|(?<=[近约超逾])[百千万])"
)
_BARE_PLACES = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
# "两三千", "七八十": two neighbouring digits before a place, a range read as written.
_ADJACENT_DIGITS = re.compile(r"^([一两二三四五六七八九])([二三四五六七八九])([十百千万])$")
# Chinese digits a number may follow only as part of a name ("高三3班", "初二1班").
_CN_DIGIT_NAMES = set("一二三四五六七八九十")
# A Chinese-numeral figure that is the start of a place name: "十八户村".
_PLACE_AFTER = re.compile(r"[村镇乡屯庄寨堡](?![民委级干部组务])")
NUMBER = rf"(?:{P.ARABIC_NUMBER}|{CN_QUANTITY})"
# Characters that make a number part of a code, a formula or a word: "1+5+N", "O2O", "5·23", "2:6:2".
_DIGITS = set("0123456789０１２３４５６７８９")
_BOUND_BEFORE = set("+＋×*·/.,-—_#") | _DIGITS
_COLONS = set(":：")  # bind a number in a ratio ("2:6:2"), not after a label ("长寨：596套")
_SENTENCE_MARKS = "。！？；;!?\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")


@dataclass(frozen=True, slots=True)
class FoundIndicator:
    """A figure in a text, before it is placed in a case record."""

    text: str
    value: int | float
    value_max: int | float | None
    unit: str
    approx: str | None
    normalized_value: int | float
    normalized_unit: str
    start: int
    end: int
    sentence: str


@lru_cache(maxsize=4)
def _figure_pattern(units: tuple[str, ...]) -> re.Pattern:
    unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    prefix = "|".join(sorted(P.APPROX_PREFIX, key=len, reverse=True))
    magnitude = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
    return re.compile(
        rf"(?P<pre>{prefix})?(?P<num>{NUMBER})(?:(?P<mult1>{magnitude})?{P.RANGE_JOIN}(?P<num2>{NUMBER}))?"
        rf"[ \u3000]?(?P<inf1>[余多])?(?P<mult>{magnitude})?(?P<inf2>[余多])?[ \u3000]?"
        rf"(?:个(?P<inf3>[余多])月|(?P<unit>{unit_alt}))(?P<suf>{'|'.join(P.APPROX_SUFFIX)})?"
    )


# "百分之三十", "已达百分之95以上": a percentage written out.
_PERCENT_WORDS = re.compile(
    rf"(?P<pre>{'|'.join(P.APPROX_PREFIX)})?百分之(?P<num>{P.ARABIC_NUMBER}|[零〇一二两三四五六七八九十百点]+)"
    rf"(?P<suf>{'|'.join(P.APPROX_SUFFIX)})?"
)
# Prefixes kept inside the figure's text ("近200人"); longer verbs stay outside ("累计达219次").
_TEXT_PREFIXES = ("近", "约", "超", "逾")


def find_indicators(text: str, units: Units) -> list[FoundIndicator]:
    """Every figure in `text`, in order, with offsets into `text`."""
    found = []
    sentence_at = sentence_finder(text)
    for m in _figure_pattern(tuple(units.canonical)).finditer(text):
        if not _is_excluded(text, m) and not _unit_excludes(text, m, units):
            found.append(_from_match(text, m, units.canonical, sentence_at))
    found.extend(_written_percentages(text, sentence_at))
    return sorted(found, key=lambda f: f.start)


def _is_excluded(text: str, m: re.Match) -> bool:
    start = m.start("num")
    before = text[start - 1] if start else ""
    if m.group("pre") is None and before == "第":
        return True
    if before in _BOUND_BEFORE or (before.isascii() and before.isalpha()):
        return True
    if before in _COLONS and start >= 2 and text[start - 2] in _DIGITS:
        return True
    if m.group("num")[0].isdigit() and before in _CN_DIGIT_NAMES:  # a class or a unit's number: 高三3班
        return True
    if not m.group("num")[0].isdigit():
        if before and before in P.CN_DIGITS:
            return True
        if _PLACE_AFTER.match(text, m.end()):
            return True
    return False


def _unit_excludes(text: str, m: re.Match, units: Units) -> bool:
    """A unit that makes the match no reported quantity: a grade ("25万吨级矿砂船"), a measure word
    after a Chinese numeral where it is as often a name ("十八道岗子村"), a place unit a word goes
    on from ("5村民")."""
    unit = m.group("unit")
    if unit is None:
        return False
    after = text[m.end("unit") : m.end("unit") + 2]
    if after[:1] == "级" and after != "级别":
        return True
    if unit in units.arabic_only and not m.group("num")[0].isdigit():
        return True
    return unit in units.places and P.HAN_CHAR.match(after) is not None


def _approx_prefix(text: str, m: re.Match) -> str | None:
    """The prefix before the number, unless it ends another word ("签约", "附近")."""
    pre = m.group("pre")
    if pre and text[max(0, m.start("pre") - 1) : m.start("pre") + len(pre)] in P.NOT_APPROX_WORDS:
        return None
    return pre


def _from_match(text: str, m: re.Match, units: Mapping[str, str], sentence_at: Callable[[int], str]) -> FoundIndicator:
    written, multiplier = _split_multiplier(m.group("num"), m.group("mult") or m.group("mult1"))
    value, value_max = _parse_number(written), _parse_number(m.group("num2")) if m.group("num2") else None
    if (run := _ADJACENT_DIGITS.match(written)) and value_max is None:  # "两三千": 2000 to 3000
        place = parse_chinese("一" + run.group(3))
        value, value_max = parse_chinese(run.group(1)) * place, parse_chinese(run.group(2)) * place
    base = m.group("unit") or "个月"
    pre = _approx_prefix(text, m)
    start = m.start("pre") if pre in _TEXT_PREFIXES else m.start("num")
    approx = m.group("inf1") or m.group("inf2") or m.group("inf3") or m.group("suf") or pre
    return FoundIndicator(
        text=text[start : m.end()],
        value=value,
        value_max=value_max,
        unit=(multiplier or "") + base,
        approx=approx,
        normalized_value=scale(value, multiplier),
        normalized_unit=units[base],
        start=start,
        end=m.end(),
        sentence=sentence_at(m.start("num")),
    )


def _split_multiplier(written: str, multiplier: str | None) -> tuple[str, str | None]:
    """"两万" -> ("两", "万"): 万/亿 at the end of a Chinese numeral stay in the unit, as with "2万"."""
    if multiplier is None and len(written) > 1 and written[-1] in "万亿" and not written[0].isdigit():
        return written[:-1], written[-1]
    return written, multiplier


def _parse_number(written: str) -> int | float:
    if written[0].isdigit():
        return parse_arabic(written)
    if written in _BARE_PLACES:
        return _BARE_PLACES[written]
    value = parse_chinese(written)
    return value if value is not None else 0


def _written_percentages(text: str, sentence_at: Callable[[int], str]) -> list[FoundIndicator]:
    found = []
    for m in _PERCENT_WORDS.finditer(text):
        num = m.group("num")
        value = parse_arabic(num) if num[0].isdigit() else parse_chinese(num)
        if value is None:
            continue
        pre = _approx_prefix(text, m)
        start = m.start("pre") if pre in _TEXT_PREFIXES else m.start("num") - len("百分之")
        approx = m.group("suf") or pre
        found.append(FoundIndicator(text[start : m.end()], value, None, "%", approx, value, "%", start, m.end(),
                                    sentence_at(m.start("num"))))
    return found


def sentence_finder(text: str) -> Callable[[int], str]:
    """position -> the sentence around it, for an editor to read a figure in context.

    The sentence ends are found once a text, so each of a case's many figures costs a lookup.
    The figures of a sentence share its string (the last one looked up is kept).
    """
    ends = array("q", (m.end() for m in _SENTENCE_END.finditer(text)))
    last: list = [None, ""]  # [the sentence's index, the sentence]

    def sentence_at(pos: int) -> str:
        k = bisect_right(ends, pos)
        if k != last[0]:
            last[:] = k, text[ends[k - 1] if k else 0 : ends[k] if k < len(ends) else len(text)].strip()
        return last[1]

    return sentence_at
