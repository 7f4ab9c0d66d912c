"""Write re-encoded, hard-wrapped and Word copies of text documents, as editors receive them.

    python tests/seed_variants.py SOURCE_DIR TARGET_DIR

TARGET_DIR gets one folder a variant (gbk, utf16, crlf, wrapped, docx, pdf) holding a copy
of every .txt file under the same name (.docx and .pdf for the Word and PDF copies), so the
copies can be ingested and scored against the gold of the originals.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

WRAP_WIDTH = 36


def hard_wrap(text: str, width: int = WRAP_WIDTH) -> str:
    lines = []
    for line in text.split("\n"):
        lines.extend([line[i : i + width] for i in range(0, len(line), width)] or [""])
    return "\n".join(lines)


ENCODED = {
    "gbk": lambda text: text.encode("gb18030"),
    "utf16": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "crlf": lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
    "wrapped": lambda text: hard_wrap(text).encode("utf-8"),
}


def write_variants(source: Path, target: Path, only: str | None = None) -> None:
    for path in sorted(source.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for name, encode in ENCODED.items():
            if only in (None, name):
                (target / name).mkdir(parents=True, exist_ok=True)
                (target / name / path.name).write_bytes(encode(text))
        if only in (None, "docx"):
            _write_docx(text, target / "docx" / path.with_suffix(".docx").name)
        if only in (None, "pdf"):
            _write_pdf(text, target / "pdf" / path.with_suffix(".pdf").name)


def _write_docx(text: str, target: Path) -> None:
    import docx

    target.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(target)


def _write_pdf(text: str, target: Path, lines_per_page: int = 36) -> None:
    """A typeset-looking PDF: lines wrapped at a fixed width, a running header and a page number on every page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [line for para in text.split("\n") if para.strip() for line in hard_wrap(para, 38).split("\n")]
    pdf = canvas.Canvas(str(target))
    for first in range(0, len(lines), lines_per_page):
        pdf.setFont("STSong-Light", 10)
        pdf.drawString(150, 810, "基层党建工作案例选编")
        for k, line in enumerate(lines[first : first + lines_per_page]):
            pdf.drawString(40, 780 - 20 * k, line)
        pdf.drawString(280, 30, f"- {first // lines_per_page + 1} -")
        pdf.showPage()
    pdf.save()


if __name__ == "__main__":
    write_variants(Path(sys.argv[1]), Path(sys.argv[2]))
