"""Stage 2: decoded source text -> cleaned text, with a map back to the source.

Real submissions arrive pasted from PDFs and web pages: page breaks split words, running
headers and page numbers sit between paragraphs, PDF chunkers paste numbers into words,
web pages bring credits, captions and teasers. Cleaning removes all of that and re-joins
what was split, and nothing else: every cleaned character keeps the index of the source
character it came from, so every figure can be traced back (`Cleaned.raw_span`).

The cleaned text holds one paragraph a line, separated by a single "\\n".
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import index
from typing import NamedTuple

from casekit.extract import patterns as P
from casekit.extract.characters import fold_radicals, simplified
from casekit.extract.line_guard import model_may_not_drop
from casekit.extract.line_model import furniture_lines
from casekit.extract.line_roles import (closing_unit, ends_terminal, furniture, is_caption_under_image, is_chrome,
                                        is_dateline, is_running_text, is_writer_line, site_blurb, trailing_credit,
                                        without_markup)
from casekit.extract.markdown import FRONT_MATTER_LINES, front_matter_end, markdown_layout
from casekit.extract.split import is_titleish
from casekit.options import Lexicon

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TABLE_BAR = re.compile(r"^[|｜]\s*")  # the bar a table's cell opens on, written out as text
_SPACE = " \t\u3000\xa0\ufeff"
_FURNITURE_MAX = 200  # characters: no header, footer, button row or credit line is longer
# "指导老师：某某某", "作者：某某": a short labelled field, on a line of its own, never a wrapped line's tail.
_LABELLED_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*[^，。；：:,;]{1,20}$")
_MIN_WRAP = 20  # hard-wrapped text is wider than this; a few short lines of like length are not a wrap
_CJK_CONTEXT = set("“”‘’《》「」『』【】（）、。，；：！？…—")


class OffsetMap(Sequence[int]):
    """Cleaned index -> source index, kept as runs: where each run starts in the cleaned text and in
    the source. A run is cleaned text copied from consecutive source characters (or one joining
    "\\n", which takes the source index of the character before it), so the map costs two machine
    integers a run (a few a line) instead of a Python int a character; `origin[i]` is a bisection.
    """

    __slots__ = ("_starts", "_raws", "_length")

    def __init__(self, starts: array, raws: array, length: int):
        self._starts, self._raws, self._length = starts, raws, length

    @classmethod
    def of_offsets(cls, offsets: Iterable[int]) -> OffsetMap:
        """The map holding `offsets` (one source index a cleaned character), runs merged."""
        builder = _OffsetBuilder()
        for raw in offsets:
            builder.add(raw, 1)
        return builder.build()

    @property
    def runs(self) -> int:
        return len(self._starts)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i):
        if type(i) is int and 0 <= i < self._length:  # the common case first: a figure's offset
            k = bisect_right(self._starts, i) - 1
            return self._raws[k] + (i - self._starts[k])
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        i = index(i)
        if -self._length <= i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("cleaned offset out of range")
        return self[i]

    def __iter__(self) -> Iterator[int]:
        starts, raws = self._starts, self._raws
        for k in range(len(starts)):
            end = starts[k + 1] if k + 1 < len(starts) else self._length
            yield from range(raws[k], raws[k] + end - starts[k])

    def __eq__(self, other) -> bool:
        if isinstance(other, OffsetMap):
            return (self._length, self._starts, self._raws) == (other._length, other._starts, other._raws)
        if isinstance(other, (tuple, list)):
            return len(other) == self._length and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, self._starts.tobytes(), self._raws.tobytes()))

    def __repr__(self) -> str:
        return f"OffsetMap({self._length} characters in {len(self._starts)} runs)"


class _OffsetBuilder:
    """Collects an offset map span by span, merging a span that carries on the run before it."""

    def __init__(self) -> None:
        self.starts, self.raws, self.length = array("q"), array("q"), 0

    def add(self, raw_start: int, count: int) -> None:
        """The next `count` cleaned characters come from source[raw_start : raw_start + count]."""
        if count <= 0:
            return
        if not self.starts or self.raws[-1] + (self.length - self.starts[-1]) != raw_start:
            self.starts.append(self.length)
            self.raws.append(raw_start)
        self.length += count

    def last(self) -> int:
        """The source index of the last cleaned character so far."""
        return self.raws[-1] + (self.length - 1 - self.starts[-1])

    def build(self) -> OffsetMap:
        return OffsetMap(self.starts, self.raws, self.length)


SOURCE_LINE_ROLES = ("page-meta", "byline")  # the lines a news page prints under its headline


class Removed(NamedTuple):
    """What cleaning left out of the source, and the role it had there: a line of page furniture
    (its kind, as `line_roles` and `_JUNK_LINES` name it: byline, caption, credit, page-meta …;
    "furniture" where the line model found it) or a part of a line (a dateline, a credit)."""

    start: int  # source offsets
    end: int
    role: str


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text; `origin[i]` is the source index of cleaned character i."""

    text: str
    origin: OffsetMap
    raw_length: int
    headers: tuple[str, ...]
    outline: tuple[tuple[int, int], ...] = ()  # (cleaned offset, level) of each Markdown heading
    closing_units: tuple[tuple[int, str], ...] = ()  # (cleaned offset, organisation) of each note cut
    removed: tuple[Removed, ...] = ()  # in source order

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets covering cleaned text[start:end]."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else self.raw_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def source_line_marks(self) -> tuple[int, ...]:
        """Cleaned offsets of the text that follows a page's source line cut right under kept text
        (its date and source, a byline: "发布日期：… 来源：…"), with nothing else cut between: a web
        page prints that line under its headline, so the line above a mark is the headline."""
        marks, last_other = [], -1
        for r in self.removed:
            if r.role not in SOURCE_LINE_ROLES:
                last_other = r.end
                continue
            at = bisect_left(self.origin, r.start)
            if 0 < at < len(self.origin) and self.origin[at - 1] > last_other and (not marks or marks[-1] != at):
                marks.append(at)
        return tuple(marks)

    def roles_between(self, raw_start: int, raw_end: int) -> set[str]:
        """The roles of what cleaning left out between two source offsets (a case's source lines:
        its byline, its dateline, the page's date and source)."""
        at = bisect_right(self.removed, (raw_start,))
        return {r.role for r in self.removed[at:] if r.start < raw_end}


