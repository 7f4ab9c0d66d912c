"""Which stored case a newly extracted case continues, so that an editor's reviewed fields follow
the case they were made on.

Matching by position would move a reviewed title onto an unrelated case as soon as a submitter
inserts a case at the start of a compilation; the case's text says which case it is.
"""

from __future__ import annotations

from casekit.extract.fingerprint import resemblance

MIN_RESEMBLANCE = 0.5  # below this share of agreeing fingerprint places, two texts are different cases


def match_reviewed(new: list[tuple[str, bytes | None]], old: list[tuple[dict, bytes | None]]) -> dict[int, dict]:
    """New case index -> the old record it continues, where an editor reviewed that record.

    `new` holds (text, fingerprint) of each newly extracted case, `old` (record, fingerprint) of
    every stored case of the document, reviewed or not, so that a case is continued by its own
    old version rather than by a like one. The same text matches outright; otherwise the most
    alike pairs are taken first, each case at most once.
    """
    pairs = []
    for i, (text, new_print) in enumerate(new):
        for j, (record, old_print) in enumerate(old):
            if text == record.get("text"):
                score = 1.0
            elif new_print is not None and old_print is not None:
                score = resemblance(new_print, old_print)
            else:
                continue
            if score >= MIN_RESEMBLANCE:
                pairs.append((-score, abs(i - record["source"]["case_index"]), i, j))
    matched: dict[int, dict] = {}
    taken: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if i not in matched and j not in taken:
            matched[i] = old[j][0]
            taken.add(j)
    return {i: record for i, record in matched.items() if record.get("reviewed")}


def keep_reviewed(record: dict, reviewed: dict | None) -> dict:
    """The new record with the fields an editor reviewed in the old one carried over."""
    if not reviewed:
        return record
    fields = reviewed["reviewed"]
    return {**record, **{f: reviewed[f] for f in fields if f in reviewed}, "reviewed": fields}
