"""The Excel register: 案例, 指标, 模式, 质检 and 统计 sheets, written in one streaming pass.

The four row sheets stream their rows through `xlsx_rows` (fast, memory flat however large the
workspace); openpyxl writes their styled headers, the statistics sheet and its charts. Column
widths are fitted to the first rows of each sheet (a Chinese character counts two columns).
A text from a document is always a text cell, whatever it starts with (`looks_like_formula`).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterable, Mapping, NamedTuple

from casekit import labels
from casekit.errors import ExportError
from casekit.export.atomic import atomic_path, remove_dead_leftovers
from casekit.export.xlsx_rows import Formula, RowSpool, column_letter, looks_like_formula, splice, xml_safe
from casekit.processes import die_with_parent
from casekit.stats import StatsCollector, StatTable

CASE_COLUMNS = ("序号", "编号", "标题", "申报单位", "地区", "省份", "城市", "区县", "类型", "领域", "年份", "字数",
                "各部分是否齐全", "特色模式", "主要数据", "指标数", "问题数", "来源文件")
FIGURE_COLUMNS = ("案例序号", "案例标题", "原文", "数值", "单位", "标准化数值", "标准化单位", "近似", "对象", "类别",
                  "所在部分", "原句", "来源位置")
MODEL_COLUMNS = ("案例序号", "案例标题", "模式", "特色/通用", "组成部分", "应有数量", "实有数量")
ISSUE_COLUMNS = ("案例序号", "案例标题", "级别", "类型", "说明")
ROW_SHEETS = {"案例": CASE_COLUMNS, "指标": FIGURE_COLUMNS, "模式": MODEL_COLUMNS, "质检": ISSUE_COLUMNS}
CHARTS = (("按城市", "各城市案例数"), ("按领域", "各领域案例数"), ("特色模式", "特色模式出现次数"))

_MAX_WIDTH = 50
# Columns whose long text wraps; elsewhere a long value is cut off at the column edge (styling
# every cell is what makes a large workbook slow to write).
_WRAPPED = {"标题", "主要数据", "原句", "组成部分", "说明"}
_FIT_ROWS = 200
_TOP_FIGURES = 5
_HEADER_FILL = "DDEBF7"
# An export's working folder in the temp dir, named with its pid: a killed export leaves 70-80 MB
# there, which the next export removes (never a running one's).
_WORK_PREFIX = "casekit-xlsx-"
_WORK_FOLDER = re.compile(re.escape(_WORK_PREFIX) + r"(?P<pid>[1-9][0-9]{0,6})-[a-z0-9_]+")


def write_xlsx(records: Iterable[dict], target: Path,
               figures: Callable[[], Iterable[tuple[str, dict]]] | None = None,
               findings: Mapping[str, list] | None = None) -> int:
    """Write the register; returns the number of cases.

    `findings`, when given, holds by case id what `casekit check` finds across the workspace
    (duplicates, shared titles, length); the 质检 sheet lists them after each record's issues.

    `figures`, when given, yields each case's id and figure source ({title, source.file,
    indicators}) in the order of `records`; the figure sheet, by far the longest, is then
    written by a second process (`Workspace.iter_figure_sources` in another connection)
    while this one writes the rest.
    """
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheets = {title: book.create_sheet(title) for title in ROW_SHEETS}
    wrap = _wrapped_style_id(sheets["案例"])
    remove_dead_leftovers(Path(tempfile.gettempdir()), _WORK_FOLDER)
    with tempfile.TemporaryDirectory(prefix=f"{_WORK_PREFIX}{os.getpid()}-") as work:
        paths = {title: Path(work) / f"{k}.xml" for k, title in enumerate(ROW_SHEETS)}
        helper = _FigureSheetHelper(figures, wrap, paths["指标"]) if figures else None
        rows = {title: _Rows(columns, wrap, paths[title]) for title, columns in ROW_SHEETS.items()
                if not (helper and title == "指标")}
        try:
            collector, order = StatsCollector(), hashlib.sha256()
            count = 0
            for count, record in enumerate(records, start=1):
                collector.add(record)
                order.update(record["id"].encode() + b"\n")
                rows["案例"].add(_case_row(count, record))
                link = _link(count, record)
                if helper is None:
                    rows["指标"].add_many(link + _figure_row(record, i) for i in record["indicators"])
                rows["模式"].add_many(link + _model_row(m) for m in record["models"])
                rows["质检"].add_many(link + _issue_row(i) for i in record["issues"])
                rows["质检"].add_many(link + _issue_row(asdict(f)) for f in (findings or {}).get(record["id"], []))
            done = {title: r.finish() for title, r in rows.items()}
            if helper:
                done["指标"] = helper.result(order.hexdigest())
        finally:
            for r in rows.values():
                r.spool.close()
            if helper:
                helper.stop()
        for title, columns in ROW_SHEETS.items():
            _header(sheets[title], columns, done[title])
        _write_stats(book, collector.tables())
        with atomic_path(target) as tmp:
            saved = Path(work) / "book.xlsx"
            book.save(saved)
            splice(saved, paths, tmp)
    return count


class _FigureSheetHelper:
    """The figure sheet's rows, spooled by a second process from the workspace itself."""

    def __init__(self, figures: Callable[[], Iterable[tuple[str, dict]]], wrap: int, path: Path):
        from concurrent.futures import ProcessPoolExecutor

        # die_with_parent: a SIGKILL of casekit must not leave the helper spooling on its own
        self.pool = ProcessPoolExecutor(max_workers=1, initializer=die_with_parent)
        self.future = self.pool.submit(_spool_figures, figures, wrap, path)

    def result(self, expected_order: str) -> _Done:
        from concurrent.futures.process import BrokenProcessPool

        try:
            done, order = self.future.result()
        except BrokenProcessPool as exc:
            raise ExportError("写指标表的进程意外退出（可能内存不足），未写出 Excel 文件") from exc
        if order != expected_order:
            raise ExportError("导出期间工作区的案例有变动（可能正在导入），请在导入完成后重新导出")
        return done

    def stop(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _spool_figures(figures: Callable[[], Iterable[tuple[str, dict]]], wrap: int, path: Path) -> tuple[_Done, str]:
    """(the figure sheet's rows spooled to `path`, a digest of the case order they followed)."""
    rows, order = _Rows(FIGURE_COLUMNS, wrap, path), hashlib.sha256()
    try:
        for count, (case_id, source) in enumerate(figures(), start=1):
            order.update(case_id.encode() + b"\n")
            link = _link(count, source)
            rows.add_many(link + _figure_row(source, i) for i in source["indicators"])
        return rows.finish(), order.hexdigest()
    finally:
        rows.spool.close()


# --- rows ---------------------------------------------------------------------------------


def _case_row(number: int, r: dict) -> list:
    admin = r.get("admin") or {}
    featured = "、".join(m["name"] for m in r["models"] if m["featured"])
    top = "；".join(f"{i['subject'] or ''}{i['text']}" for i in r["indicators"][:_TOP_FIGURES])
    return [number, r["id"], r["title"], r["unit"], r["region"], admin.get("province"), admin.get("city"),
            admin.get("county"), labels.genre(r["genre"]), "、".join(r["domain"]), r["year"], len(r["text"]),
            labels.sections_present(r), featured, top, len(r["indicators"]), len(r["issues"]), r["source"]["path"]]


def _link(number: int, r: dict) -> list:
    """The first two cells of a detail row: the case number, linked to the case's row, and its title.

    The link is a HYPERLINK formula: a hyperlink object per row would be held in memory until
    the sheet closes, and a workbook can have hundreds of thousands of figure rows.
    """
    return [Formula(f"HYPERLINK(\"#'案例'!A{number + 1}\",{number})", number), r["title"]]


def _figure_row(r: dict, i: dict) -> list:
    where = f"{r['source']['file']} 第{i['raw_start']}–{i['raw_end']}字符"
    return [i["text"], i["value"], i["unit"], i["normalized"]["value"], i["normalized"]["unit"], i["approx"],
            i["subject"], labels.figure_kind(i.get("kind")), labels.section(i["section"]), i["sentence"], where]


def _model_row(m: dict) -> list:
    kind = "、".join(k for k, on in (("特色", m["featured"]), ("通用", m["common"])) if on)
    return [m["name"], kind, "、".join(m["components"]), m["expected_count"], len(m["components"]) or None]


def _issue_row(issue: dict) -> list:
    return [labels.SEVERITY.get(issue["severity"], issue["severity"]), labels.finding(issue["code"]), issue["message"]]


# --- sheets -------------------------------------------------------------------------------


class _Done(NamedTuple):
    """A finished row sheet: its column widths and how many rows were spooled."""

    widths: list[float]
    rows: int


class _Rows:
    """A row sheet's data rows, spooled as XML, with widths fitted to its first rows (no openpyxl,
    so that another process can write them)."""

    def __init__(self, columns: tuple[str, ...], wrap_style: int, path: Path):
        self.columns = columns
        self.wrap_style = wrap_style
        self.spool = RowSpool(len(columns), path)
        self.buffer: list[list] | None = []
        self.widths: list[float] = []

    def add(self, row: list) -> None:
        if self.buffer is None:
            self.spool.write(row)
        else:
            self.buffer.append(row)
            if len(self.buffer) >= _FIT_ROWS:
                self._fit_and_flush()

    def add_many(self, rows: Iterable[list]) -> None:
        for row in rows:
            self.add(row)

    def finish(self) -> _Done:
        if self.buffer is not None:
            self._fit_and_flush()
        self.spool.close()
        return _Done(self.widths, self.spool.rows)

    def _fit_and_flush(self) -> None:
        for k, name in enumerate(self.columns):
            width = max([display_width(name)] + [display_width(_shown(row[k])) for row in self.buffer]) + 2
            self.widths.append(min(width, _MAX_WIDTH))
            if width > _MAX_WIDTH and name in _WRAPPED:
                self.spool.set_style(k, self.wrap_style)
        for row in self.buffer:
            self.spool.write(row)
        self.buffer = None


def _header(sheet, columns: tuple[str, ...], done: _Done) -> None:
    """A row sheet's openpyxl part: fitted widths, the styled header row, frozen and filtered."""
    for k, width in enumerate(done.widths):
        sheet.column_dimensions[column_letter(k)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, name) for name in columns])
    sheet.auto_filter.ref = f"A1:{column_letter(len(columns) - 1)}{done.rows + 1}"


