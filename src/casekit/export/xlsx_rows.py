"""A fast path for the register's long sheets: rows written as SpreadsheetML text.

openpyxl spends tens of microseconds on every cell, which at hundreds of thousands of figure
rows is minutes. Here each row of a long sheet is written straight to a file as `<row>` XML
(by any process); openpyxl still writes each sheet's header, widths, filter and styles and
the statistics sheet with its charts, and `splice` then moves the spooled rows into the
saved workbook, after the header row.
"""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO, NamedTuple
from xml.etree import ElementTree

from casekit.errors import ExportError

_SHEET_DATA_END = b"</sheetData>"
_OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Characters XML 1.0 cannot carry (openpyxl refuses them), and those it must escape as well.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A text written as it is: nothing to escape (a CR is, or a reader takes it for a line feed) and no
# space at either end.
_PLAIN = re.compile("(?![\\s])[^&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*(?<![\\s])\\Z")
# How a spreadsheet tells a formula when a cell is typed in or pasted (OWASP's list for CSV
# injection): = + - @, and a tab or CR before them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_COPY_CHUNK = 1 << 20
_ROWS_PER_WRITE = 500


class Formula(NamedTuple):
    """A cell holding a formula (without the leading =) and the value it shows."""

    formula: str
    shown: int | float | str


def xml_safe(value):
    """A text without the characters XML cannot carry (openpyxl raises on them); other values as they are."""
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def looks_like_formula(value) -> bool:
    """Whether a spreadsheet could take this text for a formula (a 申报单位 `=2*21` showed 42,
    `=cmd|...` is a DDE call): the register writes such a text as a text cell, whichever writer
    writes it. openpyxl would make a formula of it, so to_excel asks here; `_cell` writes every
    text as an inline string anyway. Only a `Formula` is ever written as a formula."""
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class RowSpool:
    """One sheet's data rows as XML in a temporary file, after openpyxl's header row.

    Rows and cells carry no references (both are optional in SpreadsheetML, and positions
    follow from order), so an empty cell is written as `<c/>`. A cell holding the very same
    object as the cell above it (a case's title down its figure rows) reuses that cell's XML.
    """

    def __init__(self, columns: int, path: Path):
        self.columns = columns
        self.styles = [""] * columns
        self.rows = 0
        self.file: IO[bytes] = open(path, "wb")
        self._above: list = [None] * columns
        self._above_xml = ["<c/>"] * columns
        self._pending: list[str] = []

    def set_style(self, column: int, style_id: int) -> None:
        """Cells of this column carry the workbook's cell format number `style_id` (wrapped text)."""
        self.styles[column] = f' s="{style_id}"'
        self._above = [None] * self.columns
        self._above_xml = ["<c/>"] * self.columns

    def write(self, row: list) -> None:
        cells = [xml if value is above else _cell(value, style)
                 for value, above, xml, style in zip(row, self._above, self._above_xml, self.styles)]
        self._above, self._above_xml = row, cells
        self._pending.append(f"<row>{''.join(cells)}</row>")
        self.rows += 1
        if len(self._pending) >= _ROWS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        """Write the rows held back (they are written in batches)."""
        self.file.write("".join(self._pending).encode("utf-8"))
        self._pending = []

    def close(self) -> None:
        """Write what is held back and close the file (closing twice is harmless)."""
        if not self.file.closed:
            self.flush()
            self.file.close()


def _cell(value, style: str) -> str:
    """A cell's XML. A text is always an inline string, which no spreadsheet evaluates, so one that
    `looks_like_formula` stays the text it is; only a `Formula` is written with an <f>."""
    if type(value) is str and value and _PLAIN.match(value):  # most cells: one regex test, then the XML
        return f'<c{style} t="inlineStr"><is><t>{value}</t></is></c>'
    if not value and value != 0:
        return "<c/>"
    kind = type(value)
    if kind is str:
        text = _escaped(value)
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
        return f'<c{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if kind is int or (kind is float and math.isfinite(value)):
        return f"<c{style}><v>{value!r}</v></c>"
    if kind is bool:
        return f'<c{style} t="b"><v>{int(value)}</v></c>'
    if kind is Formula:
        shown = value.shown
        if isinstance(shown, (int, float)):
            return f"<c{style}><f>{_escaped(value.formula)}</f><v>{shown!r}</v></c>"
        return f'<c{style} t="str"><f>{_escaped(value.formula)}</f><v>{_escaped(str(shown))}</v></c>'
    return _cell(str(value), style)


def _escaped(value: str) -> str:
    return (_ILLEGAL.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def splice(saved: Path, rows: dict[str, Path], target: Path) -> None:
    """Copy the workbook openpyxl saved to `target`, each sheet's spooled rows (a closed
    `RowSpool`'s file) after its header row."""
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        parts = _sheet_parts(source)
        by_part = {parts[title]: path for title, path in rows.items()}
        for info in source.infolist():
            path = by_part.get(info.filename)
            if path is None:
                out.writestr(info, source.read(info))
                continue
            head, tail = _split_at_rows_end(source.read(info), info.filename)
            with out.open(info.filename, "w", force_zip64=True) as member, open(path, "rb") as spooled:
                member.write(head)
                shutil.copyfileobj(spooled, member, _COPY_CHUNK)
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
