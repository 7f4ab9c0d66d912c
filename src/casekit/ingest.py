"""Ingest: files and folders -> documents and cases in the workspace.

A file that cannot be read becomes a recorded failure with a reason; the others go on.
Unchanged bytes are not processed again unless forced.
"""

from __future__ import annotations

import hashlib
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from casekit.errors import CasekitError
from casekit.extract.keywords import rank_keywords
from casekit.extract.read import Document, is_supported, read_document
from casekit.models import Case
from casekit.options import Options
from casekit.pipeline import process_document, warm_up
from casekit.store import CaseRow, StoredDocument, Workspace

log = logging.getLogger(__name__)
_FILES_PER_WORKER = 4


@dataclass(frozen=True)
class SourceFile:
    path: Path  # where to read it
    shown: str  # the path given to ingest, joined with the file's path below it


@dataclass(frozen=True)
class FileResult:
    shown: str
    status: str  # new | updated | unchanged | failed
    cases: int = 0
    indicators: int = 0
    models: int = 0
    error: str | None = None


def collect_files(paths: Iterable[Path]) -> list[SourceFile]:
    """Files named directly, and supported files found below folders (sorted, recursively)."""
    found: list[SourceFile] = []
    for given in paths:
        if given.is_dir():
            below = sorted(p for p in _walk(given) if is_supported(p))
            found.extend(SourceFile(p, (given / p.relative_to(given)).as_posix()) for p in below)
        else:
            found.append(SourceFile(given, given.as_posix()))
    return found


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from (Path(root) / f for f in files if not f.startswith("."))


def ingest_files(workspace: Workspace, files: list[SourceFile], options: Options, force: bool = False,
                 jobs: int = 1, on_done: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Ingest each file into the workspace; one result a file, in the order given.

    Extraction runs in `jobs` worker processes; the workspace is written by this process
    only, one transaction a document, as results arrive.
    """
    results: dict[int, FileResult] = {}
    todo: list[tuple[int, SourceFile, StoredDocument | None]] = []
    for k, source in enumerate(files):
        known = workspace.document(_key(source.path))
        if not force and _unchanged(source.path, known):
            results[k] = FileResult(source.shown, "unchanged")
            if on_done:
                on_done(results[k])
        else:
            todo.append((k, source, known))
    extracted = _extract_all([source for _, source, _ in todo], options, jobs)
    for (k, source, known), outcome in zip(todo, extracted):
        results[k] = _store(workspace, source, known, outcome)
        if on_done:
            on_done(results[k])
    if any(r.status in ("new", "updated") for r in results.values()):
        workspace.refresh_keywords(lambda counts, df, n: rank_keywords(counts, options.keywords_top, df, n))
    return [results[k] for k in range(len(files))]


@dataclass(frozen=True)
class _Extracted:
    """What extraction of one file gives back: the document's description and cases, or why it failed."""

    meta: Document | None
    rows: list[CaseRow]
    error: str | None = None


def _extract_all(sources: list[SourceFile], options: Options, jobs: int) -> Iterator[_Extracted]:
    if jobs <= 1 or len(sources) < jobs * _FILES_PER_WORKER:  # a few files: starting workers costs more
        yield from (extract_file(source, options) for source in sources)
        return
    warm_up()  # load dictionaries and libraries once here; forked workers inherit them
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(extract_file, sources, [options] * len(sources), chunksize=_chunk(len(sources), jobs))
    except BrokenProcessPool as exc:
        raise CasekitError("处理进程意外退出（可能内存不足），已导入的文件不受影响，请重新运行导入以完成其余文件") from exc


def _chunk(count: int, jobs: int) -> int:
    return max(1, min(16, count // (jobs * 8)))


def extract_file(source: SourceFile, options: Options) -> _Extracted:
    """Read one file and run the pipeline on it (in a worker process when ingesting in parallel)."""
    try:
        if not source.path.exists():
            raise CasekitError("文件不存在（可能在导入过程中被删除或移动）")
        doc = read_document(source.path, source.shown, options.limits)
        rows = [CaseRow.of(case) for case in _process(doc, options)]
    except CasekitError as exc:
        return _Extracted(None, [], str(exc))
    return _Extracted(replace(doc, text=""), rows)


def _store(workspace: Workspace, source: SourceFile, known: StoredDocument | None, outcome: _Extracted) -> FileResult:
    key = _key(source.path)
    if outcome.meta is None:
        workspace.store_failure(key, source.shown, source.path.name, outcome.error or "")
        return FileResult(source.shown, "failed", error=outcome.error)
    doc, rows = outcome.meta, outcome.rows
    workspace.store_document(key, doc.path, doc.file, doc.sha256, doc.size, doc.encoding, rows)
    return FileResult(
        source.shown,
        "updated" if known else "new",
        cases=len(rows),
        indicators=sum(len(r.record["indicators"]) for r in rows),
        models=sum(len(r.record["models"]) for r in rows),
    )


def _unchanged(path: Path, known: StoredDocument | None) -> bool:
    if known is None or known.status != "ok":
        return False
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == known.sha256
    except OSError:
        return False


def _process(doc: Document, options: Options) -> list[Case]:
    """Run the pipeline; a defect on one odd document becomes that file's failure, not a crash."""
    try:
        return process_document(doc, options)
    except Exception as exc:  # noqa: BLE001 - reported per file, with the traceback in the log
        log.exception("pipeline failed on %s", doc.path)
        raise CasekitError(f"处理时出错（{type(exc).__name__}: {exc}）") from exc


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())
