"""The decoded source texts behind the records, read again from disk when an output needs them.

The workspace keeps records, not sources; an output that shows line numbers (the review
page) reads each source when it first needs it, and keeps only the latest one in memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Iterator

from casekit.errors import CasekitError
from casekit.extract.read import read_document


class SourceTexts(Mapping):
    """Source path as shown in records -> decoded source text; a file that is gone is simply missing."""

    def __init__(self, locations: dict[str, str]):
        self.locations = locations  # shown path -> where the file was read from
        self._last: tuple[str, str] | None = None

    def __getitem__(self, shown: str) -> str:
        if self._last and self._last[0] == shown:
            return self._last[1]
        try:
            text = read_document(Path(self.locations[shown])).text
        except (CasekitError, OSError) as exc:
            raise KeyError(shown) from exc
        self._last = (shown, text)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self.locations)

    def __len__(self) -> int:
        return len(self.locations)
