"""Characters as a reader sees them, one for one, so every offset stays where it was.

Some PDF text layers (pages printed from a browser) write ordinary characters as Kangxi or CJK
radicals (⼒ for 力, ⺠ for 民): they look the same and match nothing. NFKC folds the Kangxi
block; the CJK Radicals Supplement characters that stand for ideographs are in
lexicon/radicals.txt.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from casekit.options import read_lexicon_lines

_RADICAL_BLOCKS = (range(0x2E80, 0x2EF4), range(0x2F00, 0x2FD6))


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
