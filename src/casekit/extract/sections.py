"""Stage 5: a case's text -> its template sections (背景 / 做法与成效 / 经验启示) and points.

Only explicit headings make sections: a news report or a speech has none, and none is
invented for it. Heading variants come from `lexicon/headings.yaml`; a short heading that
is none of them is placed by the words it holds (`lexicon/heading_cues.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casekit.extract import patterns as P
from casekit.extract.numbers import parse_small_number
from casekit.extract.split import split_paragraphs
from casekit.models import Point, Section

_BRACKETS = "【】[]〖〗"
# "**片区", "××镇", "XX县": a name an anonymised submission masks, matched as a name ("某片区").
_MASKED_NAME = re.compile(r"[*＊×]+|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])")
_POINT_TITLE_END = re.compile(r"[。；;！？!?\n：:]")
_POINT_TITLE_MAX = 40
# "【背景】…", "背景：…": a heading with its body on the same line; after a number also
# "一、基本情况。…" and "一、背景 …".
_INLINE_HEADING = re.compile(r"[【\[]?(?P<name>[^】\]：:，。]{1,12})(?:[】\]]\s*[：:]?|[：:])")
_NUMBERED_INLINE_HEADING = re.compile(r"(?P<name>[^】\]：:，。．.\s]{1,12})(?:[。．.]\s*|\s+)")
_CUED_HEADING_MAX = 8
# "创建背景与动因：": a short label alone on its line, its text below: a heading as a form writes one.
_LABEL_ALONE = re.compile(r"[\u4e00-\u9fff]{2,8}\s*[:：]")
_BRACKETED_HEADING = re.compile(r"【[^】。；！？]{1,12}】")
_TOP_LEVEL = re.compile(rf"[{P.CN_SMALL}]+\s*[、.．]|第")
_TOP_HEADING_MAX = 40  # characters: a heading line longer than this is a paragraph that opens with a number
# "… 一、案例背景 …": a top-level heading inside a line whose breaks were flattened into spaces.
_FLATTENED_HEADING = re.compile(rf"(?<=\s)(?P<number>[{P.CN_SMALL}]{{1,2}}、)\s*(?P<name>[^\s，。；、：:]{{2,12}})(?=\s)")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")

HeadingCues = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class _Heading:
    key: str
    heading: str
    start: int  # offset of the heading in the case text
    body_start: int


def split_sections(text: str, heading_keys: dict[str, str], heading_cues: HeadingCues = ()) -> list[Section]:
    """Sections in document order; empty when the case has no template heading."""
    headings = _find_headings(text, heading_keys, heading_cues)
    if not any(h.key != "other" for h in headings):
        return []
    sections = []
    for k, head in enumerate(headings):
        end = headings[k + 1].start if k + 1 < len(headings) else len(text)
        end = head.body_start + len(text[head.body_start : end].rstrip())
        body = text[head.body_start : end]
        points = find_points(body, head.body_start)
        sections.append(Section(head.key, head.heading, head.body_start, end, body, points))
    return sections


def _find_headings(text: str, heading_keys: dict[str, str], heading_cues: HeadingCues) -> list[_Heading]:
    found = []
    for par in split_paragraphs(text):
        head = _parse_heading(par.text, heading_keys, heading_cues)
        if head:
            key, heading, body_offset = head
            body_start = par.start + body_offset
            if body_offset == len(par.text):
                body_start = min(par.end + 1, len(text))
            found.append(_Heading(key, heading, par.start, body_start))
        else:
            found.extend(_flattened_headings(par.text, par.start, heading_keys))
    return found


def _flattened_headings(par: str, offset: int, heading_keys: dict[str, str]) -> list[_Heading]:
    """Template headings inside a paragraph whose line breaks became spaces: a top-level number and
    a heading variant, with a space on either side."""
    found = []
    for m in _FLATTENED_HEADING.finditer(par):
        key = heading_keys.get(m.group("name"))
        if key:
            found.append(_Heading(key, m.group(0), offset + m.start(), offset + m.end() + 1))
    return found


def is_heading(par: str, heading_keys: dict[str, str], heading_cues: HeadingCues = ()) -> bool:
    """Whether a paragraph is a section heading as `split_sections` reads one."""
    return _parse_heading(par, heading_keys, heading_cues) is not None


def _parse_heading(par: str, heading_keys: dict[str, str], heading_cues: HeadingCues) -> tuple[str, str, int] | None:
    """(key, heading as written, offset of the body in the paragraph) for a heading paragraph."""
    number = P.HEADING_NUMBER.match(par)
    rest_at = number.end() if number else 0
    rest = par[rest_at:]
    whole = _MASKED_NAME.sub("某", rest.strip(_BRACKETS + "：: "))
    for name in dict.fromkeys((whole, P.HEADING_JOINERS.sub("", whole))):  # "实践与探索" reads as 实践探索
        if name in heading_keys:
            return heading_keys[name], par.strip(), len(par)
        named = _top_heading_key(par, name, heading_keys) if number else _short_heading_key(name, heading_keys)
        if named:
            return named, par.strip(), len(par)
    inline = (_INLINE_HEADING.match(rest) or (_NUMBERED_INLINE_HEADING.match(rest) if number else None))
    if inline and inline.group("name").strip() in heading_keys:
        return heading_keys[inline.group("name").strip()], par[: rest_at + inline.end()].rstrip(), rest_at + inline.end()
    marked = number or rest.lstrip().startswith(("【", "[")) or _LABEL_ALONE.fullmatch(par.strip())
    cued = _cued_key(whole, heading_cues) if marked else None
    if cued:
        return cued, par.strip(), len(par)

    if _is_other_heading(par, number):
        return "other", par.strip(), len(par)
    return None


def _cued_key(heading: str, heading_cues: HeadingCues) -> str | None:
    """The section a short heading's words point to ("几点体会" -> lessons), if any."""
    if len(heading) > _CUED_HEADING_MAX or not _HAN_ONLY.fullmatch(heading):
        return None
    return next((key for key, cues in heading_cues if any(cue in heading for cue in cues)), None)


