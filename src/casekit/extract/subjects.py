"""What a figure counts: the noun phrase it belongs to ("党员332人" -> 党员, "26名企业家" -> 企业家).

Only a small window of the case's words on each side of the figure is looked at. A figure
followed by a measure word and a noun ("70名党员") counts that noun; otherwise it counts
the noun phrase before it ("现有党员332人"), passing over words such as 达 or 累计, a verb of
change with its 至 or 到 ("覆盖率提升至92%") and a year ("由2020年的4300件").
A figure whose clause names no subject of its own counts what the figure before it in the
sentence counts: a share ("共有城市社区60个，约占全市的60%"), the next item of a list
("居民1.2万户、3.6万人"), the end of a change ("由4300件下降到1800件"). In a table row (cells
joined by tabs, as Word tables are read) a figure counts what the row's first cell names.
Quoted terms ("“两新”组织") are one noun. Word lists: `lexicon/subject_words.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from casekit.extract.characters import AsWritten
from casekit.extract.tokens import Tokens as Segmentation
from casekit.extract.tokens import bisect_starts, tag_of

_NOUNISH = ("n", "vn", "an", "j", "b", "eng", "nz", "ng", "nl", "zg", "l", "i", "s")  # s: a place word (窗口)
_INSIDE_ONLY = ("a", "ad", "t")  # "青年" (tagged a time word) in 青年党员
_NUMERAL = "m"  # jieba's tag of a number, which names no noun
_GLUE = set("（）()《》")
_COPULAS = ("为", "是")
_RATE_DENOMINATOR = re.compile(r"\s*/\s*[^\W\d]{1,2}")  # "/户", "/人", "/亩": per what a rate counts
_ASIDE_OPENS = ("（", "(")
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?：:\n\t、]")
_PEOPLE = re.compile(r"(?:余|多)?(?:口?人|名)$")  # a figure that counts people (not 人次)
_LABEL_COLONS = ("：", ":")
_PEOPLE_UNITS = ("名", "人", "位", "户")
_MODIFIER_TAGS = ("v", "a", "d")  # a verb, an adjective or an adverb describing the people counted
# "不", "未", "非", "无", "没有" just before a noun phrase, or a negated qualifier with 的 ("不胜任的").
_NEGATION_BEFORE = re.compile(r"(?:不|未|非|无|没有)(?:[\u4e00-\u9fff]{1,4}的)?$")
_ENDS_ON_FIGURE = re.compile(r"\d[^\d\W]{0,3}$")  # "…187户": a clause that ends on a figure and its unit
_OPEN_QUOTES = {"“": "”", '"': '"'}
_QUOTED_MAX = 12
_ROW_LABEL_MAX = 20
_QUOTE_MARKS = "“”\"‘’'"
_QUOTES = str.maketrans("", "", _QUOTE_MARKS)
_YEAR = re.compile(r"\d{4}")
_AFTER_YEAR = frozenset({"年", "年底", "年末", "年初", "年度"})
# A clause that is only a share's lead-in: 占, 约占全市的, 占党员总数的, 占比达 (but not 占地面积).
_SHARE_CLAUSE = re.compile(
    r"\s*(?:约|近|仅|只|分别|约为)?占(?:比|[^，。；]{0,10}的)?\s*(?:达到|达|为|约)?\s*"
)

# "其中35岁以下的占65.2%", "大专以上学历的占比提高到58.3%": the share of a kind the clause names.
_SHARE_OF_KIND = re.compile(
    r"\s*(?:其中)?(?P<kind>[^，。；：\n]{2,24}的)占比?\s*(?:提高到|提高至|上升到|上升至|下降到|下降至|达到|达|为|约为|约)?\s*"
)

Tokens = list[tuple[str, str]]


def find_subject(text: str, start: int, end: int, tokens: Segmentation, words: Mapping[str, frozenset[str]],
                 window: int = 16, earlier: str | None = None) -> str | None:
    """The noun phrase counted by the figure at text[start:end], or None; `tokens` are the text's words.

    `earlier` is the subject of the figure before this one in the same sentence, if any.
    """
    lo, hi = _clause_after(text, end, window)
    after = _window(text, tokens, lo, hi, words) if hi > lo else []
    subject = (_leading_noun_phrase(after, words) or _noun_after_attribute(after, words) or _what_they_are(after, words)
               or _action_counted(text[start:end], text[lo:hi], after, words)
               or _modified_people(text[start:end], after, words)
               or _people_acting(text, start, end, text[lo:hi], after))
    if not subject:
        label = _row_label(text, start)
        if label:
            return label
        lo, hi = _clause_before(text, start, window)
        if lo == hi and text[lo - 1 : lo] in _LABEL_COLONS:  # "深度贫困村：24个" counts its label
            lo, hi = _clause_before(text, lo - 1, window)
        share = _SHARE_OF_KIND.fullmatch(text, lo, hi)
        if share:
            return share.group("kind").translate(_QUOTES) + "占比"
        changed = _what_changed(_window(text, tokens, *_clause_before(text, start, 2 * window), words), words)
        if changed:
            return changed.translate(_QUOTES)
        before = _without_closing_aside(_strip_lead_in(_window(text, tokens, lo, hi, words), words))
        if earlier and _names_no_subject(text, lo, hi, before):
            return earlier
        if not before and lo < hi and text[lo - 1 : lo] in "，,":  # "参加论坛的各界人士，总共有700人"
            before = _strip_lead_in(_window(text, tokens, *_clause_before(text, lo - 1, window), words), words)
        subject = (_with_negation(text, lo, hi, _trailing_noun_phrase(before, words) or _whole_place(before, words))
                   or _population(text, start, end, lo, hi, words))
    return subject.translate(_QUOTES) if subject else None


def _population(text: str, start: int, end: int, lo: int, hi: int, words: Mapping[str, frozenset[str]]) -> str | None:
    """"人口" for a count of people standing alone in a place's profile ("…辖25个行政村、121个村民
    小组，5.1万人"): nothing before it in its clause, a profile word in its sentence."""
    if not _PEOPLE.search(text, start, end) or text[lo:hi].strip():
        return None
    sentence = text[text.rfind("。", 0, start) + 1 : start]
    return "人口" if any(w in sentence for w in words["place_profile"]) else None


