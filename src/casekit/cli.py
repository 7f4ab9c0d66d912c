"""The casekit command line: parse options, call one library function, render the result.

Library errors (CasekitError) become one red line and exit status 1. Heavy modules are
imported inside the commands so that `casekit --help` starts fast.
"""

from __future__ import annotations

import json
import logging
import os
from enum import Enum
from functools import lru_cache, partial
from pathlib import Path
from typing import Annotated, Callable, Optional

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
    err().print(f"[red]错误：{escape(message)}[/red]", highlight=False)
    raise typer.Exit(1)


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

    try:
        files = collect_files(paths)
        if not files:
            _fail("没有找到可导入的文件（支持 .txt、.md、.docx、.pdf、.html）")
        with _open(db, create=True) as ws, Progress(
            TextColumn("[bold]导入中"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            console=err(), transient=True,
        ) as progress:
            task = progress.add_task("", total=len(files))

            def done(result) -> None:
                if result.status == "failed":
                    progress.console.print(f"[red]失败[/red] {escape(result.shown)}：{escape(result.error or '')}",
                                           highlight=False)
                progress.update(task, advance=1, description=result.shown)

            workers = jobs or os.cpu_count() or 1
            results = ingest_files(ws, files, default_options(), force=force, jobs=workers, on_done=done)
    except CasekitError as exc:
        _fail(str(exc))
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

    try:
        with _open(db) as ws:
            rows = ws.case_rows()
    except CasekitError as exc:
        _fail(str(exc))
    out().print(render.case_list(rows, limit))


@app.command()
def show(
    case_id: Annotated[str, typer.Argument(help="案例编号（可只写开头，能唯一确定即可）。")],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="输出格式：text、yaml 或 json。")] = ShowFormat.text,
    html: Annotated[Optional[Path], typer.Option("--html", help="把这个案例写成网页审核页面（指标、模式高亮）。")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """显示一个案例：各部分、标出的指标、模式和质检问题。"""
    try:
        with _open(db) as ws:
            record = ws.record(case_id)
            if html is not None:
                _write_case_page(record, html, ws.source_locations())
                return
    except CasekitError as exc:
        _fail(str(exc))
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

    try:
        with _open(db) as ws:
            tables = compute_stats(ws.summary_records(), by=by.value if by else None)
    except CasekitError as exc:
        _fail(str(exc))
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
    from casekit.review import import_reviews

    try:
        with _open(db) as ws:
            results = import_reviews(ws, folder)
    except CasekitError as exc:
        _fail(str(exc))
    for result in results:
        if result.error:
            err().print(f"[red]失败[/red] {escape(result.error)}", highlight=False)
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
    try:
        with _open(db) as ws:
            findings = check_workspace(ws, chars_limit)
    except CasekitError as exc:
        _fail(str(exc))
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
    try:
        with _open(db) as ws:
            findings = lru_cache(maxsize=1)(partial(_added_findings, ws))  # for the register and the page, once
            for fmt, target in targets.items():
                if target is None:
                    continue
                extra = _export_options(fmt, ws, title, order.value, findings)
                count = exporter(fmt)(ws.iter_records(), target, **extra)
                out().print(f"已导出 {count} 个案例到 {target}", highlight=False)
    except CasekitError as exc:
        _fail(str(exc))
