"""Word (.docx) -> text: paragraphs and table rows in document order, one a line.

A paragraph numbered by Word's list feature starts with the number Word shows ("一、"),
written out by `docx_numbers`, so its structure reads as it would if typed.
"""

from __future__ import annotations

import io
import zipfile

from casekit.errors import ReadError


def docx_text(data: bytes) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        from casekit.extract.docx_numbers import ListNumbers

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError("不是有效的 .docx 文件（文件可能已损坏）") from exc
    numbers = ListNumbers(document)
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            label = numbers.label(paragraph)  # an empty numbered paragraph still takes its number, as in Word
            lines.append(label + paragraph.text if paragraph.text.strip() else paragraph.text)
        elif tag == "tbl":
            lines.extend(_table_rows(Table(child, document)))
    return "\n".join(lines)


def _table_rows(table) -> list[str]:
    """One line a row, cells separated by a tab; a merged cell is written once."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if not cells or text != cells[-1]:
                cells.append(text)
        rows.append("\t".join(cells))
    return rows
