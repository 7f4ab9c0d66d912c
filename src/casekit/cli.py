"""The casekit command line: parse options, call one library function, render the result.

Library errors (CasekitError), and the workspace database's own (locked by another process,
corrupted), become one red line and exit status 1, in one place: `_reported`. Heavy modules
are imported inside the commands so that `casekit --help` starts fast.
"""

from __future__ import annotations

import json
import logging
import os
from contextlib import contextmanager
from enum import Enum
from functools import lru_cache, partial
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional

import typer

from casekit.errors import CasekitError

app = typer.Typer(
    help="casekit：把党建、基层治理案例材料整理成结构化、可核对的数据。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@lru_cache(maxsize=2)
def _console(stderr: bool = False):
    """The rich Console, made on first use: importing rich is most of what `casekit --help` would wait for."""
    from rich.console import Console

    return Console(stderr=stderr)


def out():
    return _console()


def err():
    return _console(stderr=True)


def escape(text: str) -> str:
    """Text shown as it is inside rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="CASEKIT_DB", help="工作区数据库文件（也可用环境变量 CASEKIT_DB 指定）。"),
]
DEFAULT_DB = Path("casekit.db")


class ShowFormat(str, Enum):
    text = "text"
    yaml = "yaml"
    json = "json"


def _fail(message: str) -> None:
    err().print(f"[red]错误：{escape(message)}[/red]", highlight=False, soft_wrap=True)  # one line, however long
    raise typer.Exit(1)


# SQLite's errors a user can act on: (error names, Python 3.11+; messages, for older ones; what to say).
_WORKSPACE_PROBLEMS = (
    (("SQLITE_BUSY", "SQLITE_LOCKED"), ("database is locked", "database table is locked"),
     "工作区 {db} 正被另一个 casekit 进程使用（如正在导入），请稍后再试"),
    (("SQLITE_CORRUPT", "SQLITE_NOTADB"), ("database disk image is malformed", "file is not a database"),
     "工作区文件已损坏或不是 casekit 工作区：{db}（{exc}），请从备份恢复，或用新的 --db 重新导入"),
    (("SQLITE_FULL",), ("database or disk is full",), "磁盘空间不足，无法写入工作区 {db}"),
    (("SQLITE_READONLY",), ("readonly database",), "工作区 {db} 是只读的，无法写入"),
)


def _workspace_problem(db: Path, exc: Exception) -> str | None:
    """What to tell the user about a SQLite error, or None when it is not one of the known kinds."""
    name = getattr(exc, "sqlite_errorname", "")
    for names, texts, message in _WORKSPACE_PROBLEMS:
        if name.startswith(names) or any(t in str(exc) for t in texts):
            return message.format(db=db, exc=exc)
    return None


@contextmanager
def _reported(db: Path) -> Iterator[None]:
    """Run a command's work; its errors become one red line, not a traceback.

    The workspace's SQLite errors are met here, at the edge, whether raised bare (a query on
    corrupted pages, a write lock held past the busy timeout) or wrapped by the store on opening.
    An unknown SQLite error other than an operational one is a bug in casekit: its traceback stays.
    """
    import sqlite3

    try:
        yield
    except CasekitError as exc:
        cause = exc.__cause__
        _fail((_workspace_problem(db, cause) if isinstance(cause, sqlite3.Error) else None) or str(exc))
    except sqlite3.Error as exc:
        problem = _workspace_problem(db, exc)
        if problem is None and not isinstance(exc, sqlite3.OperationalError):
            raise
        _fail(problem or f"工作区 {db} 读写出错：{exc}")


def _open(db: Path, create: bool = False):
    from casekit.store import Workspace

    return Workspace(db, create=create)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="输出调试日志。")] = False) -> None:
    """casekit：把党建、基层治理案例材料整理成结构化、可核对的数据。"""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="要导入的文件或文件夹（文件夹会递归查找 .txt、.md、.docx、.pdf、.html）。")],
    force: Annotated[bool, typer.Option("--force", help="即使文件未变也重新抽取。")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="并行处理的进程数（默认等于 CPU 核数）。")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """导入文件或文件夹中的案例材料到工作区。"""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from casekit import render
    from casekit.ingest import collect_files, ingest_files
    from casekit.options import default_options

    with _reported(db):
        files = collect_files(paths)
        if not files:
            _fail("没有找到可导入的文件（支持 .txt、.md、.docx、.pdf、.html）")
        with _open(db, create=True) as ws, Progress(
            TextColumn("[bold]导入中"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            console=err(), transient=True, disable=not err().is_terminal,  # piped, a bar would leave a blank line
        ) as progress:
            task = progress.add_task("", total=len(files))

            def done(result) -> None:
                if result.status == "failed":
                    shown = " ".join(result.shown.split())  # a newline in a file name would break the line
                    progress.console.print(f"[red]失败[/red] {escape(shown)}：{escape(result.error or '')}",
                                           highlight=False, soft_wrap=True)
                progress.update(task, advance=1, description=result.shown)

            workers = jobs or os.cpu_count() or 1
            results = ingest_files(ws, files, default_options(), force=force, jobs=workers, on_done=done)
    out().print(render.ingest_summary(results))
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


@app.command("list")
def list_cases(
    limit: Annotated[int, typer.Option("--limit", min=0, help="最多列出的案例数（默认 200；0 为全部）。")] = 200,
    db: DbOption = DEFAULT_DB,
) -> None:
    """列出工作区中的案例。"""
    from casekit import render

    with _reported(db), _open(db) as ws:
        rows = ws.case_rows()
    out().print(render.case_list(rows, limit))


@app.command()
def show(
    case_id: Annotated[str, typer.Argument(help="案例编号（可只写开头，能唯一确定即可）。")],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="输出格式：text、yaml 或 json。")] = ShowFormat.text,
    html: Annotated[Optional[Path], typer.Option("--html", help="把这个案例写成网页审核页面（指标、模式高亮）。")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """显示一个案例：各部分、标出的指标、模式和质检问题。"""
    with _reported(db), _open(db) as ws:
        record = ws.record(case_id)
        if html is not None:
            _write_case_page(record, html, ws.source_locations())
            return
    if fmt is ShowFormat.json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
    elif fmt is ShowFormat.yaml:
        from casekit.export.to_yaml import dump_record

        typer.echo(dump_record(record))
    else:
        from casekit import render

        for block in render.case_text(record):
            out().print(block)


class StatsFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class Grouping(str, Enum):
    genre = "genre"
    unit = "unit"
    province = "province"
    city = "city"
    county = "county"
    domain = "domain"
    year = "year"


def _write_case_page(record: dict, target: Path, locations: dict[str, str]) -> None:
    from casekit.export.atomic import atomic_path
    from casekit.export.to_html import case_page
    from casekit.sources import SourceTexts

    with atomic_path(target) as tmp:
        tmp.write_text(case_page(record, SourceTexts(locations)), encoding="utf-8")
    out().print(f"已写出审核页面：{escape(str(target))}", highlight=False)


@app.command()
def stats(
    by: Annotated[Optional[Grouping], typer.Option("--by", help="只输出按此字段分组的统计。")] = None,
    fmt: Annotated[StatsFormat, typer.Option("--format", "-f", help="输出格式：table、csv、json 或 markdown。")] = StatsFormat.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """汇总统计：按类型、单位、地区、领域、年份分组，各部分齐全情况，模式与关键词。"""
    from casekit.stats import compute_stats, format_tables

    with _reported(db), _open(db) as ws:
        tables = compute_stats(ws.summary_records(), by=by.value if by else None)
    if fmt is not StatsFormat.table:
        typer.echo(format_tables(tables, fmt.value))
        return
    from casekit import render

    if not tables:
        out().print("工作区中还没有案例。")
    for table in tables:
        out().print(render.frame_table(table.title, table.frame))


@app.command("import")
def import_(
    folder: Annotated[Path, typer.Argument(help="存放编辑修改后 YAML 文件的文件夹（由 export --yaml 导出）。")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """导入编辑修改过的 YAML 文件，校验后作为“已审核”内容保存。"""
    from casekit import render
    from casekit.options import default_options
    from casekit.review import import_reviews

    with _reported(db), _open(db) as ws:
        results = import_reviews(ws, folder, default_options().limits)
    for result in results:
        if result.error:
            err().print(f"[red]失败[/red] {escape(result.error)}", highlight=False, soft_wrap=True)
    out().print(render.review_summary(results))
    if any(r.error for r in results):
        raise typer.Exit(1)


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def check(
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", help="案例正文字数上限（默认 3000）。")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式：table 或 json。")] = CheckFormat.table,
    limit: Annotated[int, typer.Option("--limit", min=0, help="表格最多列出的问题数（默认 200；0 为全部）；json 总是全部。")] = 200,
    db: DbOption = DEFAULT_DB,
) -> None:
    """质量检查：缺少部分、内容不全、篇幅超限、重复字词、重复报送等；有错误时退出码为 1。"""
    from dataclasses import asdict

    from casekit.check import check_workspace
    from casekit.options import default_options

    chars_limit = max_chars or default_options().max_case_chars
    with _reported(db), _open(db) as ws:
        findings = check_workspace(ws, chars_limit)
    if fmt is CheckFormat.json:
        typer.echo(json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        from casekit import render

        out().print(render.findings_table(findings, limit))
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


def _export_options(fmt: str, ws, title: str | None, order: str, findings: Callable[[], dict]) -> dict:
    """The options a format takes beyond records and target."""
    if fmt == "docx":
        return {"title": title, "order": order}
    if fmt == "xlsx":
        from casekit.store import figure_sources

        return {"figures": partial(figure_sources, ws.path), "findings": findings()}
    if fmt == "html":
        from casekit.sources import SourceTexts

        return {"sources": SourceTexts(ws.source_locations()), "findings": findings(),
                **({"title": title} if title else {})}
    return {}


def _added_findings(ws) -> dict:
    """What `check` finds across the workspace, by case, for the register and the review page."""
    from casekit.check import added_findings
    from casekit.options import default_options

    return added_findings(ws, default_options().max_case_chars)


class VolumeOrder(str, Enum):
    input = "input"
    unit = "unit"
    region = "region"


@app.command()
def export(
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="导出为 JSON Lines 文件（每行一个案例）。")] = None,
    yaml_dir: Annotated[Optional[Path], typer.Option("--yaml", help="导出为 YAML，每个案例一个文件，写入此文件夹。")] = None,
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx", help="导出为 Excel 登记表（案例、指标、模式、质检、统计）。")] = None,
    docx: Annotated[Optional[Path], typer.Option("--docx", help="导出为 Word 汇编（按党政公文格式排版）。")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="导出为网页审核报告（单个文件，可离线打开）。")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="汇编的封面标题（用于 --docx）。")] = None,
    order: Annotated[VolumeOrder, typer.Option("--order", help="汇编中案例的顺序：input（导入顺序）、unit（按单位）、region（按地区）。")] = VolumeOrder.input,
    db: DbOption = DEFAULT_DB,
) -> None:
    """导出案例记录：JSON Lines、YAML、Excel 登记表或 Word 汇编。"""
    from casekit.export import exporter

    targets = {"jsonl": jsonl, "yaml": yaml_dir, "xlsx": xlsx, "docx": docx, "html": html}
    if not any(targets.values()):
        _fail("请至少指定一种导出格式：--jsonl、--yaml、--xlsx、--docx 或 --html")
    with _reported(db), _open(db) as ws:
        findings = lru_cache(maxsize=1)(partial(_added_findings, ws))  # for the register and the page, once
        for fmt, target in targets.items():
            if target is None:
                continue
            extra = _export_options(fmt, ws, title, order.value, findings)
            count = exporter(fmt)(ws.iter_records(), target, **extra)
            out().print(f"已导出 {count} 个案例到 {target}", highlight=False)
