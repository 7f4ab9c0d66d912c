"""Word (.docx) -> text: paragraphs and table rows in document order, one a line.

A paragraph numbered by Word's list feature starts with the number Word shows ("一、"),
written out by `docx_numbers`, so its structure reads as it would if typed. A picture is
written as an image line, so that the caption under it reads as a caption.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from casekit.errors import ReadError
from casekit.options import Limits

_MB = 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_TEXT, _W_DRAWING, _W_PICT = _W + "t", _W + "drawing", _W + "pict"
# A picture in the text, written as a Markdown image on its own line: cleaning leaves it out and
# knows the short line under it for the picture's caption, as on a page read as Markdown.
_PICTURE = "![](图片)"
_RATIO_FLOOR = _MB  # parts smaller than this inflate to little whatever their ratio


def docx_text(data: bytes, limits: Limits = Limits()) -> str:
    from lxml import etree

    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        from casekit.extract.docx_numbers import ListNumbers

        check_package(data, limits)
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise ReadError("不是有效的 .docx 文件（文件可能已损坏）") from exc
    except zlib.error as exc:
        raise ReadError("不是有效的 .docx 文件（压缩数据已损坏）") from exc
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"不是有效的 .docx 文件（XML 有误：{exc.msg}）") from exc
    numbers = ListNumbers(document)
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            label = numbers.label(paragraph)  # an empty numbered paragraph still takes its number, as in Word
            text = paragraph.text  # python-docx builds it afresh at every call
            line = label + text if text.strip() else text
            picture = _picture_place(child)
            if picture is None:
                lines.append(line)
            elif picture == "after":
                lines += [line, _PICTURE]
            else:  # before the text, or a paragraph that holds only the picture
                lines += [_PICTURE, line] if text.strip() else [_PICTURE]
        elif tag == "tbl":
            lines.extend(_table_rows(Table(child, document)))
    return "\n".join(lines)


def check_package(data: bytes, limits: Limits) -> None:
    """Refuse a zip package over the limits before anything in it is inflated.

    zipfile never inflates a part past the size its header declares (it stops there and the
    CRC check fails), so the declared sizes bound what reading the package can cost.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = package.infolist()
    if len(parts) > limits.max_zip_members:
        raise ReadError(f"文件内部部件过多（{len(parts)} 个，超过 max_zip_members = {limits.max_zip_members}），"
                        "可能是恶意构造的文件")
    inflated = sum(p.file_size for p in parts)
    if inflated > limits.max_zip_inflated_mb * _MB:
        raise ReadError(f"文件解压后过大（{inflated / _MB:.0f} MB，超过 max_zip_inflated_mb = "
                        f"{limits.max_zip_inflated_mb} MB），可能是压缩炸弹")
    for part in parts:
        if part.file_size > _RATIO_FLOOR and part.file_size > limits.max_zip_ratio * max(part.compress_size, 1):
            raise ReadError(f"文件中 {part.filename} 的压缩比异常（{part.file_size // max(part.compress_size, 1)} 倍，"
                            f"超过 max_zip_ratio = {limits.max_zip_ratio}），可能是压缩炸弹")


def _picture_place(paragraph) -> str | None:
    """Where a paragraph's first picture stands: "before" or "after" its text, or None."""
    seen_text = False
    for node in paragraph.iter(_W_TEXT, _W_DRAWING, _W_PICT):
        if node.tag == _W_TEXT:
            seen_text = seen_text or bool((node.text or "").strip())
        else:
            return "after" if seen_text else "before"
    return None


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
