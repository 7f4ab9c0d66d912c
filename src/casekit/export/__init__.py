"""Exporters, one module a format, chosen from `EXPORTERS` by the format's name."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Callable, Iterable

# format name -> (module, function); modules are imported only when used (openpyxl is slow).
_TABLE = {
    "jsonl": ("casekit.export.to_jsonl", "write_jsonl"),
    "yaml": ("casekit.export.to_yaml", "write_yaml_dir"),
    "xlsx": ("casekit.export.to_excel", "write_xlsx"),
}
FORMATS = tuple(_TABLE)


def exporter(fmt: str) -> Callable[[Iterable[dict], Path], int]:
    """The writer for a format: it takes records and a target and returns the count written."""
    module, name = _TABLE[fmt]
    return getattr(import_module(module), name)
