"""Shared fixtures: the lexicon, the bundled samples (and a workspace of them), and the seeds in ../shared
(skipped when absent)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from casekit.options import default_options, load_lexicon

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def options():
    return default_options()


@pytest.fixture(scope="session")
def samples_workspace(tmp_path_factory, options) -> Path:
    """A workspace holding the bundled samples (read-only for the tests that share it)."""
    from casekit.ingest import collect_files, ingest_files
    from casekit.store import Workspace

    db = tmp_path_factory.mktemp("samples") / "ws.db"
    with Workspace(db) as ws:
        ingest_files(ws, collect_files([DATA]), options)
    return db


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present on this machine")
    return SEEDS


@pytest.fixture(scope="session")
def scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval is not present")
    spec = importlib.util.spec_from_file_location("casekit_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def wide_terminal(monkeypatch):
    """CLI output at a fixed wide terminal: a Chinese character takes two columns."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")


def add_numbered_list(document, formats: list[tuple[str, str]]) -> str:
    """Add a list definition to the document's numbering part ((format, text) a level); returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    levels = "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                     for k, (fmt, text) in enumerate(formats))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def children(pid: int) -> set[int]:
    """The processes `pid` started (Linux /proc)."""
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(p) for p in (task / "children").read_text().split())
    return found


def running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting for a reaper that never comes."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
