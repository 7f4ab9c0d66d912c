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
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, islice
from operator import index, itemgetter
from pathlib import Path
from typing import Callable, Union

from casekit.options import load_lexicon

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


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

# A longer text is cut a piece at a time and its words kept as offsets (`TokenArray`): a list of
# tuples costs about 200 bytes a word, a few million words for a text of ten million bytes.
CHUNK_CHARS = 100_000


class TokenArray(Sequence[Token]):
    """A segmentation kept as the offsets where its words begin; `tokens[k]` is (word, start, end).

    The words of a segmentation are contiguous and cover the text, so one machine integer a
    word is all that is stored; the text is the segmented text itself, not a copy.
    """

    __slots__ = ("text", "bounds")

    def __init__(self, text: str, bounds: array):
        self.text, self.bounds = text, bounds  # bounds: each word's start, then the text's end

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def __getitem__(self, k):
        n = len(self.bounds) - 1
        if type(k) is int and 0 <= k < n:
            start, end = self.bounds[k], self.bounds[k + 1]
            return self.text[start:end], start, end
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(n))]
        k = index(k)
        if -n <= k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError("token index out of range")
        return self[k]

    def __iter__(self) -> Iterator[Token]:
        text, bounds = self.text, self.bounds
        start = bounds[0] if bounds else 0
        for k in range(1, len(bounds)):
            end = bounds[k]
            yield text[start:end], start, end
            start = end

    def words(self) -> Iterator[str]:
        """The words alone, in order."""
        return map(self.text.__getitem__, map(slice, self.bounds, islice(self.bounds, 1, None)))

    def starts(self) -> Iterator[int]:
        """Where each word starts, in order."""
        return islice(self.bounds, len(self.bounds) - 1)

    def __eq__(self, other) -> bool:
        if isinstance(other, (TokenArray, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TokenArray({len(self)} words)"


Tokens = Union[list[Token], TokenArray]
_word, _start = itemgetter(0), itemgetter(1)


def segment(text: str) -> Tokens:
    """The text cut into words, once, each with its offsets.

    jieba's prefix dictionary without its HMM pass: one plain segmentation a case, shared by
    figure subjects, keywords and writing checks. Parts of speech are looked up (`tag_of`)
    only for the few words beside each figure. A text longer than `CHUNK_CHARS` is cut a piece
    at a time, each ending at a line break (which is a word of its own to jieba, so the words
    are the same), and kept as a `TokenArray`.
    """
    if len(text) <= CHUNK_CHARS:
        return tokenizer().tokenize(text, "default", False)
    return segment_long(text)


def segment_long(text: str, chunk: int = CHUNK_CHARS) -> Tokens:
    """`segment` for a long text: the same words, kept as offsets (each word's start is the sum
    of the lengths before it, as in jieba's own offsets)."""
    seg = tokenizer()
    bounds = array("q" if len(text) >= 2**31 else "i")
    pos = 0
    while pos < len(text):
        cut = _chunk_end(text, pos, chunk)
        bounds.extend(accumulate(map(len, seg.cut(text[pos:cut], False)), initial=pos))
        if bounds[-1] != cut:  # the words do not cover the piece (never seen): keep jieba's own tuples
            return seg.tokenize(text, "default", False)
        bounds.pop()  # the piece's end is the next piece's start
        pos = cut
    bounds.append(len(text))
    return TokenArray(text, bounds)


def _chunk_end(text: str, pos: int, chunk: int) -> int:
    """Where the piece of text starting at `pos` ends: just after a line break near `pos + chunk`."""
    if pos + chunk >= len(text):
        return len(text)
    brk = text.rfind("\n", pos, pos + chunk)
    if brk < 0:
        brk = text.find("\n", pos + chunk)
    return len(text) if brk < 0 else brk + 1


def bisect_starts(tokens: Tokens, pos: int, right: bool = True) -> int:
    """bisect_right (or bisect_left) of `pos` among the words' starts."""
    if isinstance(tokens, TokenArray):
        return (bisect_right if right else bisect_left)(tokens.bounds, pos, 0, len(tokens))
    return (bisect_right if right else bisect_left)(tokens, pos, key=_start)


def words_of(tokens: Tokens) -> Iterator[str]:
    """The words of a segmentation, in order."""
    return tokens.words() if isinstance(tokens, TokenArray) else map(_word, tokens)


def starts_of(tokens: Tokens) -> Iterator[int]:
    """Where the words of a segmentation start, in order."""
    return tokens.starts() if isinstance(tokens, TokenArray) else map(_start, tokens)


def tag_of(word: str) -> str:
    """A word's part of speech from jieba's dictionary (and the user dictionary)."""
    return tag_table().get(word) or _untagged(word)


def _untagged(word: str) -> str:
    """A tag for a word the tag table lacks: a number (jieba's numeral tag; "5086户20402人" has no
    noun between its figures), a Latin word, a segmented Chinese compound (a noun), else none."""
    if _NUMBER.fullmatch(word):
        return "m"
    if word.isascii() and any(ch.isalpha() for ch in word):
        return "eng"
    return "n" if len(word) > 1 and all("\u4e00" <= ch <= "\u9fff" for ch in word) else "x"
