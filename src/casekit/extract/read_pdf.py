"""PDF -> text through pypdf: the text layer of each page, pages one after another.

pypdf's own limits cap what one stream may inflate to; casekit sets them from its options.
"""

from __future__ import annotations

import io

from casekit.errors import ReadError
from casekit.options import Limits

_MB = 1024 * 1024
# pypdf's limits on what one stream may inflate or declare, all set to max_pdf_stream_mb.
_STREAM_LIMITS = ("maximum_declared_stream_length", "array_based_stream_maximum_output_length",
                  "jbig2_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
                  "zlib_maximum_output_length", "brotli_maximum_output_length")


def pdf_text(data: bytes, limits: Limits = Limits()) -> str:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import DependencyError, LimitReachedError, PdfReadError, PyPdfError

    cap = limits.max_pdf_stream_mb * _MB
    try:
        with apply_configuration(**{name: cap for name in _STREAM_LIMITS}):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ReadError("PDF 已加密，请先解除密码保护")
            if len(reader.pages) > limits.max_pdf_pages:
                raise ReadError(f"PDF 页数过多（{len(reader.pages)} 页，超过 max_pdf_pages = {limits.max_pdf_pages}）")
            pages = [_page_text(page) for page in reader.pages]
    except ReadError:
        raise
    except LimitReachedError as exc:
        raise ReadError(f"PDF 中有数据流解压后过大（超过 max_pdf_stream_mb = {limits.max_pdf_stream_mb} MB），"
                        "可能是压缩炸弹") from exc
    except DependencyError as exc:
        raise ReadError(f"无法解密这个 PDF（{exc}）") from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise ReadError(f"无法读取 PDF（{exc}）") from exc
    text = "\n".join(page.rstrip("\n") for page in pages)
    if not text.strip():
        raise ReadError("PDF 中没有文字层（可能是扫描件），请先做文字识别（OCR）")
    return text


def _page_text(page) -> str:
    """The page's text layer; for a page without one, its content is inflated once more, because pypdf's
    text extraction passes silently over a stream past its limits and the page would pass for a scan."""
    text = page.extract_text() or ""
    if not text.strip() and (contents := page.get_contents()) is not None:
        contents.get_data()
    return text
