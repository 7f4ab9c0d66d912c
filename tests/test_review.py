"""The YAML round trip: export, edit by hand, import as reviewed, keep it through a re-ingest."""

from __future__ import annotations

import shutil

import pytest
import yaml
from typer.testing import CliRunner

from casekit.cli import app
from conftest import DATA

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def exported(tmp_path):
    source = tmp_path / "材料"
    source.mkdir()
    shutil.copy(DATA / "涪城区_红色物业.txt", source / "case.txt")
    db = tmp_path / "ws.db"
    assert run("ingest", source, "--db", db).exit_code == 0
    folder = tmp_path / "审核"
    assert run("export", "--yaml", folder, "--db", db).exit_code == 0
    (path,) = folder.glob("*.yaml")
    return db, source, folder, path


def edit(path, **changes):
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(changes)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return record


def test_exported_yaml_is_readable_chinese(exported):
    _, _, _, path = exported
    text = path.read_text(encoding="utf-8")
    assert "title: 涪城区推行" in text and "\\u" not in text
    assert "text: |" in text


def test_edits_are_stored_as_reviewed_and_survive_reingest(exported):
    db, source, folder, path = exported
    edit(path, unit="中共绵阳市涪城区委", year=2023)
    result = run("import", folder, "--db", db)
    assert result.exit_code == 0 and "unit、year" in result.output
    shown = run("show", path.stem, "--format", "json", "--db", db)
    assert '"unit": "中共绵阳市涪城区委"' in shown.output and '"reviewed": [' in shown.output
    assert "已审核" in run("show", path.stem, "--db", db).output
    assert run("ingest", source, "--force", "--db", db).exit_code == 0
    record = yaml.safe_load(run("show", path.stem, "-f", "yaml", "--db", db).output)
    assert (record["unit"], record["year"], record["reviewed"]) == ("中共绵阳市涪城区委", 2023, ["unit", "year"])
    assert record["title"].startswith("涪城区推行")  # fields not reviewed come from the new extraction


@pytest.mark.parametrize(
    "changes, message",
    [
        pytest.param({"year": "去年"}, "字段 year 应为年份", id="wrong-type"),
        pytest.param({"genre": "报告"}, "字段 genre 应为以下之一", id="unknown-genre"),
        pytest.param({"text": "改写的正文"}, "字段 text 不能修改", id="fixed-field"),
        pytest.param({"colour": "red"}, "未知字段 colour", id="unknown-field"),
        pytest.param({"indicators": [{"text": "57家", "value": "五十七"}]}, "字段 indicators 应为", id="bad-figure"),
    ],
)
def test_bad_edits_name_file_field_and_problem(exported, changes, message):
    db, _, folder, path = exported
    edit(path, **changes)
    result = run("import", folder, "--db", db)
    assert result.exit_code == 1
    assert path.name in result.output and message in result.output


def test_broken_yaml_names_the_line(exported):
    db, _, folder, path = exported
    path.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    result = run("import", folder, "--db", db)
    assert result.exit_code == 1 and "YAML 格式错误（第" in result.output


def test_reviewed_keywords_are_not_reranked(exported, tmp_path):
    db, source, folder, path = exported
    edit(path, keywords=["红色物业", "老旧小区"])
    assert run("import", folder, "--db", db).exit_code == 0
    (source / "other.txt").write_text((DATA / "亭湖区_新闻报道.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert run("ingest", source, "--db", db).exit_code == 0  # a new case re-ranks the workspace's keywords
    record = yaml.safe_load(run("show", path.stem, "-f", "yaml", "--db", db).output)
    assert record["keywords"] == ["红色物业", "老旧小区"]
