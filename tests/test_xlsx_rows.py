"""The register's fast row writer: what it writes reads back the same through openpyxl."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from casekit.errors import ExportError
from casekit.export.xlsx_rows import Formula, RowSpool, column_letter, looks_like_formula, splice


@pytest.mark.parametrize("index, letters", [(0, "A"), (11, "L"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index, letters):
    assert column_letter(index) == letters


def _spliced(tmp_path, rows: list[list], columns: int = 3):
    """A workbook with a header written by openpyxl and `rows` spooled after it, read back."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("指标")
    sheet.append([f"列{k}" for k in range(columns)])
    book.create_sheet("统计").append(["总体", 1])
    spool = RowSpool(columns, tmp_path / "rows.xml")
    for row in rows:
        spool.write(row)
    spool.close()
    saved, target = tmp_path / "saved.xlsx", tmp_path / "book.xlsx"
    book.save(saved)
    splice(saved, {"指标": tmp_path / "rows.xml"}, target)
    return load_workbook(target), target


def test_values_keep_their_types(tmp_path):
    book, _ = _spliced(tmp_path, [["党员332人", 332, 90.5], [True, None, "=1+1 是文字"]])
    sheet = book["指标"]
    assert [c.value for c in sheet[2]] == ["党员332人", 332, 90.5]
    assert [c.value for c in sheet[3]] == [True, None, "=1+1 是文字"]
    assert sheet[3][2].data_type == "s"  # a text that starts with = is not turned into a formula
    assert book["统计"]["B1"].value == 1


@pytest.mark.parametrize("text, formula_like", [
    ("=2*21", True), ("+1", True), ("-3+4", True), ("@SUM(A1)", True), ("=cmd|'/Ccalc'!A0", True),
    ("\t=1+1", True), ("\r=1+1", True),
    ("党员332人", False), (" =1", False), ("1-2", False), ("", False), (None, False), (-3, False),
])
def test_what_looks_like_a_formula(text, formula_like):
    assert looks_like_formula(text) is formula_like


@pytest.mark.parametrize("text", ["=2*21", "+1", "-3+4", "@SUM(A1)", "=cmd|'/Ccalc'!A0", "\t=1+1", "\r=1+1"])
def test_a_text_that_looks_like_a_formula_is_an_inline_string(tmp_path, text):
    book, target = _spliced(tmp_path, [[text, f"{text} ", 1]])
    cell = book["指标"]["A2"]
    assert (cell.value, cell.data_type) == (text, "s")
    with zipfile.ZipFile(target) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_a_carriage_return_is_kept(tmp_path):
    book, _ = _spliced(tmp_path, [["一\r\n二", "三\r四", "\r"]])
    assert [c.value for c in book["指标"][2]] == ["一\r\n二", "三\r四", "\r"]


def test_text_is_escaped_and_illegal_characters_dropped(tmp_path):
    book, _ = _spliced(tmp_path, [["<一核>&“多元”", " 前后空格 ", "控制\x01字\x0b符"]])
    assert [c.value for c in book["指标"][2]] == ["<一核>&“多元”", " 前后空格 ", "控制字符"]


def test_formulas_are_written_with_the_value_they_show(tmp_path):
    book, target = _spliced(tmp_path, [[Formula("HYPERLINK(\"#'案例'!A3\",2)", 2), "标题", None]])
    assert book["指标"]["A2"].value == "=HYPERLINK(\"#'案例'!A3\",2)"
    with zipfile.ZipFile(target) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>2</v>" in sheet


def test_many_rows_follow_the_header_in_order(tmp_path):
    rows = [[f"第{k}行", k, k / 2] for k in range(5000)]
    book, _ = _spliced(tmp_path, rows)
    sheet = book["指标"]
    assert sheet.max_row == 5001
    assert sheet["A1"].value == "列0"
    assert [c.value for c in sheet[5001]] == ["第4999行", 4999, 2499.5]


def test_a_sheet_without_a_data_area_is_refused(tmp_path):
    book = Workbook(write_only=True)
    book.create_sheet("指标")
    saved, odd = tmp_path / "saved.xlsx", tmp_path / "odd.xlsx"
    book.save(saved)
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(odd, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info, data.replace(b"<sheetData></sheetData>", b"<sheetData/>"))
    spool = RowSpool(2, tmp_path / "rows.xml")
    spool.write(["a", 1])
    spool.close()
    with pytest.raises(ExportError, match="找不到数据区"):
        splice(odd, {"指标": tmp_path / "rows.xml"}, tmp_path / "book.xlsx")
