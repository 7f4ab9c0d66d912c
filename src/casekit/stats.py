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
from casekit.models.figure_kinds import FigureKinds, totals_by_kind
from casekit.options import load_lexicon

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

    def __init__(self, kinds: FigureKinds | None = None) -> None:
        self.kinds = kinds or load_lexicon().figure_kinds
        self.facts: list[dict] = []
        self.totals: list[dict] = []
        self.by_kind: Counter[str] = Counter()
        self.paths: set[str] = set()
        self.featured: Counter[str] = Counter()
        self.common: Counter[str] = Counter()
        self.keywords: Counter[str] = Counter()
        self.models = 0

    def add(self, r: dict) -> None:
        self.facts.append(_case_facts(r))
        kind_totals = _kind_totals(r, self.kinds)
        self.totals.append(_figure_totals(r["id"], kind_totals, self.kinds))
        self.by_kind.update({kind: int(count) for kind, (count, _) in kind_totals.items()})
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
        summed = [self.kinds.labels[k] for k in self.kinds.divisors]
        grouped = [StatTable(f"按{column}", _group_table(cases, figures, column, summed))
                   for key, column in GROUPINGS.items() if by in (None, key)]
        if by:
            return grouped
        return [
            StatTable("总体", self._overview(cases)),
            *grouped,
            StatTable("指标类别", self._kinds_table(figures)),
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


    def _kinds_table(self, figures: "pd.DataFrame") -> "pd.DataFrame":
        """Figures of each kind; the kinds meant to be added up with their total, the others counted only."""
        import pandas as pd

        rows = []
        for kind, label in self.kinds.labels.items():
            if self.by_kind[kind]:
                total = _whole(round(float(figures[label].sum()), 2)) if kind in self.kinds.divisors else "—"
                rows.append({"类别": label, "指标数": self.by_kind[kind], "合计": str(total)})
        return pd.DataFrame(rows, columns=["类别", "指标数", "合计"])


def _whole(value: float) -> int | float:
    return int(value) if value == int(value) else value


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


def _kind_totals(r: dict, kinds: FigureKinds) -> dict[str, list[float]]:
    """{kind: [figures, sum]} of a case: stored with a summary record, else read from its figures
    (a record from before figures had kinds gets them from its units and subjects)."""
    if "kind_totals" in r:
        return r["kind_totals"]
    return totals_by_kind((i.get("kind") or kinds.kind_of(i["normalized"]["unit"], i.get("subject")),
                           i["normalized"]["value"]) for i in r["indicators"])


def _figure_totals(case_id: str, kind_totals: dict[str, list[float]], kinds: FigureKinds) -> dict:
    """A case's row of sums: one column for each kind the statistics add up."""
    row: dict = {"编号": case_id}
    for kind, divisor in kinds.divisors.items():
        row[kinds.labels[kind]] = (kind_totals.get(kind) or [0, 0])[1] / divisor
    return row


def _group_table(cases: "pd.DataFrame", figures: "pd.DataFrame", column: str, summed: list[str]) -> "pd.DataFrame":
    frame = cases.merge(figures, on="编号").explode(column)
    agg = {"案例数": ("编号", "nunique"), "指标数": ("指标数", "sum")}
    agg.update({name: (name, "sum") for name in summed})
    table = frame.groupby(column).agg(**agg).sort_values(["案例数", column], ascending=[False, True])
    for name in summed:
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
