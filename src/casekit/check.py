"""Quality findings over the workspace: what an editor sends back to the submitters.

Per case: the extraction's own findings (missing sections, text cut off, numbering that
jumps, a model whose parts do not match its name), sections out of template order, a case
over the length limit, repeated characters or words, a missing unit, ASCII punctuation
left in Chinese text. Across the workspace: duplicate and near-duplicate submissions,
found by MinHash LSH over the fingerprints stored at ingest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from casekit.extract.fingerprint import NUM_PERM, signature

TEMPLATE_ORDER = ("background", "practices", "outcomes", "lessons")
NEAR_DUPLICATE = 0.8
# "创业创业", "先进先进": a word typed twice. Reduplicated verbs such as "研究研究" are rare in these texts.
REPEATED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
# "的的", "了了": a function character typed twice.
REPEATED_CHAR = re.compile(r"([的了是在和与及对把被为])\1")
ASCII_IN_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff])[,;:?!()]|[,;:?!()](?=[\u4e00-\u9fff])")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Finding:
    case_id: str
    title: str | None
    severity: str  # error | warning
    code: str
    message: str


def check_case(record: dict, max_chars: int) -> list[Finding]:
    """Every finding about one case on its own."""
    found = [(i["severity"], i["code"], i["message"]) for i in record["issues"]]
    found += _order(record) + _length(record, max_chars) + _repeats(record) + _unit(record) + _punctuation(record)
    return [Finding(record["id"], record["title"], *f) for f in found]


def _order(record: dict) -> list[tuple]:
    keys = [s["key"] for s in record["sections"] if s["key"] in TEMPLATE_ORDER]
    ranks = [TEMPLATE_ORDER.index(k) for k in keys]
    if ranks != sorted(ranks):
        return [("warning", "section-order", "各部分顺序与模板不符：" + " → ".join(keys))]
    return []


def _length(record: dict, max_chars: int) -> list[tuple]:
    chars = len(_CHINESE.findall(record["text"]))
    if chars > max_chars:
        return [("warning", "too-long", f"正文 {chars} 字，超过 {max_chars} 字的篇幅要求")]
    return []


def _repeats(record: dict) -> list[tuple]:
    text = record["text"]
    matches = [*REPEATED_WORD.finditer(text), *REPEATED_CHAR.finditer(text)]
    found = {m.group(0) for m in matches if _typed_twice(text, m)}
    return [("warning", "repeated-word", f"疑似重复字词：“{w}”") for w in sorted(found)]


def _typed_twice(text: str, m: re.Match) -> bool:
    """The repeat is one word twice ("创业创业"), not two words that share characters ("党组织组织力")."""
    from casekit.extract.tokens import tokenizer

    unit = m.group(1)
    words = tokenizer().lcut(text[max(0, m.start() - 4) : m.end() + 4])
    return any(a == b == unit for a, b in zip(words, words[1:]))


def _unit(record: dict) -> list[tuple]:
    templated = any(s["key"] in TEMPLATE_ORDER for s in record["sections"])
    if templated and not record["unit"]:
        return [("warning", "missing-unit", "按模板撰写但未注明申报单位")]
    return []


def _punctuation(record: dict) -> list[tuple]:
    count = len(ASCII_IN_CHINESE.findall(record["text"]))
    if count:
        return [("warning", "ascii-punctuation", f"中文正文中有 {count} 处半角标点")]
    return []


def find_duplicates(fingerprints: list[tuple[str, bytes]], titles: dict[str, str | None]) -> list[Finding]:
    """Pairs of cases whose texts are the same or nearly so (one finding on the later case of a pair)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
    signatures = {case_id: signature(blob) for case_id, blob in fingerprints}
    findings = []
    for case_id, sig in signatures.items():
        for other in sorted(lsh.query(sig)):
            similarity = sig.jaccard(signatures[other])
            if similarity >= NEAR_DUPLICATE:
                findings.append(_duplicate(case_id, titles.get(case_id), other, similarity))
        lsh.insert(case_id, sig)
    return findings


def _duplicate(case_id: str, title: str | None, other: str, similarity: float) -> Finding:
    if similarity >= 0.999:
        return Finding(case_id, title, "error", "duplicate", f"与 {other} 内容相同，疑似重复报送")
    return Finding(case_id, title, "warning", "near-duplicate", f"与 {other} 高度相似（约 {similarity:.0%}）")


def check_workspace(records: Iterable[dict], fingerprints: list[tuple[str, bytes]], max_chars: int) -> list[Finding]:
    """All findings, grouped by case in workspace order."""
    per_case: dict[str, list[Finding]] = {}
    titles: dict[str, str | None] = {}
    for record in records:
        titles[record["id"]] = record["title"]
        per_case[record["id"]] = check_case(record, max_chars)
    for finding in find_duplicates(fingerprints, titles):
        per_case.setdefault(finding.case_id, []).append(finding)
    return [f for findings in per_case.values() for f in findings]
