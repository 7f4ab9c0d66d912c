"""Stage 7: a case's text -> the named models it mentions (一核九+, 1+5+N, 三治三共三同, 党建+X).

A model name combines numerals with short labels into a formula. Quoted names are taken
when they have that shape; unquoted ones only when they are formulas ("4+X"), numbered
systems ("三级联动体系") or nationally standard terms (`lexicon/common_models.txt`).
Everyday phrases that merely contain a numeral are listed in `lexicon/not_models.txt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casekit.extract import patterns as P
from casekit.extract.numbers import parse_small_number
from casekit.extract.tokens import segment, tag_table, words_of
from casekit.models import Issue, NamedModel
from casekit.options import Lexicon

NUMERALS = "一二三四五六七八九十两双百千万"
_MAX_NAME = 12

# “一核九+”, "1+5+N", 「三治三共三同」: a quoted term.
QUOTED = re.compile(r"“([^“”\n]{2,16})”|\"([^\"\n]{2,16})\"|「([^「」\n]{2,16})」|‘([^‘’\n]{2,16})’")
# "1+5+N", "6×3", "4+X", "1、3、5、7": a formula of digits and letters.
FORMULA = re.compile(r"^(?=.*\d)[0-9A-Za-z]{1,3}(?:[+＋×、][0-9A-Za-z]{1,3})+\+?$")
UNQUOTED_FORMULA = re.compile(r"(?<![0-9A-Za-z+＋×·:.])(?=[0-9A-Za-z+＋×]*\d)[0-9A-Za-z]{1,3}(?:[+＋×][0-9A-Za-z]{1,3})+")
# “4321”工作法, “365”服务机制, “114N”的社会动员模式: digits alone (or with the N of "any number")
# name a model only when a model word follows the quote.
DIGIT_CODE = re.compile(r"^\d{2,6}[NnXx]?$")
# “136党建链”, "125工程即：…": a number whose digits count the parts, run into a model's word.
DIGIT_NAMED = re.compile(r"^\d{2,5}[NnXx]?[\u4e00-\u9fff]{0,3}(?:工程|工作法|模式|机制|体系|链|品牌)$")
UNQUOTED_DIGIT_NAMED = re.compile(r"(?<![\d.])[1-9]{3,4}(?:工程|工作法|党建链)")
# "素有“九分石头一分地”之称", "被誉为“…”": a nickname or saying about a place, not a model.
_NICKNAME_BEFORE = re.compile(r"(?:素有|号称|被誉为|誉为|人称|被称为)$")
_LABEL = r"[\u4e00-\u9fff（）()]{1,10}"
# "党建+新兴领域", "公司+基地+农户", "河长+", "旅游+": labels joined by plus signs, a formula of
# who works with whom or what is added to what.
PLUS_FORMULA = re.compile(rf"^{_LABEL}(?:[+＋]{_LABEL}){{1,4}}[+＋]?$|^{_LABEL}[+＋]$")
# "三级联动体系", "四域联动格局", "三级合作社工作体系": a numbered system, or its levels working together
# alone ("省、市、县、乡、村五级联动"); "四步议事法", "六字工作法": a numbered method (not "进一步法治化").
NUMBERED_SYSTEM = re.compile(
    rf"[{NUMERALS}]+(?:[级域维位轮]|方(?!面))(?!的)[\u4e00-\u9fff]{{0,5}}?(?:体系|网络|格局|机制|架构)"
    rf"|(?<![{NUMERALS}])[二三四五六七八九十]+[级方](?:联动|共治|联建|联创|协同)"
    r"|(?<![进第每])[二三四五六七八九十]+[步字][\u4e00-\u9fff]{0,3}?法"
)
# "支部四进": a two-character label and a numbered action.
LABEL_NUMBER = re.compile(rf"^[\u4e00-\u9fff]{{2}}[{NUMERALS}][\u4e00-\u9fff]{{1,2}}$")
# "一是“党建+生产经营”": the quoted parts of an enumerated model.
ENUMERATED_PART = re.compile(rf"(?:^|(?<=[\n。；;：:]))(?P<n>[{P.CN_SMALL}]+)是“(?P<part>[^”]{{2,16}})”")
# "“县委+乡(镇)党委+基层党支部”的三级联动体系": parts listed just before a model name.
PARTS_BEFORE = re.compile(r"“([^”]{1,60}[+＋—、][^”]{1,30})”的?$")
# "，即“党建+网格”“党建+平台”" / "（即党员亮身份、亮承诺、亮形象…）": parts listed after a name.
PARTS_AFTER = re.compile(r"^[^。；\n]{0,8}?[（(，,]?即(?![时将使便可刻])\s*((?:“[^”]{1,16}”[、，,]?){2,}|[^）)。；\n]{4,60})")
# Words that introduce a model as the case's own ("打造“…”党建模式", "以“…”的工作模式").
INTRODUCED_AFTER = re.compile(r"^[”\"」]?的?(?:[\u4e00-\u9fff]\s?){0,6}?(?:模式|工作法|机制|体系|品牌|理念|工程|新模式|做法)")
# "积极创建“…”“五心服务”党建品牌", "探索形成了“": a verb of creating in the clause before a name.
CREATED_BEFORE = re.compile(r"(?:创建|创立|首创|打造|探索|形成|创新|推出|构建|培育)了?[^，,。；;]{0,40}$")
_OWNER_WINDOW = 300  # characters between a model's name and the enumeration of its parts
_MEASURE_AFTER_NUMERAL = set("个颗条公家名位项次件种类座所份张米里步")
_PART_SPLIT = re.compile(r"[+＋—、，,]")
_TIME_AFTER = re.compile(r"小时|天|时|分钟")
_PHRASE_TAGS = ("i", "l")  # jieba's idioms and set phrases


@dataclass
class _Found:
    name: str
    start: int
    end: int
    components: list[str]


def find_models(text: str, title: str | None, lexicon: Lexicon,
                created_only: bool = False) -> tuple[list[NamedModel], list[Issue]]:
    """The named models of a case, with their parts, and issues where parts and name disagree.

    With `created_only` (a speech, which reviews many works: "以“125”工程为抓手") a model the text
    introduces is featured only where the text says it was created ("创建“五心服务”党建品牌").
    """
    quoted = _quoted(text, lexicon)
    found = _dedupe(quoted + [f for f in _unquoted(text, lexicon) if not _inside(f, quoted)])
    parts_of = _enumerated_parts(text)
    found = [f for f in found if f.name not in {p for _, parts in parts_of for p in parts}]
    for f in found:  # a closed formula of labels joined by plus signs shows its parts in its name
        closed = PLUS_FORMULA.match(f.name) and not f.name.endswith(("+", "＋"))
        f.components = [] if closed else _listed_parts(text, f) or _segment_parts(text, f.name)
    _attach_enumerations(found, parts_of)
    listed_as_parts = {(tuple(f.components), f.name) for f in found if f.components}
    found = [f for f in found  # "“县委+乡镇党委+村党支部”的三级联动体系" names one model, with its parts
             if not any(parts == tuple(_split_parts(f.name)) and owner != f.name for parts, owner in listed_as_parts)]
    # 三评 and 四用 of 三评四用双提升 are no models of their own, unless introduced as one ("“三亮”工程").
    segments = {segment for f in found for segment in _numbered_segments(f.name)}
    found = [f for f in found if f.name not in segments or _introduced_at(text, f) >= 0]
    featured = _featured_names([f for f in found if f.name not in lexicon.common_models], title, text, created_only)
    models = [_record(f, f.name in featured, lexicon) for f in found]
    return models, [issue for m in models if (issue := _count_issue(m))]


# --- candidates -------------------------------------------------------------------------


def _quoted(text: str, lexicon: Lexicon) -> list[_Found]:
    found = []
    for m in QUOTED.finditer(text):
        group = next(g for g in (1, 2, 3, 4) if m.group(g))
        name = m.group(group).strip()
        end = m.start(group) + len(name)
        if _NICKNAME_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue
        if (is_model_name(name, lexicon) or DIGIT_NAMED.match(name) or _ends_on_common_model(name, lexicon)
                or (DIGIT_CODE.match(name) and INTRODUCED_AFTER.match(text[end : end + 12]))):
            found.append(_Found(name, m.start(group), end, []))
    return found


def _ends_on_common_model(name: str, lexicon: Lexicon) -> bool:
    """“书记主任一肩挑”: a standard term (`common_models.txt`) with the few words that say whose it is."""
    return len(name) <= _MAX_NAME // 2 + 2 and any(
        name.endswith(term) and len(name) > len(term) and re.fullmatch(r"[\u4e00-\u9fff]+", name[: -len(term)])
        for term in lexicon.common_models)


def _unquoted(text: str, lexicon: Lexicon) -> list[_Found]:
    found = [_Found(m.group(0), m.start(), m.end(), []) for m in UNQUOTED_FORMULA.finditer(text)
             if not _TIME_AFTER.match(text, m.end())]  # "7×24小时" is a service's hours
    found += [_Found(m.group(0), m.start(), m.end(), []) for m in NUMBERED_SYSTEM.finditer(text)]
    found += [_Found(m.group(0), m.start(), m.end(), []) for m in UNQUOTED_DIGIT_NAMED.finditer(text)]
    for term in lexicon.common_models:
        found += [_Found(term, m.start(), m.end(), []) for m in re.finditer(re.escape(term), text)]
    return found


def is_model_name(name: str, lexicon: Lexicon) -> bool:
    """Whether a quoted term has the shape of a model name."""
    if name in lexicon.common_models:
        return True
    if name in lexicon.not_models or len(name) > _MAX_NAME or re.search(r"[，,。；;！？\s]", name):
        return False
    if _is_phrase(name, lexicon):
        return False
    if FORMULA.match(name) or PLUS_FORMULA.match(name):
        return True
    if "、" in name:  # “一会、一站、一中心”: a model named by listing its numbered parts
        items = name.split("、")
        return len(items) >= 2 and all(i[:1] in NUMERALS and is_model_name(i, lexicon) for i in items)
    if re.search(r"\d", name) or not re.fullmatch(r"[\u4e00-\u9fff+＋·]+", name):
        return False
    if name[0] in "百千万":
        return sum(name.count(c) for c in NUMERALS) >= 2
    if name[0] in NUMERALS and len(name) >= 2:
        return not (len(name) > 2 and name[1] in _MEASURE_AFTER_NUMERAL and name[2] in "公里米")
    return bool(LABEL_NUMBER.match(name)) and _is_label_and_action(name)


def _is_phrase(name: str, lexicon: Lexicon) -> bool:
    """An idiom or set phrase (jieba tags 三心二意 `i`, 一干二净 `l`), or a term made of an everyday
    phrase of `not_models.txt` ("双一流高校", "规划一体化"): words, not a case's model."""
    if tag_table().get(name) in _PHRASE_TAGS:
        return True
    return any(word in lexicon.not_models for word in words_of(segment(name)))


