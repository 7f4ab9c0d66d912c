"""Stage 3: cleaned document text -> the cases it holds.

A compilation marks each submission with a title over a unit line ("…申报", "申报单位：…"),
or closes each with one ("（某某县委组织部供稿）"); a web collection numbers its articles
("第一篇：…"); a digest heads each item with its place ("安吉县：…"); reports by several people
each open with a title over the writer's name; a Markdown text heads its items at one heading
level; anything else is one case.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from casekit.extract import patterns as P
from casekit.extract import line_roles, title_lines

_MIN_PREFACE_CHARS = 100
_MIN_ITEM_CHARS = 20  # a Markdown heading over less text than a sentence heads no item of its own
_SPACE_AND_MARKS = re.compile(r"[\s:：*_]+")
_FLATTENED_GAP = re.compile(r"\s{2,}")  # where a flattened text's lost line breaks were


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CaseSpan:
    """One case inside the cleaned document text: `text[start:end]`."""

    start: int
    end: int
    title: str | None
    subtitle: str | None
    unit: str | None
    collection: str | None


def split_paragraphs(text: str, offset: int = 0) -> list[Paragraph]:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(offset + pos, offset + pos + len(line), line))
        pos += len(line) + 1
    return paragraphs


@dataclass(frozen=True)
class _Anchor:
    first: int  # index of the case's first paragraph
    title: str | None
    subtitle: str | None
    unit: str | None
    series: str | None = None  # a series or column name above the headline


def split_cases(text: str, headers: tuple[str, ...] = (), title_max: int = 60,
                outline: tuple[tuple[int, int], ...] = (), section_headings: Collection[str] = (),
                closing_units: tuple[tuple[int, str], ...] = (), source_marks: tuple[int, ...] = ()) -> list[CaseSpan]:
    """The cases of a document, in order; a running header becomes their `collection`.

    `outline` holds the (offset, level) of the text's Markdown headings; `section_headings` the
    template's heading words, which head sections inside a case, not cases; `closing_units` the
    (offset, organisation) of the notes that closed a paragraph, which give a case without a
    unit line its unit; `source_marks` the offsets where cleaning cut a page's source line
    (`Cleaned.source_line_marks`), which a web page prints under its headline."""
    return [_with_closing_unit(span, closing_units)
            for span in _case_spans(text, headers, title_max, outline, section_headings, frozenset(source_marks))]


def _with_closing_unit(span: CaseSpan, closing_units: tuple[tuple[int, str], ...]) -> CaseSpan:
    if span.unit is not None:
        return span
    named = [unit for at, unit in closing_units if span.start < at <= span.end]
    return replace(span, unit=named[-1]) if named else span


def _case_spans(text: str, headers: tuple[str, ...], title_max: int, outline: tuple[tuple[int, int], ...],
                section_headings: Collection[str], source_marks: frozenset[int]) -> list[CaseSpan]:
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return []
    items = _markdown_item_anchors(paragraphs, outline, section_headings)
    if items:
        return _spans(paragraphs, items, _markdown_collection(paragraphs, outline, items[0].first) or
                      (headers[0] if headers else None))
    anchors = (_article_anchors(paragraphs) or _closing_unit_anchors(paragraphs, title_max)
               or _unit_anchors(paragraphs, title_max) or _place_title_anchors(paragraphs, title_max)
               or _signed_report_anchors(paragraphs, title_max) or _speaker_anchors(paragraphs))
    collection = headers[0] if headers else None
    single = not anchors
    if not anchors or _has_preface(paragraphs, anchors[0].first):
        lead = _leading_anchor(paragraphs, title_max, _sourced(paragraphs, source_marks))
        anchors.insert(0, _with_unit_after_dash(lead))
        lead = anchors[0]
        if single and lead.title is None and collection is not None and not P.PIECES_TITLE.search(collection):
            # a single text without a headline, each page headed by its title: the header is the
            # title (unless it counts the pieces of a collection: "…案例五篇")
            anchors[0], collection = _Anchor(0, collection, None, None), None
        elif collection is None and lead.series:
            collection = lead.series
    elif anchors[0].first > 0 and collection is None and is_titleish(paragraphs[0].text, title_max):
        collection = paragraphs[0].text
    return _spans(paragraphs, anchors, collection)


def _spans(paragraphs: list[Paragraph], anchors: list[_Anchor], collection: str | None) -> list[CaseSpan]:
    spans = []
    for k, anchor in enumerate(anchors):
        last = anchors[k + 1].first - 1 if k + 1 < len(anchors) else len(paragraphs) - 1
        start, end = paragraphs[anchor.first].start, paragraphs[last].end
        spans.append(CaseSpan(start, end, anchor.title, anchor.subtitle, anchor.unit, collection))
    return spans


# --- Markdown texts ------------------------------------------------------------------------


def _markdown_item_anchors(paragraphs: list[Paragraph], outline: tuple[tuple[int, int], ...],
                           section_headings: Collection[str]) -> list[_Anchor]:
    """Headings of one Markdown level that each head an item with text of its own (a digest's
    `### 条目`, a compilation's `## 案例`): the level with the most such headings, at least two.
    Numbered and template headings head sections, not items, and a heading that asks a question
    heads an answer of a text written as questions and answers. What stands above the first item
    (the document's title, a summary list, an editor's note) is no case."""
    level_at = dict(outline)
    heads = [i for i, p in enumerate(paragraphs) if p.start in level_at]
    items: dict[int, list[int]] = {}
    for k, i in enumerate(heads):
        text, level = paragraphs[i].text, level_at[paragraphs[i].start]
        if (P.HEADING_NUMBER.match(text) or _SPACE_AND_MARKS.sub("", text) in section_headings
                or text.rstrip().endswith(("？", "?"))):
            continue
        following = next((j for j in heads[k + 1 :] if level_at[paragraphs[j].start] <= level), len(paragraphs))
        if sum(len(p.text) for p in paragraphs[i + 1 : following] if p.start not in level_at) >= _MIN_ITEM_CHARS:
            items.setdefault(level, []).append(i)
    level = max(items, key=lambda lv: (len(items[lv]), -lv), default=None)
    if level is None or len(items[level]) < 2:
        return []
    return [_Anchor(i, paragraphs[i].text, None, _unit_under(paragraphs, i)) for i in items[level]]


def _markdown_collection(paragraphs: list[Paragraph], outline: tuple[tuple[int, int], ...], first: int) -> str | None:
    """The one level-1 heading above the items: the document's title, which the items share."""
    starts = {p.start: i for i, p in enumerate(paragraphs)}
    tops = [starts[at] for at, level in outline if level == 1 and at in starts and starts[at] < first]
    return paragraphs[tops[0]].text if len(tops) == 1 else None


def _has_preface(paragraphs: list[Paragraph], first: int) -> bool:
    before = paragraphs[:first]
    return sum(len(p.text) for p in before if not is_titleish(p.text, 60)) >= _MIN_PREFACE_CHARS


# --- compilations of submissions ------------------------------------------------------------


def _unit_anchors(paragraphs: list[Paragraph], title_max: int) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    floor = 0
    for i, par in enumerate(paragraphs):
        m = P.UNIT_LINE.match(par.text)
        if not m:
            continue
        block = _title_block(paragraphs, i, floor, title_max)
        if not block:
            continue
        title, *rest = [paragraphs[j].text for j in block]
        title = field_value(title)
        subtitle = " ".join(r.lstrip("—").strip() for r in rest) or None
        anchors.append(_Anchor(min(block[0], i), title, subtitle, parse_unit(m)))
        floor = i + 1
    return anchors


def _title_block(paragraphs: list[Paragraph], unit_index: int, floor: int, title_max: int) -> list[int]:
    """Indexes of the title (and subtitle) paragraphs just above a unit line."""
    block: list[int] = []
    j = unit_index - 1
    while j >= floor and len(block) < 2 and _is_title_line(paragraphs[j].text, title_max):
        if block and not paragraphs[block[0]].text.startswith("——") and _ends_previous_case(paragraphs, j):
            break
        if block and P.TITLE_FIELD.match(paragraphs[block[0]].text):
            break  # a form's title field is the whole title; above it stands the form's name
        block.insert(0, j)
        j -= 1
    if not block and unit_index + 1 < len(paragraphs) and _is_title_line(paragraphs[unit_index + 1].text, title_max):
        return [unit_index + 1]  # the unit is written above its title
    return block


def _closing_unit_anchors(paragraphs: list[Paragraph], title_max: int) -> list[_Anchor]:
    """Cases that end with their unit line ("…供稿）" after the text, then the next title).

    Chosen only when the document's first unit line follows running text rather than a
    title: a unit written above its title looks the same from the middle of a compilation.
    """
    units = [i for i, p in enumerate(paragraphs) if P.UNIT_LINE.match(p.text)]
    if not units or units[0] == 0 or is_titleish(paragraphs[units[0] - 1].text, title_max):
        return []
    closing = [i for i in units if i + 1 == len(paragraphs) or _is_title_line(paragraphs[i + 1].text, title_max)]
    if not closing:
        return []
    starts = [0] + [i + 1 for i in closing if i + 1 < len(paragraphs)]
    anchors = []
    for k, first in enumerate(starts):
        last = starts[k + 1] - 1 if k + 1 < len(starts) else len(paragraphs) - 1
        unit_at = next((i for i in closing if first <= i <= last), None)
        unit = parse_unit(P.UNIT_LINE.match(paragraphs[unit_at].text)) if unit_at is not None else None
        lead = _leading_anchor(paragraphs[first:], title_max)
        anchors.append(_Anchor(first, lead.title, lead.subtitle, unit))
    return anchors


def _ends_previous_case(paragraphs: list[Paragraph], j: int) -> bool:
    """Whether the line above a title is the previous case's last words rather than the title's first line."""
    if re.search(r"[，,、]", paragraphs[j].text):
        return True
    if j == 0:
        return False
    above = paragraphs[j - 1].text
    return bool(P.HEADING_NUMBER.match(above) or above.startswith("【") or P.UNIT_LINE.match(above))


def parse_unit(match: re.Match) -> str:
    unit = next((match.group(g) for g in ("u1", "u2", "u3", "u4", "u5") if match.group(g)), "").strip()
    return re.sub(r"(?:申报|报送|供稿|[（(]盖章[）)]?)$", "", unit).strip()


# --- numbered web collections ---------------------------------------------------------------


def _article_anchors(paragraphs: list[Paragraph]) -> list[_Anchor]:
    marks = [i for i, p in enumerate(paragraphs) if P.ARTICLE_MARK.match(p.text)]
    if len(marks) < 2:
        return []
    return [_article_anchor(paragraphs, i) for i in marks]


def _article_anchor(paragraphs: list[Paragraph], i: int) -> _Anchor:
    title = P.TITLE_TAG.sub("", P.ARTICLE_MARK.match(paragraphs[i].text).group("title")).strip()
    following = paragraphs[i + 1 : i + 3]
    if not title and following:
        title, following = following[0].text, paragraphs[i + 2 : i + 4]
    subtitle = None
    if following and following[0].text.strip() == title:
        following = following[1:]
    if following and re.fullmatch(r"[（(].{2,40}[）)]|——.{2,40}", following[0].text):
        subtitle = following[0].text.strip("（）()—")
    return _Anchor(i, title, subtitle, None)


# --- digests of items headed by their place -------------------------------------------------


def _place_title_anchors(paragraphs: list[Paragraph], title_max: int) -> list[_Anchor]:
    """Items of a digest ("安吉县：…" over its text), when there are at least two of them.

    An item headed by a unit before a quoted model ("某某大学：“三个强化”…") counts only in a
    digest that opens with its items: inside a report, such a line heads one of its parts."""
    def marks_of(pattern: re.Pattern) -> list[int]:
        return [i for i, p in enumerate(paragraphs)
                if pattern.match(p.text) and is_titleish(p.text, title_max) and i + 1 < len(paragraphs)
                and not is_titleish(paragraphs[i + 1].text, title_max)]

    marks = marks_of(P.PLACE_TITLE)
    quoted = [i for i in marks_of(P.QUOTED_ITEM_TITLE) if i not in marks]
    if quoted and not _has_preface(paragraphs, min(marks + quoted)):
        marks = sorted(marks + quoted)
    return [_Anchor(i, paragraphs[i].text, None, None) for i in marks] if len(marks) >= 2 else []


# --- reports by several people under one title ---------------------------------------------


def _signed_report_anchors(paragraphs: list[Paragraph], title_max: int) -> list[_Anchor]:
    """Reports that each open with a title and their writer's name ("2020年度述职报告" / "孙某某",
    or "镇党委书记 某某" over "2023年度述职报告") and then their text or first heading, when
    there are at least two of them. A writer's line above the title starts the report."""
    def writer(i: int) -> bool:
        return 0 <= i < len(paragraphs) and line_roles.is_writer_line(paragraphs[i].text)

    def opens_text(i: int) -> bool:
        return i < len(paragraphs) and bool(line_roles.is_sentence(paragraphs[i].text)
                                            or P.HEADING_NUMBER.match(paragraphs[i].text))

    anchors = []
    for i, p in enumerate(paragraphs):
        if not _is_title_line(p.text, title_max) or writer(i):
            continue
        if writer(i + 1) and opens_text(i + 2):
            anchors.append(_Anchor(i, p.text, None, None))
        elif writer(i - 1) and opens_text(i + 1) and (not anchors or anchors[-1].first < i - 1):
            anchors.append(_Anchor(i - 1, p.text, None, None))
    return anchors if len(anchors) >= 2 else []


# --- several people's remarks under one title ----------------------------------------------


def _speaker_anchors(paragraphs: list[Paragraph]) -> list[_Anchor]:
    """Remarks by several people, each paragraph opening on who speaks, with their post in
    brackets and a colon ("李某(某某村党总支书记、村委会主任)：我们组织…"), when there are at
    least two of them: each remark is a case, titled by its speaker."""
    anchors = []
    for i, p in enumerate(paragraphs):
        m = P.SPEAKER_WITH_POST.match(p.text)
        if m and line_roles.is_person_label(m.group("name")) and line_roles.has_cue(m.group("post"), "post"):
            anchors.append(_Anchor(i, p.text[: m.end("label")], None, None))
    return anchors if len(anchors) >= 2 else []


# --- a single case ------------------------------------------------------------------------


def _with_unit_after_dash(anchor: _Anchor) -> _Anchor:
    """A headline that names its writers' unit after a dash ("强党建促发展——某某大学"): the title
    is the words before it, the unit the organisation after."""
    title, unit = title_lines.unit_after_dash(anchor.title or "")
    return replace(anchor, title=title, unit=unit) if anchor.unit is None and unit else anchor


def _sourced(paragraphs: list[Paragraph], source_marks: frozenset[int]) -> frozenset[int]:
    """The paragraphs right under which cleaning cut a page's source line."""
    return frozenset(i for i, p in enumerate(paragraphs[1:]) if p.start in source_marks)


def _leading_anchor(paragraphs: list[Paragraph], title_max: int, sourced: frozenset[int] = frozenset()) -> _Anchor:
    opening = paragraphs[0].text
    if line_roles.is_organisation(opening) and len(paragraphs) > 1 and line_roles.is_sentence(paragraphs[1].text):
        # the writers' unit over a text without a headline ("■市委组织部课题组")
        return _Anchor(0, None, None, opening.strip().lstrip(P.BOX_MARKS))
    head = title_lines.find_headline([p.text for p in paragraphs[: title_lines.HEAD_WINDOW]], title_max, sourced)
    if head.skipped:  # page furniture, a note or a contents list stood above: the headline (if any) is below
        if head.index is None and head.text_start is not None:  # the text may run its title into it
            return _Anchor(0, _cued_lead_title(paragraphs[head.text_start].text, title_max), None, None)
        if head.index is None or head.title is None:
            return _Anchor(0, None, None, None)
        return _headline_anchor(paragraphs, head, field_value(head.title), title_max)
    first = paragraphs[0].text
    if not _is_title_line(first, title_max):
        title = lead_title(first, title_max)
        return _Anchor(0, title, None, _run_on_unit(first, title, title_max))
    second = paragraphs[1].text if len(paragraphs) > 1 else ""
    is_subtitle = second.startswith("——") or (
        _is_title_line(second, title_max) and not P.UNIT_LINE.match(second) and len(paragraphs) > 2
        and not line_roles.is_organisation(second)
    )
    subtitle = second.lstrip("—").strip() if is_subtitle else None
    return _Anchor(0, field_value(title_lines.strip_prefix(first)), subtitle, _unit_under(paragraphs, 0))


def _headline_anchor(paragraphs: list[Paragraph], head: title_lines.Headline, title: str,
                     title_max: int) -> _Anchor:
    """The leading case's anchor when its headline stands at `head.index`, below lines that are not the
    case's (page furniture, a contents list, an earlier headline): the case starts at its headline."""
    index = head.index
    second = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
    is_subtitle = second.startswith("——") or (
        title_lines.is_candidate(second, title_max) and not P.UNIT_LINE.match(second)
        and index + 2 < len(paragraphs) and not title_lines.is_meta(second) and not line_roles.is_organisation(second)
    )
    subtitle = second.lstrip("—").strip() if is_subtitle else None
    return _Anchor(head.first, title, subtitle, _unit_under(paragraphs, index) or head.unit, head.series)


def _unit_under(paragraphs: list[Paragraph], index: int) -> str | None:
    """The writers' unit on a line of its own under the headline at `index`, past a subtitle and
    the writers' names ("某某集团有限公司广东公司" under "马某 孙某"), or at the head of a text whose
    line breaks were flattened into spaces ("标题  某某镇党委  一、背景  …")."""
    for par in paragraphs[index + 1 : index + 4]:
        if line_roles.is_organisation(par.text):
            return par.text.strip().lstrip(P.BOX_MARKS)
        flattened = _flattened_unit(par.text, paragraphs[index].text.strip())
        if flattened:
            return flattened
        if not (line_roles.is_author_line(par.text) or title_lines.is_subtitle(par.text)):
            return None
    return None


def _flattened_unit(text: str, title: str) -> str | None:
    """The organisation opening a flattened text (after the headline, if repeated there) when a
    numbered heading follows it: the unit line that lost its break."""
    parts = [p for p in _FLATTENED_GAP.split(text.strip()) if p]
    if parts and parts[0] == title:
        parts = parts[1:]
    if len(parts) >= 2 and line_roles.is_organisation(parts[0]) and P.HEADING_NUMBER.match(parts[1]):
        return parts[0]
    return None


def _run_on_unit(text: str, title: str | None, title_max: int) -> str | None:
    """The unit run in right after a run-on title, before its speech's date."""
    unit = title_lines.run_on_unit(text, title_max)
    return unit if title and unit and text[len(title):].lstrip().startswith(unit) else None


def lead_title(text: str, title_max: int) -> str | None:
    """A title for text that has no title line: its opening words up to a break, or up to the word
    that names the document's kind ("…座谈会发言稿材料") or a marker of the text ("…【导语】").
    None when those words are a sentence (commas inside): the text has no headline then."""
    cued = _cued_lead_title(text, title_max)
    if cued:
        return cued
    m = re.search(rf"(?<=[{P.CJK}])\s+(?=[{P.CJK}])|[。！？?；]", text[10:])
    if m is None:
        cut = len(text)
    elif m.group() in "。；":  # the words end a sentence: the text opens with its body
        return None
    else:  # a headline that asks keeps its question mark
        cut = 10 + (m.end() if m.group() in "？?" else m.start())
    words = text[: min(cut, title_max)].strip()
    # a sentence's opening words, or a quotation cut short ("“…收不收费？"), are no headline
    return None if any(c in words for c in P.COMMAS) or words.count("“") != words.count("”") else words


def _cued_lead_title(text: str, title_max: int) -> str | None:
    """The title a text runs into its first paragraph, where a word or a mark ends it: the
    document's kind ("…申请材料"), a marker of the text, a salutation, a speech's date."""
    cue = P.TITLE_END_CUE.search(text, 0, title_max)
    return text[: cue.end()].strip() if cue else title_lines.run_on_title(text, title_max)


def field_value(line: str) -> str:
    """A title line without its form label ("案例名称：…", "【案例名称】…")."""
    m = P.TITLE_FIELD.match(line)
    return m.group("title").strip() if m else line


def _is_title_line(text: str, title_max: int) -> bool:
    if P.TITLE_FIELD.match(text):
        return is_titleish(field_value(text), title_max)
    return (
        is_titleish(text, title_max)
        and not P.HEADING_NUMBER.match(text)
        and not P.NOT_TITLE.match(text)
        and not P.UNIT_LINE.match(text)
        and not title_lines.strip_prefix(text).startswith("【")
        and not title_lines.is_label(text)
    )


def is_titleish(text: str, title_max: int = 60) -> bool:
    """Short and without sentence punctuation: a line that could be a title or heading."""
    return len(text) <= title_max and not any(c in text for c in P.SENTENCE_INNER)