@dataclass(slots=True)
class _Line:
    start: int  # source offset of the first non-space character
    end: int  # source offset after the last non-space character
    text: str
    skip: list[tuple[int, int]]  # source spans inside the line to leave out
    level: int = 0  # a Markdown heading's level (1 for "#"), 0 for any other line
    closing_unit: str | None = None  # the organisation a bracketed note closing the line names


def clean_text(raw: str, lexicon: Lexicon) -> Cleaned:
    """Clean a decoded source text (see the module docstring)."""
    lines = _source_lines(raw)
    lines, headers, removed = _drop_noise_lines(lines, lexicon)
    _strip_chunk_numbers(lines)
    lines = _break_after_file_name(raw, lines, removed)
    for line in lines:
        for start, end, role in _inline_junk(raw, line):
            line.skip.append((start, end))
            if role:
                removed.append(Removed(start, end, role))
    text, origin, outline, notes = _assemble(raw, lines, removed)
    del lines
    return Cleaned(text=fold_radicals(_fold_punctuation(text)), origin=origin, raw_length=len(raw),
                   headers=tuple(headers), outline=outline, closing_units=notes, removed=tuple(sorted(removed)))


def source_lines(raw: str) -> list[str]:
    """The lines of a decoded source text that cleaning judges, as the line model reads them."""
    return _views(_source_lines(raw))


def _source_lines(raw: str) -> list[_Line]:
    """The non-blank lines of a source, without Markdown's blank-block breaks, each with its level."""
    layout = markdown_layout(raw)
    lines = [ln for ln in _split_lines(raw) if ln.start not in layout.breaks]
    for line in lines:
        line.level = layout.levels.get(line.start, 0)
    return lines


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for brk in _LINE_BREAK.finditer(raw):
        _add_line(lines, raw, pos, brk.start())
        pos = brk.end()
    _add_line(lines, raw, pos, len(raw))
    return lines


