"""Word's automatic list numbers ("一、", "（一）", "1."), which python-docx leaves out of a
paragraph's text.

A submission whose headings and points are numbered by Word's list feature reads, without
them, as "背景" and "建强组织体系": the numbering that marks its structure is gone. The
numbers are counted here the way Word counts them, one counter a list and level, a level
restarting when a level above it moves on, and written out with the level's format.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _chinese(n: int) -> str:
    import cn2an

    return cn2an.an2cn(n)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "chineseLegalSimplified": _chinese,
    "ideographDigital": _chinese,
    "ideographTraditional": lambda n: _STEMS[(n - 1) % len(_STEMS)],
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
}


class ListNumbers:
    """The list number of each numbered paragraph, in document order (call `label` once a paragraph)."""

    def __init__(self, document):
        self._levels = _read_levels(document)  # numId -> {ilvl: (format, text, start)}
        self._counts: dict[str, list[int]] = {}
        self._styles = _StyleNumbering()

    def label(self, paragraph) -> str:
        """The number Word shows before the paragraph ("二、"), or "" for none or a bullet."""
        try:
            num_id, level = _numbering_of(paragraph, self._styles)
        except ValueError:  # a damaged numbering attribute: the paragraph reads as unnumbered
            return ""
        levels = self._levels.get(num_id or "")
        if not levels or level not in levels or level >= _LEVELS:
            return ""
        counts = self._counts.setdefault(num_id, [0] * _LEVELS)
        counts[level] = (counts[level] or levels[level][2] - 1) + 1
        for deeper in range(level + 1, _LEVELS):
            counts[deeper] = 0
        return self._render(levels, counts, level)

    @staticmethod
    def _render(levels: dict[int, tuple[str, str, int]], counts: list[int], level: int) -> str:
        fmt, text, _ = levels[level]
        if fmt not in _FORMATS:
            return ""  # bullets, none, and formats casekit does not write out

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            k_fmt, _, k_start = levels.get(k, ("decimal", "", 1))
            return _FORMATS.get(k_fmt, str)(counts[k] or k_start)

        return _PLACEHOLDER.sub(number, text)


def _read_levels(document) -> dict[str, dict[int, tuple[str, str, int]]]:
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {}
    for node in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in node.findall(qn("w:lvl")):
            levels[_int(lvl.get(qn("w:ilvl")), 0)] = (_value(lvl, "w:numFmt", "decimal"), _value(lvl, "w:lvlText", ""),
                                                      _int(_value(lvl, "w:start", "1"), 1))
        abstract[node.get(qn("w:abstractNumId"))] = levels
    lists = {}
    for node in numbering.findall(qn("w:num")):
        ref = node.find(qn("w:abstractNumId"))
        if ref is not None and ref.get(qn("w:val")) in abstract:
            lists[node.get(qn("w:numId"))] = abstract[ref.get(qn("w:val"))]
    return lists


def _int(value: str | None, default: int) -> int:
    """A number attribute; a damaged file's junk reads as the default."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _value(parent, tag: str, default: str) -> str:
    child = parent.find(qn(tag))
    return child.get(qn("w:val"), default) if child is not None else default


def _own_numbering(pr) -> tuple[str | None, int | None]:
    """(numId, level) written in one paragraph-properties element, either possibly missing."""
    num_pr = pr.numPr if pr is not None else None
    if num_pr is None:
        return None, None
    return (str(num_pr.numId.val) if num_pr.numId is not None else None,
            int(num_pr.ilvl.val) if num_pr.ilvl is not None else None)


def _style_chain(style) -> list[tuple[str | None, int | None]]:
    """The numbering written on a style and on each style it is based on, nearest first."""
    chain = []
    while style is not None:
        chain.append(_own_numbering(style.element.pPr))
        style = style.base_style
    return chain


class _StyleNumbering:
    """Each paragraph style's numbering chain, looked up once a style: python-docx's style lookup
    walks the style table, which cost most of the reading time of a long document."""

    def __init__(self):
        self._chains: dict[str | None, list[tuple[str | None, int | None]]] = {}

    def chain(self, paragraph) -> list[tuple[str | None, int | None]]:
        pr = paragraph._p.pPr
        style_id = pr.pStyle.val if pr is not None and pr.pStyle is not None else None
        if style_id not in self._chains:
            self._chains[style_id] = _style_chain(paragraph.style)
        return self._chains[style_id]


def _numbering_of(paragraph, styles: _StyleNumbering) -> tuple[str | None, int]:
    """(numId, level) set on the paragraph itself or, failing that, on its style or the styles it is based on."""
    num_id, level = None, None
    for own_id, own_level in [_own_numbering(paragraph._p.pPr), *styles.chain(paragraph)]:
        if num_id is None:
            num_id = own_id
        if level is None:
            level = own_level
    return (None, 0) if num_id in (None, "0") else (num_id, level or 0)
