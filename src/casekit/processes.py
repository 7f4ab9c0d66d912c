"""Helper processes that cannot outlive casekit or take the machine's memory with one file.

A worker killed with its parent would otherwise live on holding hundreds of MB; a file that
slips past the size checks (a bomb nobody foresaw) must fail that file with MemoryError,
not push the machine into swap.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import resource
import signal
import sys
from contextlib import contextmanager
from typing import Iterator

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux; elsewhere a no-op).

    Meant as the initializer of a worker pool: called in the child right after it starts.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def worker_start(memory_mb: int) -> None:
    """Initializer of an extraction worker: dies with its parent, and one file cannot take more than
    `memory_mb` of address space beyond what the worker holds when it starts."""
    die_with_parent()
    _cap_address_space(memory_mb)


def _address_space() -> int | None:
    """This process's current virtual size in bytes, where /proc tells it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            found = re.search(r"^VmSize:\s+(\d+) kB", status.read(), re.M)
    except OSError:
        return None
    return int(found.group(1)) * 1024 if found else None


def _cap_address_space(memory_mb: int) -> tuple[int, int] | None:
    """Lower the soft address-space limit to the current size plus `memory_mb`; the limits before."""
    current = _address_space()
    if current is None or memory_mb <= 0:
        return None
    before = resource.getrlimit(resource.RLIMIT_AS)
    cap = current + memory_mb * 1024 * 1024
    if before[1] != resource.RLIM_INFINITY:
        cap = min(cap, before[1])
    if before[0] != resource.RLIM_INFINITY and before[0] <= cap:
        return None
    resource.setrlimit(resource.RLIMIT_AS, (cap, before[1]))
    return before


@contextmanager
def address_space_capped(memory_mb: int) -> Iterator[None]:
    """The block runs with at most `memory_mb` more address space (for extraction in this process)."""
    before = _cap_address_space(memory_mb)
    try:
        yield
    finally:
        if before is not None:
            resource.setrlimit(resource.RLIMIT_AS, before)


def alive(pid: int) -> bool:
    """Whether a process with this id exists (used to tell a crashed run's leftovers from a running one's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
