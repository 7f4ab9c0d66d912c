"""The YAML round trip: export, edit by hand, import as reviewed, keep it through a re-ingest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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


# --- files that are not data, or not a record of this workspace -------------------------------

LAUGHS = "".join(f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
BILLION_LAUGHS = "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + LAUGHS  # 9**10 strings, expanded


def _with_admin(record_text: str, extra: str) -> str:
    """The exported record with `extra` lines (indented two spaces) added to its admin mapping."""
    assert "\nadmin:\n" in record_text
    return record_text.replace("\nadmin:\n", "\nadmin:\n" + extra, 1)


def _record_as(record: dict, **changes) -> str:
    return yaml.safe_dump({**record, **changes}, allow_unicode=True, sort_keys=False)


def _without_id(record: dict) -> str:
    return yaml.safe_dump({k: v for k, v in record.items() if k != "id"}, allow_unicode=True, sort_keys=False)


# (file, its text from the good record's text and record, words its one-line message holds)
BAD_FILES = [
    ("aliases.yaml", lambda text, rec: _with_admin(text, BILLION_LAUGHS), ("锚点或别名", "行）")),
    ("anchor-only.yaml", lambda text, rec: text.replace("\ntitle: ", "\ntitle: &t ", 1), ("锚点或别名",)),
    ("too-large.yaml", lambda text, rec: text + "# " + "填" * (2 * 1024 * 1024) + "\n", ("文件过大", "max_import_mb = 5")),
    ("a-list.yaml", lambda text, rec: "- id\n- title\n", ("案例记录", "映射", "列表")),
    ("empty.yaml", lambda text, rec: "", ("文件是空的",)),
    ("no-id.yaml", lambda text, rec: _without_id(rec), ("缺少 id 字段",)),
    ("id-int.yaml", lambda text, rec: _record_as(rec, id=12), ("字段 id", "应为文字", "整数")),
    ("id-path.yaml", lambda text, rec: _record_as(rec, id="../../etc/passwd"), ("字段 id", "../../etc/passwd", "路径")),
    ("id-backslash.yaml", lambda text, rec: _record_as(rec, id="..\\..\\casekit"), ("字段 id", "路径")),
    ("id-unknown.yaml", lambda text, rec: _record_as(rec, id="没有这个案例-00000000-01"),
     ("字段 id", "没有这个案例-00000000-01", "没有这个编号的案例")),
    ("wrong-type.yaml", lambda text, rec: _record_as(rec, year="去年"), ("字段 year", "应为年份")),
    ("date-inside.yaml", lambda text, rec: _with_admin(text, "  since: 2023-05-01\n"), ("字段 admin", "日期")),
    ("nan-figure.yaml", lambda text, rec: _record_as(rec, indicators=[{**rec["indicators"][0], "value": float("nan")}]),
     ("字段 indicators", "NaN")),
    ("python-tag.yaml", lambda text, rec: text.replace("\ntitle: ", "\ntitle: !!python/object/apply:os.getcwd ", 1),
     ("YAML 标签",)),
    ("deep.yaml", lambda text, rec: _with_admin(text, "  deep: " + "[" * 40 + "]" * 40 + "\n"), ("嵌套超过 32 层",)),
]


@pytest.fixture(scope="module")
def mixed_import(tmp_path_factory):
    """One import of a folder: the good record, edited, beside every bad file of BAD_FILES."""
    root = tmp_path_factory.mktemp("mixed")
    source = root / "材料"
    source.mkdir()
    shutil.copy(DATA / "涪城区_红色物业.txt", source / "case.txt")
    db, folder = root / "ws.db", root / "审核"
    assert run("ingest", source, "--db", db).exit_code == 0
    assert run("export", "--yaml", folder, "--db", db).exit_code == 0
    (good,) = folder.glob("*.yaml")
    text, record = good.read_text(encoding="utf-8"), yaml.safe_load(good.read_text(encoding="utf-8"))
    for name, make, _ in BAD_FILES:
        (folder / name).write_text(make(text, record), encoding="utf-8")
    edit(good, unit="中共绵阳市涪城区委")
    return run("import", folder, "--db", db), db, good


@pytest.mark.parametrize("name, words", [pytest.param(name, words, id=name) for name, _, words in BAD_FILES])
def test_each_bad_file_is_one_line_naming_file_and_reason(mixed_import, name, words):
    result, _, _ = mixed_import
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = [ln for ln in result.stderr.splitlines() if f"失败 {name}：" in ln]
    assert all(word in line for word in words), line


def test_good_file_beside_bad_ones_is_imported(mixed_import):
    result, db, good = mixed_import
    assert result.stderr.count("失败") == len(BAD_FILES)
    shown = json.loads(run("show", good.stem, "--format", "json", "--db", db).output)
    assert shown["unit"] == "中共绵阳市涪城区委" and shown["reviewed"] == ["unit"]


def test_unedited_exports_import_cleanly_and_hold_no_anchors(samples_workspace, tmp_path):
    """casekit's own YAML is never refused: it has no anchor or alias, and nothing else the import refuses."""
    folder = tmp_path / "审核"
    assert run("export", "--yaml", folder, "--db", samples_workspace).exit_code == 0
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 8
    shown = run("show", files[0].stem, "-f", "yaml", "--db", samples_workspace).output
    for text in [f.read_text(encoding="utf-8") for f in files] + [shown]:
        events = list(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
        assert not [e for e in events if isinstance(e, yaml.NodeEvent) and e.anchor is not None]
    result = run("import", folder, "--db", samples_workspace)
    assert result.exit_code == 0 and "失败" not in result.output and result.output.count("（无修改）") == 8


# Run in a child process with its address space capped, so that a regression fails with
# MemoryError instead of taking the machine's memory (the old loader grew to 21 GB).
_BOMB_CHILD = """
import json, resource, sys, time, tracemalloc
from pathlib import Path
from casekit.review import import_reviews
from casekit.store import Workspace

def vm_bytes():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024

resource.setrlimit(resource.RLIMIT_AS, (vm_bytes() + 1024 ** 3, resource.getrlimit(resource.RLIMIT_AS)[1]))
with Workspace(Path(sys.argv[1]), create=False) as ws:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start = time.perf_counter()
    (result,) = import_reviews(ws, Path(sys.argv[2]))
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"error": result.error, "seconds": seconds, "peak": peak, "grown_kb": grown_kb}))
"""


def test_billion_laughs_is_refused_quickly_without_memory_growth(exported, tmp_path):
    import subprocess
    import sys

    if not Path("/proc/self/status").exists():
        pytest.skip("needs Linux's /proc to cap the child's memory")
    db, _, folder, path = exported
    path.write_text(_with_admin(path.read_text(encoding="utf-8"), BILLION_LAUGHS), encoding="utf-8")
    child = subprocess.run([sys.executable, "-c", _BOMB_CHILD, str(db), str(folder)],
                           capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert child.returncode == 0, child.stderr
    measured = json.loads(child.stdout)
    assert path.name in measured["error"] and "锚点或别名" in measured["error"]
    assert measured["seconds"] < 2
    assert measured["peak"] < 2 * 1024 * 1024  # Python objects made while refusing it: the file's text, a few events
    assert measured["grown_kb"] < 50 * 1024


def test_a_corrected_subject_gives_the_figure_its_kind_again(exported):
    """The kind follows the subject an editor corrected: money named as GDP leaves the funds."""
    db, _, folder, path = exported
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    money = next(i for i in record["indicators"] if i["normalized"]["unit"] == "元")
    assert money["kind"] == "funds"
    money["subject"] = "全区地区生产总值"
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run("import", folder, "--db", db).exit_code == 0
    shown = json.loads(run("show", path.stem, "--format", "json", "--db", db).output)
    corrected = next(i for i in shown["indicators"] if i["subject"] == "全区地区生产总值")
    assert corrected["kind"] == "economy"
