"""Reading: bytes in any of the encodings editors send -> the decoded source text."""

from __future__ import annotations

import codecs

import pytest

from casekit.errors import ReadError
from casekit.extract.read import decode_bytes, read_document

TEXT = "一、背景\r\n党员332人，覆盖率90.5%。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", id="utf-16-le"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", id="utf-16-be"),
        pytest.param(TEXT.encode("utf-16-le"), "utf-16", id="utf-16-le-without-bom"),
        pytest.param(TEXT.encode("utf-16-be"), "utf-16", id="utf-16-be-without-bom"),
        pytest.param(TEXT.encode("gbk"), "gb18030", id="gbk"),
        pytest.param(TEXT.encode("gb18030"), "gb18030", id="gb18030"),
    ],
)
def test_decodes_and_keeps_line_ends(data, encoding):
    text, found = decode_bytes(data)
    assert found == encoding
    assert text == TEXT  # BOM removed, CRLF kept as two characters


@pytest.mark.parametrize(
    "data, reason",
    [
        pytest.param(b"", "为空", id="empty"),
        pytest.param(b"  \n\n", "为空", id="blank"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制", id="binary"),
        pytest.param(bytes(range(256)) * 8, "二进制", id="nuls-on-both-sides"),
        pytest.param("党员".encode("utf-16-le") + b"\x07\x00" * 20, "二进制", id="utf-16-of-control-characters"),
    ],
)
def test_rejects_what_is_not_text(data, reason):
    with pytest.raises(ReadError, match=reason):
        decode_bytes(data)


def test_read_document_records_hash_and_names(tmp_path):
    path = tmp_path / "申报 材料.txt"
    path.write_bytes(TEXT.encode("gbk"))
    doc = read_document(path, "报送/申报 材料.txt")
    assert doc.file == "申报 材料.txt"
    assert doc.path == "报送/申报 材料.txt"
    assert doc.encoding == "gb18030"
    assert len(doc.sha256) == 64 and doc.size == len(TEXT.encode("gbk"))


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_legacy_word_formats_suggest_conversion(tmp_path, suffix):
    path = tmp_path / f"旧文件{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ReadError, match="另存为"):
        read_document(path)
