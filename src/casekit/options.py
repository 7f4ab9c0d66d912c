"""One frozen options object: package defaults and word lists, built once per process."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Mapping

import yaml

from casekit.models.figure_kinds import FigureKinds

LEXICON = "casekit.lexicon"


@dataclass(frozen=True)
class Units:
    """The units a figure may end with.

    `canonical` maps each unit as written to the unit figures are summed in (名 -> 人). The measure
    words found in jieba's dictionary and the places counted in a list ("4镇2乡1街道") end a figure
    written in Arabic digits only: after a Chinese numeral they are as often a name (十八道岗子村,
    三乡). A place counts only where no word goes on after it (not 5村民).
    """

    canonical: Mapping[str, str]
    arabic_only: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Word lists an editor can extend: they live as files in `casekit/lexicon/`.

    Plain dicts and frozensets, so options can be sent to worker processes; nothing mutates them.
    """

    heading_keys: Mapping[str, str]  # heading variant -> section key
    heading_cues: tuple[tuple[str, tuple[str, ...]], ...]  # (section key, cue words), in the order tried
    units: Units
    common_models: frozenset[str]
    not_models: frozenset[str]
    collection_cues: tuple[str, ...]
    domains: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]
    subject_words: Mapping[str, frozenset[str]]
    ambiguous_places: frozenset[str]  # county names that are also everyday words
    userdict: Path
    figure_kinds: FigureKinds


@dataclass(frozen=True)
class Limits:
    """What one input may cost (the reasons are in `lexicon/defaults.yaml`); each refusal names its limit."""

    max_file_mb: int = 20
    max_text_chars: int = 8_000_000
    max_line_chars: int = 200_000
    max_zip_members: int = 3000
    max_zip_inflated_mb: int = 200
    max_zip_ratio: int = 150
    max_pdf_pages: int = 3000
    max_pdf_stream_mb: int = 64
    worker_memory_mb: int = 2048
    max_import_mb: int = 5


@dataclass(frozen=True)
class Options:
    lexicon: Lexicon
    keywords_top: int = 8
    domain_min_hits: int = 3
    title_max_chars: int = 60
    subject_window: int = 16
    max_case_chars: int = 3000
    limits: Limits = Limits()
    extra: Mapping[str, object] = field(default_factory=dict)


def lexicon_path(name: str) -> Path:
    return Path(str(resources.files(LEXICON).joinpath(name)))


def read_lexicon_lines(name: str) -> list[str]:
    """The lines of a plain word list of `casekit/lexicon/`, without blanks and # comments."""
    text = lexicon_path(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def read_lexicon_yaml(name: str) -> dict:
    """A YAML word list of `casekit/lexicon/` (an empty file reads as {})."""
    return yaml.safe_load(lexicon_path(name).read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    from casekit.extract.patterns import HEADING_JOINERS

    headings = read_lexicon_yaml("headings.yaml")
    heading_keys = {variant: key for key, variants in headings.items() for variant in variants}
    for variant, key in list(heading_keys.items()):  # "背景与起因" also as "背景起因", which "背景和起因" reads as
        heading_keys.setdefault(HEADING_JOINERS.sub("", variant), key)
    domains = {name: tuple(cues) for name, cues in read_lexicon_yaml("domains.yaml").items()}
    return Lexicon(
        heading_keys=heading_keys,
        heading_cues=tuple((key, tuple(cues)) for key, cues in read_lexicon_yaml("heading_cues.yaml").items()),
        units=_unit_vocabulary(),
        common_models=frozenset(read_lexicon_lines("common_models.txt")),
        not_models=frozenset(read_lexicon_lines("not_models.txt")),
        collection_cues=tuple(read_lexicon_lines("collection_cues.txt")),
        domains=domains,
        stopwords=frozenset(read_lexicon_lines("stopwords.txt")),
        subject_words={name: frozenset(words) for name, words in read_lexicon_yaml("subject_words.yaml").items()},
        ambiguous_places=frozenset(read_lexicon_lines("ambiguous_places.txt")),
        userdict=lexicon_path("userdict.txt"),
        figure_kinds=FigureKinds.from_data(read_lexicon_yaml("figure_kinds.yaml")),
    )


def _unit_vocabulary() -> Units:
    """units.yaml, the measure words found in jieba's dictionary and the place units, each of the
    last two its own canonical unit, and a count of times of any single-character unit
    ("1.5万台次", "120架次", as 人次 is written)."""
    units = {str(k): str(v) for k, v in read_lexicon_yaml("units.yaml").items()}
    measure_words = [w for w in read_lexicon_lines("measure_words.txt") if w not in units]
    places = [w for w in read_lexicon_lines("place_units.txt") if w not in units]
    for word in measure_words + places:
        units[word] = word
    for unit in [u for u in units if len(u) == 1 and "\u4e00" <= u <= "\u9fff"]:
        units.setdefault(unit + "次", unit + "次")
    return Units(units, frozenset(measure_words + places), frozenset(places))


@lru_cache(maxsize=1)
def default_options() -> Options:
    """Package defaults from `lexicon/defaults.yaml`."""
    return with_settings(Options(lexicon=load_lexicon()), read_lexicon_yaml("defaults.yaml"))


def with_settings(options: Options, settings: Mapping[str, object]) -> Options:
    """Options with a user's settings layered on top; unknown keys are kept in `extra`."""
    known = {k: v for k, v in settings.items() if k in Options.__dataclass_fields__ and k not in ("lexicon", "limits")}
    extra = {k: v for k, v in settings.items() if k not in known and k != "limits"}
    limits = replace(options.limits, **{k: v for k, v in (settings.get("limits") or {}).items()
                                        if k in Limits.__dataclass_fields__})
    return replace(options, **known, limits=limits, extra={**options.extra, **extra})
