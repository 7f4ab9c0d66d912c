"""The features of a line that tell page furniture from a document's text, on any site.

A line's own shape (length, the share of Chinese characters, digits, Latin letters and
punctuation, whether it ends a sentence, separators between short items, markup), what the
rules of `line_roles` say of it, where it stands (the head or the tail of the page, outside the
run of body text) and what its neighbours look like: jusText's observation is that furniture
comes in runs of short, unpunctuated lines at the edges of a page, and text in runs of long
sentences. None of these names a site's wording; cue words enter only through `line_roles`,
whose lists are data.

`FEATURES` names the columns in order; the trained weights (`lexicon/line_model.json`) are
stored against these names, so adding or removing one means retraining
(`python tools/train_line_model.py`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from casekit.extract import patterns as P
from casekit.extract.line_roles import ascii_share, furniture, is_chrome, is_meta

_PUNCT = re.compile(r"[，,。！？!?；;：:、“”\"‘’'（）()《》【】\[\]—…·]")
_SEPARATOR = re.compile(r"[|｜>＞»›/•·]")
_MARKUP = re.compile(r"<[^>]*>|\[[^\]]*\]\([^)]*\)|&[a-z]+;|^#{1,6}\s|^-{3,}$|\*\*")
_DIGITS = re.compile(r"\d")
_NEXT_SENTENCE = re.compile(rf"[。！？](?=[{P.CJK}“])")
_SHORT = 12  # characters: a menu item, a button, a name, a date
_HEADLINE = 30  # characters: no longer than a headline or a credit
_BODY = 50  # characters: a line this long that ends a sentence is body text
_NEAR = 3  # lines: how far the neighbourhood reaches on each side

_OWN = (
    "length", "is_short", "is_headline_length", "is_long",
    "cjk_share", "digit_share", "ascii_share", "punct_share",
    "ends_sentence", "has_sentence_inside", "commas", "items", "short_items",
    "separators", "markup", "rule_furniture", "rule_chrome", "rule_meta", "page_rule",
    "heading_number", "unit_line", "dated",
)
_PLACE = ("repeated", "position", "in_head", "in_tail")
_CONTEXT = ("near_body", "near_furniture", "prev_short", "next_short", "short_run")
FEATURES: tuple[str, ...] = _OWN + _PLACE + _CONTEXT


def document_features(texts: Sequence[str]) -> list[list[float]]:
    """One feature row (in `FEATURES` order) for each line of a document, lines stripped."""
    own = [_own(t) for t in texts]
    body = [is_paragraph_line(t) for t in texts]
    noise = [row[_OWN.index("rule_furniture")] or row[_OWN.index("rule_chrome")] for row in own]
    short = [len(t) <= _HEADLINE and not is_paragraph_line(t) for t in texts]
    counts = Counter(texts)
    first = next((i for i, b in enumerate(body) if b), len(texts))
    last = max((i for i, b in enumerate(body) if b), default=-1)
    runs = _run_lengths(short)
    rows = []
    n = max(len(texts), 1)
    for i, text in enumerate(texts):
        around = [j for j in range(i - _NEAR, i + _NEAR + 1) if j != i and 0 <= j < len(texts)]
        place = [
            float(counts[text] >= 2 and len(text) <= _BODY),
            i / n,
            float(i < first),
            float(i > last),
        ]
        context = [
            sum(body[j] for j in around) / (2 * _NEAR),
            sum(noise[j] for j in around) / (2 * _NEAR),
            float(i > 0 and short[i - 1]),
            float(i + 1 < len(texts) and short[i + 1]),
            min(runs[i], 10) / 10 if short[i] else 0.0,
        ]
        rows.append(own[i] + place + context)
    return rows


def _own(text: str) -> list[float]:
    size = max(len(text), 1)
    items = text.split()
    return [
        math.log1p(len(text)) / 5,
        float(len(text) <= _SHORT),
        float(len(text) <= _HEADLINE),
        float(len(text) > 80),
        len(P.HAN_CHAR.findall(text)) / size,
        len(_DIGITS.findall(text)) / size,
        ascii_share(text),
        len(_PUNCT.findall(text)) / size,
        float(ends_sentence(text)),
        float(any(c in text[:-1] for c in P.SENTENCE_INNER)),
        min(sum(text.count(c) for c in P.COMMAS), 6) / 6,
        min(len(items), 10) / 10,
        float(len(items) >= 3 and sum(map(len, items)) / len(items) <= 4),
        min(len(_SEPARATOR.findall(text)), 5) / 5,
        float(_MARKUP.search(text) is not None or P.URL.search(text) is not None),
        float(furniture(text) is not None),
        float(is_chrome(text)),
        float(is_meta(text)),
        float(_page_rule(text)),
        float(P.HEADING_NUMBER.match(text) is not None),
        float(P.UNIT_LINE.match(text) is not None),
        float(P.YEAR.search(text) is not None),
    ]


def _page_rule(text: str) -> bool:
    """The cleaning patterns of a page's own lines: page numbers, menus, breadcrumbs, footers."""
    return bool(
        P.PAGE_NUMBER.match(text) or P.NAV_BAR.match(text) or P.BREADCRUMB.match(text)
        or P.PAGE_BUTTONS.match(text) or P.CREDIT_LINE.match(text) or P.RULE_LINE.match(text)
        or (len(text) <= 80 and P.SITE_FOOTER.search(text)) or len(P.META_FIELD.findall(text)) >= 2
    )


def ends_sentence(text: str) -> bool:
    """Whether a line ends with a sentence's full stop (a closing quote or bracket after it)."""
    t = text.rstrip("”\"’'）)")
    return bool(t) and t[-1] in "。！？!?；;…"


def is_paragraph_line(text: str) -> bool:
    """Running text of a paragraph, however narrow the wrap: a long line that ends a sentence, a
    line holding two commas, or a line in which one sentence ends and the next begins."""
    return ((len(text) >= _BODY and ends_sentence(text)) or sum(text.count(c) for c in P.COMMAS) >= 2
            or _NEXT_SENTENCE.search(text) is not None)


def _run_lengths(flags: list[bool]) -> list[int]:
    """For each line, the length of the run of like-flagged lines it stands in."""
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j] == flags[i]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out
