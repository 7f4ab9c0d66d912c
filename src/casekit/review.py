"""Editors' reviews: YAML files edited by hand, validated and stored as reviewed.

A reviewed field is kept when the same source is ingested again, and `show` marks it.
The id, the source and the text cannot be edited: every offset in the record points into them.
An edited file is data, never a program or a bomb: safe loading only, no anchors or aliases
(a few lines of nested aliases expand to gigabytes), a size limit checked before reading, and
only the kinds of value JSON has.
"""

from __future__ import annotations

import math
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from casekit.errors import CasekitError, WorkspaceError
from casekit.extract.metadata import GENRES
from casekit.options import Limits
from casekit.store import Workspace

# libyaml's parser where PyYAML has it (its wheels do): many times faster than the Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MB = 1024 * 1024
# An exported record nests four deep (indicators > item > normalized > value); the Python
# loader, used where libyaml is missing, recurses once a level and has no limit of its own.
_MAX_DEPTH = 32
# An id is looked up, and named files are written from it: no separators, no control characters.
# ".." inside a name ("报告..终稿") is no path; alone it is the parent folder.
_PATH_LIKE = re.compile(r"[/\\\x00-\x1f\x7f]|^\.\.?$")


class ReviewError(CasekitError):
    """An edited file that cannot be taken: the message names the file, the field and the problem."""


FIXED = ("id", "source", "text")


def _text(v) -> bool:
    return v is None or isinstance(v, str)


def _strings(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _items(required: dict[str, Callable]) -> Callable:
    def check(v) -> bool:
        return isinstance(v, list) and all(
            isinstance(item, dict) and all(key in item and ok(item[key]) for key, ok in required.items()) for item in v
        )

    return check


# Editable field -> (check, what it must be, for the error message).
CHECKS: dict[str, tuple[Callable, str]] = {
    "collection": (_text, "文字或留空"),
    "title": (_text, "文字或留空"),
    "subtitle": (_text, "文字或留空"),
    "unit": (_text, "文字或留空"),
    "region": (_text, "文字或留空"),
    "admin": (lambda v: isinstance(v, dict) and all(_text(v.get(k)) for k in ("province", "city", "county", "adcode")),
              "含 province/city/county/adcode 的映射"),
    "genre": (lambda v: v in GENRES, "以下之一：" + "、".join(GENRES)),
    "domain": (_strings, "文字列表"),
    "year": (lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool) and 1900 <= v <= 2100),
             "年份（整数）或留空"),
    "truncated": (lambda v: isinstance(v, bool), "true 或 false"),
    "keywords": (_strings, "文字列表"),
    "sections": (_items({"key": lambda v: isinstance(v, str), "heading": _text, "text": _text}),
                 "各含 key、heading、text 的列表"),
    "indicators": (_items({"text": lambda v: isinstance(v, str), "value": _number, "unit": _text,
                           "normalized": lambda v: isinstance(v, dict) and _number(v.get("value"))}),
                   "各含 text、value（数值）、unit、normalized 的列表"),
    "models": (_items({"name": lambda v: isinstance(v, str), "featured": lambda v: isinstance(v, bool),
                       "common": lambda v: isinstance(v, bool)}), "各含 name、featured、common 的列表"),
    "issues": (_items({"code": lambda v: isinstance(v, str), "severity": lambda v: isinstance(v, str),
                       "message": lambda v: isinstance(v, str)}), "各含 code、severity、message 的列表"),
}


@dataclass(frozen=True)
class ReviewResult:
    file: str
    case_id: str | None
    changed: tuple[str, ...] = ()
    error: str | None = None


def import_reviews(workspace: Workspace, folder: Path, limits: Limits = Limits()) -> list[ReviewResult]:
    """Read every .yaml file in `folder` and store its edits; one result a file, a bad file does not stop the rest."""
    files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in (".yaml", ".yml")) if Path(folder).is_dir() else []
    if not files:
        raise CasekitError(f"{folder} 中没有 .yaml 文件")
    results = []
    for path in files:
        try:
            results.append(import_review(workspace, path, limits))
        except CasekitError as exc:
            results.append(ReviewResult(path.name, None, error=str(exc)))
    return results


def import_review(workspace: Workspace, path: Path, limits: Limits = Limits()) -> ReviewResult:
    edited = _load(path, limits)
    stored = _stored(workspace, edited["id"], path.name)
    changed = tuple(sorted(validate(edited, stored, path.name)))
    if changed:
        reviewed = sorted(set(stored.get("reviewed") or []) | set(changed))
        workspace.update_record({**stored, **{f: edited[f] for f in changed}, "reviewed": reviewed})
    return ReviewResult(path.name, stored["id"], changed)


def _load(path: Path, limits: Limits) -> dict:
    data = _parse(_read(path, limits), path.name)
    _check_id(data, path.name)
    return data


