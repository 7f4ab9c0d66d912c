"""A killed export leaves nothing running, and what it left on disk goes at the next export."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from casekit.export import to_excel, to_yaml
from casekit.export.atomic import atomic_path
from casekit.extract.read import read_document
from casekit.pipeline import process_document
from conftest import DATA, children, running

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux (/proc, PR_SET_PDEATHSIG)")

# Starts an export whose figure sheet helper blocks: it writes its pid to argv[2] and sleeps.
_EXPORT = '''
import json, os, sys, time
from pathlib import Path

from casekit.export import to_excel


def figures():
    Path(sys.argv[2]).write_text(str(os.getpid()))
    time.sleep(120)
    return []


if __name__ == "__main__":
    records = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    to_excel.write_xlsx(iter(records), Path(sys.argv[3]), figures=figures)
'''


@pytest.fixture(scope="module")
def records(options):
    path = sorted(DATA.glob("*.txt"))[0]
    return [c.to_dict() for c in process_document(read_document(path, path.name), options)]


@pytest.fixture
def temp_dir(tmp_path, monkeypatch) -> Path:
    """A temp dir of the test's own, where the export makes its working folder."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _dead_pid() -> int:
    """The pid of a process that has run and been reaped."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.fixture
def killed_export(records, tmp_path, temp_dir):
    """An export killed (SIGKILL) while its figure helper runs: (its pid, the helper's pid)."""
    script, data, helper_file = tmp_path / "export.py", tmp_path / "records.json", tmp_path / "helper.pid"
    script.write_text(_EXPORT, encoding="utf-8")
    data.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(temp_dir)}
    with open(tmp_path / "stderr.txt", "wb") as errors:
        export = subprocess.Popen([sys.executable, str(script), str(data), str(helper_file), str(tmp_path / "out.xlsx")],
                                  env=env, stderr=errors)
    helper = None
    try:
        started = _wait_for(lambda: export.poll() is not None or (helper_file.exists() and helper_file.read_text()), 60)
        assert started and export.poll() is None, (tmp_path / "stderr.txt").read_text(errors="replace")
        helper = int(helper_file.read_text())
        assert helper in children(export.pid)
        export.send_signal(signal.SIGKILL)
        export.wait()
        yield export.pid, helper
    finally:
        export.kill()
        export.wait()
        if helper is not None:
            _kill(helper)  # only if the test failed: never leave it sleeping


@linux_only
def test_the_figure_helper_dies_with_a_killed_export(killed_export):
    _, helper = killed_export
    assert _wait_for(lambda: not running(helper), 5), f"进程 {helper} 在导出进程被杀后仍在运行"


@linux_only
def test_the_next_export_removes_the_working_folder_a_killed_one_left(killed_export, records, temp_dir, tmp_path):
    export, _ = killed_export
    left = list(temp_dir.glob(f"casekit-xlsx-{export}-*"))
    assert len(left) == 1 and any(left[0].iterdir())
    to_excel.write_xlsx(iter(records), tmp_path / "again.xlsx")
    assert not left[0].exists()
    assert list(temp_dir.iterdir()) == []  # the new export removed its own folder too


def test_working_folders_of_dead_exports_go_and_those_of_running_ones_stay(records, temp_dir, tmp_path):
    dead = temp_dir / f"casekit-xlsx-{_dead_pid()}-ab12cd34"
    live = temp_dir / f"casekit-xlsx-{os.getpid()}-ef56gh78"
    other = temp_dir / "casekit-xlsx-x3k9q0we"  # no pid: not ours to judge
    for folder in (dead, live, other):
        folder.mkdir()
        (folder / "0.xml").write_bytes(b"<row/>" * 1000)
    to_excel.write_xlsx(iter(records), tmp_path / "登记表.xlsx")
    assert not dead.exists()
    assert (live / "0.xml").exists() and (other / "0.xml").exists()


def test_the_working_folder_is_named_with_the_exports_pid(records, temp_dir, tmp_path, monkeypatch):
    seen = []
    real = to_excel.splice

    def spying(saved, rows, target):
        seen.append(Path(saved).parent.name)
        real(saved, rows, target)

    monkeypatch.setattr(to_excel, "splice", spying)
    to_excel.write_xlsx(iter(records), tmp_path / "登记表.xlsx")
    assert seen and seen[0].startswith(f"casekit-xlsx-{os.getpid()}-")


def test_a_temporary_is_named_with_the_writers_pid(tmp_path):
    target = tmp_path / "登记表.xlsx"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(f".登记表.xlsx.{os.getpid()}.")
        assert tmp.name.endswith(".tmp")
        tmp.write_bytes(b"x")
    assert target.read_bytes() == b"x"


def test_temporaries_of_dead_writes_beside_the_target_go_and_live_ones_stay(records, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    dead_pid = _dead_pid()
    dead = folder / f".登记表.xlsx.{dead_pid}.ab12cd34.tmp"
    live = folder / f".登记表.xlsx.{os.getpid()}.ef56gh78.tmp"
    other_target = folder / f".汇编.docx.{dead_pid}.ij90kl12.tmp"
    for path in (dead, live, other_target):
        path.write_bytes(b"half a workbook")
    to_excel.write_xlsx(iter(records), folder / "登记表.xlsx")
    assert not dead.exists()
    assert live.exists() and other_target.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([other_target.name, live.name, "登记表.xlsx"])


def test_a_yaml_export_removes_what_dead_writes_left_beside_each_file(records, tmp_path):
    folder = tmp_path / "yaml"
    folder.mkdir()
    name = f"{records[0]['id']}.yaml"
    dead = folder / f".{name}.{_dead_pid()}.ab12cd34.tmp"
    live = folder / f".{name}.{os.getpid()}.ef56gh78.tmp"
    dead.write_text("half", encoding="utf-8")
    live.write_text("half", encoding="utf-8")
    assert to_yaml.write_yaml_dir(iter(records), folder) == len(records)
    assert not dead.exists() and live.exists()
    assert (folder / name).exists()
