"""Stage 1: bytes -> decoded source text.

The decoded text is the reference every raw offset points into (SCHEMA.md): a byte-order
mark is removed, line ends are kept exactly as in the file.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from casekit.errors import ReadError
from casekit.options import Limits

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}
LEGACY_SUFFIXES = {".doc", ".wps"}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


@dataclass(frozen=True)
class Document:
    """A source file as casekit starts from it."""

    path: str
    file: str
    sha256: str
    size: int
    encoding: str
    text: str


def is_supported(path: Path) -> bool:
    """Whether a folder walk should pick the file up (legacy Word files too, to say why they fail)."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES | LEGACY_SUFFIXES


def read_document(path: Path, shown_path: str | None = None, limits: Limits = Limits()) -> Document:
    """Read and decode one file; raise ReadError with a reason an editor understands."""
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        raise ReadError(f"{suffix} 是旧版 Word/WPS 格式，请先另存为 .docx 或 .txt")
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"不支持的文件类型 {suffix or '(无扩展名)'}")
    try:
        size = path.stat().st_size
        if size > limits.max_file_mb * 1024 * 1024:
            raise ReadError(f"文件过大（{size / 1024 / 1024:.0f} MB，超过 max_file_mb = {limits.max_file_mb} MB），"
                            "请拆分后再导入")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc}") from exc
    text, encoding = decode_document(data, suffix, limits)
    if len(text) > limits.max_text_chars:
        raise ReadError(f"文字过多（{len(text)} 字，超过 max_text_chars = {limits.max_text_chars}），请拆分后再导入")
    longest = max(map(len, text.splitlines()), default=0)
    if longest > limits.max_line_chars:
        raise ReadError(f"有一行长达 {longest} 字（超过 max_line_chars = {limits.max_line_chars}），"
                        "不像正常的文字材料（可能是数据或二进制内容）")
    return Document(
        path=shown_path or str(path),
        file=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=encoding,
        text=text,
    )


def decode_document(data: bytes, suffix: str, limits: Limits = Limits()) -> tuple[str, str]:
    """(the text casekit starts from, how it was decoded) for a file of the given type."""
    if not data.strip():
        raise ReadError("文件为空")
    if suffix == ".docx":
        from casekit.extract.read_docx import docx_text

        return docx_text(data, limits), "docx"
    if suffix == ".pdf":
        from casekit.extract.read_pdf import pdf_text

        return pdf_text(data, limits), "pdf"
    if suffix in HTML_SUFFIXES:
        from casekit.extract.read_html import html_charset, html_text

        text, encoding = _decode_declared(data, html_charset(data))
        return html_text(text), encoding
    return decode_bytes(data)


def _decode_declared(data: bytes, charset: str | None) -> tuple[str, str]:
    """Decode with the charset a page declares, falling back to detection."""
    if charset:
        codec = "gb18030" if charset.replace("-", "") in ("gbk", "gb2312", "gb18030") else charset
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode with a BOM if present, else strict UTF-8, else GB18030, else a detected codec."""
    if not data.strip():
        raise ReadError("文件为空")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec, name)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ReadError("不是文本文件（含有二进制内容）")
        return utf16
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return _detect(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (some old systems do): the NUL bytes of its ASCII
    characters fall on one side of each pair (a few Han characters, such as 一 U+4E00, put one on the
    other), and it decodes to readable text."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if len(data) % 2 or min(even, odd) * 4 > max(even, odd):
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    readable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return (text, "utf-16") if readable >= 0.98 * len(text) else None


def _decode(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise ReadError(f"按 {name} 解码失败（第 {exc.start} 字节）") from exc


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("无法识别文件编码，可能不是文本文件")
    return str(best), best.encoding.replace("_", "-")
