"""Exporters, one module a format, chosen from `EXPORTERS` by the format's name."""

from __future__ import annotations

from importlib import import_module
from typing import Callable

# format name -> (module, function); modules are imported only when used (openpyxl is slow).
_TABLE = {
    "jsonl": ("casekit.export.to_jsonl", "write_jsonl"),
    "yaml": ("casekit.export.to_yaml", "write_yaml_dir"),
    "xlsx": ("casekit.export.to_excel", "write_xlsx"),
    "docx": ("casekit.export.to_docx", "write_docx"),
    "html": ("casekit.export.to_html", "write_html"),
}
FORMATS = tuple(_TABLE)


def exporter(fmt: str) -> Callable[..., int]:
    """The writer for a format: it takes records and a target (and its own options) and returns the count."""
    module, name = _TABLE[fmt]
    return getattr(import_module(module), name)
