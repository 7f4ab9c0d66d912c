"""The matrix of malformed inputs: each is ingested through the command line with two good files beside
it, and must cost that one file a one-line reason, keep both good files, and stay under 1 GB.

Every input is made here: bombs, broken archives, encrypted and image-only PDFs, odd names.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.extract.read import SUPPORTED_SUFFIXES
from casekit.ingest import collect_files, ingest_files
from casekit.store import Workspace
from conftest import DATA

GOOD = {"good_一.txt": (DATA / "涪城区_红色物业.txt").read_bytes(),
        "good_二.txt": (DATA / "安吉县余村社区_共享服务.txt").read_bytes()}
MB = 1024 * 1024
PEAK_LIMIT_MB = 1024
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --- makers of bad inputs -------------------------------------------------------------------

def _docx(text: str = "党员332人，覆盖率90.5%。") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _replace_part(package: bytes, name: str, write: Callable[[io.BufferedIOBase], None]) -> bytes:
    """The package with one part's content written anew by `write`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                                        compresslevel=1) as new:
        for item in old.infolist():
            if item.filename == name:
                with new.open(name, "w", force_zip64=True) as part:
                    write(part)
            else:
                new.writestr(item, old.read(item))
    return out.getvalue()


def _docx_with_document(chunks: Callable[[], list[bytes] | object]) -> bytes:
    def write(part):
        for chunk in chunks():
            part.write(chunk)

    return _replace_part(_docx(), "word/document.xml", write)


def docx_huge_text_node() -> bytes:
    """document.xml holding one text node of 1.1 GB (5 MB packed)."""
    fill = b"A" * (16 * MB)
    head = f'<w:document {_W}><w:body><w:p><w:r><w:t>'.encode()
    return _docx_with_document(lambda: [head, *([fill] * 70), b"</w:t></w:r></w:p></w:body></w:document>"])


def docx_ratio_bomb() -> bytes:
    """document.xml inflating to 300 MB of one repeated character."""
    head = f'<w:document {_W}><w:body><w:p><w:r><w:t>'.encode()
    return _docx_with_document(lambda: [head, *([b" " * (16 * MB)] * 19), b"</w:t></w:r></w:p></w:body></w:document>"])


def docx_lying_sizes() -> bytes:
    """A part whose headers declare 1 KB while its stream inflates to 64 MB."""
    package = bytearray(_replace_part(_docx(), "word/document.xml",
                                      lambda part: part.write(b"<" + b" " * (64 * MB))))
    with zipfile.ZipFile(io.BytesIO(bytes(package))) as z:
        info = z.getinfo("word/document.xml")
    for offset in _header_offsets(bytes(package), info):
        package[offset : offset + 4] = (1024).to_bytes(4, "little")
    return bytes(package)


def _header_offsets(package: bytes, info: zipfile.ZipInfo) -> list[int]:
    """Where the uncompressed size of `info` is written, in its local and central headers."""
    name = info.filename.encode()
    local = info.header_offset + 22
    central = package.rfind(b"PK\x01\x02", 0, package.rfind(name)) + 24
    return [local, central] if info.file_size < 0xFFFFFFFF else []


def docx_many_parts() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for k in range(5000):
            z.writestr(f"word/media/p{k}.xml", b"<a/>")
    return out.getvalue()


def docx_corrupt_deflate() -> bytes:
    """A docx whose document.xml stream has its compressed bytes scrambled."""
    package = bytearray(_docx("党员332人。" * 400))
    with zipfile.ZipFile(io.BytesIO(bytes(package))) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    package[start : start + 40] = bytes(range(7, 47))
    return bytes(package)


def docx_entity_expansion() -> bytes:
    entities = '<!ENTITY a "哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]><w:document {_W}><w:body><w:p><w:r>'
           f'<w:t>&i;</w:t></w:r></w:p></w:body></w:document>')
    return _replace_part(_docx(), "word/document.xml", lambda part: part.write(xml.encode()))


def html_entity_expansion() -> bytes:
    entities = '<!ENTITY a "哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
    return f'<!DOCTYPE html [{entities}]><html><body><p>&i;</p><p>党员332人</p></body></html>'.encode()


