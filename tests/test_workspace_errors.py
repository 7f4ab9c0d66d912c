"""A workspace that is corrupted, not a workspace, or locked by another process: one red line, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from casekit.cli import _workspace_problem, app
from conftest import DATA

SAMPLE = "涪城区_红色物业.txt"


def casekit(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed command line as a user runs it: a process of its own, output piped."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CASEKIT_DB", None)
    return subprocess.run([sys.executable, "-m", "casekit", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    """A real workspace made by the CLI, its case id and its YAML export (read before any damage)."""
    root = tmp_path_factory.mktemp("healthy")
    source = root / "材料"
    source.mkdir()
    shutil.copy(DATA / SAMPLE, source / SAMPLE)
    db = root / "ws.db"
    assert casekit("ingest", source, "--db", db).returncode == 0
    assert casekit("export", "--yaml", root / "审核", "--db", db).returncode == 0
    assert not Path(f"{db}-wal").exists()  # checkpointed on close: every page is in the file itself
    (case_id,) = [p.stem for p in (root / "审核").glob("*.yaml")]
    return db, source, root / "审核", case_id


def _pages_overwritten(db: Path, target: Path) -> None:
    """Every page after the first (the header and the schema) overwritten: the tables' pages are garbage."""
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    assert len(data) > 2 * page
    data[page:] = (b"\xde\xad\xbe\xef" * len(data))[: len(data) - page]
    target.write_bytes(bytes(data))


def _random_bytes(db: Path, target: Path) -> None:
    target.write_bytes(os.urandom(db.stat().st_size))


@pytest.fixture(scope="module", params=[_pages_overwritten, _random_bytes], ids=["pages-overwritten", "random-bytes"])
def damaged(request, healthy, tmp_path_factory):
    db = healthy[0]
    target = tmp_path_factory.mktemp("damaged") / "damaged.db"
    request.param(db, target)
    return target


COMMANDS = {
    "list": lambda h: ["list"],
    "stats": lambda h: ["stats"],
    "check": lambda h: ["check"],
    "export": lambda h: ["export", "--jsonl", h[0].parent / "out.jsonl"],
    "show": lambda h: ["show", h[3]],
    "import": lambda h: ["import", h[2]],
    "ingest": lambda h: ["ingest", h[1]],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_damaged_workspace_is_one_line(damaged, healthy, command):
    before = damaged.read_bytes()
    result = casekit(*COMMANDS[command](healthy), "--db", damaged)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "损坏" in lines[0] and str(damaged) in lines[0], result.stderr
    assert damaged.read_bytes() == before  # nothing written to it
    assert not (healthy[0].parent / "out.jsonl").exists()


@pytest.fixture
def locked(healthy, tmp_path, monkeypatch):
    """A copy of the workspace with a write lock held by this process, and a busy timeout of one second."""
    db = tmp_path / "ws.db"
    shutil.copy(healthy[0], db)
    monkeypatch.setattr("casekit.store._BUSY_SECONDS", 1)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield db
    holder.execute("ROLLBACK")
    holder.close()


def _edited_export(healthy, tmp_path) -> Path:
    """The exported YAML with one field edited, so that importing it writes."""
    folder = tmp_path / "审核"
    shutil.copytree(healthy[2], folder)
    (path,) = folder.glob("*.yaml")
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump({**record, "unit": "中共绵阳市涪城区委"}, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize("writes", ["ingest", "import"])
def test_locked_workspace_is_one_line(locked, healthy, tmp_path, writes):
    """The commands that write wait for the lock, then say who holds it (in-process: the timeout is patched)."""
    args = ["ingest", healthy[1], "--force", "--jobs", "1"] if writes == "ingest" \
        else ["import", _edited_export(healthy, tmp_path)]
    start = time.monotonic()
    result = CliRunner().invoke(app, [*map(str, args), "--db", str(locked)])
    assert time.monotonic() - start < 30
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "被另一个 casekit 进程使用" in lines[0] and "请稍后再试" in lines[0], result.stderr
    assert str(locked) in lines[0]


@pytest.mark.parametrize(
    "error, words",
    [
        pytest.param(sqlite3.OperationalError("database is locked"), "被另一个", id="locked"),
        pytest.param(sqlite3.DatabaseError("database disk image is malformed"), "损坏", id="malformed"),
        pytest.param(sqlite3.DatabaseError("file is not a database"), "不是 casekit 工作区", id="not-a-database"),
        pytest.param(sqlite3.OperationalError("database or disk is full"), "磁盘空间不足", id="full"),
        pytest.param(sqlite3.OperationalError("attempt to write a readonly database"), "只读", id="readonly"),
    ],
)
def test_sqlite_errors_in_words(error, words):
    assert words in _workspace_problem(Path("ws.db"), error) and "ws.db" in _workspace_problem(Path("ws.db"), error)


def test_a_json_error_is_not_taken_for_corruption():
    assert _workspace_problem(Path("ws.db"), sqlite3.OperationalError("malformed JSON")) is None
