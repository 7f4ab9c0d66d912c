"""Stage 8: keywords and fields of work.

Keywords are TF-IDF: term counts from jieba (with the domain user dictionary, and the case's
own model names kept whole), weighted by jieba's reference IDF and, once the workspace
holds other cases, by how rare the term is among them (`rank_keywords`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import compress, count
from typing import Iterable, Iterator, Mapping

from casekit.extract.tokens import Tokens, bisect_starts, cached_table, starts_of, words_of

_AFTER_DIGIT = re.compile(r"(?<=\d)[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_DOMAIN_SHARE = 0.3
_TERMS_KEPT = 40


def count_terms(text: str, tokens: Tokens, model_names: Iterable[str], stopwords: frozenset[str]) -> dict[str, int]:
    """The case's candidate keywords with their counts (the most frequent few dozen).

    Model names count as whole terms; the words inside them are not counted again. A word
    straight after a digit is the figure's measure ("4300余件", "3万余名"), never a keyword.
    """
    words = Counter(words_of(tokens))
    words.subtract(_words_after_digits(text, tokens))
    inside: set[int] = set()
    models: Counter[str] = Counter()
    for name in sorted(set(model_names), key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            models[name] += 1
            inside.update(range(m.start(), m.end()))
    if inside:
        hits = compress(count(), map(inside.__contains__, starts_of(tokens)))  # the words starting inside a name
        words.subtract(tokens[k][0] for k in hits)
    counts = models + Counter({w: n for w, n in words.items() if n > 0 and _HAN_WORD.match(w) and w not in stopwords})
    return dict(counts.most_common(_TERMS_KEPT))


def _words_after_digits(text: str, tokens: Tokens) -> Iterator[str]:
    """The words that start right after a digit (found by position: a case has a few dozen figures)."""
    for m in _AFTER_DIGIT.finditer(text):
        k = bisect_starts(tokens, m.start(), right=False)
        if k < len(tokens) and tokens[k][1] == m.start():
            yield tokens[k][0]


def rank_keywords(counts: Mapping[str, int], top: int, doc_freq: Mapping[str, int] | None = None,
                  n_docs: int = 1) -> list[str]:
    """The `top` terms by tf × reference idf × workspace idf (1 for a workspace of one case).

    Run for every case of the workspace after each ingest, so each score is one expression;
    the case's total term count, the same for all its terms, is left out of the ordering.
    """
    idf, median = _reference_idf()
    df = doc_freq or {}
    log_docs = math.log(n_docs + 1)
    scores = {term: n * idf.get(term, median) * (log_docs - math.log(df.get(term, 1) + 1) + 1)
              for term, n in counts.items()}
    return sorted(scores, key=lambda term: (-scores[term], term))[:top]


@lru_cache(maxsize=1)
def _reference_idf() -> tuple[dict[str, float], float]:
    """jieba's reference IDF table and its median (for unknown terms), read from the cache when possible."""
    return cached_table("idf", _read_idf)


def _read_idf() -> tuple[dict[str, float], float]:
    from jieba import analyse

    extractor = analyse.TFIDF()
    return extractor.idf_freq, extractor.median_idf


def find_domains(text: str, domains: Mapping[str, tuple[str, ...]], min_hits: int) -> list[str]:
    """Fields of work whose cue words the text mentions often enough, most mentioned first."""
    hits = {name: sum(text.count(cue) for cue in cues) for name, cues in domains.items()}
    top = max(hits.values(), default=0)
    floor = max(min_hits, top * _DOMAIN_SHARE)
    return [name for name, n in sorted(hits.items(), key=lambda kv: -kv[1]) if n >= floor]
