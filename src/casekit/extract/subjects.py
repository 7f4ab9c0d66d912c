"""What a figure counts: the noun phrase it belongs to ("党员332人" -> 党员, "26名企业家" -> 企业家).

Only a small window on each side of the figure is tagged, never the whole text. A figure
followed by a measure word and a noun ("70名党员") counts that noun; otherwise it counts
the noun phrase before it ("现有党员332人"), passing over words such as 达 or 累计.
Quoted terms ("“两新”组织") are one noun. Word lists: `lexicon/subject_words.yaml`.
"""

from __future__ import annotations

import re
from typing import Mapping

from casekit.extract.tokens import tag

_NOUNISH = ("n", "vn", "an", "j", "b", "eng", "nz", "ng", "nl", "zg", "l", "i")
_INSIDE_ONLY = ("a", "ad")
_GLUE = set("（）()《》")
_SKIP_BEFORE = {"近", "约", "达", "达到", "累计", "共", "共计", "有", "为", "是", "超过", "超", "等", "的",
                "占", "约占", "计", "总计", "合计", "逾", "将近", "大约", "共有", "现有", "已有", "总数"}
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?：:\n、]")
_QUOTED = re.compile(r"“[^”]{1,12}”|\"[^\"]{1,12}\"")
_QUOTES = str.maketrans("", "", "“”\"‘’'")

Tokens = list[tuple[str, str]]


def find_subject(text: str, start: int, end: int, words: Mapping[str, frozenset[str]], window: int = 16) -> str | None:
    """The noun phrase counted by the figure at text[start:end], or None."""
    after = _clause_after(text, end, window)
    subject = _leading_noun_phrase(_tag(after, words), words) if after else None
    if not subject:
        subject = _trailing_noun_phrase(_tag(_clause_before(text, start, window), words), words)
    return subject.translate(_QUOTES) if subject else None


def _tag(text: str, words: Mapping[str, frozenset[str]]) -> Tokens:
    """jieba tags, with quoted terms kept whole as nouns and noun-like verbs marked as nouns."""
    tokens: Tokens = []
    pos = 0
    for m in _QUOTED.finditer(text):
        tokens.extend(tag(text[pos : m.start()]) if m.start() > pos else [])
        tokens.append((m.group(0), "nz"))
        pos = m.end()
    tokens.extend(tag(text[pos:]) if pos < len(text) else [])
    return [_retag(w, f, words) for w, f in tokens]


def _retag(word: str, flag: str, words: Mapping[str, frozenset[str]]) -> tuple[str, str]:
    if word in words.get("boundaries", ()):
        return word, "BOUNDARY"
    if word in words.get("noun_verbs", ()) or word in words.get("noun_suffixes", ()):
        return word, "n"
    return word, flag


def _clause_after(text: str, end: int, window: int) -> str:
    chunk = text[end : end + window]
    stop = _CLAUSE_BREAK.search(chunk)
    chunk = chunk[: stop.start()] if stop else chunk
    return chunk[1:] if chunk.startswith("的") else chunk


def _clause_before(text: str, start: int, window: int) -> str:
    chunk = text[max(0, start - window) : start]
    breaks = list(_CLAUSE_BREAK.finditer(chunk))
    return chunk[breaks[-1].end() :] if breaks else chunk


def _is_nounish(flag: str) -> bool:
    return flag.startswith(_NOUNISH)


def _leading_noun_phrase(tokens: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    phrase: Tokens = []
    for word, flag in tokens:
        if _is_nounish(flag) or word in _GLUE or flag in _INSIDE_ONLY:
            phrase.append((word, flag))
        else:
            break
    return _trim(phrase)


def _trailing_noun_phrase(tokens: Tokens, words: Mapping[str, frozenset[str]]) -> str | None:
    while tokens and tokens[-1][0] in _SKIP_BEFORE:
        tokens = tokens[:-1]
    phrase: Tokens = []
    for word, flag in reversed(tokens):
        if _is_nounish(flag) or word in _GLUE or flag in _INSIDE_ONLY:
            phrase.insert(0, (word, flag))
        else:
            break
    found = _trim(phrase)
    rest = tokens[: len(tokens) - len(phrase)]
    if rest and rest[-1][1].startswith("v") and (not found or len(found) == 1):
        return rest[-1][0] + (found or "")
    return found


def _trim(phrase: Tokens) -> str | None:
    while phrase and (phrase[-1][1] in _INSIDE_ONLY or phrase[-1][0] in "（(《"):
        phrase = phrase[:-1]
    while phrase and phrase[0][0] in "）)》":
        phrase = phrase[1:]
    text = "".join(w for w, _ in phrase).strip()
    if not text or not any(_is_nounish(f) for _, f in phrase):
        return None
    return text
