"""Why a file failed, in one line an editor can act on, whatever was raised while reading it.

The readers turn the errors they expect into ReadError; this is the net under them, so that an
exception from a library (zlib, lxml, pypdf, python-docx, PIL) or running out of memory fails
that one file with a reason instead of ending the run.
"""

from __future__ import annotations

from casekit.errors import CasekitError

_LONGEST = 200  # characters of a library's own message kept in the reason

# (module the exception's class comes from, reason); the first match wins.
_BY_MODULE = (
    ("zlib", "压缩数据已损坏"),
    ("lxml", "XML 内容有误或超出解析限制"),
    ("xml", "XML 内容有误或超出解析限制"),
    ("pypdf", "无法读取 PDF"),
    ("docx", "不是有效的 .docx 文件"),
    ("zipfile", "压缩包已损坏"),
    ("PIL", "图片无法读取"),
)


def failure_reason(exc: BaseException, memory_mb: int) -> str:
    """The one-line reason recorded for a file whose reading or processing raised `exc`."""
    if isinstance(exc, CasekitError):
        return _one_line(str(exc))
    if isinstance(exc, MemoryError):
        return f"处理时内存不足（超过 worker_memory_mb = {memory_mb} MB），文件可能过大或是恶意构造的"
    if isinstance(exc, RecursionError):
        return "文件结构嵌套过深，无法处理"
    if isinstance(exc, UnicodeError):
        return "文字编码有误，无法解码"
    module = type(exc).__module__.split(".")[0]
    for prefix, reason in _BY_MODULE:
        if module == prefix:
            return _one_line(f"{reason}（{type(exc).__name__}: {exc}）")
    if isinstance(exc, OSError):
        return _one_line(f"无法读取文件：{exc.strerror or exc}")
    return _one_line(f"处理时出错（{type(exc).__name__}: {exc}）")


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _LONGEST else flat[: _LONGEST - 1] + "…"