def _text_pdf(text: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont("STSong-Light", 12)
    for k, line in enumerate(text.splitlines()[:40]):
        pdf.drawString(50, 800 - 18 * k, line[:40])
    pdf.save()
    return out.getvalue()


def _encrypted(pdf: bytes, open_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=open_password, owner_password="owner-only", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_password() -> bytes:
    return _encrypted(_text_pdf("党员332人"), "secret")


def pdf_aes_without_open_password() -> bytes:
    return _encrypted(_text_pdf(GOOD["good_一.txt"].decode("utf-8")), "")


def pdf_image_only() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.save()
    return out.getvalue()


def pdf_deflate_bomb() -> bytes:
    """A one-page PDF whose content stream inflates to 200 MB (200 KB packed)."""
    stream = zlib.compress(b" " * (200 * MB), 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def random_bytes(size: int = 20_000) -> Callable[[], bytes]:
    return lambda: os.urandom(size)


# name, maker (bytes, or None for something made in place), what must happen: "failed", "stored" or
# "either" (decoded or refused, as long as it is one line), words the reason holds.
MATRIX = [
    ("empty.txt", lambda: b"", "failed", "为空"),
    ("blank.txt", lambda: b" \n\t\n", "failed", "为空"),
    ("random.txt", random_bytes(), "either", ""),
    ("random.docx", random_bytes(), "failed", "不是有效的 .docx"),
    ("random.pdf", random_bytes(), "failed", "PDF"),
    ("random.html", random_bytes(), "either", ""),
    ("random.md", random_bytes(), "either", ""),
    ("truncated.docx", lambda: _docx("党员332人。" * 500)[:3000], "failed", "不是有效的 .docx"),
    ("corrupt-deflate.docx", docx_corrupt_deflate, "failed", "不是有效的 .docx"),
    ("huge-text-node.docx", docx_huge_text_node, "failed", "max_zip_inflated_mb"),
    ("ratio-bomb.docx", docx_ratio_bomb, "failed", "max_zip_inflated_mb"),
    ("lying-sizes.docx", docx_lying_sizes, "failed", "不是有效的 .docx"),
    ("many-parts.docx", docx_many_parts, "failed", "max_zip_members"),
    ("entities.docx", docx_entity_expansion, "either", ""),
    ("entities.html", html_entity_expansion, "either", ""),
    ("nul.txt", lambda: "党员332人".encode("utf-8") + b"\x00\x01\x02" * 50 + "覆盖率".encode("utf-8"), "failed",
     "二进制"),
    ("mixed.txt", lambda: "党员332人，".encode("utf-8") + "覆盖率90.5%".encode("gbk") + b"\xff\xfe", "either", ""),
    ("utf16-no-bom.txt", lambda: GOOD["good_一.txt"].decode("utf-8").replace("涪城区", "安州区").encode("utf-16-le"),
     "stored", ""),
    ("-dash first.txt", lambda: GOOD["good_一.txt"].replace("涪城区".encode(), "三台县".encode()), "stored", ""),
    ("名 字\n换行.txt", lambda: GOOD["good_一.txt"].replace("涪城区".encode(), "盐亭县".encode()), "stored", ""),
    ("x" * 200 + ".txt", lambda: GOOD["good_一.txt"].replace("涪城区".encode(), "梓潼县".encode()), "stored", ""),
    ("password.pdf", pdf_with_password, "failed", "加密"),
    ("aes-no-open-password.pdf", pdf_aes_without_open_password, "stored", ""),
    ("image-only.pdf", pdf_image_only, "failed", "扫描件"),
    ("deflate-bomb.pdf", pdf_deflate_bomb, "failed", "max_pdf_stream_mb"),
    ("one-line.txt", lambda: ("字" * (7 * MB)).encode("utf-8"), "failed", "max_file_mb"),
    ("long-line.txt", lambda: ("字" * 300_000).encode("utf-8"), "failed", "max_line_chars"),
    ("loop.txt", None, "failed", ""),
    ("folder.txt", None, "none", ""),
    ("legacy.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "failed", "另存为"),
]


def _place(folder: Path, name: str, maker) -> None:
    if name == "loop.txt":
        os.symlink(folder / name, folder / name)
    elif name == "folder.txt":
        (folder / name).mkdir()
    else:
        (folder / name).write_bytes(maker())


def _run_ingest(folder: Path, db: Path) -> tuple[int, str, int]:
    """(exit status, stderr, peak resident memory in MB) of `casekit ingest` run on the folder."""
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    with open(folder.parent / "stderr.txt", "w+b") as err:
        process = subprocess.Popen([sys.executable, "-m", "casekit", "ingest", str(folder), "--jobs", "1", "--db",
                                    str(db)], stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return process.returncode, err.read().decode("utf-8", "replace"), usage.ru_maxrss // 1024


def _stored(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {file for (file,) in conn.execute("SELECT file FROM documents WHERE status='ok'")}


@pytest.mark.parametrize("name, maker, outcome, reason", MATRIX, ids=[row[0].replace("\n", "_")[:40] for row in MATRIX])
def test_a_bad_input_costs_only_itself(tmp_path, name, maker, outcome, reason):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for good, data in GOOD.items():
        (folder / good).write_bytes(data)
    _place(folder, name, maker)
    status, stderr, peak_mb = _run_ingest(folder, tmp_path / "ws.db")
    stored = _stored(tmp_path / "ws.db")
    failures = [line for line in stderr.splitlines() if line.startswith("失败")]
    assert "Traceback" not in stderr
    assert set(GOOD) <= stored
    assert peak_mb < PEAK_LIMIT_MB
    if outcome == "either":
        outcome = "stored" if name in stored else "failed"
    if outcome == "failed":
        assert status == 1 and len(failures) == 1 and reason in failures[0], stderr
        assert name.split("\n")[0] in failures[0]
    else:
        assert status == 0 and failures == [], stderr
        assert (name in stored) == (outcome == "stored")


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, options, monkeypatch):
    folder = tmp_path / "inbox"
    (folder / "closed").mkdir(parents=True)
    for good, data in GOOD.items():
        (folder / good).write_bytes(data)
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with Workspace(tmp_path / "ws.db") as ws:
        results = {Path(r.shown).name: r for r in ingest_files(ws, collect_files([folder]), options)}
    assert results["closed"].status == "failed" and "无法列出文件夹" in results["closed"].error
    assert {results[good].status for good in GOOD} == {"new"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=0, max_size=4000), suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)))
def test_random_bytes_under_any_extension_never_cost_the_good_files(tmp_path_factory, options, data, suffix):
    folder = tmp_path_factory.mktemp("inbox")
    for good, content in GOOD.items():
        (folder / good).write_bytes(content)
    (folder / f"random{suffix}").write_bytes(data)
    with Workspace(folder.parent / f"{folder.name}.db") as ws:
        results = {Path(r.shown).name: r for r in ingest_files(ws, collect_files([folder]), options)}
    assert {results[good].status for good in GOOD} == {"new"}
    odd = results[f"random{suffix}"]
    assert odd.status in ("new", "failed") and "\n" not in (odd.error or "")