def _add_line(lines: list[_Line], raw: str, pos: int, end: int) -> None:
    seg = raw[pos:end]
    stripped = seg.strip(_SPACE)
    if stripped:
        lead = len(seg) - len(seg.lstrip(_SPACE))
        lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped, []))


# --- whole lines ------------------------------------------------------------------------


def _drop_noise_lines(lines: list[_Line], lexicon: Lexicon) -> tuple[list[_Line], list[str], list[Removed]]:
    """Remove credits, captions, bylines, page numbers, teasers, running headers, a briefing's
    masthead, rules and distribution list, and the furniture the line model finds among the rest;
    running headers and mastheads are returned as headers, and every line removed with its role."""
    views = _views(lines)
    roles, headers = _ruled_noise(lines, views, lexicon)
    kept = model_may_not_drop(views, [ln.level for ln in lines], [bool(r) for r in roles], lexicon)
    ruled = [True if role else False if i in kept else None for i, role in enumerate(roles)]
    found = furniture_lines(views, ruled)
    removed = [Removed(ln.start, ln.end, role or "furniture") for ln, role, out in zip(lines, roles, found) if out]
    return [ln for ln, out in zip(lines, found) if not out], headers, removed


def _break_after_file_name(raw: str, lines: list[_Line], removed: list[Removed]) -> list[_Line]:
    """Where a document site shows the file's name (alone on a line, quoted in its blurb:
    "《….docx》由会员分享", or as a title field of the page's table: "| 标题:… |") over a text that runs
    its title into the first paragraph ("探索…的经验做法 为持续增强…", after the preview's page number
    "1、" or a cell's bar if any), the title ends where the name does: the line is broken there, so
    the title stands on a line of its own."""
    names = sorted((r.end, stem) for r in removed if (stem := _file_stem(raw[r.start : r.end], r.role)))
    if not names:
        return lines
    out: list[_Line] = []
    k = 0
    for line in lines:
        stem = None
        while k < len(names) and names[k][0] <= line.start:  # the first line kept after a file's name
            stem, k = names[k][1], k + 1
        # the preview's page number, or the bar of the table cell the text stands in
        number = (P.CHUNK_NUMBER.match(line.text) or _TABLE_BAR.match(line.text)) if stem else None
        numbered = bool(number) and line.text[number.end():].startswith(stem)
        text = line.text[number.end():] if numbered else line.text
        skip = [*line.skip, (line.start, line.start + number.end())] if numbered else list(line.skip)
        cut = line.end - line.start - len(text)  # what stands before the name: a page number left out
        rest = text[len(stem):] if stem and text.startswith(stem) else ""
        if rest.strip(_SPACE) and all(e <= line.start + cut for _, e in skip):
            at = line.start + cut + len(stem)
            out.append(_Line(line.start, at, stem, skip, line.level))
            lead = len(rest) - len(rest.lstrip(_SPACE))
            out.append(_Line(at + lead, line.end, rest.lstrip(_SPACE), []))
        else:
            out.append(line)
    return out


def _file_stem(line: str, role: str) -> str | None:
    """The name of the file a document site's line shows: a file name alone, or one its blurb quotes."""
    if role == "file-name":
        return P.DOCUMENT_FILE.match(line.strip()).group("stem")
    if role == "disclosure":  # a table row of the page's fields: "| 标题:… |"
        field = P.TITLE_FIELD.match(line.strip().strip("|｜ "))
        return field.group("title").strip().strip("|｜ ") if field else None
    quoted = P.QUOTED_FILE.search(line) if role == "notice" else None
    return quoted.group("stem") if quoted else None


def _views(lines: list[_Line]) -> list[str]:
    """The lines as the rules, the line model and its guard judge them whole: in simplified
    characters, without the pinyin a mirror site writes after characters ("時(shí)間：…" is a date
    line). Not one for one: nothing reads an offset in a view."""
    joined = P.PINYIN_GLOSS.sub("", "\n".join(ln.text for ln in lines))
    return simplified(joined).split("\n") if lines else []


