"""Ingest: files and folders -> documents and cases in the workspace.

A file that cannot be read becomes a recorded failure with a reason; the others go on.
Unchanged bytes are not processed again unless forced.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import logging

from casekit.errors import CasekitError
from casekit.extract.keywords import rank_keywords
from casekit.extract.read import is_supported, read_document
from casekit.options import Options
from casekit.pipeline import process_document
from casekit.store import Workspace

log = logging.getLogger(__name__)


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
                 on_done: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Ingest each file into the workspace; one result a file, in order."""
    results = []
    for source in files:
        result = ingest_file(workspace, source, options, force)
        results.append(result)
        if on_done:
            on_done(result)
    if any(r.status in ("new", "updated") for r in results):
        workspace.refresh_keywords(lambda counts, df, n: rank_keywords(counts, options.keywords_top, df, n))
    return results


def ingest_file(workspace: Workspace, source: SourceFile, options: Options, force: bool = False) -> FileResult:
    key = _key(source.path)
    try:
        if not source.path.exists():
            raise CasekitError("文件不存在")
        doc = read_document(source.path, source.shown)
        known = workspace.document(key)
        if known and known.status == "ok" and known.sha256 == doc.sha256 and not force:
            return FileResult(source.shown, "unchanged")
        cases = _process(doc, options)
    except CasekitError as exc:
        workspace.store_failure(key, source.shown, source.path.name, str(exc))
        return FileResult(source.shown, "failed", error=str(exc))
    workspace.store_document(key, doc.path, doc.file, doc.sha256, doc.size, doc.encoding, cases)
    return FileResult(
        source.shown,
        "updated" if known else "new",
        cases=len(cases),
        indicators=sum(len(c.indicators) for c in cases),
        models=sum(len(c.models) for c in cases),
    )


def _process(doc, options: Options):
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