def _is_label_and_action(name: str) -> bool:
    """"支部四进", "约法十则": a word, then a numbered action; not "事心双解" (no word before the
    numeral), nor a count or distance ("蛙声十里", "最后一米")."""
    return name[:2] in tag_table() and name[3] not in _MEASURE_AFTER_NUMERAL


def _inside(f: _Found, quoted: list[_Found]) -> bool:
    """Whether an unquoted term stands inside a longer quoted name (一肩挑 in “书记主任一肩挑”); the
    terms a formula joins with plus signs stay models of their own (四方联动 in “红色物业联盟+四方联动”)."""
    return any(q.start <= f.start and f.end <= q.end and len(q.name) > len(f.name) and not PLUS_FORMULA.match(q.name)
               for q in quoted)


def _dedupe(found: list[_Found]) -> list[_Found]:
    """One entry a name, at its first mention."""
    first: dict[str, _Found] = {}
    for f in sorted(found, key=lambda f: (f.start, -len(f.name))):
        first.setdefault(f.name, f)
    return list(first.values())


# --- components ---------------------------------------------------------------------------


def _enumerated_parts(text: str) -> list[tuple[int, list[str]]]:
    """Runs of "一是“A”…二是“B”…": where each starts and the quoted parts it enumerates."""
    runs: list[tuple[int, list[str]]] = []
    expected = 1
    for m in ENUMERATED_PART.finditer(text):
        n = parse_small_number(m.group("n"))
        if n == 1:
            runs.append((m.start(), [m.group("part")]))
            expected = 2
        elif n == expected and runs:
            runs[-1][1].append(m.group("part"))
            expected += 1
    return [run for run in runs if len(run[1]) >= 2]


