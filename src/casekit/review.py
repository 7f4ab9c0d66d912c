"""Editors' reviews: YAML files edited by hand, validated and stored as reviewed.

A reviewed field is kept when the same source is ingested again, and `show` marks it.
The id, the source and the text cannot be edited: every offset in the record points into them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from casekit.errors import CasekitError
from casekit.extract.metadata import GENRES
from casekit.store import Workspace

# libyaml's parser where PyYAML has it (its wheels do): many times faster than the Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def import_reviews(workspace: Workspace, folder: Path) -> list[ReviewResult]:
    """Read every .yaml file in `folder` and store its edits; one result a file."""
    files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in (".yaml", ".yml")) if Path(folder).is_dir() else []
    if not files:
        raise CasekitError(f"{folder} 中没有 .yaml 文件")
    results = []
    for path in files:
        try:
            results.append(import_review(workspace, path))
        except CasekitError as exc:
            results.append(ReviewResult(path.name, None, error=str(exc)))
    return results


def import_review(workspace: Workspace, path: Path) -> ReviewResult:
    edited = _load(path)
    stored = workspace.record(edited["id"], exact=True)
    changed = tuple(sorted(validate(edited, stored, path.name)))
    if changed:
        reviewed = sorted(set(stored.get("reviewed") or []) | set(changed))
        workspace.update_record({**stored, **{f: edited[f] for f in changed}, "reviewed": reviewed})
    return ReviewResult(path.name, stored["id"], changed)


def _load(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"（第 {mark.line + 1} 行）" if mark else ""
        raise ReviewError(f"{path.name}：YAML 格式错误{where}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path.name}：无法读取（{exc}）") from exc
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise ReviewError(f"{path.name}：缺少 id 字段")
    return data


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
            raise ReviewError(f"{name}：未知字段 {field}")
        check, expected = CHECKS[field]
        if not check(value):
            raise ReviewError(f"{name}：字段 {field} 应为{expected}")
        changed.add(field)
    return changed
