"""The command line: help texts, the ingest -> stats -> export flow, errors as one line."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from typer.testing import CliRunner

from casekit.cli import app
from conftest import DATA

runner = CliRunner()
COMMANDS = ["ingest", "list", "show", "stats", "export"]


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


def test_every_command_has_chinese_help():
    top = run("--help")
    assert top.exit_code == 0
    for command in COMMANDS:
        assert command in top.output
        result = run(command, "--help")
        assert result.exit_code == 0
        assert any("\u4e00" <= ch <= "\u9fff" for ch in result.output)


def test_help_imports_nothing_heavy():
    """`casekit --help` stays fast: rich, yaml, sqlite3 and the library wait for the commands that use them."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "casekit", "--help"],
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "casekit.cli" in imported
    assert not {m for m in imported if m.split(".")[0] in ("rich", "yaml", "sqlite3", "_sqlite3", "pandas")}
    assert {m for m in imported if m.startswith("casekit")} == {"casekit", "casekit.cli", "casekit.errors"}


def test_a_long_error_stays_one_line_in_a_narrow_terminal(tmp_path):
    deep = tmp_path.joinpath(*["很长的文件夹名称"] * 8) / "工作区.db"
    result = run("stats", "--db", deep, env={"COLUMNS": "40"})
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0 and "不存在" in result.output


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    db = tmp_path_factory.mktemp("ws") / "casekit.db"
    result = run("ingest", DATA, "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_ingest_reports_a_summary(workspace):
    result = run("ingest", DATA, "--db", workspace)
    assert result.exit_code == 0
    assert "导入结果" in result.output and "未变" in result.output


def test_list_and_stats(workspace):
    listing = run("list", "--db", workspace)
    assert listing.exit_code == 0 and "共 8 个" in listing.output
    stats = run("stats", "--db", workspace)
    assert stats.exit_code == 0
    for heading in ("总体", "按类型", "按申报单位", "按省份", "按领域", "各部分齐全情况", "特色模式", "关键词", "申报材料"):
        assert heading in stats.output


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_stats_by_one_field_in_other_forms(workspace, fmt):
    result = run("stats", "--by", "province", "--format", fmt, "--db", workspace)
    assert result.exit_code == 0
    if fmt == "json":
        rows = json.loads(result.output)["按省份"]
        assert sum(r["案例数"] for r in rows) == 8 and {"浙江省", "山东省"} <= {r["省份"] for r in rows}
    elif fmt == "csv":
        assert result.output.splitlines()[0].startswith("省份,案例数,指标数,人数,金额（万元）")
    else:
        assert result.output.startswith("### 按省份") and "| 省份 | 案例数 |" in result.output


def test_list_shows_the_first_cases_and_says_so(workspace):
    limited = run("list", "--limit", "3", "--db", workspace)
    assert "共 8 个" in limited.output and "仅列出前 3 个" in limited.output
    ids = [line.split()[1] for line in run("list", "--db", workspace).output.splitlines() if "-0" in line]
    assert sum(case_id in limited.output for case_id in ids) == 3


def test_db_from_environment(workspace):
    result = run("list", env={"CASEKIT_DB": str(workspace)})
    assert result.exit_code == 0 and "共 8 个" in result.output


def test_show_in_every_format(workspace, tmp_path):
    exported = tmp_path / "cases.jsonl"
    assert run("export", "--jsonl", exported, "--db", workspace).exit_code == 0
    first = json.loads(exported.read_text(encoding="utf-8").splitlines()[0])
    as_json = run("show", first["id"], "--format", "json", "--db", workspace)
    assert json.loads(as_json.output)["id"] == first["id"]
    as_yaml = run("show", first["id"], "-f", "yaml", "--db", workspace)
    assert yaml.safe_load(as_yaml.output)["title"] == first["title"]
    as_text = run("show", first["id"][:12], "--db", workspace)
    assert as_text.exit_code == 0 and first["title"] in as_text.output


def test_export_all_formats(workspace, tmp_path):
    result = run("export", "--jsonl", tmp_path / "c.jsonl", "--yaml", tmp_path / "y", "--xlsx", tmp_path / "c.xlsx",
                 "--db", workspace)
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8 and len(list((tmp_path / "y").glob("*.yaml"))) == 8
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "c.xlsx")
    assert book.sheetnames == ["案例", "指标", "模式", "质检", "统计"]
    assert book["案例"].max_row == 9
    figures = sum(len(json.loads(line)["indicators"]) for line in lines)
    assert book["指标"].max_row == figures + 1


def test_export_needs_a_format(workspace):
    result = run("export", "--db", workspace)
    assert result.exit_code == 1 and "至少指定" in result.output


def test_unknown_case_is_one_red_line(workspace):
    result = run("show", "no-such-case", "--db", workspace)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "没有编号" in result.output


def test_bad_files_are_reported_and_the_rest_go_on(tmp_path):
    folder = tmp_path / "报送 材料"
    folder.mkdir()
    shutil.copy(DATA / "涪城区_红色物业.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    db = tmp_path / "ws.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "为空" in result.output
    assert "picture.txt" in result.output and "二进制" in result.output
    assert "共 1 个" in run("list", "--db", db).output


def test_reading_a_missing_workspace_fails_cleanly(tmp_path):
    result = run("stats", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "不存在" in result.output


def test_export_compiled_volume(workspace, tmp_path):
    target = tmp_path / "汇编.docx"
    result = run("export", "--docx", target, "--title", "基层党建创新案例汇编", "--order", "region", "--db", workspace)
    assert result.exit_code == 0, result.output
    import docx

    headings = [p.text for p in docx.Document(target).paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == 8


def test_export_review_page_and_one_case_page(workspace, tmp_path):
    result = run("export", "--html", tmp_path / "审核.html", "--db", workspace)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "审核.html").read_text(encoding="utf-8")
    assert 'id="casekit-data"' in page and re.search(r"第\d+行", page)
    exported = tmp_path / "c.jsonl"
    run("export", "--jsonl", exported, "--db", workspace)
    first = json.loads(exported.read_text(encoding="utf-8").splitlines()[0])
    result = run("show", first["id"], "--html", tmp_path / "case.html", "--db", workspace)
    assert result.exit_code == 0
    one = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert 'class="figure"' in one and re.search(r"第\d+行", one)


def test_show_text_marks_sections_figures_models_and_issues(tmp_path):
    source = tmp_path / "case.txt"
    source.write_text(
        "推行“一核三+”工作法 激活乡村振兴\n中共某某县委组织部申报\n一、背景\n某某镇现有党员486人。\n"
        "二、主要做法与成效\n推行“一核三+”工作法：一是“党建+产业”。二是“党建+治理”。\n",
        encoding="utf-8",
    )
    db = tmp_path / "ws.db"
    run("ingest", source, "--db", db)
    case_id = json.loads(run("show", "case", "-f", "json", "--db", db).output)["id"]  # a prefix of the id
    output = run("show", case_id, "--db", db).output
    for expected in ("一、背景", "486人", "一核三+", "党建+产业、党建+治理", "缺少“经验启示”部分", "3/2"):
        assert expected in output


def test_names_with_brackets_are_shown_as_written(tmp_path):
    folder = tmp_path / "[b]报送"
    folder.mkdir()
    (folder / "[i]空.txt").write_bytes(b"")
    (folder / "[red]案例.txt").write_text("【背景】[bold]标题[/bold]\n中共某县委组织部申报\n一、背景\n正文。", encoding="utf-8")
    db = tmp_path / "ws.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 1 and "[i]空.txt" in result.output
    assert run("list", "--db", db).exit_code == 0
