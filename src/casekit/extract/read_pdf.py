"""PDF -> text through pypdf: the text layer of each page, pages one after another."""

from __future__ import annotations

import io

from casekit.errors import ReadError


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("PDF 已加密，请先解除密码保护")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ReadError(f"无法读取 PDF（{exc}）") from exc
    text = "\n".join(page.rstrip("\n") for page in pages)
    if not text.strip():
        raise ReadError("PDF 中没有文字层（可能是扫描件），请先做文字识别（OCR）")
    return text
