"""The case record as dataclasses.

Field names and meanings follow SCHEMA.md, a contract shared with other tools and the
evaluation; `to_dict()` is the single serialisation every exporter and the store use
(`to_json()` is the same record written straight to JSON), so JSON Lines, YAML and Excel
cannot disagree.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import lru_cache
from typing import Any

# The template's sections (Section.key), in the order the template puts them.
TEMPLATE_SECTIONS = ("background", "practices", "outcomes", "lessons")
# Fields a record carries for the workspace only; they are not part of the exported record.
# Every record type has slots: a long case holds a hundred thousand figures.
INTERNAL = {"internal": True}


@dataclass(slots=True)
class Source:
    path: str
    file: str
    sha256: str
    encoding: str
    case_index: int
    start: int
    end: int


@dataclass(slots=True)
class Admin:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None


@dataclass(slots=True)
class Point:
    label: str
    title: str
    start: int
    end: int


@dataclass(slots=True)
class Section:
    key: str
    heading: str
    start: int
    end: int
    text: str
    points: list[Point] = field(default_factory=list)


@dataclass(slots=True)
class Indicator:
    text: str
    value: float | int
    unit: str
    approx: str | None
    normalized: dict[str, Any]
    subject: str | None
    section: str | None
    start: int
    end: int
    raw_start: int
    raw_end: int
    sentence: str = ""
    value_max: float | int | None = None
    kind: str = "other"  # funds, people, organisations, activities, share … (models/figure_kinds.py)


@dataclass(slots=True)
class NamedModel:
    name: str
    featured: bool
    common: bool
    components: list[str]
    expected_count: int | None
    start: int
    end: int


@dataclass(slots=True)
class Issue:
    code: str
    severity: str
    message: str


@dataclass(slots=True)
class Case:
    id: str
    source: Source
    collection: str | None
    title: str | None
    subtitle: str | None
    unit: str | None
    region: str | None
    admin: Admin
    genre: str
    domain: list[str]
    year: int | None
    truncated: bool
    text: str
    sections: list[Section] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    models: list[NamedModel] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    terms: dict[str, int] = field(default_factory=dict, metadata=INTERNAL)  # candidate keywords, counted
    fingerprint: bytes = field(default=b"", metadata=INTERNAL)  # MinHash signature, for duplicates

    def to_dict(self) -> dict[str, Any]:
        """The SCHEMA.md record as plain JSON-ready data, fields in schema order."""
        return _plain(self)

    def to_json(self, head: dict[str, Any] | None = None) -> bytes:
        """`to_dict()` as UTF-8 JSON, the figures written a batch at a time.

        A case of a hundred thousand figures would otherwise be held three times over, as
        objects, as their dicts and as one JSON string. `head` is `head_dict()` if the caller
        already has it.
        """
        head = self.head_dict() if head is None else head
        before, after = json.dumps(head, ensure_ascii=False).split(_NO_FIGURES, 1)
        out = io.BytesIO()
        out.write(before.encode("utf-8") + b'"indicators": [')
        for first in range(0, len(self.indicators), _FIGURE_BATCH):
            batch = [_plain(i) for i in self.indicators[first:first + _FIGURE_BATCH]]
            out.write((b", " if first else b"") + json.dumps(batch, ensure_ascii=False)[1:-1].encode("utf-8"))
        out.write(b"]" + after.encode("utf-8"))
        return out.getvalue()

    def head_dict(self) -> dict[str, Any]:
        """The record without its figures (`indicators` empty)."""
        return _plain(replace(self, indicators=[]))


# How head_dict's empty figure list reads in JSON: only a key can, since quotes inside a
# string value are escaped.
_NO_FIGURES = '"indicators": []'
_FIGURE_BATCH = 4096
_LEAVES = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=None)
def _exported_fields(cls: type) -> tuple[str, ...] | None:
    """A dataclass's exported field names (None for other types), looked up once per class."""
    if not is_dataclass(cls):
        return None
    return tuple(f.name for f in fields(cls) if not f.metadata.get("internal"))


def _plain(value: Any) -> Any:
    """Dataclasses, lists and dicts as plain data (dataclasses.asdict, without its deep copies).

    This runs for every figure of every case, so plain values are passed through where they
    are met, without a call of their own.
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list:
        return [v if type(v) in _LEAVES else _plain(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _LEAVES else _plain(v) for k, v in value.items()}
    names = _exported_fields(kind)
    if names is None:
        return value
    plain = {}
    for name in names:
        v = getattr(value, name)
        plain[name] = v if type(v) in _LEAVES else _plain(v)
    return plain
