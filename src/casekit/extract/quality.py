"""Stage 9: findings an editor acts on: missing sections, text cut off, numbering that jumps."""

from __future__ import annotations

import re

from casekit.extract import patterns as P
from casekit.extract.line_roles import is_author_line
from casekit.extract.numbers import parse_small_number
from casekit.models import Issue, Section

REQUIRED = {"background": "背景", "practices": "主要做法与成效", "lessons": "经验启示"}
_ENDINGS = "。！？!?…”」』）)"
_SIGNED = re.compile(r"[。！？!?](?P<name>[^。！？!?\n]{2,12})$")
_PAREN_NUMBER = re.compile(rf"(?:^|\n)[（(]([{P.CN_SMALL}]+)[）)]")


def find_truncation(text: str, sections: list[Section], shown_in_part: bool = False) -> list[Issue]:
    """Why the case looks cut off (empty when it does not); `shown_in_part` says the site it came
    from noted that it shows the text only in part (its note was cut in cleaning)."""
    issues = []
    if shown_in_part:
        issues.append(Issue("shown-in-part", "error", "来源网站只展示了部分正文（有“试读结束”“此处隐藏”等提示）"))
    keys = {s.key for s in sections}
    if keys & set(REQUIRED):
        for key, name in REQUIRED.items():
            if key not in keys and not (key == "practices" and "outcomes" in keys):
                issues.append(Issue("missing-section", "error", f"缺少“{name}”部分"))
    stripped = _before_signature(text)
    if stripped and stripped[-1] not in _ENDINGS:
        issues.append(Issue("ends-mid-sentence", "error", f"正文在句中结束：“…{stripped[-12:]}”"))
    jump = _numbering_jump(text)
    if jump:
        issues.append(Issue("numbering-jump", "error", jump))
    return issues


def _before_signature(text: str) -> str:
    """The text without its closing block (unit, date, writer, contacts, a writer's name after the
    last full stop) and without emphasis marks closing it ("…的真谛。**"), where its last sentence
    ends. A text closed by a table's cells ("31.81%") is whole: it is given back empty."""
    body = text.rstrip().rstrip("*_").rstrip()
    while True:
        cut = body.rfind("\n")
        last = body[cut + 1 :].strip()
        if P.NUMBER_CELL.match(last):
            return ""
        if cut < 0 or not (P.CLOSING_LINE.match(last) or P.UNIT_LINE.match(last)):
            return _without_writer(body)
        body = body[:cut].rstrip()


def _without_writer(body: str) -> str:
    """The text without a writer's name run in after its last full stop ("…的发展。蔡某某")."""
    m = _SIGNED.search(body)
    return body[: m.start() + 1] if m and is_author_line(m.group("name")) else body


def _numbering_jump(text: str) -> str | None:
    previous = 0
    for m in _PAREN_NUMBER.finditer(text):
        n = parse_small_number(m.group(1)) or 0
        if n > previous + 1 and previous:
            return f"序号跳跃：（{m.group(1)}）之前缺少第 {previous + 1} 项"
        previous = n
    return None