def _ruled_noise(lines: list[_Line], views: list[str], lexicon: Lexicon) -> tuple[list[str | None], list[str]]:
    """The role of each line the rules call noise (None for the others), and the headers among
    them; the rules read each line's simplified view (a traditional page's 發佈時間 is 发布时间),
    headers keep the line as written."""
    repeated = _repeated_lines(lines)
    roles: list[str | None] = [None] * len(lines)
    headers, in_teaser = [], False
    for i, line in enumerate(lines):
        text = views[i]
        if P.ARTICLE_MARK.match(text):
            in_teaser = False
        if in_teaser or P.TEASER_START.match(text):
            in_teaser, roles[i] = True, "teaser"
            continue
        if P.ISSUE_NUMBER.match(text) and i and not roles[i - 1] and is_titleish(views[i - 1], 20):
            headers.append(re.sub(r"\s+", "", lines[i - 1].text))  # the briefing's masthead ("组 工 信 息")
            roles[i - 1], roles[i] = "masthead", "issue-number"
            continue
        roles[i] = _junk_kind(without_markup(text)) or ("caption" if _is_caption_under_image(views, i) else None)
        if roles[i]:
            continue
        if line.text in repeated or _is_collection_title(lines, i, lexicon):
            header = P.MD_LINE_PREFIX.sub("", line.text)
            if header not in headers:
                headers.append(header)
            roles[i] = "header"
    return roles, headers



# The kinds of furniture that stand on a line of their own and may sit inside a split sentence,
# each named by its role; `line_roles.furniture` names the rest.
_JUNK_LINES = (
    ("page-number", P.PAGE_NUMBER.match),
    ("html-comment", P.HTML_COMMENT.fullmatch),
    ("credit", P.CREDIT_LINE.match),
    ("column-label", P.COLUMN_LABEL.match),
    ("buttons", P.FONT_SIZE_WIDGET.search),
    ("issue-number", P.ISSUE_NUMBER.match),
    ("rule", P.RULE_LINE.match),
    ("distribution", P.DISTRIBUTION.match),
    ("contents", P.CONTENTS_HEADING.match),
    ("contents", P.CONTENTS_ENTRY.match),
    ("buttons", P.PAGE_BUTTONS.match),
    ("breadcrumb", P.BREADCRUMB.match),
    ("navigation", P.NAV_BAR.match),
    ("footer", lambda text: len(text) <= 80 and P.SITE_FOOTER.search(text)),
    ("page-meta", lambda text: len(P.META_FIELD.findall(text)) >= 2),
    ("furniture", furniture),
)


def _is_caption_under_image(views: list[str], i: int) -> bool:
    """Line i names the image above it, unless the page's source lines follow it (a date and
    source, a byline, a dateline): a page that opens on a picture puts its headline there."""
    if not (i and is_caption_under_image(views[i], views[i - 1])):
        return False
    below = views[i + 1] if i + 1 < len(views) else ""
    return not (_junk_kind(without_markup(below)) in SOURCE_LINE_ROLES or is_dateline(below))


def _junk_kind(text: str) -> str | None:
    """The role of a line of page furniture that stands on a line of its own and may sit inside a
    split sentence (`_JUNK_LINES`, then the kinds `line_roles.furniture` names), or None.

    Furniture is short; a long line is tested only for what may run long (page metadata).
    """
    if len(text) > _FURNITURE_MAX:
        return "page-meta" if len(P.META_FIELD.findall(text)) >= 2 and _metadata_before_text(text) is None else None
    for kind, test in _JUNK_LINES:
        found = test(text)
        if found:
            return found if kind == "furniture" else kind
    return None


def _metadata_before_text(text: str) -> int | None:
    """Where a page's metadata fields end on a long line the text runs on in after them (the text
    is kept, its fields cut); None for any other line."""
    meta = P.META_RUN.match(text) if len(text) > _FURNITURE_MAX else None
    rest = text[meta.end() :] if meta else ""
    return meta.end() if len(rest) > _FURNITURE_MAX // 2 and any(mark in rest for mark in "。，,") else None


def _credit_paragraph(text: str) -> str | None:
    """"caption" for a photo caption, "byline" for a byline: judged on the whole paragraph, since a
    wrap may split it; None for any other paragraph."""
    if len(text) <= 160 and P.CAPTION.search(text):
        return "caption"
    return "byline" if len(text) <= 40 and P.BYLINE.match(text) else None


