"""casekit check: one finding per problem, grouped by case; errors set the exit status."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from casekit.cli import app
from casekit.extract.read import Document
from casekit.pipeline import process_document
from conftest import DATA

runner = CliRunner()
GOOD = (
    "推行“三联三促”工作法 激活乡村振兴红色引擎\n中共某某县委组织部申报\n一、背景\n某某镇现有党员486人。\n"
    "二、主要做法与成效\n组建产业党小组9个，带动农户增收。\n三、经验启示\n一要坚持党建引领。二要坚持群众主体。"
)


def record_of(text, options):
    doc = Document(path="a.txt", file="a.txt", sha256="0" * 64, size=len(text), encoding="utf-8", text=text)
    return process_document(doc, options)[0].to_dict()


def codes(text, options):
    return [(i["severity"], i["code"]) for i in record_of(text, options)["issues"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(GOOD, [], id="clean"),
        pytest.param(GOOD.split("三、经验启示")[0].rstrip(), [("error", "missing-section")], id="missing-section"),
        pytest.param(GOOD.rstrip("。"), [("error", "ends-mid-sentence")], id="cut-off"),
        pytest.param(GOOD.replace("一、背景", "三、经验启示X").replace("三、经验启示\n", "一、背景\n").replace("三、经验启示X", "三、经验启示"),
                     [("warning", "section-order")], id="out-of-order"),
        pytest.param(GOOD.replace("带动农户增收", "带动农户创业创业增收"), [("warning", "repeated-word")], id="repeated-word"),
        pytest.param(GOOD.replace("坚持党建引领", "坚持的的党建引领"), [("warning", "repeated-word")], id="repeated-char"),
        pytest.param(GOOD.replace("中共某某县委组织部申报\n", ""), [("warning", "missing-unit")], id="missing-unit"),
        pytest.param(GOOD.replace("（", "(").replace("某某镇现有党员486人", "某某镇(含两个社区)现有党员486人"),
                     [], id="ascii-parentheses-folded-by-cleaning"),
        pytest.param(GOOD + "\n中共某某县委组织部\n2023年6月12日", [], id="signature-block-is-no-cut-off"),
        pytest.param(GOOD + "\n执笔人：张某\n联系电话：13800000000", [], id="writer-and-contacts-are-no-cut-off"),
        pytest.param(GOOD + "\n二〇二三年六月", [], id="date-in-chinese-numerals"),
        pytest.param(GOOD + "\n全村共有党员56名，**党建引领是关键。**", [], id="emphasis-closing-the-text"),
        pytest.param(GOOD + "\n全村共有党员56名。王某某", [], id="writer-after-the-last-sentence"),
        pytest.param(GOOD + "\n全村共有党员56名。王某某说", [("error", "ends-mid-sentence")], id="a-sentence-begun-is-no-writer"),
        pytest.param(GOOD + "\n村名\t党员数\n新民村\t56\n合计\n56\n31.5%", [], id="a-table-closes-the-text"),
        pytest.param(GOOD + "\n二是坚持群众主体", [("error", "ends-mid-sentence")], id="cut-off-before-nothing"),
        pytest.param(GOOD + "\n仅展示665字,全文共3348字", [("error", "shown-in-part")], id="the-site-shows-it-in-part"),
        pytest.param(GOOD.replace("二、主要做法与成效", "（……此处隐藏了342字，下载文档可见全文……）\n二、主要做法与成效"),
                     [("error", "shown-in-part")], id="the-site-hid-a-part-of-it"),
        pytest.param("2023年度述职报告\n同志们：\n一年来，我认真履职。\n一、主要工作\n全年召开专题会议18次。\n"
                     "二、存在的问题\n调研还不够深入。", [], id="a-speech-has-no-template-to-miss"),
    ],
)
def test_findings_for_one_case(text, expected, options):
    assert codes(text, options) == expected


def test_length_limit(tmp_path):
    db = tmp_path / "ws.db"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    run("ingest", tmp_path / "a.txt", "--db", db)
    findings = json.loads(run("check", "--max-chars", "50", "-f", "json", "--db", db).output)
    assert [(f["severity"], f["code"]) for f in findings] == [("warning", "too-long")]
    assert findings[0]["message"] == "正文 84 字，超过 50 字的篇幅要求"


def test_shared_characters_are_not_a_repeated_word(options):
    assert codes(GOOD.replace("坚持党建引领", "提升基层党组织组织力"), options) == []


def test_model_parts_mismatch_is_reported(options):
    text = GOOD.replace("组建产业党小组9个", "推行“一核三+”工作法：一是“党建+产业”。二是“党建+治理”。组建产业党小组9个")
    assert ("warning", "model-parts-mismatch") in codes(text, options)


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NO_COLOR": "1"})


def test_duplicates_across_the_workspace(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    original = (DATA / "涪城区_红色物业.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(original, encoding="utf-8")
    (folder / "b_same.txt").write_text(original + "\n", encoding="utf-8")
    (folder / "c_edited.txt").write_text(original.replace("居民满意度", "群众满意度", 1) + "\n补充一句说明。", encoding="utf-8")
    shutil.copy(DATA / "亭湖区_新闻报道.txt", folder / "d_other.txt")
    db = tmp_path / "ws.db"
    assert run("ingest", folder, "--db", db).exit_code == 0
    result = run("check", "--format", "json", "--db", db)
    assert result.exit_code == 1
    findings = [(f["case_id"].split("-")[0], f["code"]) for f in json.loads(result.output)
                if f["code"] in ("duplicate", "near-duplicate")]
    assert findings == [("b_same", "duplicate"), ("c_edited", "near-duplicate")]  # each names its closest match


def test_clean_workspace_exits_zero(tmp_path):
    db = tmp_path / "ws.db"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert run("ingest", tmp_path / "a.txt", "--db", db).exit_code == 0
    result = run("check", "--db", db)
    assert result.exit_code == 0 and "质检结果：0 项" in result.output


def test_truncated_seed_submissions_are_flagged(seeds_dir, options):
    from casekit.extract.read import read_document

    doc = read_document(seeds_dir / "000_264e6aad55d819a0.txt")
    flagged = [r.title for r in process_document(doc, options) if any(i.severity == "error" for i in r.issues)]
    assert len(flagged) == 3 and flagged[0].startswith("打造“党建有灵魂”")


def test_numbering_jump_marks_the_case_truncated(options):
    text = GOOD.replace("组建产业党小组9个，带动农户增收。", "（一）组建产业党小组。\n（二）带动农户增收。\n（四）建立长效机制。")
    record = record_of(text, options)
    assert ("error", "numbering-jump") in codes(text, options) and record["truncated"]


def test_the_table_lists_the_first_findings_and_counts_them_all(tmp_path):
    db = tmp_path / "ws.db"
    for k in range(3):  # three over-long cases
        (tmp_path / f"{k}.txt").write_text(GOOD.replace("某某镇", f"第{k}镇"), encoding="utf-8")
    assert run("ingest", tmp_path, "--db", db).exit_code == 0
    total = len(json.loads(run("check", "--max-chars", "20", "-f", "json", "--db", db).output))
    limited = run("check", "--max-chars", "20", "--limit", "1", "--db", db)
    assert f"质检结果：{total} 项" in limited.output and "仅列出前 1 项" in limited.output
    assert "篇幅超限 3" in limited.output and limited.output.count("超过 20 字") == 1
    full = run("check", "--max-chars", "20", "--limit", "0", "--db", db)
    assert full.output.count("超过 20 字") == 3 and "仅列出" not in full.output


def test_same_title_is_flagged_once_per_later_case():
    from casekit.check import find_same_titles

    titles = {"a-01": "推行“三事分流” 让小区治理有了新路子", "b-01": "推行三事分流，让小区治理有了新路子",
              "c-01": "工作总结", "d-01": "工作总结", "e-01": None, "f-01": "推行“三事分流”让小区治理有了新路子"}
    assert [(f.case_id, f.code, f.message) for f in find_same_titles(titles)] == [
        ("b-01", "same-title", "与 a-01 标题相同，请核对是否重复报送或为修改稿"),
        ("f-01", "same-title", "与 a-01 标题相同，请核对是否重复报送或为修改稿"),
    ]


def test_a_duplicate_is_not_also_reported_for_its_title(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    original = (DATA / "涪城区_红色物业.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(original, encoding="utf-8")
    (folder / "b.txt").write_text(original, encoding="utf-8")
    title, rest = original.split("\n", 1)
    (folder / "c.txt").write_text(f"{title}\n第一段改写后的说明。\n" + GOOD.split("\n", 1)[1], encoding="utf-8")
    db = tmp_path / "ws.db"
    assert run("ingest", folder, "--db", db).exit_code == 0
    findings = [(f["case_id"].split("-")[0], f["code"]) for f in json.loads(run("check", "-f", "json", "--db", db).output)
                if f["code"] in ("duplicate", "near-duplicate", "same-title")]
    assert findings == [("b", "duplicate"), ("c", "same-title")]
