"""Robustness: bad files are reported one by one, a killed ingest loses nothing, two ingests can share a workspace."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casekit.errors import ReadError
from casekit.extract.read import read_document
from casekit.ingest import collect_files, ingest_files
from casekit.store import SCHEMA_VERSION, Workspace
from conftest import DATA, children, running

GOOD = (DATA / "涪城区_红色物业.txt").read_text(encoding="utf-8")


def ingest(folder: Path, db: Path, options):
    with Workspace(db) as ws:
        return {Path(r.shown).name: r for r in ingest_files(ws, collect_files([folder]), options)}


@pytest.mark.parametrize(
    "name, content, reason",
    [
        pytest.param("empty.txt", b"", "为空", id="empty"),
        pytest.param("binary.txt", bytes(range(256)) * 40, "二进制", id="binary"),
        pytest.param("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(4000), "二进制", id="image-named-txt"),
        pytest.param("broken.docx", b"PK\x03\x04 not really a zip", "不是有效的 .docx", id="broken-docx"),
        pytest.param("one line.txt", ("字" * 300_000).encode("utf-8"), "有一行长达", id="single-huge-line"),
    ],
)
def test_bad_file_is_reported_and_the_rest_go_on(tmp_path, options, name, content, reason):
    (tmp_path / "good 案例.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    results = ingest(tmp_path, tmp_path.parent / f"{tmp_path.name}.db", options)
    assert results["good 案例.txt"].status == "new"
    assert results[name].status == "failed" and reason in results[name].error


def test_oversized_file_is_refused_without_reading_it(tmp_path, options):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    results = ingest(tmp_path, tmp_path.parent / "big.db", options)
    assert results["big.txt"].status == "failed" and "文件过大" in results["big.txt"].error


def test_mixed_encodings_decode_or_say_why(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("党员332人".encode("utf-8") + "，覆盖率90.5%".encode("gbk") + b"\xff\xfe\xfd")
    try:
        doc = read_document(path)
    except ReadError as exc:
        assert str(exc)
    else:
        assert "332" in doc.text


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ReadError, match="无法读取文件：Permission denied"):
        read_document(path)


def test_symlink_loop_and_file_deleted_during_ingest(tmp_path, options):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.txt").write_text(GOOD.replace("涪城区", "游仙区"), encoding="utf-8")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.symlink(tmp_path, tmp_path / "self-link")
    files = collect_files([tmp_path])
    (tmp_path / "gone.txt").unlink()
    with Workspace(tmp_path.parent / "links.db") as ws:
        results = {Path(r.shown).name: r for r in ingest_files(ws, files, options)}
    assert results["good.txt"].status == "new"
    assert results["gone.txt"].status == "failed" and "不存在" in results["gone.txt"].error
    assert results["loop.txt"].status == "failed"
    assert len(results) == 3  # the linked folder is not walked into


def make_corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    for k in range(copies):
        for sample in sorted(DATA.glob("*.txt")):
            text = sample.read_bytes().decode("utf-8", errors="ignore") or GOOD
            (folder / f"{k:03d}_{sample.name}").write_text(text.replace("社区", f"社区{k}号"), encoding="utf-8")


def casekit(*args) -> list[str]:
    return [sys.executable, "-m", "casekit", *map(str, args)]


def stored_documents(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents WHERE status='ok'").fetchone()[0]
    except sqlite3.Error:
        return 0


def assert_whole(db: Path) -> int:
    """Every stored document has all its cases, and every case all its figures; returns the case count."""
    with Workspace(db) as ws:
        records = list(ws.iter_records())
        figures = sum(row["indicators"] for row in ws.case_rows())
        empty = ws.db.execute("SELECT COUNT(*) FROM documents d WHERE status='ok' AND NOT EXISTS "
                              "(SELECT 1 FROM cases c WHERE c.document_id = d.id)").fetchone()[0]
    assert figures == sum(len(r["indicators"]) for r in records)
    assert empty == 0
    return len(records)


def test_killed_ingest_leaves_whole_documents_and_resumes(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 12)
    db = tmp_path / "ws.db"
    process = subprocess.Popen(casekit("ingest", corpus, "--jobs", "1", "--db", db),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while stored_documents(db) < 10 and process.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert_whole(db)
    assert subprocess.run(casekit("ingest", corpus, "--jobs", "1", "--db", db), capture_output=True).returncode == 0
    assert stored_documents(db) == len(list(corpus.iterdir()))
    assert assert_whole(db) == 12 * 8


def test_ingests_at_once_share_one_workspace(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 4)
    db = tmp_path / "ws.db"
    runs = [subprocess.Popen(casekit("ingest", corpus, "--jobs", "1", "--db", db), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE) for _ in range(3)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    assert assert_whole(db) == 4 * 8
    with Workspace(db) as ws:
        ids = [r["id"] for r in ws.iter_records()]
        keywords = {r["id"]: r["keywords"] for r in ws.iter_records()}
    assert len(ids) == len(set(ids))
    alone = tmp_path / "alone.db"
    subprocess.run(casekit("ingest", corpus, "--jobs", "1", "--db", alone), capture_output=True, check=True)
    with Workspace(alone) as ws:
        assert keywords == {r["id"]: r["keywords"] for r in ws.iter_records()}  # ranked against the whole workspace


def test_parallel_ingest_gives_the_same_records(tmp_path, options):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 2)
    found = {}
    for jobs in (1, 2):
        with Workspace(tmp_path / f"ws{jobs}.db") as ws:
            results = ingest_files(ws, collect_files([corpus]), options, jobs=jobs)
            assert [r.status for r in results] == ["new"] * len(list(corpus.iterdir()))
            found[jobs] = list(ws.iter_records())
    assert found[1] == found[2]


def _raising(kind: str):
    """An exception of the kind a library raises deep inside a reader."""
    if kind == "zlib":
        import zlib

        return zlib.error("Error -3 while decompressing data: invalid stored block lengths")
    if kind == "lxml":
        from lxml import etree

        try:
            etree.fromstring(b"<w:document>")
        except etree.XMLSyntaxError as exc:
            return exc
    if kind == "pypdf":
        from pypdf.errors import LimitReachedError

        return LimitReachedError("Limit reached while decompressing: 75000000 bytes")
    if kind == "docx":
        from docx.opc.exceptions import PackageNotFoundError

        return PackageNotFoundError("Package not found at '<stream>'")
    if kind == "PIL":
        from PIL import UnidentifiedImageError

        return UnidentifiedImageError("cannot identify image file")
    return {"memory": MemoryError(), "recursion": RecursionError("maximum recursion depth exceeded"),
            "unicode": UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
            "key": KeyError("word/document.xml"), "os": OSError(5, "Input/output error"),
            "multiline": ValueError("first line\nsecond line")}[kind]


@pytest.mark.parametrize("kind, reason", [
    ("zlib", "压缩数据已损坏"),
    ("lxml", "XML 内容有误"),
    ("pypdf", "无法读取 PDF"),
    ("docx", "不是有效的 .docx"),
    ("PIL", "图片无法读取"),
    ("memory", "内存不足"),
    ("recursion", "嵌套过深"),
    ("unicode", "编码有误"),
    ("key", "处理时出错"),
    ("os", "无法读取文件"),
    ("multiline", "first line second line"),
])
def test_whatever_a_reader_raises_fails_only_that_file(tmp_path, options, monkeypatch, kind, reason):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(GOOD.replace("涪城区", "游仙区"), encoding="utf-8")
    real = read_document

    def faulty(path, *args):
        if path.name == "bad.txt":
            raise _raising(kind)
        return real(path, *args)

    monkeypatch.setattr("casekit.ingest.read_document", faulty)
    results = ingest(tmp_path, tmp_path.parent / f"{tmp_path.name}.db", options)
    assert results["good.txt"].status == "new"
    assert results["bad.txt"].status == "failed"
    assert reason in results["bad.txt"].error and "\n" not in results["bad.txt"].error


def _kill_on(name: str, real):
    def reader(path, *args):
        if path.name == name:
            os._exit(1)
        return real(path, *args)

    return reader


def test_a_worker_that_dies_fails_only_its_file(tmp_path, options, monkeypatch):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 3)
    killer = sorted(corpus.iterdir())[5].name
    monkeypatch.setattr("casekit.ingest.read_document", _kill_on(killer, read_document))
    with Workspace(tmp_path / "ws.db") as ws:
        results = {Path(r.shown).name: r for r in ingest_files(ws, collect_files([corpus]), options, jobs=2)}
        stored = ws.db.execute("SELECT COUNT(*) FROM documents WHERE status='ok'").fetchone()[0]
    assert results[killer].status == "failed" and "处理进程意外退出" in results[killer].error
    assert all(r.status == "new" for name, r in results.items() if name != killer)
    assert stored == len(results) - 1


def test_a_batch_the_pool_refuses_after_a_death_is_read_again(tmp_path, options):
    """A worker may die while the next batches are being handed out: the pool then refuses them,
    and they are read again in a fresh pool, not lost with an error."""
    from concurrent.futures.process import BrokenProcessPool

    from casekit.ingest import _Workers

    corpus = tmp_path / "corpus"
    make_corpus(corpus, 1)
    sources = collect_files([corpus])
    with _Workers(1, options) as workers:
        fresh = workers.pool

        class RefusesOnce:
            refused = False

            def submit(self, fn, *args):
                if not RefusesOnce.refused:
                    RefusesOnce.refused = True
                    raise BrokenProcessPool("a worker died")
                return fresh.submit(fn, *args)

            def shutdown(self, **_):
                pass

        workers.pool, workers._start = RefusesOnce(), lambda: fresh
        extracted = list(workers.extract(sources))
    assert RefusesOnce.refused and len(extracted) == len(sources)
    assert all(e.error is None and e.rows for e in extracted)


@pytest.mark.parametrize("jobs", [1, 2], ids=["in-process", "workers"])
def test_a_file_past_the_memory_cap_fails_only_itself(tmp_path, options, monkeypatch, jobs):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 2)
    hungry = sorted(corpus.iterdir())[3].name
    real = read_document

    def reader(path, *args):
        if path.name == hungry:
            return bytearray(3 * 1024 ** 3)  # the machine could give it; the 2 GB cap does not
        return real(path, *args)

    monkeypatch.setattr("casekit.ingest.read_document", reader)
    with Workspace(tmp_path / "ws.db") as ws:
        results = {Path(r.shown).name: r for r in ingest_files(ws, collect_files([corpus]), options, jobs=jobs)}
    assert results[hungry].status == "failed" and "worker_memory_mb" in results[hungry].error
    assert all(r.status == "new" for name, r in results.items() if name != hungry)


def test_processes_opening_a_new_workspace_at_once(tmp_path):
    db = tmp_path / "new.db"
    opener = "import sys; from casekit.store import Workspace; Workspace(sys.argv[1]).close()"
    runs = [subprocess.Popen([sys.executable, "-c", opener, str(db)], stderr=subprocess.PIPE) for _ in range(4)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux (/proc, PR_SET_PDEATHSIG)")
def test_workers_die_with_a_killed_ingest(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 12)
    db = tmp_path / "ws.db"
    process = subprocess.Popen(casekit("ingest", corpus, "--jobs", "2", "--db", db),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, workers = time.time() + 120, set()
    while len(workers) < 2 and process.poll() is None and time.time() < deadline:
        workers = children(process.pid)
        time.sleep(0.02)
    assert len(workers) == 2
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.time() + 10
    while any(map(running, workers)) and time.time() < deadline:
        time.sleep(0.05)
    assert not any(map(running, workers))
