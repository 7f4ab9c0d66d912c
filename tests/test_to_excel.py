"""The Excel register: sheets, headers, links back to cases, charts, widths, and atomic writes."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from casekit import labels
from casekit.errors import ExportError
from casekit.export import to_excel
from casekit.extract.read import read_document
from casekit.pipeline import process_document
from conftest import DATA


@pytest.fixture(scope="module")
def records(options):
    found = []
    for path in sorted(DATA.glob("*.txt")):
        found.extend(c.to_dict() for c in process_document(read_document(path, path.name), options))
    return found


@pytest.fixture(scope="module")
def book(records, tmp_path_factory):
    target = tmp_path_factory.mktemp("xlsx") / "登记表.xlsx"
    assert to_excel.write_xlsx(iter(records), target) == len(records)
    return load_workbook(target)


def test_sheets_and_headers(book):
    assert book.sheetnames == ["案例", "指标", "模式", "质检", "统计"]
    assert tuple(c.value for c in book["案例"][1]) == to_excel.CASE_COLUMNS
    assert tuple(c.value for c in book["指标"][1]) == to_excel.FIGURE_COLUMNS
    assert tuple(c.value for c in book["模式"][1]) == to_excel.MODEL_COLUMNS


def test_one_row_per_case_figure_and_model(book, records):
    assert book["案例"].max_row == len(records) + 1
    assert book["指标"].max_row == sum(len(r["indicators"]) for r in records) + 1
    assert book["模式"].max_row == sum(len(r["models"]) for r in records) + 1
    titles = [c.value for c in book["案例"]["C"][1:]]
    assert titles == [r["title"] for r in records]


def test_figure_rows_link_to_their_case_row(book, records):
    sheet = book["指标"]
    for row in range(2, sheet.max_row + 1):
        link = re.fullmatch(r"=HYPERLINK\(\"#'案例'!A(\d+)\",(\d+)\)", sheet.cell(row, 1).value)
        target, number = int(link.group(1)), int(link.group(2))
        assert target == number + 1
        assert book["案例"].cell(target, 3).value == sheet.cell(row, 2).value


def test_header_is_styled_frozen_and_filtered(book):
    sheet = book["案例"]
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:R{sheet.max_row}"


def test_widths_fit_chinese_text(book, records):
    longest_unit = max(to_excel.display_width(r["unit"]) for r in records)
    assert book["案例"].column_dimensions["D"].width >= longest_unit
    assert book["指标"].column_dimensions["L"].width == 50  # long sentences (原句) wrap instead
    assert book["指标"]["L2"].alignment.wrap_text


def test_stats_sheet_has_tables_and_charts(book):
    sheet = book["统计"]
    titles = [c.value for c in sheet["A"] if c.value in ("总体", "按城市", "按领域", "特色模式")]
    assert titles == ["总体", "按城市", "按领域", "特色模式"]
    assert len(sheet._charts) == 3


def test_failed_export_leaves_the_previous_file(records, tmp_path, monkeypatch):
    target = tmp_path / "登记表.xlsx"
    target.write_bytes(b"previous workbook")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("casekit.export.atomic.os.replace", broken)
    with pytest.raises(ExportError, match="无法写入"):
        to_excel.write_xlsx(iter(records), target)
    assert target.read_bytes() == b"previous workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["登记表.xlsx"]


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook(book, records, tmp_path):
    target = tmp_path / "登记表.xlsx"
    to_excel.write_xlsx(iter(records), target)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "登记表.pdf").stat().st_size > 1000


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice is not installed")
def test_libreoffice_reads_figure_rows_cell_for_cell(book, records, tmp_path):
    """The figure rows are written without cell references; another reader must place every cell alike."""
    import csv

    target = tmp_path / "登记表.xlsx"
    to_excel.write_xlsx(iter(records), target)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    second_sheet_as_csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"
    subprocess.run([office, "--headless", "--convert-to", second_sheet_as_csv, "--outdir", str(tmp_path), str(target)],
                   check=True, capture_output=True, timeout=180)
    with open(tmp_path / "登记表-指标.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    sheet = book["指标"]
    assert len(rows) == sheet.max_row
    for number in (2, sheet.max_row):
        expected = [c.value for c in sheet[number]]
        assert rows[number - 1][1:] == ["" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
                                        for v in expected[1:]]
        assert rows[number - 1][0] == re.search(r",(\d+)\)$", expected[0]).group(1)  # the link shows the case number


def _figure_rows(path):
    return [[c.value for c in row] for row in load_workbook(path, read_only=True)["指标"].iter_rows()]


def test_figure_sheet_written_by_a_second_process_is_the_same(samples_workspace, tmp_path):
    from functools import partial

    from casekit.store import Workspace, figure_sources

    with Workspace(samples_workspace) as ws:
        records = list(ws.iter_records())
    one, two = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    to_excel.write_xlsx(iter(records), one)
    to_excel.write_xlsx(iter(records), two, figures=partial(figure_sources, samples_workspace))
    rows = _figure_rows(two)
    assert rows == _figure_rows(one) and len(rows) == 1 + sum(len(r["indicators"]) for r in records)


def _reversed_sources(db):
    from casekit.store import figure_sources

    return reversed(list(figure_sources(db)))


def test_figures_from_a_workspace_that_changed_meanwhile_are_refused(samples_workspace, tmp_path):
    from functools import partial

    from casekit.store import Workspace

    with Workspace(samples_workspace) as ws:
        records = list(ws.iter_records())
    target = tmp_path / "book.xlsx"
    with pytest.raises(ExportError, match="有变动"):
        to_excel.write_xlsx(iter(records), target, figures=partial(_reversed_sources, samples_workspace))
    assert not target.exists()


def _dying_sources():
    import os

    os._exit(1)


def test_a_helper_process_that_dies_leaves_no_workbook(records, tmp_path):
    target = tmp_path / "book.xlsx"
    with pytest.raises(ExportError, match="意外退出"):
        to_excel.write_xlsx(iter(records), target, figures=_dying_sources)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_issue_sheet_lists_workspace_findings_after_each_records_own(records, tmp_path):
    from casekit.check import Finding

    first = records[0]["id"]
    findings = {first: [Finding(first, records[0]["title"], "error", "duplicate", "与 x-01 内容相同，疑似重复报送")]}
    target = tmp_path / "登记表.xlsx"
    to_excel.write_xlsx(iter(records), target, findings=findings)
    rows = [[c.value for c in row] for row in load_workbook(target)["质检"].iter_rows(min_row=2)]
    assert len(rows) == sum(len(r["issues"]) for r in records) + 1
    own = len(records[0]["issues"])
    assert rows[own][2:] == ["错误", "重复报送", "与 x-01 内容相同，疑似重复报送"]


def test_cli_register_includes_what_check_finds(samples_workspace, tmp_path):
    from typer.testing import CliRunner

    from casekit.cli import app

    target = tmp_path / "登记表.xlsx"
    result = CliRunner().invoke(app, ["export", "--xlsx", str(target), "--db", str(samples_workspace)])
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(app, ["check", "-f", "json", "--db", str(samples_workspace)])
    expected = sorted(labels.finding(f["code"]) for f in json.loads(check.output))
    assert sorted(c.value for c in load_workbook(target)["质检"]["D"][1:]) == expected


# Texts a spreadsheet could take for a formula (a 申报单位 `=2*21` showed 42; `=cmd|...` is a DDE call).
FORMULA_LIKE = ["=2*21", "+1", "-3+4", "@SUM(A1)", "=cmd|'/Ccalc'!A0", "\t=1+1", "\r=1+1"]


def _formulas(target) -> list[str]:
    """The text of every <f> element in the workbook's sheets."""
    with zipfile.ZipFile(target) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}f"
    return [f.text or "" for xml in sheets for f in ElementTree.fromstring(xml).iter(main)]


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_a_text_that_looks_like_a_formula_is_written_as_text_on_every_sheet(records, tmp_path, text):
    record = copy.deepcopy(records[0])
    record.update(unit=text, title=text)
    record["indicators"][0]["subject"] = text
    record["issues"] = [{"severity": "warning", "code": "missing-section", "message": text}]
    target = tmp_path / "登记表.xlsx"
    to_excel.write_xlsx(iter([record]), target)

    formulas = _formulas(target)
    assert formulas and all(f.startswith("HYPERLINK(") for f in formulas)  # casekit's own links stay formulas
    assert not [f for f in formulas if text.lstrip("=") in f]
    book = load_workbook(target)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and text in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    exact = {(c.parent.title, c.column_letter) for c in cells if c.value == text}
    assert exact >= {("案例", "C"), ("案例", "D"), ("指标", "B"), ("指标", "I"), ("模式", "B"),
                     ("质检", "B"), ("质检", "E"), ("统计", "A")}
    assert book["案例"]["O2"].value.startswith(text)  # the main figures begin with the subject
    assert book["指标"]["A2"].data_type == "f"


def test_control_characters_in_a_unit_are_dropped_not_fatal(records, tmp_path):
    record = copy.deepcopy(records[0])
    record.update(unit="中共\x01某县委\x0b组织部")
    target = tmp_path / "登记表.xlsx"
    to_excel.write_xlsx(iter([record]), target)
    book = load_workbook(target)
    units = {c.value for sheet in book for row in sheet.iter_rows() for c in row if c.value == "中共某县委组织部"}
    assert units == {"中共某县委组织部"}
    assert book["案例"]["D2"].value == "中共某县委组织部"
