"""A fast path for the register's long sheets: rows written as SpreadsheetML text.

openpyxl spends tens of microseconds on every cell, which at hundreds of thousands of figure
rows is minutes. Here each row of a long sheet is written straight to a temporary file as
`<row>` XML; openpyxl still writes each sheet's header, widths, filter and styles and the
statistics sheet with its charts, and `splice` then moves the spooled rows into the saved
workbook, after the header row.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO, NamedTuple
from xml.etree import ElementTree

from casekit.errors import ExportError

_SHEET_DATA_END = b"</sheetData>"
_OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Characters XML 1.0 cannot carry (openpyxl refuses them), and the three it must escape.
_XML_TEXT = {**{c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)},
             ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_COPY_CHUNK = 1 << 20


class Formula(NamedTuple):
    """A cell holding a formula (without the leading =) and the value it shows."""

    formula: str
    shown: int | float | str


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class RowSpool:
    """One sheet's data rows as XML in a temporary file; row 1 is left to openpyxl's header."""

    def __init__(self, columns: int):
        self.letters = [column_letter(k) for k in range(columns)]
        self.styles = [""] * columns
        self.rows = 0
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="casekit-rows-")

    def set_style(self, column: int, style_id: int) -> None:
        """Cells of this column carry the workbook's cell format number `style_id` (wrapped text)."""
        self.styles[column] = f' s="{style_id}"'

    def write(self, row: list) -> None:
        number = self.rows + 2
        cells = "".join(_cell(f"{self.letters[k]}{number}", value, self.styles[k])
                        for k, value in enumerate(row) if value is not None and value != "")
        self.file.write(f'<row r="{number}">{cells}</row>'.encode("utf-8"))
        self.rows += 1

    def close(self) -> None:
        self.file.close()


def _cell(ref: str, value, style: str) -> str:
    if isinstance(value, Formula):
        shown = value.shown
        cached = f"<v>{shown}</v>" if isinstance(shown, (int, float)) else f"<v>{_text(str(shown))}</v>"
        kind = "" if isinstance(shown, (int, float)) else ' t="str"'
        return f'<c r="{ref}"{style}{kind}><f>{_text(value.formula)}</f>{cached}</c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)) and math.isfinite(value):
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    text = _text(str(value))
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _text(value: str) -> str:
    return value.translate(_XML_TEXT)


def splice(saved: Path, spools: dict[str, RowSpool], target: Path) -> None:
    """Copy the workbook openpyxl saved to `target`, each spooled sheet's rows after its header row."""
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        parts = _sheet_parts(source)
        by_part = {parts[title]: spool for title, spool in spools.items()}
        for info in source.infolist():
            spool = by_part.get(info.filename)
            if spool is None:
                out.writestr(info, source.read(info))
                continue
            head, tail = _split_at_rows_end(source.read(info), info.filename)
            with out.open(info.filename, "w", force_zip64=True) as member:
                member.write(head)
                spool.file.seek(0)
                shutil.copyfileobj(spool.file, member, _COPY_CHUNK)
                member.write(tail)


def _sheet_parts(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> the zip member holding that sheet, read from the workbook's relationships."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{_PACKAGE_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets[sheet.get(_OFFICE_REL)]
        parts[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl", target))
    return parts


def _split_at_rows_end(xml: bytes, part: str) -> tuple[bytes, bytes]:
    at = xml.find(_SHEET_DATA_END)
    if at < 0:
        raise ExportError(f"Excel 工作表 {part} 中找不到数据区（sheetData），无法写入数据行")
    return xml[:at], xml[at:]
