"""Ingest: files and folders -> documents and cases in the workspace.

A file that cannot be read becomes a recorded failure with a reason; the others go on.
Unchanged bytes are not processed again unless forced.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from casekit.errors import CasekitError
from casekit.extract.keywords import rank_keywords
from casekit.extract.read import Document, is_supported, read_document
from casekit.failure import failure_reason
from casekit.models import Case
from casekit.options import Options
from casekit.pipeline import process_document, warm_up
from casekit.processes import address_space_capped, worker_start
from casekit.store import CaseRow, StoredDocument, Workspace

log = logging.getLogger(__name__)
_FILES_PER_WORKER = 4
_BATCHES_AHEAD = 2  # batches a worker has queued, so none waits for the writer


@dataclass(frozen=True)
class SourceFile:
    path: Path  # where to read it
    shown: str  # the path given to ingest, joined with the file's path below it
    problem: str | None = None  # why it cannot be read before trying (a folder that cannot be listed)


@dataclass(frozen=True)
class FileResult:
    shown: str
    status: str  # new | updated | unchanged | failed
    cases: int = 0
    indicators: int = 0
    models: int = 0
    error: str | None = None


def collect_files(paths: Iterable[Path]) -> list[SourceFile]:
    """Files named directly, and supported files found below folders (sorted, recursively).

    A folder below that cannot be listed is returned too, with the reason, so that it is
    reported like a file that cannot be read rather than skipped without a word.
    """
    found: list[SourceFile] = []
    for given in paths:
        if given.is_dir():
            below = sorted(_walk(given), key=lambda item: item[0])
            found.extend(SourceFile(p, (given / p.relative_to(given)).as_posix(), problem) for p, problem in below
                         if problem or is_supported(p))
        else:
            found.append(SourceFile(given, given.as_posix()))
    return found


def _walk(folder: Path) -> Iterator[tuple[Path, str | None]]:
    """(file, None) for every file below `folder`, and (folder, reason) for each one that cannot be listed."""
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unlisted.append, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from ((Path(root) / f, None) for f in files if not f.startswith("."))
    for error in unlisted:
        yield Path(error.filename or folder), f"无法列出文件夹中的文件：{error.strerror or error}"


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
    if workspace.keywords_stale():  # this run stored documents, or an earlier one was stopped before ranking
        workspace.refresh_keywords(lambda counts, df, n: rank_keywords(counts, options.keywords_top, df, n))
    return [results[k] for k in range(len(files))]


@dataclass(frozen=True)
class _Extracted:
    """What extraction of one file gives back: the document's description and cases, or why it failed."""

    meta: Document | None
    rows: list[CaseRow]
    error: str | None = None


def _extract_all(sources: list[SourceFile], options: Options, jobs: int) -> Iterator[_Extracted]:
    """Each file's extraction, in the order given."""
    if jobs <= 1 or len(sources) < jobs * _FILES_PER_WORKER:  # a few files: starting workers costs more
        for source in sources:
            with address_space_capped(options.limits.worker_memory_mb):
                outcome = extract_file(source, options)
            yield outcome
        return
    warm_up()  # load dictionaries and libraries once here; forked workers inherit them
    with _Workers(jobs, options) as workers:
        yield from workers.extract(sources)


class _Workers:
    """A pool of extraction processes that survives the death of one of them.

    When a worker dies (killed, or crashed by a file), every file then in flight is read again
    alone in a fresh pool: the one that kills its worker again is recorded as failed, the others
    are stored as usual.
    """

    def __init__(self, jobs: int, options: Options):
        self.jobs, self.options = jobs, options
        self.pool = self._start()

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, initializer=_worker_init, initargs=(self.options,))

    def _restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._start()

    def extract(self, sources: list[SourceFile]) -> Iterator[_Extracted]:
        size = _chunk(len(sources), self.jobs)
        batches = iter([sources[i : i + size] for i in range(0, len(sources), size)])
        window: deque[tuple[list[SourceFile], Future | None]] = deque()
        while True:
            while len(window) < self.jobs * _BATCHES_AHEAD and (batch := next(batches, None)) is not None:
                window.append((batch, self._submit(batch)))
            if not window:
                return
            batch, future = window.popleft()
            try:
                done = future.result() if future is not None else None
            except BrokenProcessPool:
                done = None
            if done is not None:
                yield from done
                continue
            suspects = batch + [source for waiting, _ in window for source in waiting]
            window.clear()
            self._restart()
            yield from map(self._extract_alone, suspects)

    def _submit(self, batch: list[SourceFile]) -> Future | None:
        """The batch handed to the pool, or None when a worker died before it went out (the pool
        refuses work then): it is read again alone with the others in flight."""
        try:
            return self.pool.submit(_extract_batch, batch)
        except BrokenProcessPool:
            return None

    def _extract_alone(self, source: SourceFile) -> _Extracted:
        try:
            return self.pool.submit(_extract_batch, [source]).result()[0]
        except BrokenProcessPool:
            log.warning("worker died on %s", source.shown)
            self._restart()
            return _Extracted(None, [], "处理进程意外退出（可能内存不足或文件触发了程序崩溃），其余文件不受影响")


_worker_options: Options | None = None  # set in each worker process by _worker_init


def _worker_init(options: Options) -> None:
    global _worker_options
    _worker_options = options
    worker_start(options.limits.worker_memory_mb)


def _extract_batch(sources: list[SourceFile]) -> list[_Extracted]:
    assert _worker_options is not None, "called outside a worker"
    return [extract_file(source, _worker_options) for source in sources]


def _chunk(count: int, jobs: int) -> int:
    return max(1, min(16, count // (jobs * 8)))


def extract_file(source: SourceFile, options: Options) -> _Extracted:
    """Read one file and run the pipeline on it; whatever goes wrong becomes that file's reason."""
    try:
        if source.problem:
            raise CasekitError(source.problem)
        if not source.path.exists():
            raise CasekitError("文件不存在（可能在导入过程中被删除或移动）")
        doc = read_document(source.path, source.shown, options.limits)
        rows = _rows(_process(doc, options))
    except Exception as exc:  # noqa: BLE001 - the file is the unit of failure
        if not isinstance(exc, CasekitError):
            log.debug("reading %s failed", source.shown, exc_info=True)
        return _Extracted(None, [], failure_reason(exc, options.limits.worker_memory_mb))
    return _Extracted(replace(doc, text=""), rows)


def _rows(cases: list[Case]) -> list[CaseRow]:
    """The cases serialised, each released as soon as it is (a long case's objects are most of a
    worker's memory)."""
    cases.reverse()
    rows = []
    while cases:
        rows.append(CaseRow.of(cases.pop()))
    return rows


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
        indicators=sum(r.indicators for r in rows),
        models=sum(len(r.models) for r in rows),
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
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported per file, with the traceback in the log
        log.exception("pipeline failed on %s", doc.path)
        raise CasekitError(f"处理时出错（{type(exc).__name__}: {exc}）") from exc


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())
