"""Summary figures over the workspace, as pandas tables with Chinese headings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from casekit import labels

if TYPE_CHECKING:
    import pandas as pd

_SECTION_KEYS = ("background", "practices", "outcomes", "lessons")


@dataclass(frozen=True)
class StatTable:
    title: str
    frame: "pd.DataFrame"


def compute_stats(records: Iterable[dict]) -> list[StatTable]:
    """Cases by genre and unit, section completeness, figures by unit, overall counts."""
    import pandas as pd

    cases = pd.DataFrame([_case_facts(r) for r in records])
    if cases.empty:
        return []
    return [
        StatTable("总体", _overview(cases)),
        StatTable("按类型", _count_by(cases, "类型")),
        StatTable("按申报单位", _count_by(cases, "申报单位")),
        StatTable("各部分齐全情况", _section_completeness(cases)),
    ]


def _case_facts(r: dict) -> dict:
    keys = {s["key"] for s in r["sections"]}
    facts = {
        "类型": labels.genre(r["genre"]),
        "申报单位": r["unit"] or "（未注明）",
        "字数": len(r["text"]),
        "指标数": len(r["indicators"]),
        "模式数": len(r["models"]),
        "有模板": bool(keys & set(_SECTION_KEYS)),
        "内容不全": bool(r["truncated"]),
    }
    facts.update({labels.section(k): k in keys for k in _SECTION_KEYS})
    return facts


def _overview(cases: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(
        {
            "项目": ["案例数", "指标数", "模式数", "内容不全的案例", "字数（最少/中位/最多）"],
            "数值": [
                len(cases),
                int(cases["指标数"].sum()),
                int(cases["模式数"].sum()),
                int(cases["内容不全"].sum()),
                f"{cases['字数'].min()} / {int(cases['字数'].median())} / {cases['字数'].max()}",
            ],
        }
    )


def _count_by(cases: "pd.DataFrame", column: str) -> "pd.DataFrame":
    grouped = cases.groupby(column).agg(案例数=("字数", "size"), 指标数=("指标数", "sum"))
    return grouped.sort_values("案例数", ascending=False).reset_index()


def _section_completeness(cases: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    templated = cases[cases["有模板"]]
    names = [labels.section(k) for k in _SECTION_KEYS]
    return pd.DataFrame(
        {"部分": names, "具备该部分的案例": [int(templated[n].sum()) for n in names],
         "按模板撰写的案例": [len(templated)] * len(names)}
    )