def _what_they_are(after: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """"其中有3名为居民积极分子": a count followed by 为 or 是 counts what the noun after it names."""
    return _leading_noun_phrase(after[1:], words) if after and after[0][0] in _COPULAS else None


def _without_closing_aside(before: Tokens) -> Tokens:
    """The words before a figure without the bracketed aside that closes them: "综合服务中心
    （社会矛盾纠纷调处化解中心）99个" counts 综合服务中心, not its other name."""
    if not before or before[-1][0] not in "）)":
        return before
    opening = next((k for k in range(len(before) - 2, -1, -1) if before[k][0] in "（("), None)
    return before[:opening] if opening else before


def _what_changed(before: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """"部门也从10个增至18个", "合作社由十年前的不足百个发展到目前的1735个": the end of a change
    (a count after 由 or 从, then 至, 到 or 为) counts what changed, the noun phrase before its 由 or 从 (`before` is the clause before the
    figure, read over twice the usual window, for the change's start stands between)."""
    before = _strip_lead_in(before, words)
    for k in range(len(before) - 1, 0, -1):
        word, flag = before[k]
        if word in words.get("change_from", ()) and flag == "p":
            rest = before[k + 1 :]
            count = next((j for j, (_, f) in enumerate(rest) if f == _NUMERAL), None)
            if count is not None and any(w.endswith(tuple(words.get("change_to", ()))) for w, _ in rest[count:]):
                return _trailing_noun_phrase(_strip_lead_in(before[:k], words), words)
            return None
    return None


def _with_negation(text: str, lo: int, hi: int, subject: str | None) -> str | None:
    """The subject with the negation that qualifies it: "撤换不合格农村党组织书记10名" counts
    不合格农村党组织书记, "调整不胜任的村干部23名" 不胜任的村干部 — never their opposites."""
    if not subject:
        return subject
    at = text.rfind(subject, lo, hi)
    negation = _NEGATION_BEFORE.search(text, lo, at) if at > lo else None
    return text[negation.start() : at] + subject if negation else subject


def _noun_after_attribute(after: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """"8张特殊的“网格图”", "6位进行口头述职的基层党委书记": the noun an attribute ending in 的 leads to,
    when the figure's measure word is followed by that attribute rather than by its noun."""
    de = next((k for k, (word, _) in enumerate(after) if word == "的"), None)
    if de is None or de == 0 or any(word in words.get("boundaries", ()) for word, _ in after[:de]):
        return None
    return _leading_noun_phrase(after[de + 1 :], words)


def _action_counted(figure: str, clause: str, after: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """"7次听取基层党组织书记专题汇报", "先后15次到73个村调研督办": a count of times before what was
    done counts the doing, the rest of its clause."""
    if not figure.endswith(tuple(words.get("event_units", ()))) or not after:
        return None
    return clause.strip() if after[0][1].startswith(("v", "p", "d")) else None


def _modified_people(figure: str, after: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """"9名留守儿童", "404名新选任村党支部书记": people a word or two of description goes before, with
    no 的 between."""
    if not figure.endswith(_PEOPLE_UNITS):
        return None
    for k in (1, 2):
        if len(after) > k and all(flag.startswith(_MODIFIER_TAGS) and len(word) <= 2 for word, flag in after[:k]):
            noun = _leading_noun_phrase(after[k:], words)
            if noun:
                return "".join(word for word, _ in after[:k]) + noun
    return None


def _people_acting(text: str, start: int, end: int, clause: str, after: Tokens) -> str | None:
    """"…，3526人受伤", "，12人获得表彰": people a clause opens on, counted by what they did."""
    opens_clause = start == 0 or _CLAUSE_BREAK.match(text, start - 1) is not None
    if opens_clause and text[start:end].endswith(_PEOPLE_UNITS) and after and after[0][1].startswith("v"):
        return clause.strip()
    return None


def _whole_place(before: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """"全村187户" counts the village: a figure with no noun of its own after a whole place."""
    last = before[-1][0] if before else ""
    return last if last in words.get("whole_places", ()) else None


def _row_label(text: str, start: int) -> str | None:
    """The first cell of the table row holding the figure, when it is a label (no digits)."""
    line_start = text.rfind("\n", 0, start) + 1
    first_tab = text.find("\t", line_start, start)
    label = text[line_start:first_tab].strip() if first_tab >= 0 else ""
    return label if 0 < len(label) <= _ROW_LABEL_MAX and not any(ch.isdigit() for ch in label) else None


def _names_no_subject(text: str, lo: int, hi: int, before: Tokens) -> bool:
    """Whether the clause before a figure leaves its subject to the figure before it."""
    if _SHARE_CLAUSE.fullmatch(text, lo, hi):
        return True
    if lo == hi:  # "居民1.2万户、3.6万人", "全村187户，646人": the next item of a list of figures
        return text[lo - 1 : lo] == "、" or (text[lo - 1 : lo] in "，," and _ENDS_ON_FIGURE.search(text, 0, lo - 1) is not None)
    return any(word[-1].isdigit() or word == "%" for word, _ in before[-2:])


def _strip_lead_in(tokens: Tokens, words: Mapping[str, frozenset[str]]) -> Tokens:
    """The words before a figure without what stands between its noun phrase and the figure."""
    lead_ins = words.get("lead_ins", ())
    change_to = words.get("change_to", ())
    end = len(tokens)
    while end:
        word, flag = tokens[end - 1]
        before_word, before_flag = tokens[end - 2] if end > 1 else ("", "")
        if word in lead_ins or not word.strip() or flag == "d":  # a space: text pasted from a PDF ("需求清单 527 份")
            end -= 1
        elif before_word + word in lead_ins:  # a lead-in cut in two words ("占" "比")
            end -= 2
        elif _lead_in_run(lead_ins).fullmatch(before_word + word):  # lead-ins cut across words ("占" "比达")
            end -= 2
        elif ((word in change_to and before_flag.startswith("v"))
              or (word in _AFTER_YEAR and _YEAR.fullmatch(before_word))):
            end -= 2
        elif word in words.get("change_verbs", ()) and _noun_before_change(tokens, end - 1, words):
            end = _noun_before_change(tokens, end - 1, words)
        else:
            break
    return tokens[:end]


@lru_cache(maxsize=4)
def _lead_in_run(lead_ins: frozenset[str]) -> re.Pattern:
    """Two or more lead-in words run together ("占比达", "累计达到")."""
    words = "|".join(map(re.escape, sorted(lead_ins, key=len, reverse=True)))
    return re.compile(f"(?:{words}){{2,}}")


def _noun_before_change(tokens: Tokens, verb: int, words: Mapping[str, frozenset[str]]) -> int:
    """Where the noun phrase before a verb of change ends, past comparison words, adverbs and years; 0 for none."""
    adverbs = words.get("change_adverbs", ())
    k = verb
    while k and (tokens[k - 1][0] in adverbs or tokens[k - 1][1] == "d" or tokens[k - 1][0] in _AFTER_YEAR
                 or _YEAR.fullmatch(tokens[k - 1][0])):
        k -= 1
    return k if k and _is_nounish(tokens[k - 1][1]) else 0


def _window(text: str, tokens: Segmentation, lo: int, hi: int, words: Mapping[str, frozenset[str]]) -> Tokens:
    """(word, tag) pairs of text[lo:hi]; a word cut by the window's edge keeps only its inside part."""
    fixed = _fixed_tags(words.get("boundaries", frozenset()), words.get("noun_verbs", frozenset()),
                        words.get("noun_suffixes", frozenset()))
    pairs: Tokens = []
    for k in range(max(0, bisect_starts(tokens, lo) - 1), len(tokens)):
        word, start, end = tokens[k]
        if start >= hi:
            break
        piece = text[lo if lo > start else start : hi if hi < end else end]
        if piece:
            pairs.append((piece, fixed.get(piece) or (tag_of(piece) if piece == word else "x")))
    pairs = _people_nouns(pairs, words.get("person_suffixes", frozenset()))
    window = text[lo:hi]
    if any(quote in window for quote in _OPEN_QUOTES):
        return _merge_quotes(pairs, words)
    return pairs


def _people_nouns(pairs: Tokens, suffixes: frozenset[str]) -> Tokens:
    """Words for kinds of people that jieba reads as verbs, made nouns: one ending on a person's
    suffix ("选调生"), or a two-character verb and the suffix cut from it ("选聘" "生")."""
    out: Tokens = []
    for word, flag in pairs:
        if word in suffixes and out and len(out[-1][0]) == 2 and out[-1][1].startswith("v"):
            out[-1] = (out[-1][0] + word, "n")
        elif len(word) >= 3 and word[-1] in suffixes and flag.startswith("v"):
            out.append((word, "n"))
        else:
            out.append((word, flag))
    return out


@lru_cache(maxsize=4)
def _fixed_tags(boundaries: frozenset[str], nouns: frozenset[str], suffixes: frozenset[str]) -> dict[str, str]:
    """The tags the word lists set, whatever jieba says; boundaries win over nouns."""
    return {**dict.fromkeys(nouns | suffixes, "n"), **dict.fromkeys(boundaries, "BOUNDARY")}


def _merge_quotes(pairs: Tokens, words: Mapping[str, frozenset[str]]) -> Tokens:
    """A quoted term ("“两新”") becomes one noun."""
    merged: Tokens = []
    k = 0
    while k < len(pairs):
        word = pairs[k][0]
        close = _OPEN_QUOTES.get(word)
        end = next((j for j in range(k + 1, len(pairs)) if pairs[j][0] == close), None) if close else None
        quoted = "".join(w for w, _ in pairs[k : end + 1]) if end is not None else ""
        if end is not None and len(quoted) <= _QUOTED_MAX + 2:
            merged.append(_retag(quoted, "nz", words))
            k = end + 1
        else:
            merged.append(pairs[k])
            k += 1
    return merged


def _retag(word: str, flag: str, words: Mapping[str, frozenset[str]]) -> tuple[str, str]:
    if word in words.get("boundaries", ()):
        return word, "BOUNDARY"
    if word in words.get("noun_verbs", ()) or word in words.get("noun_suffixes", ()):
        return word, "n"
    return word, flag


def _clause_after(text: str, end: int, window: int) -> tuple[int, int]:
    """The span after a figure up to the end of its clause (past a leading 的 and the denominator of
    a rate, "3.5万元/户"); none where a bracketed aside follows it ("24个（具体情况见附表）")."""
    rate = _RATE_DENOMINATOR.match(text, end)
    end = rate.end() if rate else end
    if text[end : end + 1] in _ASIDE_OPENS:
        return end, end
    stop = _CLAUSE_BREAK.search(text, end, end + window)
    hi = stop.start() if stop else min(len(text), end + window)
    return (end + 1 if text.startswith("的", end) and end < hi else end), hi


def _clause_before(text: str, start: int, window: int) -> tuple[int, int]:
    """The span before a figure back to the start of its clause."""
    lo = max(0, start - window)
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, start))
    return (breaks[-1].end() if breaks else lo), start


def _is_nounish(flag: str) -> bool:
    return flag.startswith(_NOUNISH)


def _leading_noun_phrase(tokens: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """The noun phrase that opens `tokens`, past the figures stacked before it: "8类46项内容" counts
    内容 with 46项, "5086户20402人" nothing after its figures (the subject stands before them)."""
    while len(tokens) > 1 and tokens[0][1] == _NUMERAL and tokens[0][0][:1].isdigit():
        tokens = tokens[2:]
    phrase: Tokens = []
    for k, (word, flag) in enumerate(tokens):
        if _is_nounish(flag) or word in _GLUE or flag in _INSIDE_ONLY:
            phrase.append((word, flag))
        elif not phrase and flag == "d" and len(word) == 2 and k + 1 < len(tokens) and _is_nounish(tokens[k + 1][1]):
            phrase.append((word, flag))  # "7个自然村寨": a word jieba reads as an adverb opening a noun
        else:
            break
    return _trim(phrase)


def _trailing_noun_phrase(tokens: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    """The noun phrase that ends `tokens`; failing one, a verb with the noun phrase before it
    ("老旧小区改造118个" counts 老旧小区改造, "帮扶209人次" counts 帮扶)."""
    found, rest = _noun_phrase_ending(tokens)
    if rest and rest[-1][1].startswith("v") and (not found or len(found) == 1):
        verb = rest[-1][0]
        if not found:
            return (_noun_phrase_ending(rest[:-1])[0] or "") + verb
        return verb + found
    return found


def _noun_phrase_ending(tokens: Tokens) -> tuple[str | None, Tokens]:
    """(the noun phrase at the end of `tokens`, the tokens before it)."""
    k = len(tokens)
    while k:
        word, flag = tokens[k - 1]
        if _is_nounish(flag) or word in _GLUE or flag in _INSIDE_ONLY:
            k -= 1
        elif flag == _NUMERAL and k < len(tokens):  # a count inside the phrase ("资助4户家庭"), not before it
            count = k - 1
            while count and tokens[count - 1][1] == _NUMERAL:
                count -= 1
            if not (count and _is_nounish(tokens[count - 1][1])):
                break
            k = count
        else:
            break
    return _trim(tokens[k:]), tokens[:k]


def _trim(phrase: Tokens) -> str | None:
    while phrase and (phrase[-1][1] in _INSIDE_ONLY or phrase[-1][0] in "（(《"):
        phrase = phrase[:-1]
    while phrase and phrase[0][0] in "）)》":
        phrase = phrase[1:]
    text = "".join(w for w, _ in phrase).strip()
    if not text or not any(_is_nounish(f) for _, f in phrase):
        return None
    return text


def subject_as_written(subject: str | None, written: AsWritten, lo: int, hi: int) -> str | None:
    """A subject found in the simplified view, as the text writes it near its figure (the view
    holds it between `lo` and `hi`), its quotes left out as subjects leave them ("村“兩委”成員"
    gives 村兩委成員)."""
    if written.same or not subject:
        return subject
    any_quotes = f"[{re.escape(_QUOTE_MARKS)}]*"
    m = re.compile(any_quotes.join(map(re.escape, subject))).search(written.view, max(lo, 0), hi)
    return written.text[m.start() : m.end()].translate(_QUOTES) if m else subject
