"""Word segmentation set up once per process, with the domain user dictionary.

Texts are cut by rjieba, the Rust port of jieba: the same dictionary and the same
algorithm, so the same words, about twenty times faster than jieba's Python code. jieba
itself is kept for its data files: the part-of-speech table and the IDF table, which
are kept in the user's cache folder as marshal files, keyed by jieba's version, so they
are not rebuilt from text on every start.
"""

from __future__ import annotations

import marshal
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

from casekit.options import load_lexicon


def cache_dir() -> Path | None:
    """casekit's folder in the user's cache (None when it cannot be created)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or Path.home() / ".cache"
    path = Path(base) / "casekit"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def cached_table(name: str, build: Callable[[], object]):
    """A table built once and then read back from the cache folder."""
    import jieba

    folder = cache_dir()
    path = folder / f"{name}-jieba{jieba.__version__}.marshal" if folder else None
    if path and path.exists():
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError):
            pass
    table = build()
    if path:
        try:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(table))
            os.replace(tmp, path)
        except OSError:
            pass
    return table


@lru_cache(maxsize=1)
def tokenizer():
    """An rjieba segmenter of its own (never the shared default) with casekit's user dictionary."""
    import rjieba

    seg = rjieba.Jieba()
    for word, freq, tag in _userdict_entries():
        seg.add_word(word, freq, tag)
    return seg


@lru_cache(maxsize=1)
def _userdict_entries() -> tuple[tuple[str, int | None, str | None], ...]:
    """(word, frequency, tag) from the user dictionary, in jieba's format: word [freq] [tag]."""
    entries = []
    for line in load_lexicon().userdict.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((parts[0], freq, tag))
    return tuple(entries)


@lru_cache(maxsize=1)
def tag_table() -> dict[str, str]:
    """Word -> part-of-speech tag from jieba's dictionary, with the user dictionary's tags on top."""
    table = cached_table("pos", _read_tags)
    table.update((word, tag) for word, _, tag in _userdict_entries() if tag)
    return table


def _read_tags() -> dict[str, str]:
    from jieba._compat import get_module_res

    table = {}
    with get_module_res("dict.txt") as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                table[parts[0]] = parts[2]
    return table


Token = tuple[str, int, int]  # (word, start, end), offsets in the segmented text


def segment(text: str) -> list[Token]:
    """The text cut into words, once, each with its offsets.

    jieba's prefix dictionary without its HMM pass: one plain segmentation a case, shared by
    figure subjects, keywords and writing checks. Parts of speech are looked up (`tag_of`)
    only for the few words beside each figure.
    """
    return tokenizer().tokenize(text, "default", False)


def tag_of(word: str) -> str:
    """A word's part of speech from jieba's dictionary (and the user dictionary)."""
    return tag_table().get(word) or _untagged(word)


def _untagged(word: str) -> str:
    """A tag for a word the tag table lacks: Latin or digits, a segmented Chinese compound (a noun), else none."""
    if word.isascii() and word.strip():
        return "eng"
    return "n" if len(word) > 1 and all("\u4e00" <= ch <= "\u9fff" for ch in word) else "x"