def _header_cell(sheet, name: str):
    from openpyxl.styles import Font, PatternFill

    return _cell(sheet, name, Font(bold=True), PatternFill("solid", fgColor=_HEADER_FILL))


def _cell(sheet, value, font=None, fill=None):
    """An openpyxl cell, typed text if its text `looks_like_formula` (openpyxl would make a formula
    of any text that starts with =)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=xml_safe(value))
    if looks_like_formula(value):
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _wrapped_style_id(sheet) -> int:
    """The workbook's cell format number for wrapped, top-aligned text (registered on first use)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    cell = WriteOnlyCell(sheet)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell.style_id


def _shown(value):
    """What a cell shows: the label of a formula, else the value."""
    return value.shown if isinstance(value, Formula) else value


def display_width(value) -> int:
    """Columns a value takes on screen: a Chinese character is two wide."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


# --- statistics -----------------------------------------------------------------------------


def _write_stats(book, tables: list[StatTable]) -> None:
    """The stats tables one under another, and bar charts beside the ones editors chart."""
    from openpyxl.styles import Font

    sheet = book.create_sheet("统计")
    sheet.column_dimensions["A"].width = 30
    row = 1
    anchors = []
    for table in tables:
        sheet.append([_cell(sheet, table.title, Font(bold=True, size=12))])
        sheet.append([_header_cell(sheet, str(c)) for c in table.frame.columns])
        first = row + 2
        for values in table.frame.itertuples(index=False):
            sheet.append([_excel_value(sheet, v) for v in values])
        row = first + len(table.frame)
        chart_title = dict(CHARTS).get(table.title)
        if chart_title and len(table.frame):
            anchors.append((chart_title, first - 1, row - 1))
        sheet.append([])
        row += 1
    for k, (title, header_row, last_row) in enumerate(anchors):
        sheet.add_chart(_bar_chart(sheet, title, header_row, last_row), f"J{1 + 18 * k}")


def _bar_chart(sheet, title: str, header_row: int, last_row: int):
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.height, chart.width = 8, 16
    chart.add_data(Reference(sheet, min_col=2, min_row=header_row, max_row=last_row), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    return chart


def _excel_value(sheet, value):
    """numpy scalars as plain Python numbers, which openpyxl writes; a text that looks like a
    formula (a 申报单位 `=2*21`) as a text cell."""
    if looks_like_formula(value):
        return _cell(sheet, value)
    return value.item() if hasattr(value, "item") else xml_safe(value)
