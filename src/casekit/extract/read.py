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

TEXT_SUFFIXES = {".txt", ".md", ".text"}
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
    return path.suffix.lower() in TEXT_SUFFIXES | LEGACY_SUFFIXES


def read_document(path: Path, shown_path: str | None = None) -> Document:
    """Read and decode one file; raise ReadError with a reason an editor understands."""
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        raise ReadError(f"{suffix} 是旧版 Word/WPS 格式，请先另存为 .docx 或 .txt")
    if suffix not in TEXT_SUFFIXES:
        raise ReadError(f"不支持的文件类型 {suffix or '(无扩展名)'}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc}") from exc
    text, encoding = decode_bytes(data)
    return Document(
        path=shown_path or str(path),
        file=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=encoding,
        text=text,
    )


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode with a BOM if present, else strict UTF-8, else GB18030, else a detected codec."""
    if not data.strip():
        raise ReadError("文件为空")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec, name)
    if b"\x00" in data:
        raise ReadError("不是文本文件（含有二进制内容）")
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return _detect(data)


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