def _repeated_lines(lines: list[_Line]) -> set[str]:
    """Short lines that occur more than once and are not structure: running headers/footers.

    A line each time beside a writer's line (names, or an office and a name, just below or just
    above it) is the title of a series of reports by different people ("年度述职报告" with each
    one's name), not a header."""
    counts = Counter(ln.text for ln in lines if _could_be_header(ln.text))
    signed = Counter(ln.text for k, ln in enumerate(lines) if counts[ln.text] >= 2 and _beside_writer(lines, k))
    return {text for text, n in counts.items() if n >= 2 and signed[text] < n}


def _beside_writer(lines: list[_Line], i: int) -> bool:
    """Whether a writer's line (names, or an office and a name) stands just above or below line i."""
    return any(is_writer_line(lines[j].text) for j in (i - 1, i + 1) if 0 <= j < len(lines))


def _could_be_header(text: str) -> bool:
    return (
        4 <= len(text) <= 60
        and not any(c in text for c in P.SENTENCE_INNER + P.COMMAS)
        and not P.HEADING_NUMBER.match(text)
        and not P.UNIT_LINE.match(text)
        and not P.ARTICLE_MARK.match(text)
        and not text.startswith(("【", "一是", "二是", "——"))
    )


def _is_collection_title(lines: list[_Line], i: int, lexicon: Lexicon) -> bool:
    """A compilation title by its shape, unless it is itself the title over a unit, or beside
    its writer's line (just below or just above it)."""
    text = lines[i].text
    if not _could_be_header(text):
        return False
    if not (P.YEAR_RANGE_PREFIX.match(text) or P.PIECES_TITLE.search(text)
            or any(cue in text for cue in lexicon.collection_cues)):
        return False
    if i + 1 < len(lines) and P.UNIT_LINE.match(lines[i + 1].text):
        return False
    return not _beside_writer(lines, i)


# --- pasted chunk numbers -----------------------------------------------------------------


def _strip_chunk_numbers(lines: list[_Line]) -> None:
    """Drop "2、" pasted at line starts when consecutive long lines count 1, 2, 3 … mid-sentence."""
    run: list[tuple[_Line, int]] = []
    for line in [*lines, None]:
        m = P.CHUNK_NUMBER.match(line.text) if line else None
        if m and run and int(m.group(1)) == int(P.CHUNK_NUMBER.match(run[-1][0].text).group(1)) + 1:
            run.append((line, m.end()))
            continue
        _strip_run(run)
        run = [(line, m.end())] if m else []


def _strip_run(run: list[tuple[_Line, int]]) -> None:
    if len(run) < 3:
        return
    texts = [ln.text for ln, _ in run]
    mid_sentence = sum(1 for t in texts[:-1] if not ends_terminal(t))
    if mid_sentence * 2 < len(texts) - 1 or sum(map(len, texts)) / len(texts) < 60:
        return
    for line, width in run:
        line.skip.append((line.start, line.start + width))
        line.text = line.text[width:]


# --- junk inside lines ----------------------------------------------------------------


# Junk inside a line, with the role of what it cuts (None for markup and stray characters).
_INLINE_JUNK = ((P.SOURCE_CREDIT, "credit"), (P.URL, "url"), (P.STRAY_WWW, None), (P.STAGE_DIRECTION, "stage-direction"),
                (P.NEWS_DATELINE, "dateline"), (P.REPORTED_BY, "byline"), (P.NUMBER_GAP, None), (P.HTML_TAG, None), (P.LEADING_CAPTION, "caption"),
                (P.LENGTH_NOTE, "notice"), (P.HTML_COMMENT, None))


