"""JSON Lines: one SCHEMA.md record a line, UTF-8, Chinese unescaped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from casekit.export.atomic import atomic_path


def write_jsonl(records: Iterable[dict], target: Path) -> int:
    count = 0
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
