"""The headings and rules of a text written in Markdown, read by a Markdown parser.

Texts copied from publishing systems come as Markdown (`# 标题`, `### 条目`, `---`): the level of
a heading says what it is, a document title over items, an item's headline over its text, a
section inside an item; a thematic break is no text. markdown-it-py parses the text (so a `#`
inside a code block or a "#12371" hashtag is no heading) and gives each block's source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Lines only Markdown writes: an ATX heading, a thematic break, a bold line's opening marks.
_MARKDOWN_LINE = re.compile(r"^ {0,3}(?:#{1,6}[ \t]|(?:[-*_][ \t]*){3,}$|\*\*\S)", re.M)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends markdown-it counts lines by
_MIN_MARKDOWN_LINES = 2  # a text with fewer such lines is not read as Markdown
FRONT_MATTER_LINES = 40  # a front matter block ("---" … "---") closes within this many lines


@dataclass(frozen=True)
class MarkdownLayout:
    levels: dict[int, int] = field(default_factory=dict)  # heading line's source offset -> level (1 for `#`)
    breaks: frozenset[int] = frozenset()  # source offsets of thematic break lines ("---", "***")


def markdown_layout(raw: str) -> MarkdownLayout:
    """The headings and thematic breaks of a Markdown text; empty for any other text. A front
    matter block at the start is metadata, read elsewhere, so its `---` fences are no breaks."""
    if len(_MARKDOWN_LINE.findall(raw)) < _MIN_MARKDOWN_LINES:
        return MarkdownLayout()
    from markdown_it import MarkdownIt

    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(raw)]
    fenced = _front_matter_lines(raw)
    levels, breaks = {}, set()
    for token in MarkdownIt("commonmark").parse(raw):
        if not token.map or token.map[0] < fenced:
            continue
        if token.type == "heading_open" and token.markup.startswith("#"):
            levels[starts[token.map[0]]] = int(token.tag[1])
        elif token.type == "hr":
            breaks.add(starts[token.map[0]])
    return MarkdownLayout(levels, frozenset(breaks))


def _front_matter_lines(raw: str) -> int:
    """How many lines a front matter block at the start takes (0 when there is none)."""
    closing = front_matter_end(_LINE_BREAK.split(raw, maxsplit=FRONT_MATTER_LINES))
    return closing + 1 if closing else 0


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the `---` line closing a front matter block that opens the lines, if any."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((k for k in range(1, min(len(lines), FRONT_MATTER_LINES)) if lines[k].strip() == "---"), None)
