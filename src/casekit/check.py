"""Quality findings over the workspace: what an editor sends back to the submitters.

Per case, the findings extraction already stored in the record's `issues` (missing
sections, text cut off, numbering that jumps, model parts that do not match the name,
sections out of order, words typed twice, a missing unit, ASCII punctuation), and a case
over the length limit. Across the workspace: duplicate and near-duplicate submissions,
found by MinHash LSH over the fingerprints stored at ingest, and cases that share a title
(a revised version sent again, or an excerpt of a case in a compilation). Nothing is
re-read or re-extracted, so checking stays fast at ten thousand cases.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from casekit.extract.fingerprint import NUM_PERM, signature
from casekit.store import Workspace

NEAR_DUPLICATE = 0.8
_TITLE_NOISE = re.compile(r"[\s\W_]+")
_SAME_TITLE_MIN = 6  # characters: shorter titles ("工作总结") are shared by chance


@dataclass(frozen=True)
class Finding:
    case_id: str
    title: str | None
    severity: str  # error | warning
    code: str
    message: str


def check_workspace(workspace: Workspace, max_chars: int) -> list[Finding]:
    """All findings, grouped by case in workspace order."""
    stored, added = _findings(workspace, max_chars)
    return [f for case_id, findings in stored.items() for f in findings + added.get(case_id, [])]


def added_findings(workspace: Workspace, max_chars: int) -> dict[str, list[Finding]]:
    """By case, what check finds beyond the issues each record holds: a text over the length
    limit, duplicates and near-duplicates, a title another case shares."""
    return _findings(workspace, max_chars)[1]


def _findings(workspace: Workspace, max_chars: int) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]]]:
    """(the stored issues of every case, the findings added across the workspace), by case id."""
    stored: dict[str, list[Finding]] = {}
    added: dict[str, list[Finding]] = defaultdict(list)
    titles: dict[str, str | None] = {}
    for case_id, title, chars, issues in workspace.issue_rows():
        titles[case_id] = title
        stored[case_id] = [Finding(case_id, title, i["severity"], i["code"], i["message"]) for i in issues]
        if chars > max_chars:
            added[case_id].append(Finding(case_id, title, "warning", "too-long",
                                          f"正文 {chars} 字，超过 {max_chars} 字的篇幅要求"))
    duplicates = find_duplicates(workspace.fingerprints(), titles)
    flagged = {f.case_id for f in duplicates}
    for finding in duplicates + [f for f in find_same_titles(titles) if f.case_id not in flagged]:
        added[finding.case_id].append(finding)
    return stored, dict(added)


def find_duplicates(fingerprints: list[tuple[str, bytes]], titles: dict[str, str | None]) -> list[Finding]:
    """Cases whose text repeats an earlier case's, or nearly: one finding each, naming the closest earlier case."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
    signatures = {case_id: signature(blob) for case_id, blob in fingerprints}
    findings = []
    for case_id, sig in signatures.items():
        scored = [(sig.jaccard(signatures[other]), other) for other in lsh.query(sig)]
        best = max(scored, key=lambda pair: (pair[0], pair[1]), default=(0.0, ""))
        if best[0] >= NEAR_DUPLICATE:
            findings.append(_duplicate(case_id, titles.get(case_id), best[1], best[0]))
        lsh.insert(case_id, sig)
    return findings


def find_same_titles(titles: dict[str, str | None]) -> list[Finding]:
    """Cases whose title, punctuation and spaces aside, repeats an earlier case's title."""
    first: dict[str, str] = {}
    findings = []
    for case_id, title in titles.items():
        key = _TITLE_NOISE.sub("", title or "")
        if len(key) < _SAME_TITLE_MIN:
            continue
        if key in first:
            findings.append(Finding(case_id, title, "warning", "same-title",
                                    f"与 {first[key]} 标题相同，请核对是否重复报送或为修改稿"))
        else:
            first[key] = case_id
    return findings


def _duplicate(case_id: str, title: str | None, other: str, similarity: float) -> Finding:
    if similarity >= 0.999:
        return Finding(case_id, title, "error", "duplicate", f"与 {other} 内容相同，疑似重复报送")
    return Finding(case_id, title, "warning", "near-duplicate", f"与 {other} 高度相似（约 {similarity:.0%}）")
