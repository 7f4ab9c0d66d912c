"""Stage 4: case metadata beyond the title block: genre, year, region.

Genre is read from cues an editor would use. A unit line (申报), or a text written to the template
(背景 / 做法 / 启示) though its unit is missing, makes a submission. Otherwise the cues of each genre
are counted with their weights (lexicon/genre_cues.yaml) in the title, the lead and the source
lines a news page prints above its text: a host's turns (【主持人】) for an interview; a speaking
occasion (讲话, 述职) or a salutation (同志们) for a speech; an abstract and keywords (摘要, 关键词) for
an article; a reporter's byline, a dateline, an editor's credit (责编) or a news outlet as the source
for a news report, and, weaker, a news lead (近日, 据了解) or a headline naming the place that acted.
The best-scored genre wins; without enough evidence for any, the case is an article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection

from casekit.extract import patterns as P
from casekit.extract.line_roles import is_author_line, is_chrome, is_person_label, is_speaker_line
from casekit.models import TEMPLATE_SECTIONS
from casekit.options import read_lexicon_yaml

GENRES = ("submission", "speech", "interview", "news", "article")
_LEAD_CHARS = 300
_OPENING_CHARS = 80
_HOST_TURNS_MIN = 2  # a question and its answer at least; a report may quote a reporter's question once
_PRACTICE_QUOTE_WITHIN = 3  # characters between a title's opening verb and the model it quotes ("探索实施“")
_FIRST_PERSON_MIN = 2  # a lead that says "I" twice is written by the one who speaks or reflects
# 我 as "I": not 我们 (we), nor the 我 of 我县 / 我校 / 我国 (our county, school, country).
_I = re.compile(r"我(?![们們县縣市区區镇鎮乡鄉村省校院局厅廳委国國党黨])")
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」")
_TURN_CHANGES_MIN = 3  # question, answer, question, answer: a conversation, not two quoted remarks
_FLATTENED_TURN = re.compile(r"(?<=[。！？!?])[ \u3000]+")  # a sentence's end, then the space a lost break left
# "严某某：…", "张书记：…": a line opening on the name of who speaks.
_TURN_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{1,4})\s*[:：]")
_PROFILE_WORDS_MIN = 2  # a report may give one fact of the place it visits; a unit's profile gives several
# What may follow the word that ends a line: a bracketed date or note, closing punctuation, the
# name of the paper it is written on ("…发言稿材料", "…讲话稿").
_LINE_TAIL = re.compile(r"(?:[（(][^（）()]*[）)]|[。：:！!”\"]|稿|材料)+$")
_SPACE = re.compile(r"\s+")
# "2017年以来，…", "××年上半年以来，…": a first clause naming the span of time since a year.
_SPAN_SINCE = re.compile(r"^[0-9０-９×xX]{2,4}年[^，,。]{0,4}以[来來][，,]")
_SIGNED_TITLE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}?)等?\s*[:：]")

# The line shapes genre_cues.yaml names under `shapes`, besides the byline the pipeline reports.
# "新华社北京12月10日电", "本报讯", "中新网3月5日电": an agency's or paper's dateline at a line start.
# "来源：农民日报", "2022年05月16日 19:21:42 来源: 某区融媒体中心": a source field and what it names.
_SOURCE_FIELD = re.compile(r"(?:稿件来源|来源|來源|出处|出處)[:：](?P<source>[^|｜:：]{1,30})")
# "发布时间：2021-04-09", "發佈時間:": a page's publication stamp.
_PUBLISHED = re.compile(r"(?:发布时间|發布時間|發佈時間|发布日期|發布日期|发稿时间)[:：]")
# "8月24日上午，", "12月16日，": a sentence opening on the day of the event.
_DATED_SENTENCE = re.compile(r"(?:^|[\n。！？])(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚上?|至\d{1,2}日|[，,])")


@dataclass(frozen=True)
class _Cue:
    genre: str
    where: str
    weight: float
    words: tuple[str, ...] = ()
    line_end: bool = False  # a word counts only where it ends a line (a speech's title ends with 讲话)


@dataclass(frozen=True)
class _Cues:
    groups: tuple[_Cue, ...]
    shapes: dict[str, _Cue]
    outlets: tuple[str, ...]
    provinces: tuple[str, ...]
    min_score: float
    precedence: tuple[str, ...]
    over_unit: tuple[tuple[str, float], ...]  # (genre, score) that outweigh a unit, in order


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    """genre_cues.yaml, read once."""
    data = read_lexicon_yaml("genre_cues.yaml")

    def cue(spec: dict) -> _Cue:
        words = tuple(_SPACE.sub("", str(w)) for w in spec.get("words") or ())
        return _Cue(spec["genre"], spec["where"], float(spec["weight"]), words, bool(spec.get("line_end")))

    return _Cues(
        groups=tuple(cue(g) for g in (data.get("groups") or {}).values()),
        shapes={name: cue(s) for name, s in (data.get("shapes") or {}).items()},
        outlets=tuple(data.get("outlets") or ()),
        provinces=tuple(data.get("provinces") or ()),
        min_score=float(data.get("min_score", 2)),
        precedence=tuple(data.get("precedence") or GENRES),
        over_unit=tuple((str(g), float(v)) for g, v in (data.get("over_unit") or {}).items()),
    )


def find_genre(text: str, title: str | None, unit: str | None, source_has_byline: bool,
               section_keys: Collection[str] = (), raw_lead: str = "", opening_heading: str = "") -> str:
    """The genre of a case: submission on its template or its unit (unless an article's apparatus or
    a speech's cues outweigh the unit), else the best-scored genre's cues.

    `raw_lead` is the raw text at the case's start, whose source lines (来源, 责编, datelines) the
    cleaning removed from `text`; `source_has_byline` says a reporter's byline or caption was there;
    `opening_heading` is the heading of the case's first section.
    """
    if len(set(section_keys) & set(TEMPLATE_SECTIONS)) >= 2:
        return "submission"
    scores = genre_scores(text, title, source_has_byline, raw_lead, section_keys, opening_heading)
    cues = _cues()
    if unit:  # a unit makes a submission, unless it is a research group's paper or a department's speech
        return next((genre for genre, score in cues.over_unit if scores[genre] >= score), "submission")
    best = max(cues.precedence, key=lambda g: (scores[g], -cues.precedence.index(g)))
    return best if scores[best] >= cues.min_score else "article"


def genre_scores(text: str, title: str | None, source_has_byline: bool = False, raw_lead: str = "",
                 section_keys: Collection[str] = (), opening_heading: str = "") -> Counter:
    """Each genre's weighted cues: every cue group and line shape counts once. `section_keys` are
    the case's sections in the order they stand, the first headed `opening_heading`."""
    cues = _cues()
    title = title or ""
    places = {
        "title": _SPACE.sub("", title),
        "opening": _SPACE.sub("", title + "\n" + text.lstrip().split("\n", 1)[0][:_OPENING_CHARS]),
        "lead": _SPACE.sub("", title + "\n" + text[:_LEAD_CHARS]),
        "source": _SPACE.sub("", raw_lead),
    }
    ends = {"title": [title], "opening": [title, text.lstrip().split("\n", 1)[0]]}
    ends = {place: [_LINE_TAIL.sub("", _SPACE.sub("", line)) for line in lines] for place, lines in ends.items()}
    scores: Counter = Counter({g: 0.0 for g in GENRES})
    for group in cues.groups:
        if group.line_end:
            hits = sum(1 for w in group.words if any(line.endswith(w) for line in ends[group.where]))
        else:
            hits = sum(1 for w in group.words if w in places[group.where])
        scores[group.genre] += group.weight * hits
    lines = [_SPACE.sub("", P.HTML_TAG.sub("", ln)) for ln in raw_lead.splitlines() if ln.strip()]
    body = _body(text, title)
    turns = _turns(text)
    seen = {
        "byline": source_has_byline,
        "dateline": any(P.DATELINE.match(ln) or P.NEWS_DATELINE.match(ln) for ln in lines),
        "outlet_source": any(_names_outlet(ln, cues.outlets) for ln in lines),
        "published": any(_PUBLISHED.search(ln) for ln in lines),
        "place_headline": bool(title) and (bool(P.PLACE_TITLE.match(title)) or title.startswith(cues.provinces)),
        "dated_lead": bool(_DATED_SENTENCE.search(_SPACE.sub("", body[:_LEAD_CHARS]))),
        "span_opening": (body.lstrip().startswith(cues.shapes["span_opening"].words)
                         or _SPAN_SINCE.match(body.lstrip()) is not None),
        "practice_title": _names_its_practice(title, cues.shapes["practice_title"].words),
        "quoted_lead": body.lstrip().startswith(("“", "\"", "「")),
        "delivery_date": bool(P.DELIVERY_DATE.search(places["opening"])),
        "unit_profile": sum(w in places["lead"] for w in cues.shapes["unit_profile"].words) >= _PROFILE_WORDS_MIN,
        "host_turns": _host_turns(turns, cues.shapes["host_turns"].words) >= _HOST_TURNS_MIN,
        "named_turns": _two_speakers_alternate(turns),
        "speaker_title": bool(P.SPEAKER_WITH_POST.match(title + "：")),
        "signed_title": _signed_title(title),
        "speaker_line": is_speaker_line(body.lstrip().split("\n", 1)[0]),
        "first_person": _first_person(body[:_LEAD_CHARS]) >= _FIRST_PERSON_MIN,
        "template_opening": (next(iter(section_keys), None) == TEMPLATE_SECTIONS[0]
                             and any(w in opening_heading for w in cues.shapes["template_opening"].words)),
    }
    for name, present in seen.items():
        shape = cues.shapes.get(name)
        if present and shape:
            scores[shape.genre] += shape.weight
    return scores


def _host_turns(turns: list[str], hosts: tuple[str, ...]) -> int:
    """How many of the text's turns (`_turns`) open on a host's or a reporter's label
    ("中国某某社记者：…", "主持人：…", "问：…", "答：…")."""
    pattern = _host_turn_pattern(hosts)
    return sum(1 for turn in turns if pattern.match(turn))


def _turns(text: str) -> list[str]:
    """Where a turn of a conversation may open: each line, and, in a text whose breaks were
    flattened into spaces, each sentence that follows a space ("…告诉我们。 朱某：你好…")."""
    return [part.strip() for line in text.splitlines() for part in _FLATTENED_TURN.split(line) if part.strip()]


@lru_cache(maxsize=4)
def _host_turn_pattern(hosts: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"^[^\s，。：:]{0,12}?(?:" + "|".join(map(re.escape, hosts)) + r")\s*[:：]")


def _signed_title(title: str) -> bool:
    """Whether a title opens on its writer's name and a colon ("某某：乡村振兴，基层党组织作用最关键",
    "某某等：…"), as a portal heads a commentary or a paper it reprints by its author."""
    m = _SIGNED_TITLE.match(title)
    return m is not None and is_author_line(m.group("name"))


def _names_its_practice(title: str, verbs: tuple[str, ...]) -> bool:
    """Whether a title opens on what was done to a quoted model ("创新“三报到三服务”管理模式，…",
    "推行“五联五帮”"), as a case's title does; a report's headline names the place first."""
    verb = next((v for v in verbs if title.startswith(v)), None)
    return verb is not None and "“" in title[len(verb) : len(verb) + _PRACTICE_QUOTE_WITHIN]


def _first_person(lead: str) -> int:
    """How often a lead speaks as "I" (我, not 我们 or 我县), quotations aside."""
    return len(_I.findall(_QUOTED.sub("", lead)))


def _two_speakers_alternate(turns: list[str]) -> bool:
    """Whether the text's turns (`_turns`) are two people talking, each opening on the speaker's
    name ("丁某某：…" / "严某某：…", "王：…" / "张：…"): each speaks twice or more and the turns
    change hands at least three times."""
    labels = [m.group(1) for m in map(_TURN_LABEL.match, turns) if m and is_person_label(m.group(1))]
    two = [label for label, n in Counter(labels).most_common(2) if n >= _HOST_TURNS_MIN]
    spoken = [label for label in labels if label in two]
    return len(two) == 2 and sum(1 for a, b in zip(spoken, spoken[1:]) if a != b) >= _TURN_CHANGES_MIN


def _names_outlet(line: str, outlets: tuple[str, ...]) -> bool:
    return any(any(o in m.group("source") for o in outlets) for m in _SOURCE_FIELD.finditer(line))


def _body(text: str, title: str) -> str:
    """The text after its title line and any row of a site's menu left above it, where a lead begins."""
    first, _, rest = text.partition("\n")
    if title and first.strip() and (first.startswith(title[:8]) or title.startswith(first.strip()[:8])):
        first, _, rest = rest.partition("\n")
    while rest and is_chrome(first):
        first, _, rest = rest.partition("\n")
    return first + ("\n" + rest if rest else "")


def find_year(text: str, raw_lead: str = "") -> int | None:
    """The year the case reports on: the year the text names most often, the later one on a tie;
    for a text that names none, the year of the date its source lines give ("发布时间：2021-04-09")."""
    years = Counter(int(m.group(1)) for m in P.YEAR.finditer(text))
    if years:
        return max(years, key=lambda y: (years[y], y))
    dated = P.PUBLISHED_DATE.search(raw_lead)
    return int(dated.group(1)) if dated else None