def _top_heading_key(par: str, whole: str, heading_keys: dict[str, str]) -> str | None:
    """The section of a longer top-level heading line named by its label ("一、实践探索：…的做法")
    or by the variant it ends with ("一、某市基层党建引领社区治理的主要做法")."""
    if not _TOP_LEVEL.match(par) or len(par) > _TOP_HEADING_MAX or any(c in par for c in P.SENTENCE_INNER + "，,"):
        return None
    label = re.split("[：:]", whole, maxsplit=1)[0].strip()
    if label in heading_keys:
        return heading_keys[label]
    if len(whole) <= _CUED_HEADING_MAX:
        return None  # a short heading is placed by its cue words, in their order
    ending = max((v for v in heading_keys if whole.endswith(v)), key=len, default=None)
    return heading_keys[ending] if ending else None


def _short_heading_key(whole: str, heading_keys: dict[str, str]) -> str | None:
    """The section of a short unnumbered heading line that ends with a variant ("工作做法",
    "社区基本情况"): what a heading names is its last words, what stands before them qualifies it."""
    if len(whole) > _CUED_HEADING_MAX or not _HAN_ONLY.fullmatch(whole):
        return None
    ending = max((v for v in heading_keys if len(v) >= 2 and whole.endswith(v)), key=len, default=None)
    return heading_keys[ending] if ending else None


def _is_other_heading(par: str, number: re.Match | None) -> bool:
    """A top-level heading outside the template: numbered ("四、下一步打算") or a short line in
    brackets ("【专家点评】")."""
    if _BRACKETED_HEADING.fullmatch(par.strip()):
        return True
    if not number or not re.match(rf"[{P.CN_SMALL}]+\s*[、.．]|第", par):
        return False
    return len(par) <= 40 and not any(c in par for c in P.SENTENCE_INNER)


def find_points(body: str, offset: int = 0) -> list[Point]:
    """Numbered sub-points of a section body, from the style that forms the longest 1, 2, 3 … run."""
    best: list[re.Match] = []
    for pattern in P.POINT_STYLES.values():
        run = _numbered_run(pattern.finditer(body))
        if len(run) > len(best):
            best = run
    if len(best) < 2:
        return []
    points = []
    for k, m in enumerate(best):
        end = best[k + 1].start() if k + 1 < len(best) else len(body)
        end = m.start() + len(body[m.start() : end].rstrip())
        points.append(Point(m.group(0).strip("\n"), _point_title(body, m.end(), end), offset + m.start(), offset + end))
    return points


def _numbered_run(matches) -> list[re.Match]:
    run, expected = [], 1
    for m in matches:
        if parse_small_number(m.group("n")) == expected:
            run.append(m)
            expected += 1
    return run


def _point_title(body: str, start: int, end: int) -> str:
    stop = _POINT_TITLE_END.search(body, start, end)
    title = body[start : stop.start() if stop else end]
    return title[:_POINT_TITLE_MAX].strip("，, ")