def _inline_junk(raw: str, line: _Line) -> list[tuple[int, int, str | None]]:
    """Spans of a line to leave out, with the role of each, found in its simplified view (one for
    one with the line); the organisation a closing note names is read as written."""
    spans: list[tuple[int, int, str | None]] = []
    written = raw[line.start : line.end]
    segment = simplified(written)
    for pattern, role in _INLINE_JUNK:
        spans.extend((line.start + m.start(), line.start + m.end(), role) for m in pattern.finditer(segment))
    spans.extend((line.start + s, line.start + e, None) for s, e in _markdown_markup(segment))
    spans.extend((line.start + s, line.start + e, None) for s, e in _record_markup(segment))
    meta = _metadata_before_text(segment)
    if meta:
        spans.append((line.start, line.start + meta, "page-meta"))
    blurb = site_blurb(segment)
    if blurb:
        spans.append((line.start + blurb[0], line.start + blurb[1], "notice"))
    note = closing_unit(written)
    credit = note[0] if note else trailing_credit(segment)
    if credit is not None:
        spans.append((line.start + credit, line.end, "credit"))
    if note:
        line.closing_unit = note[1]
    return spans


def _record_markup(segment: str) -> list[tuple[int, int]]:
    """Spans of a dumped record's text field that are no text: its key and quotes, its escapes
    ("title":"…", → the title)."""
    field = P.JSON_TEXT_VALUE.match(segment)
    if not field or field.group("key").lower() not in P.TEXT_FIELDS:
        return []
    inner = field.start("text")
    return [field.span("open"), field.span("close"),
            *((inner + m.start(), inner + m.end()) for m in P.JSON_ESCAPE.finditer(field.group("text")))]


def _markdown_markup(segment: str) -> list[tuple[int, int]]:
    """Spans of a line's Markdown markup (heading and quote prefixes, a bold line's markers, images,
    the brackets and address of a link):
    the words stay, so a "## …" line is a title or heading and a "**背景情况**" line a heading."""
    spans = [m.span() for m in P.MD_IMAGE.finditer(segment)]
    spans += [m.span(g) for m in P.MD_LINK.finditer(segment) for g in (1, 2)]
    prefix = P.MD_LINE_PREFIX.match(segment)
    rest_at = prefix.end() if prefix else 0
    if prefix:
        spans.append(prefix.span())
    bold = P.MD_BOLD_LINE.match(segment, rest_at)
    if bold:
        width = len(bold.group("mark"))
        spans += [(rest_at, rest_at + width), (len(segment) - width, len(segment))]
    return spans


# --- joining lines ------------------------------------------------------------------------


def _assemble(raw: str, lines: list[_Line], removed: list[Removed]) -> tuple[
        str, OffsetMap, tuple[tuple[int, int], ...], tuple[tuple[int, str], ...]]:
    """Group lines into paragraphs, drop paragraphs that are noise once whole (adding them to
    `removed`), and emit them with the cleaned offset and level of each Markdown heading and the
    unit each closing note named.

    A paragraph break "\\n" maps to the source character before it.
    """
    out: list[str] = []
    origin = _OffsetBuilder()
    outline: list[tuple[int, int]] = []
    notes: list[tuple[int, str]] = []
    for paragraph in _paragraphs(raw, lines):
        text = "".join(ln.text for ln in paragraph)
        role = _credit_paragraph(text) or (_junk_kind(text) if len(paragraph) > 1 else None)
        if role:
            removed.append(Removed(paragraph[0].start, paragraph[-1].end, role))
            continue
        if out:
            out.append("\n")
            origin.add(origin.last(), 1)
        if paragraph[0].level:
            outline.append((origin.length, paragraph[0].level))
        for line in paragraph:
            for start, end in _kept_spans(line):
                out.append(raw[start:end])
                origin.add(start, end - start)
            if line.closing_unit:
                notes.append((origin.length, line.closing_unit))
    return "".join(out), origin.build(), tuple(outline), tuple(notes)


def _paragraphs(raw: str, lines: list[_Line]) -> list[list[_Line]]:
    """The lines grouped into paragraphs; a front matter block's fields stay a line each (they are
    metadata, however long, and the headline is read from them)."""
    wrap = _wrap_width(lines)
    closing = front_matter_end([ln.text for ln in lines[:FRONT_MATTER_LINES]])
    fields = closing + 2 if closing is not None else 0  # the fences, the fields and the line after
    paragraphs: list[list[_Line]] = []
    for i, line in enumerate(lines):
        if paragraphs and i >= fields and _joins(paragraphs[-1], lines, i, wrap, raw):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _kept_spans(line: _Line) -> list[tuple[int, int]]:
    """The source spans of a line that stay, with the junk spans cut out."""
    spans, pos = [], line.start
    for s, e in sorted(line.skip):
        if s > pos:
            spans.append((pos, s))
        pos = max(pos, e)
    if line.end > pos:
        spans.append((pos, line.end))
    return spans


