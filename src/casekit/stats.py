"""Summary figures over the workspace, as pandas tables with Chinese headings.

Every table comes from one frame of case facts and one frame of figures, so the same
numbers appear whatever the output form (terminal, CSV, JSON, Markdown, Excel).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from casekit import labels
from casekit.extract.writing import count_han
from casekit.models import TEMPLATE_SECTIONS

if TYPE_CHECKING:
    import pandas as pd

# Grouping name (for --by) -> the column of case facts it groups on.
GROUPINGS = {
    "genre": "类型",
    "unit": "申报单位",
    "province": "省份",
    "city": "城市",
    "county": "区县",
    "domain": "领域",
    "year": "年份",
}
# Figure totals: column -> (canonical units summed, divisor).
TOTALS = {
    "人数": (("人",), 1),
    "金额（万元）": (("元",), 10_000),
    "组织数": (("个", "家", "支"), 1),
    "活动次数": (("次", "场", "场次"), 1),
}
_TOP = 10
_UNKNOWN = "（未注明）"


@dataclass(frozen=True)
class StatTable:
    title: str
    frame: "pd.DataFrame"


def compute_stats(records: Iterable[dict], by: str | None = None) -> list[StatTable]:
    """The summary tables; with `by`, only the table grouped by that field.

    Records may be full ones or the workspace's summary records (`Workspace.summary_records`).
    """
    collector = StatsCollector()
    for record in records:
        collector.add(record)
    return collector.tables(by)


class StatsCollector:
    """Gathers what the tables need from each record, so records can stream past once."""

    def __init__(self) -> None:
        self.facts: list[dict] = []
        self.totals: list[dict] = []
        self.paths: set[str] = set()
        self.featured: Counter[str] = Counter()
        self.common: Counter[str] = Counter()
        self.keywords: Counter[str] = Counter()
        self.models = 0

    def add(self, r: dict) -> None:
        self.facts.append(_case_facts(r))
        self.totals.append(_figure_totals(r))
        self.paths.add(r["source"]["path"])
        self.featured.update(m["name"] for m in r["models"] if m["featured"])
        self.common.update(m["name"] for m in r["models"] if m["common"])
        self.keywords.update(r["keywords"])
        self.models += len(r["models"])

    def tables(self, by: str | None = None) -> list[StatTable]:
        import pandas as pd

        cases = pd.DataFrame(self.facts)
        if cases.empty:
            return []
        figures = pd.DataFrame(self.totals)
        grouped = [StatTable(f"按{column}", _group_table(cases, figures, column))
                   for key, column in GROUPINGS.items() if by in (None, key)]
        if by:
            return grouped
        return [
            StatTable("总体", self._overview(cases)),
            *grouped,
            StatTable("各部分齐全情况", _section_completeness(cases)),
            StatTable("特色模式", _counts(self.featured, "模式")),
            StatTable("通用术语", _counts(self.common, "术语")),
            StatTable("关键词", _counts(self.keywords, "关键词")),
        ]

    def _overview(self, cases: "pd.DataFrame") -> "pd.DataFrame":
        import pandas as pd

        lengths = cases["字数"]
        items = {
            "案例数": len(cases),
            "来源文件数": len(self.paths),
            "指标数": int(cases["指标数"].sum()),
            "模式数": self.models,
            "内容不全的案例": int(cases["内容不全"].sum()),
            "字数（最少/中位/最多）": f"{lengths.min()} / {int(lengths.median())} / {lengths.max()}",
        }
        return pd.DataFrame({"项目": list(items), "数值": [str(v) for v in items.values()]})


def _case_facts(r: dict) -> dict:
    keys = {s["key"] for s in r["sections"]}
    admin = r.get("admin") or {}
    facts = {
        "编号": r["id"],
        "类型": labels.genre(r["genre"]),
        "申报单位": r["unit"] or _UNKNOWN,
        "省份": admin.get("province") or _UNKNOWN,
        "城市": admin.get("city") or _UNKNOWN,
        "区县": admin.get("county") or _UNKNOWN,
        "领域": r["domain"] or [_UNKNOWN],
        "年份": str(r["year"]) if r["year"] else _UNKNOWN,
        "字数": r["chars"] if "chars" in r else count_han(r["text"]),
        "指标数": r["indicator_count"] if "indicator_count" in r else len(r["indicators"]),
        "有模板": bool(keys & set(TEMPLATE_SECTIONS)),
        "内容不全": bool(r["truncated"]),
    }
    facts.update({labels.section(k): k in keys for k in TEMPLATE_SECTIONS})
    return facts


def _figure_totals(r: dict) -> dict:
    """The sums of a case's figures in each canonical unit of TOTALS."""
    by_unit = r["unit_totals"] if "unit_totals" in r else sum_by_unit(i["normalized"] for i in r["indicators"])
    row: dict = {"编号": r["id"]}
    for column, (units, divisor) in TOTALS.items():
        row[column] = sum(by_unit.get(u) or 0 for u in units) / divisor
    return row


def sum_by_unit(normalized: Iterable[dict]) -> dict[str, float]:
    """A case's figures (their `normalized` values) summed in each normalized unit."""
    sums: dict[str, float] = {}
    for n in normalized:
        sums[n["unit"]] = sums.get(n["unit"], 0) + n["value"]
    return sums


def _group_table(cases: "pd.DataFrame", figures: "pd.DataFrame", column: str) -> "pd.DataFrame":
    frame = cases.merge(figures, on="编号").explode(column)
    agg = {"案例数": ("编号", "nunique"), "指标数": ("指标数", "sum")}
    agg.update({name: (name, "sum") for name in TOTALS})
    table = frame.groupby(column).agg(**agg).sort_values(["案例数", column], ascending=[False, True])
    for name in TOTALS:
        table[name] = table[name].round(2)
        if (table[name] % 1 == 0).all():
            table[name] = table[name].astype("int64")
    return table.reset_index()


def _section_completeness(cases: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    templated = cases[cases["有模板"]]
    names = [labels.section(k) for k in TEMPLATE_SECTIONS]
    return pd.DataFrame(
        {"部分": names, "具备该部分的案例": [int(templated[n].sum()) for n in names],
         "按模板撰写的案例": [len(templated)] * len(names)}
    )


def _counts(counter: Counter, heading: str) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(counter.most_common(_TOP), columns=[heading, "案例数"])


def format_tables(tables: list[StatTable], fmt: str) -> str:
    """The tables as CSV, JSON or Markdown text (CSV and JSON written by pandas)."""
    if fmt == "json":
        data = {t.title: json.loads(t.frame.to_json(orient="records", force_ascii=False)) for t in tables}
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "csv":
        if len(tables) == 1:
            return tables[0].frame.to_csv(index=False)
        return "\n".join(f"# {t.title}\n{t.frame.to_csv(index=False)}" for t in tables)
    return "\n\n".join(f"### {t.title}\n\n{_markdown(t.frame)}" for t in tables)


def _markdown(frame: "pd.DataFrame") -> str:
    header = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---:" if frame[c].dtype.kind in "iuf" else "---" for c in frame.columns) + "|"
    rows = ["| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *rows])
