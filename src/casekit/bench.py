"""Benchmark: `python -m casekit.bench [--docs N] [--samples DIR] [--pdf]`.

Generates a synthetic corpus from the sample reports (N documents of about 3000 characters
with varied places, units and figures), then measures in one run: ingest with one and two
worker processes (throughput and peak memory), the floor to compare against (one
jieba.lcut pass over the same text in one process), stats, every export and check on the
result, and the start-up time of `casekit --help`. Commands run as subprocesses, as an
editor would run them. `--pdf` instead compares PDF text readers on the samples printed to PDF.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_CHARS = 3000
PLACES = ["安吉县", "涪城区", "西工区", "亭湖区", "芦淞区", "寿光市", "奎文区", "东辽县", "惠城区", "环翠区",
          "江宁区", "余杭区", "鄞州区", "思明区", "雨花区", "天河区", "武侯区", "碑林区", "南岗区", "历下区"]
_NUMBER = re.compile(r"\d+")


def make_corpus(samples: Path, target: Path, docs: int, seed: int = 7) -> int:
    """Write `docs` varied reports into `target`; returns the characters written."""
    texts = [_decoded(p) for p in sorted(samples.glob("*.txt"))]
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    total = 0
    for k in range(docs):
        text = _varied(texts[k % len(texts)], texts, rng)
        (target / f"report_{k:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def _decoded(path: Path) -> str:
    from casekit.extract.read import decode_bytes

    return decode_bytes(path.read_bytes())[0].replace("\r\n", "\n")


def _varied(base: str, pool: list[str], rng: random.Random) -> str:
    """The sample with another place, other figures, and paragraphs added to reach the target length."""
    text = base
    for place in PLACES:
        text = text.replace(place, rng.choice(PLACES))
    while len(text) < TARGET_CHARS:
        paragraphs = [p for p in rng.choice(pool).split("\n") if len(p) > 60]
        text += "\n" + rng.choice(paragraphs)
    return _NUMBER.sub(lambda m: _other_number(m.group(0), rng), text)


def _other_number(digits: str, rng: random.Random) -> str:
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return digits  # keep years years
    return str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 1, 10 ** len(digits) - 1))


def timed(args: list[str], env_db: Path | None = None) -> tuple[float, int]:
    """(seconds, peak resident memory of the command and its workers in MiB)."""
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]) // 1024


def casekit(*args: object) -> list[str]:
    return [sys.executable, "-m", "casekit", *map(str, args)]


def lcut_floor(folder: Path) -> float:
    """Seconds for one jieba.lcut pass over every document, in this process (dictionary loaded first)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def startup(args: list[str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        best = min(best, timed(args)[0])
    return best


def run(docs: int, samples: Path, workdir: Path) -> list[tuple[str, str]]:
    corpus = workdir / "corpus"
    chars = make_corpus(samples, corpus, docs)
    rows: list[tuple[str, str]] = [("文档数 / 字符数", f"{docs} / {chars:,}")]
    floor = lcut_floor(corpus)
    rows.append(("jieba.lcut 单进程（基准）", f"{floor:.1f} s，{chars / floor:,.0f} 字/秒"))
    for jobs in (1, 2):
        db = workdir / f"ws{jobs}.db"
        seconds, memory = timed(casekit("ingest", corpus, "--jobs", jobs, "--db", db))
        rows.append((f"ingest --jobs {jobs}", f"{seconds:.1f} s，{chars / seconds:,.0f} 字/秒，{docs / seconds * 60:,.0f} 篇/分钟，"
                                              f"峰值内存 {memory} MiB，与基准之比 {floor / seconds:.2f}"))
    db = workdir / "ws2.db"
    for name, args in (("stats", ("stats",)), ("export --xlsx", ("export", "--xlsx", workdir / "book.xlsx")),
                       ("export --jsonl", ("export", "--jsonl", workdir / "cases.jsonl")),
                       ("export --html", ("export", "--html", workdir / "review.html")),
                       ("export --docx", ("export", "--docx", workdir / "volume.docx")),
                       ("export --yaml", ("export", "--yaml", workdir / "review")),
                       ("import (YAML, unedited)", ("import", workdir / "review")), ("check", ("check",))):
        seconds, memory = timed(casekit(*args, "--db", db))
        rows.append((name, f"{seconds:.1f} s，峰值内存 {memory} MiB"))
    rows.append(("casekit --help", f"{startup(casekit('--help')):.2f} s"))
    rows.append(("python -c pass", f"{startup([sys.executable, '-c', 'pass']):.2f} s"))
    return rows


def pdf_rows(samples: Path, workdir: Path) -> list[tuple[str, str]]:
    """PDF text readers compared on the samples printed to PDF by LibreOffice: milliseconds a page,
    and how many of the samples' quoted phrases (“一核双联”) come out whole, in order."""
    pdfs = _printed_samples(samples, workdir / "pdf")
    if not pdfs:
        return [("PDF 读取", "未安装 LibreOffice（soffice），跳过")]
    quoted = [q for p in sorted(samples.glob("*.txt")) for q in _QUOTED.findall(_decoded(p))]
    rows = []
    for name, pages_of in _PDF_READERS.items():
        try:
            start, texts = time.perf_counter(), [pages_of(pdf.read_bytes()) for pdf in pdfs]
        except ImportError:
            rows.append((f"PDF 读取：{name}", "未安装，跳过"))
            continue
        seconds, pages = time.perf_counter() - start, sum(map(len, texts))
        joined = re.sub(r"\s+", "", "".join(page for doc in texts for page in doc))
        whole = sum(1 for q in quoted if q in joined)
        rows.append((f"PDF 读取：{name}", f"{pages} 页，{seconds / pages * 1000:.1f} ms/页，引号短语完整 {whole}/{len(quoted)}"))
    return rows


def _printed_samples(samples: Path, target: Path) -> list[Path]:
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return []
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(samples.glob("*.txt")):
        (target / path.name).write_text(_decoded(path), encoding="utf-8")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(target),
                    *map(str, sorted(target.glob("*.txt")))], capture_output=True, check=False, timeout=600)
    return sorted(target.glob("*.pdf"))