def _joins(paragraph: list[_Line], lines: list[_Line], i: int, wrap: int | None, raw: str) -> bool:
    """Whether line i continues the paragraph so far (a page break or hard wrap split it)."""
    if paragraph[-1].level or lines[i].level:
        return False
    so_far = without_markup("".join(ln.text for ln in paragraph))
    if (ends_terminal(so_far) or P.CAPTION.search(so_far) or P.UNIT_LINE.match(so_far) or is_chrome(so_far)
            or P.LIST_BULLET.match(so_far)):
        return False  # a breadcrumb, however long, runs into nothing; nor does a list's item
    if not (is_running_text(so_far) or _continues_wrapped_line(paragraph[-1].text, lines[i].text, wrap)):
        return False
    if _is_structural(lines, i) or _LABELLED_FIELD.match(lines[i].text):
        return False
    start = lines[i].start
    indented = start > 0 and raw[start - 1] in _SPACE  # an indented line starts a paragraph
    return not indented


def _continues_wrapped_line(line: str, nxt: str, wrap: int | None) -> bool:
    """`nxt` carries on a hard-wrapped `line`: body text, or the short tail of a wrapped headline
    ("…筑牢基层“红色堡" + "垒”"), but not a paragraph that follows a headline as long as the wrap."""
    if wrap is None or len(line) < wrap:
        return False
    if not P.HEADLINE_GAP.search(line):
        return True
    return len(nxt) < wrap // 2 and not any(c in nxt for c in P.SENTENCE_INNER)


def _is_structural(lines: list[_Line], i: int) -> bool:
    """Line i starts something new: a heading, a point, an article, a digest item's head
    ("某某县：…", "某某大学：“三个强化”…"), a speaker's remark ("李某(村党总支书记)：…"), a unit
    line or a title."""
    text = lines[i].text
    if (
        P.HEADING_NUMBER.match(text)
        or P.ARTICLE_MARK.match(text)
        or ((P.PLACE_TITLE.match(text) or P.QUOTED_ITEM_TITLE.match(text)) and is_titleish(text))
        or P.UNIT_LINE.match(text)
        or P.SPEAKER_WITH_POST.match(text)
        or text.startswith(("【", "——"))
        or P.LIST_BULLET.match(text)
        or re.match(rf"[{P.CN_SMALL}]+是", text)
    ):
        return True
    return _is_title_over_unit(lines, i)


def _is_title_over_unit(lines: list[_Line], i: int) -> bool:
    for ahead in lines[i + 1 : i + 3]:
        if P.UNIT_LINE.match(ahead.text):
            return is_titleish(lines[i].text)
        if not is_titleish(ahead.text):
            return False
    return False


def _wrap_width(lines: list[_Line]) -> int | None:
    """The width of hard-wrapped text: most lines reach (nearly) the same length."""
    lengths = [len(ln.text) for ln in lines if len(ln.text) >= 10]
    if len(lengths) < 5:
        return None
    top = max(lengths)
    near = sum(1 for n in lengths if n >= top - 3)
    if _MIN_WRAP <= top <= 120 and near >= 5 and near >= 0.4 * len(lengths):
        return top - 3
    return None


# --- punctuation --------------------------------------------------------------------------


_ASCII_PUNCTUATION = re.compile("[" + re.escape("".join(P.ASCII_TO_FULL)) + "]")


def _fold_punctuation(text: str) -> str:
    """ASCII , ; : ? ! ( ) touching Chinese text become full-width; one character for one."""

    def fold(m: re.Match) -> str:
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if (before.isdigit() and after.isdigit()) or not (_is_chinese(before) or _is_chinese(after)):
            return m.group(0)
        return P.ASCII_TO_FULL[m.group(0)]

    return _ASCII_PUNCTUATION.sub(fold, text)


def _is_chinese(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or ch in _CJK_CONTEXT)
