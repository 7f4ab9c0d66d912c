"""Rich renderings of library results for the terminal (tables, a case with its figures marked)."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from rich.table import Table
from rich.text import Text

from casekit import labels
from casekit.ingest import FileResult

STATUS = {"new": "新增", "updated": "已更新", "unchanged": "未变", "failed": "失败"}


def ingest_summary(results: list[FileResult]) -> Table:
    table = Table(title="导入结果", show_header=True, header_style="bold")
    for column in ("读取文件", "未变", "失败", "案例", "指标", "模式"):
        table.add_column(column, justify="right")
    read = sum(1 for r in results if r.status in ("new", "updated"))
    table.add_row(
        str(read),
        str(sum(1 for r in results if r.status == "unchanged")),
        str(sum(1 for r in results if r.status == "failed")),
        str(sum(r.cases for r in results)),
        str(sum(r.indicators for r in results)),
        str(sum(r.models for r in results)),
    )
    return table


def case_list(rows: list[dict], limit: int = 0) -> Table:
    """The workspace's cases, one row each; the first `limit` (0: all), as in `findings_table`."""
    table = Table(title=f"案例（共 {len(rows)} 个）", header_style="bold")
    for column, justify in (("编号", "left"), ("标题", "left"), ("申报单位", "left"), ("地区", "left"),
                            ("类型", "left"), ("字数", "right"), ("指标", "right"), ("模式", "right"), ("不全", "center")):
        table.add_column(column, justify=justify, overflow="fold")
    shown = rows[:limit] if limit else rows
    if len(shown) < len(rows):
        table.caption = f"仅列出前 {len(shown)} 个。全部列出请加 --limit 0；完整登记表请用 casekit export --xlsx。"
    for r in shown:
        table.add_row(r["id"], Text(r["title"] or ""), Text(r["unit"] or ""), r["region"] or "", labels.genre(r["genre"]),
                      str(r["chars"]), str(r["indicators"]), str(r["models"]), "是" if r["truncated"] else "")
    return table


def review_summary(results) -> Table:
    table = Table(title="导入审核结果", header_style="bold")
    for column in ("文件", "案例编号", "修改的字段"):
        table.add_column(column, overflow="fold")
    for r in results:
        changes = "、".join(r.changed) if r.changed else ("（出错，未导入）" if r.error else "（无修改）")
        table.add_row(Text(r.file), r.case_id or "", changes)
    return table


def findings_table(findings, limit: int = 0) -> Table:
    """Findings grouped by case: a case's title row, then one row a finding; the first `limit` (0: all).

    A rich table of thousands of rows takes seconds to lay out and nobody reads it in a
    terminal; the caption then gives the count of each kind and says how to get them all.
    """
    errors = sum(1 for f in findings if f.severity == "error")
    table = Table(title=f"质检结果：{len(findings)} 项（错误 {errors} 项）", header_style="bold")
    for column in ("级别", "类型", "说明"):
        table.add_column(column, overflow="fold")
    shown = findings[:limit] if limit else findings
    current = None
    for f in shown:
        if f.case_id != current:
            table.add_section()
            table.add_row("", "", Text(f"{f.case_id}  {f.title or ''}", style="bold"))
            current = f.case_id
        style = "red" if f.severity == "error" else "yellow"
        table.add_row(Text(labels.SEVERITY.get(f.severity, f.severity), style=style), labels.finding(f.code),
                      Text(f.message))
    if len(shown) < len(findings):
        kinds = Counter(labels.finding(f.code) for f in findings)
        table.caption = (f"仅列出前 {len(shown)} 项。各类数量：" + "，".join(f"{k} {n}" for k, n in kinds.most_common())
                         + "。全部列出请加 --limit 0，或用 --format json 导出。")
    return table


def frame_table(title: str, frame) -> Table:
    """A pandas DataFrame as a rich table."""
    table = Table(title=title, header_style="bold")
    for column in frame.columns:
        numeric = frame[column].dtype.kind in "iuf"
        table.add_column(str(column), justify="right" if numeric else "left", overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    return table


def case_text(record: dict) -> Iterable[object]:
    """A case for reading in the terminal: header, sections, figures marked in the text, models, issues."""
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold")
    head.add_column()
    reviewed = set(record.get("reviewed") or [])
    for field, name, value in (
        ("id", "编号", record["id"]), ("title", "标题", record["title"]), ("subtitle", "副标题", record["subtitle"]),
        ("unit", "申报单位", record["unit"]), ("region", "地区", record["region"]),
        ("genre", "类型", labels.genre(record["genre"])), ("domain", "领域", "、".join(record["domain"])),
        ("year", "年份", record["year"]), ("source", "来源", record["source"]["path"]),
        ("sections", "各部分", labels.sections_present(record)), ("keywords", "关键词", "、".join(record["keywords"])),
    ):
        if value:
            mark = Text(" ✔已审核", style="green") if field in reviewed else Text()
            head.add_row(name, Text(str(value)) + mark)
    if reviewed:
        head.add_row("已审核", "、".join(sorted(reviewed)))
    yield head
    yield Text()
    yield _marked_text(record)
    if record["models"]:
        yield Text()
        yield _models_table(record["models"])
    if record["issues"]:
        yield Text()
        yield _issues_table(record["issues"])


def _marked_text(record: dict) -> Text:
    text = Text(record["text"])
    for section in record["sections"]:
        heading_at = record["text"].rfind(section["heading"], 0, section["start"] + 1)
        if heading_at >= 0:
            text.stylize("bold underline", heading_at, heading_at + len(section["heading"]))
    for model in record["models"]:
        text.stylize("bold magenta", model["start"], model["end"])
    for ind in record["indicators"]:
        text.stylize("bold black on yellow", ind["start"], ind["end"])
    return text


def _models_table(models: list[dict]) -> Table:
    table = Table(title="模式", header_style="bold")
    for column in ("名称", "特色", "通用", "组成部分", "应有/实有"):
        table.add_column(column, overflow="fold")
    for m in models:
        counts = f"{m['expected_count'] or '-'}/{len(m['components']) or '-'}"
        table.add_row(Text(m["name"]), "是" if m["featured"] else "", "是" if m["common"] else "",
                      Text("、".join(m["components"])), counts)
    return table


def _issues_table(issues: list[dict]) -> Table:
    table = Table(title="质检问题", header_style="bold")
    table.add_column("级别")
    table.add_column("说明", overflow="fold")
    for issue in issues:
        style = "red" if issue["severity"] == "error" else "yellow"
        table.add_row(Text(labels.SEVERITY.get(issue["severity"], issue["severity"]), style=style), Text(issue["message"]))
    return table
