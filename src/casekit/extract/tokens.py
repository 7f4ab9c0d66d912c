"""jieba set up once per process: the domain user dictionary loaded, the cache in the user's cache folder.

jieba keeps a global default tokenizer; casekit uses its own instance so that the
user dictionary never leaks into (or depends on) other code in the same process.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

from casekit.options import load_lexicon


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or Path.home() / ".cache"
    path = Path(base) / "casekit"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba Tokenizer with casekit's user dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    try:
        tok.tmp_dir = str(_cache_dir())
    except OSError:
        pass
    tok.load_userdict(str(load_lexicon().userdict))
    return tok


@lru_cache(maxsize=1)
def pos_tagger():
    """A part-of-speech tagger over `tokenizer()`."""
    from jieba import posseg

    return posseg.POSTokenizer(tokenizer())


def tag(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs for a short window of text."""
    return [(p.word, p.flag) for p in pos_tagger().cut(text, HMM=False)]