def _attach_enumerations(found: list[_Found], runs: list[tuple[int, list[str]]]) -> None:
    """Give each enumeration to a model named shortly before it: the one promising that many parts, else the nearest."""
    for start, parts in runs:
        before = [f for f in found if start - _OWNER_WINDOW <= f.end <= start and not f.components]
        owner = next((f for f in before if expected_count(f.name) == len(parts)), None)
        owner = owner or (max(before, key=lambda f: f.end) if before else None)
        if owner is not None:
            owner.components = parts


def _listed_parts(text: str, f: _Found) -> list[str]:
    before = PARTS_BEFORE.search(text[max(0, f.start - 64) : f.start].rstrip("“\""))
    if before and not FORMULA.match(before.group(1)):
        return _split_parts(before.group(1))
    after = PARTS_AFTER.match(text[f.end : f.end + 90].lstrip("”\"」"))
    if after:
        return _split_parts(after.group(1))
    return []


def _split_parts(listing: str) -> list[str]:
    listing = listing.strip("“”\"（）() ")
    if "”“" in listing or "”、“" in listing:
        return [p for p in re.findall(r"“([^”]+)”", "“" + listing + "”") if p]
    return [p.strip("“”\" ") for p in _PART_SPLIT.split(listing) if p.strip("“”\" ")]


