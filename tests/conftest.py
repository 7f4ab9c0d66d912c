"""Shared fixtures: the lexicon, the bundled samples, and the seeds in ../shared (skipped when absent)."""

from __future__ import annotations

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
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present on this machine")
    return SEEDS


@pytest.fixture
def wide_terminal(monkeypatch):
    """CLI output at a fixed wide terminal: a Chinese character takes two columns."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
