"""Stage 4: case metadata beyond the title block: genre, year, region.

Genre is read from cues an editor would use: a unit line (申报), or a text written to the
template (背景 / 做法 / 启示) though its unit is missing, makes a submission; a host's turns
(【主持人】) an interview, a speaking occasion (发言, 座谈会) a speech, a reporter's byline in
the source a news report; anything else is an article.
"""

from __future__ import annotations

from collections import Counter
from typing import Collection

from casekit.extract import patterns as P
from casekit.models import TEMPLATE_SECTIONS

GENRES = ("submission", "speech", "interview", "news", "article")
_LEAD_CHARS = 300


def find_genre(text: str, title: str | None, unit: str | None, source_has_byline: bool,
               section_keys: Collection[str] = ()) -> str:
    lead = (title or "") + "\n" + text[:_LEAD_CHARS]
    if unit or len(set(section_keys) & set(TEMPLATE_SECTIONS)) >= 2:
        return "submission"
    if P.INTERVIEW_CUE.search(lead):
        return "interview"
    if P.SPEECH_CUE.search(title or "") or P.SPEECH_CUE.search(text[:80]):
        return "speech"
    if source_has_byline or P.NEWS_CUE.search(lead):
        return "news"
    return "article"


def find_year(text: str) -> int | None:
    """The year the case reports on: the year the text names most often, the later one on a tie."""
    years = Counter(int(m.group(1)) for m in P.YEAR.finditer(text))
    return max(years, key=lambda y: (years[y], y)) if years else None
