"""jieba set up once per process: the domain user dictionary loaded, caches in the user's cache folder.

jieba keeps a global default tokenizer; casekit uses its own instance so that the user
dictionary never leaks into (or depends on) other code in the same process. The tables
jieba would rebuild from text files on every start (the part-of-speech table, the IDF
table) are kept in the cache folder as marshal files, keyed by jieba's version.
"""

from __future__ import annotations

import logging
import marshal
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple

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
    """A jieba Tokenizer with casekit's user dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    folder = cache_dir()
    if folder:
        tok.tmp_dir = str(folder)
    tok.load_userdict(str(load_lexicon().userdict))
    return tok


@lru_cache(maxsize=1)
def tag_table() -> dict[str, str]:
    """Word -> part-of-speech tag from jieba's dictionary, with the user dictionary's tags on top."""
    table = cached_table("pos", _read_tags)
    for line in load_lexicon().userdict.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            table[parts[0]] = parts[2]
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


class Token(NamedTuple):
    start: int
    word: str


def segment(text: str) -> list[Token]:
    """The text cut into words, once, each with its offset.

    jieba's prefix dictionary without its HMM pass: one plain segmentation a case, shared by
    figure subjects and keywords. Parts of speech are looked up (`tag_of`) only for the few
    words beside each figure.
    """
    tokens, pos = [], 0
    for word in tokenizer().cut(text, HMM=False):
        tokens.append(Token(pos, word))
        pos += len(word)
    return tokens


def tag_of(word: str) -> str:
    """A word's part of speech from jieba's dictionary (and the user dictionary)."""
    return tag_table().get(word) or _untagged(word)


def _untagged(word: str) -> str:
    """A tag for a word the tag table lacks: Latin or digits, a segmented Chinese compound (a noun), else none."""
    if word.isascii() and word.strip():
        return "eng"
    return "n" if len(word) > 1 and all("\u4e00" <= ch <= "\u9fff" for ch in word) else "x"