def _pypdf_pages(data: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _pdfplumber_pages(data: bytes) -> list[str]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _pdfium_pages(data: bytes) -> list[str]:
    from casekit.extract.read_pdf import _page_texts

    return _page_texts(data)


_QUOTED = re.compile(r"“[^”\n]{1,20}”")
_PDF_READERS = {"pypdf": _pypdf_pages, "pdfplumber": _pdfplumber_pages, "pypdfium2（casekit 所用）": _pdfium_pages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m casekit.bench", description="casekit 性能基准")
    parser.add_argument("--docs", type=int, default=2000, help="生成的文档数（默认 2000）")
    parser.add_argument("--samples", type=Path, default=Path("data"), help="样例材料文件夹（默认 data/）")
    parser.add_argument("--pdf", action="store_true", help="只比较 PDF 文字读取（样例经 LibreOffice 打印成 PDF）")
    args = parser.parse_args(argv)
    if not any(args.samples.glob("*.txt")):
        parser.error(f"{args.samples} 中没有 .txt 样例")
    from rich.console import Console
    from rich.table import Table

    with tempfile.TemporaryDirectory(prefix="casekit-bench-") as tmp:
        rows = pdf_rows(args.samples, Path(tmp)) if args.pdf else run(args.docs, args.samples, Path(tmp))
    title = "PDF 文字读取" if args.pdf else f"{args.docs} 篇"
    table = Table(title=f"casekit 性能基准（{title}）", header_style="bold")
    table.add_column("项目")
    table.add_column("结果")
    for name, value in rows:
        table.add_row(name, value)
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
