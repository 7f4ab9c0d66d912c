"""README keeps the two commands a fresh machine needs, and CI runs the test one."""

from __future__ import annotations

from conftest import REPO


def test_readme_has_install_and_test_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install -e . && casekit ingest data/ && casekit stats" in readme
    assert "<!-- test-command -->" in readme and "pip install -e '.[test]' && python -m pytest -q" in readme


def test_ci_reads_its_command_from_readme():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci and "README.md" in ci
