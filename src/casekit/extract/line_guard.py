"""Which lines the line model may judge: the guard between cleaning's rules and its model.

The model (`line_model`) was trained on whole pages and reads a line by its shape and its
neighbours; it must never take what the later stages read. So it judges only the head and the
tail of a page, the lines before its first paragraph and after its last (where a site puts its
furniture): every line from the first paragraph to the last is kept, and all of a text without a
paragraph. Around them it keeps Markdown headings and front matter, the rows and cells of a table,
a headline over a unit line or over body text (past its byline, dateline and source lines) or right
over its source line, the rest of a paragraph a break cut (each past the
furniture the rules found), and the kinds of `_is_structure_line`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from casekit.extract import patterns as P
from casekit.extract.indicators import find_indicators
from casekit.extract.line_features import ends_sentence, is_paragraph_line
from casekit.extract.line_roles import (ends_terminal, is_byline, is_dateline, is_organisation, is_page_meta,
                                        is_running_text, is_writer_line, without_markup)
from casekit.extract.markdown import front_matter_end
from casekit.extract.sections import is_heading
from casekit.extract.split import is_titleish
from casekit.extract.title_lines import is_salutation
from casekit.options import Lexicon

_DATE_ALONE = re.compile(rf"[（(]?{P.PUBLISHED_DATE.pattern}日?[）)]?")
_CJK_CHAR = re.compile(rf"[{P.CJK}]")
_CELL_GAP = 4  # lines: the cells of a table row hold a number within this many lines
_CELL_MAX = 12  # characters: a header cell of a table is no longer
_SHORT_LINE = 4  # characters: a line this short over a source line is a menu item, not a headline
_SOURCE_LINES_MAX = 3  # lines of byline, dateline and source a news page puts under its headline


def model_may_not_drop(views: Sequence[str], levels: Sequence[int], dropped: Sequence[bool],
                       lexicon: Lexicon) -> set[int]:
    """The indices of the lines the line model may not drop, given each line as read (`views`), its
    Markdown heading level and whether the rules dropped it."""
    paragraphs = [i for i, view in enumerate(views) if is_paragraph_line(view)]
    if not paragraphs:
        return set(range(len(views)))
    closing = front_matter_end(views)
    front = set(range(closing + 1)) if closing is not None else set()
    kept = [i for i, out in enumerate(dropped) if not out]
    below = {i: _first_after_source_lines(views, kept[k + 1 :]) for k, i in enumerate(kept)}
    above = {j: views[i] for i, j in zip(kept, kept[1:])}
    return front | _table_cells(views) | set(range(paragraphs[0], paragraphs[-1] + 1)) | {
        i for i, (level, view) in enumerate(zip(levels, views))
        if level or _is_structure_line(view, lexicon) or _is_headline_over(view, below.get(i, ""))
        or _is_headline_over_source_line(view, views[i + 1] if i + 1 < len(views) else "")
        or _continues(above.get(i, ""))
    }


def _first_after_source_lines(views: Sequence[str], after: Sequence[int]) -> str:
    """The first of the lines `after` that is not a report's source line (a byline, a dateline, a
    page's date and source): what a headline stands over, past the lines a news page puts between."""
    for k in after[:_SOURCE_LINES_MAX + 1]:
        view = views[k]
        if not (is_byline(view) or is_dateline(view) or is_page_meta(view) or P.NEWS_DATELINE.match(view)):
            return view
    return ""


def _continues(above: str) -> bool:
    """Whether the line under `above` carries on its paragraph: body text cut mid-sentence."""
    return is_paragraph_line(above) and not ends_terminal(above)


def _is_headline_over(view: str, below: str) -> bool:
    """A headline over its unit line or its first paragraph: a title later stages look for."""
    return bool(below) and is_titleish(view) and bool(P.UNIT_LINE.match(below) or is_running_text(below))


def _is_headline_over_source_line(view: str, below: str) -> bool:
    """A headline right over the page's source line (its date and source, its byline), which a web
    page prints under its headline whatever stands below."""
    return is_titleish(view) and len(view.strip()) > _SHORT_LINE and (is_page_meta(below) or is_byline(below))


def _is_structure_line(view: str, lexicon: Lexicon) -> bool:
    """A heading (a section's, a bold line alone, a numbered one or a point), a unit, organisation
    or writer's line, a subtitle, a salutation, a date alone (the day a speech was given or a
    submission signed), a paragraph's running text, a sentence, or running text holding a figure
    (a headline holding one may be another article's, in a list of them)."""
    heading = (P.MD_BOLD_LINE.match(view) or is_heading(without_markup(view), lexicon.heading_keys, lexicon.heading_cues)
               or P.HEADING_NUMBER.match(view) or any(p.match(view) for p in P.POINT_STYLES.values()))
    lead = (P.UNIT_LINE.match(view) or is_organisation(view) or is_writer_line(view) or view.startswith("——")
            or is_salutation(view) or _DATE_ALONE.fullmatch(re.sub(r"\s+", "", view)))
    text = (is_paragraph_line(view) or (ends_sentence(view) and _CJK_CHAR.search(view))
            or (is_running_text(view) and find_indicators(view, lexicon.units)))
    return bool(heading or lead or text)


def _table_cells(views: Sequence[str]) -> set[int]:
    """The lines of a table: a row with its cells between tabs (as the Word reader writes one),
    and in a table flattened one cell a line, the lines near two or more cells that are a number
    alone ("33.02", "29.84%", "6303") and the short lines above them (its header cells)."""
    numbers = [i for i, view in enumerate(views) if P.NUMBER_CELL.match(view)]
    cells = {i for i, view in enumerate(views) if "\t" in view}
    for a, b in zip(numbers, numbers[1:]):
        if b - a <= _CELL_GAP:
            start = a - _CELL_GAP
            while start > 0 and len(views[start - 1]) <= _CELL_MAX and not is_paragraph_line(views[start - 1]):
                start -= 1  # the header cells of a wide table, above its first row
            cells.update(range(start, b + _CELL_GAP + 1))
    return {i for i in cells if 0 <= i < len(views)}
