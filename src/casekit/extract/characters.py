"""Characters as a reader sees them, one for one, so every offset stays where it was.

Some PDF text layers (pages printed from a browser) write ordinary characters as Kangxi or CJK
radicals (⼒ for 力, ⺠ for 民): they look the same and match nothing. NFKC folds the Kangxi
block; the CJK Radicals Supplement characters that stand for ideographs are in
lexicon/radicals.txt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from casekit.options import read_lexicon_lines

_RADICAL_BLOCKS = (range(0x2E80, 0x2EF4), range(0x2F00, 0x2FD6))
# ”…” with no “ open before it: a short quotation both of whose marks were typed as closing ones.
_MISPAIRED_QUOTE = re.compile(r"”[^“”\n。；！？]{2,16}”")
_QUOTE_OR_BREAK = re.compile(r"[“”\n]")


@lru_cache(maxsize=1)
def _radical_table() -> dict[int, str]:
    table = {}
    for block in _RADICAL_BLOCKS:
        for code in block:
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    for line in read_lexicon_lines("radicals.txt"):
        radical, ideograph = line.split("\t")
        table[ord(radical)] = ideograph
    return table


def fold_radicals(text: str) -> str:
    """The text with radicals written for characters replaced by those characters."""
    return text.translate(_radical_table())


def simplified(text: str) -> str:
    """The text in simplified characters, one for one: the view cue words, units, headings and
    model patterns are matched in, so a page served in traditional characters (中共龍陵縣委組織部,
    1100餘人次) reads like a simplified one. It is never shown: records keep the text as written.
    OpenCC converts; a line whose conversion would change its length (a phrase mapped to more or
    fewer characters) stays as written, so positions in the view are positions in the text."""
    if text.isascii():
        return text
    convert = _converter().convert
    view = convert(text)
    if len(view) == len(text):
        return view
    lines = []
    for line in text.splitlines(keepends=True):
        folded = convert(line)
        lines.append(folded if len(folded) == len(line) else line)
    return "".join(lines)


def paired_quotes(text: str) -> str:
    """The text with a quotation opened by a closing mark (”五联创建”, as some editors type both
    marks alike) opened by “ instead, one for one, so the quoted name reads as quoted."""
    if "”" not in text:
        return text
    opened, is_open = [], False  # only the marks and line ends are looked at: the text may be long
    for m in _QUOTE_OR_BREAK.finditer(text):
        mark = m.group()
        if mark == "”" and not is_open and _MISPAIRED_QUOTE.match(text, m.start()):
            opened.append(m.start())  # a closing mark where a quotation opens
            is_open = True
        else:
            is_open = mark == "“"  # a closing mark or a line end leaves no quotation open
    if not opened:
        return text
    pieces, last = [], 0
    for at in opened:
        pieces += [text[last:at], "“"]
        last = at + 1
    return "".join(pieces) + text[last:]


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


class AsWritten:
    """Strings found in the simplified view of a text, given back as the text writes them."""

    def __init__(self, text: str, view: str):
        self.text, self.view = text, view
        self.same = text == view

    def __call__(self, found: str | None, near: int = 0) -> str | None:
        """`found` as written where the view holds it: its first place from `near` on, else its
        last place before."""
        if self.same or not found:
            return found
        at = self.view.find(found, max(near, 0))
        if at < 0:
            at = self.view.rfind(found, 0, max(near, 0) + len(found))
        return self.text[at : at + len(found)] if at >= 0 else found
