"""Stage 8: keywords (TF-IDF over jieba tokens with the domain dictionary) and fields of work."""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

_KEYWORD_POS = ("n", "nz", "vn", "nt", "j", "ns", "l")
_DOMAIN_SHARE = 0.3


def find_keywords(text: str, stopwords: frozenset[str], top: int) -> list[str]:
    """The case's most characteristic words, by TF-IDF against jieba's reference corpus."""
    tags = _extractor().extract_tags(text, topK=top * 3, allowPOS=_KEYWORD_POS)
    return [w for w in tags if w not in stopwords and len(w) > 1 and not w.isdigit()][:top]


@lru_cache(maxsize=1)
def _extractor():
    from jieba import analyse

    from casekit.extract.tokens import pos_tagger, tokenizer

    extractor = analyse.TFIDF()
    extractor.tokenizer = tokenizer()
    extractor.postokenizer = pos_tagger()
    return extractor


def find_domains(text: str, domains: Mapping[str, tuple[str, ...]], min_hits: int) -> list[str]:
    """Fields of work whose cue words the text mentions often enough, most mentioned first."""
    hits = {name: sum(text.count(cue) for cue in cues) for name, cues in domains.items()}
    top = max(hits.values(), default=0)
    floor = max(min_hits, top * _DOMAIN_SHARE)
    return [name for name, n in sorted(hits.items(), key=lambda kv: -kv[1]) if n >= floor]
