"""YAML: one readable file a case, named by its id, Chinese as is.

Written by libyaml's emitter where PyYAML has it (its wheels do): the pure-Python one took a
minute for two thousand cases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import yaml

from casekit.export.atomic import atomic_path


class _ReadableDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Long texts as literal blocks, so an editor reads paragraphs, not one escaped line; never an
    anchor or alias, which `casekit import` refuses."""

    def ignore_aliases(self, data) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_ReadableDumper.add_representer(str, _str)


def dump_record(record: dict) -> str:
    return yaml.dump(record, Dumper=_ReadableDumper, allow_unicode=True, sort_keys=False, width=100)


def write_yaml_dir(records: Iterable[dict], target: Path) -> int:
    count = 0
    for record in records:
        with atomic_path(Path(target) / f"{record['id']}.yaml") as tmp:
            tmp.write_text(dump_record(record), encoding="utf-8")
        count += 1
    return count
