"""Write-then-rename, so an interrupted export never leaves half a file behind.

A temporary carries the pid of the process writing it: what a killed export left (a process
killed cannot clean up) is removed by the next export, and never a temporary of one still running.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from casekit.errors import ExportError
from casekit.processes import alive

# `.NAME.PID.XXXXXXXX.tmp` (mkstemp's random part has no dot); a pid has at most 7 digits (pid_max).
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>[1-9][0-9]{0,6})\.[a-z0-9_]+\.tmp")
# Folder -> target name -> what dead writes of that target left there. A folder is listed once a
# process: a YAML export writes thousands of files into one.
_dead_beside: dict[str, dict[str, list[Path]]] = {}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed over it only if the block succeeds."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_dead_beside(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an export is an ordinary file
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _remove_dead_beside(target: Path) -> None:
    """Remove the temporaries that killed writes of `target` left beside it."""
    folder = os.path.abspath(target.parent)
    if folder not in _dead_beside:
        _dead_beside[folder] = by_name = {}
        for path, found in dead_leftovers(Path(folder), _TEMPORARY):
            by_name.setdefault(found["name"], []).append(path)
    for path in _dead_beside[folder].pop(target.name, ()):
        _remove(path)


def dead_leftovers(folder: Path, pattern: re.Pattern) -> Iterator[tuple[Path, re.Match]]:
    """The entries of `folder` named by `pattern` whose writer (its `pid` group) no longer runs."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        found = pattern.fullmatch(name)
        if found and not alive(int(found["pid"])):
            yield folder / name, found


def remove_dead_leftovers(folder: Path, pattern: re.Pattern) -> None:
    """Remove what killed processes left in `folder` (files or folders named by `pattern`)."""
    for path, _ in dead_leftovers(folder, pattern):
        _remove(path)


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        pass  # removed meanwhile by another export, or not ours to remove