def _read(path: Path, limits: Limits) -> str:
    """The file's text; a file larger than an edited record can be is refused unread."""
    cap = limits.max_import_mb * _MB
    too_large = f"{path.name}：文件过大（超过 max_import_mb = {limits.max_import_mb} MB），不像导出的案例记录"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ReviewError(f"{path.name}：不是普通文件")
        if info.st_size > cap:
            raise ReviewError(too_large)
        with path.open("rb") as fh:  # a buffer of the file's size, not of the limit
            raw = fh.read(min(info.st_size, cap) + 1)
            if len(raw) > info.st_size:  # grown since stat: read on, to the limit
                raw += fh.read(cap + 1 - len(raw))
        if len(raw) > cap:
            raise ReviewError(too_large)
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path.name}：不是 UTF-8 编码的文字（第 {exc.start + 1} 个字节）") from exc
    except OSError as exc:
        raise ReviewError(f"{path.name}：无法读取（{exc.strerror or exc}）") from exc


def _parse(text: str, name: str):
    """The YAML's plain data, after its parser events show no reference to expand and no deep nesting."""
    try:
        _check_events(text, name)
        return yaml.load(text, Loader=_LOADER)
    except yaml.constructor.ConstructorError as exc:
        raise ReviewError(f"{name}：含有不允许的 YAML 标签{_line(exc)}，只能是文字、数字、列表和映射") from exc
    except yaml.YAMLError as exc:
        raise ReviewError(f"{name}：YAML 格式错误{_line(exc)}") from exc


def _check_events(text: str, name: str) -> None:
    """Anchors and aliases, and nesting deeper than any record's, refused from the parser's events,
    before anything is built: the events of a billion laughs are as few as its lines.

    casekit's own exports contain none (records come from JSON, which shares no objects).
    """
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.NodeEvent) and (isinstance(event, yaml.AliasEvent) or event.anchor is not None):
            raise ReviewError(f"{name}：含有 YAML 锚点或别名{_line(event)}，导入的文件只能是数据"
                              "（casekit 导出的文件没有 & 或 *），请删除后再导入")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                raise ReviewError(f"{name}：嵌套超过 {_MAX_DEPTH} 层{_line(event)}，不像导出的案例记录")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _line(source) -> str:
    """（第 N 行） from a YAML error or event, when it has a position."""
    mark = getattr(source, "problem_mark", None) or getattr(source, "start_mark", None)
    return f"（第 {mark.line + 1} 行）" if mark else ""


def _check_id(data, name: str) -> None:
    if data is None:
        raise ReviewError(f"{name}：文件是空的")
    if not isinstance(data, dict):
        raise ReviewError(f"{name}：内容应为一个案例记录（“字段: 值”的映射），而不是{_kind(data)}")
    if "id" not in data:
        raise ReviewError(f"{name}：缺少 id 字段")
    case_id = data["id"]
    if not isinstance(case_id, str):
        raise ReviewError(f"{name}：字段 id 应为文字（案例编号），而不是{_kind(case_id)}")
    if _PATH_LIKE.search(case_id):
        raise ReviewError(f"{name}：字段 id 不是有效的案例编号（{_shown(case_id)}）：不能是路径，不能含 /、\\ 或控制字符")


def _stored(workspace: Workspace, case_id: str, name: str) -> dict:
    try:
        return workspace.record(case_id, exact=True)
    except WorkspaceError as exc:
        raise ReviewError(f"{name}：字段 id 为 {_shown(case_id)}，工作区中没有这个编号的案例") from exc


_KINDS = {str: "文字", int: "整数", float: "数", bool: "true/false", list: "列表", dict: "映射"}


def _kind(value) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _shown(value: str, limit: int = 60) -> str:
    """A value put in a one-line message: control characters escaped, long ones cut."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value[:limit])
    return text + ("…" if len(value) > limit else "")


def _plain(value) -> bool:
    """Only what JSON holds: a date, bytes, a set or NaN would break storing the record, or reading it back."""
    if value is None or isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def validate(edited: dict, stored: dict, name: str) -> set[str]:
    """The fields the editor changed; ReviewError on a field that cannot be taken."""
    for field in FIXED:
        if field in edited and edited[field] != stored.get(field):
            raise ReviewError(f"{name}：字段 {field} 不能修改（其他数据的位置都以它为准）")
    changed = set()
    for field, value in edited.items():
        if field in FIXED or field == "reviewed" or value == stored.get(field):
            continue
        if field not in CHECKS:
            raise ReviewError(f"{name}：未知字段 {_shown(str(field))}")
        check, expected = CHECKS[field]
        if not check(value):
            raise ReviewError(f"{name}：字段 {field} 应为{expected}")
        if not _plain(value):
            raise ReviewError(f"{name}：字段 {field} 只能含文字、数字、true/false、列表和映射（不能有日期、二进制、NaN 等）")
        changed.add(field)
    return changed
