"""The headings of a text written in Markdown, with their levels, read by a Markdown parser.

Texts copied from publishing systems come as Markdown (`# 标题`, `### 条目`): the level of a
heading says what it is, a document title over items, an item's headline over its text, a
section inside an item. markdown-it-py parses the text (so a `#` inside a code block or a
"#12371" hashtag is no heading) and gives each heading's source line.
"""

from __future__ import annotations

import re

_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]", re.M)
_MIN_HEADINGS = 2  # a text with fewer `#` lines is not read as Markdown


def heading_levels(raw: str) -> dict[int, int]:
    """Source offset of each heading line's start -> its level (1 for `#`, 2 for `##` …)."""
    if len(_ATX.findall(raw)) < _MIN_HEADINGS:
        return {}
    from markdown_it import MarkdownIt

    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
    levels = {}
    for token in MarkdownIt("commonmark").parse(raw):
        if token.type == "heading_open" and token.map and token.markup.startswith("#"):
            levels[starts[token.map[0]]] = int(token.tag[1])
    return levels
