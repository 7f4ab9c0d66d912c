"""The Excel register: a 案例 sheet (one row a case) and a 指标 sheet (one row a figure)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from casekit import labels
from casekit.export.atomic import atomic_path

CASE_COLUMNS = ("序号", "编号", "标题", "申报单位", "地区", "类型", "领域", "年份", "字数", "各部分是否齐全",
                "特色模式", "主要数据", "指标数", "问题数", "来源文件")
FIGURE_COLUMNS = ("案例序号", "案例标题", "原文", "数值", "单位", "标准化数值", "标准化单位", "近似", "对象",
                  "所在部分", "原句", "来源位置")
_MAX_WIDTH = 60
_TOP_FIGURES = 5


def write_xlsx(records: Iterable[dict], target: Path) -> int:
    from openpyxl import Workbook

    book = Workbook()
    cases = book.active
    cases.title = "案例"
    figures = book.create_sheet("指标")
    cases.append(CASE_COLUMNS)
    figures.append(FIGURE_COLUMNS)
    count = 0
    for count, record in enumerate(records, start=1):
        cases.append(_case_row(count, record))
        for ind in record["indicators"]:
            figures.append(_figure_row(count, record, ind))
    for sheet in (cases, figures):
        _style(sheet)
    with atomic_path(target) as tmp:
        book.save(tmp)
    return count


def _case_row(number: int, r: dict) -> list:
    featured = "、".join(m["name"] for m in r["models"] if m["featured"])
    top = "；".join(f"{i['subject'] or ''}{i['text']}" for i in r["indicators"][:_TOP_FIGURES])
    return [number, r["id"], r["title"], r["unit"], r["region"], labels.genre(r["genre"]), "、".join(r["domain"]),
            r["year"], len(r["text"]), labels.sections_present(r), featured, top, len(r["indicators"]),
            len(r["issues"]), r["source"]["path"]]


def _figure_row(number: int, r: dict, i: dict) -> list:
    where = f"{r['source']['file']} 第{i['raw_start']}–{i['raw_end']}字符"
    return [number, r["title"], i["text"], i["value"], i["unit"], i["normalized"]["value"], i["normalized"]["unit"],
            i["approx"], i["subject"], labels.section(i["section"]), i["sentence"], where]


def _style(sheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 500)):
        width = max(display_width(c.value) for c in column) + 2
        sheet.column_dimensions[get_column_letter(column[0].column)].width = min(width, _MAX_WIDTH)
        if width > _MAX_WIDTH:
            for cell in column[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def display_width(value) -> int:
    """Columns a value takes on screen: a Chinese character is two wide."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