def _segment_parts(text: str, name: str) -> list[str]:
    """"三治三共三同" -> 三治, 三共, 三同, when the text quotes each segment."""
    segments = _numbered_segments(name)
    return segments if all(f"“{s}”" in text for s in segments) else []


def _numbered_segments(name: str) -> list[str]:
    """"三评四用双提升" -> 三评, 四用, 双提升: a name made of two or more numbered segments;
    "一会、一站、一中心" -> 一会, 一站, 一中心: a name listing them."""
    if "、" in name:
        return name.split("、")
    segments = re.findall(rf"[{NUMERALS}][^{NUMERALS}]+", name)
    return segments if len(segments) >= 2 and "".join(segments) == name else []


def expected_count(name: str) -> int | None:
    """How many parts a name promises: 一核九+ -> 9, 三级联动体系 -> 3, 五联共建 -> 5.

    "六字工作法" counts characters, which its parts may share out in any way: no promise.
    """
    if re.search(rf"[{NUMERALS}]字", name):
        return None
    plus = re.search(rf"([{NUMERALS}])[+＋]$", name)
    if plus:
        return _numeral(plus.group(1))
    numerals = re.findall(rf"[{NUMERALS}]", name)
    if len(numerals) == 1 or re.match(rf"^[{NUMERALS}][个级域方大]", name):
        return _numeral(numerals[0])
    return None


def _numeral(ch: str) -> int | None:
    return 2 if ch == "双" else parse_small_number(ch)


# --- featured and records -------------------------------------------------------------------


def _featured_names(found: list[_Found], title: str | None, text: str, created_only: bool) -> set[str]:
    """Models named in the title; failing that, the first model the text introduces as its own."""
    in_title = {f.name for f in found if title and f.name in title}
    if in_title:
        longest_first = sorted(in_title, key=len, reverse=True)
        return {n for n in in_title if n in _without(title, [o for o in longest_first if o != n and n in o])}
    # A formula of partners ("公司+基地+农户"模式) names an arrangement many places share, not the case's own.
    introduced = [(at, f.name) for f in found
                  if not PLUS_FORMULA.match(f.name) and (at := _introduced_at(text, f, created_only)) >= 0]
    return {min(introduced)[1]} if introduced else set()


def _introduced_at(text: str, f: _Found, created_only: bool = False) -> int:
    """Where the words after a mention of a model's name first make it a model of the case
    ("…”党建品牌", "形成了“六联”模式"), with a verb of creating before it if `created_only`; -1 for nowhere."""
    for m in re.compile(re.escape(f.name)).finditer(text, f.start):
        if INTRODUCED_AFTER.match(text[m.end() : m.end() + 16]) and (
                not created_only or CREATED_BEFORE.search(text, max(0, m.start() - 40), m.start())):
            return m.start()
    return -1


def _without(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, "\0")
    return text


def _record(f: _Found, featured: bool, lexicon: Lexicon) -> NamedModel:
    return NamedModel(
        name=f.name,
        featured=featured,
        common=f.name in lexicon.common_models,
        components=f.components,
        expected_count=expected_count(f.name),
        start=f.start,
        end=f.end,
    )


def _count_issue(model: NamedModel) -> Issue | None:
    if not model.components or model.expected_count is None or len(model.components) == model.expected_count:
        return None
    return Issue(
        code="model-parts-mismatch",
        severity="warning",
        message=f"“{model.name}”列出 {len(model.components)} 项，名称应有 {model.expected_count} 项",
    )
