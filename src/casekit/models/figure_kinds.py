"""What kind of quantity a figure is (funds, people, organisations, activities, shares …), so that
statistics add up only figures that belong together.

A county's GDP and a case's 帮扶资金 are both 元, and page views and meetings both 次: the unit alone
does not say whether two figures may be summed. The kind is read from the figure's canonical unit
and its subject, by the ordered rules of `lexicon/figure_kinds.yaml`; that file also says which
kinds the statistics sum and which they only count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

OTHER = "other"


@dataclass(frozen=True)
class KindRule:
    kind: str
    units: frozenset[str]
    subject_words: tuple[str, ...] = ()  # empty: any subject


@dataclass(frozen=True)
class FigureKinds:
    """The rules and how each kind is shown: its label and, for a kind the statistics sum, the divisor
    of its column (funds in 万元)."""

    rules: tuple[KindRule, ...]
    labels: dict[str, str]
    divisors: dict[str, float]  # summed kinds only

    @classmethod
    def from_data(cls, data: dict) -> FigureKinds:
        rules = tuple(KindRule(str(r["kind"]), frozenset(map(str, r["units"])), tuple(r.get("subject_words") or ()))
                      for r in data.get("rules") or ())
        kinds = data.get("kinds") or {}
        return cls(rules, {k: str(v["label"]) for k, v in kinds.items()},
                   {k: float(v.get("divisor", 1)) for k, v in kinds.items() if v.get("sum")})

    def kind_of(self, unit: str, subject: str | None) -> str:
        """The kind of a figure of canonical `unit` counting `subject`."""
        for rule in self.rules:
            if unit in rule.units and (not rule.subject_words or any(w in (subject or "") for w in rule.subject_words)):
                return rule.kind
        return OTHER


def totals_by_kind(figures: Iterable[tuple[str, float]]) -> dict[str, list[float]]:
    """(kind, normalized value) of a case's figures -> {kind: [figures, sum of their values]}."""
    totals: dict[str, list[float]] = {}
    for kind, value in figures:
        entry = totals.setdefault(kind, [0, 0])
        entry[0] += 1
        entry[1] += value
    return totals
