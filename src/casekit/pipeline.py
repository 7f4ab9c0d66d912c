"""From a source document to its case records: the stages in order, one call each.

    1. read      bytes -> decoded source text              (extract/read.py; done by the caller)
    2. clean     source text -> cleaned text + offset map  (extract/clean.py)
    3. split     cleaned text -> cases with title and unit (extract/split.py)
    4. metadata  genre, year, region                       (extract/metadata.py, extract/region.py)
    5. sections  template sections and their points        (extract/sections.py)
    6. figures   indicators with subjects                  (extract/indicators.py, extract/subjects.py)
                 over one segmentation of the case            (extract/tokens.py)
    7. models    named models with parts                   (extract/named_models.py)
    8. keywords  keywords and fields of work               (extract/keywords.py)
    9. quality   truncation and writing findings,          (extract/quality.py, extract/writing.py,
                 a fingerprint for duplicates                  extract/fingerprint.py)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from casekit.extract.characters import AsWritten, paired_quotes, simplified
from casekit.extract.clean import Cleaned, clean_text
from casekit.extract.fingerprint import fingerprint
from casekit.extract.indicators import FoundIndicator, find_indicators
from casekit.extract.keywords import count_terms, find_domains, rank_keywords
from casekit.extract.metadata import find_genre, find_year
from casekit.extract.named_models import find_models
from casekit.extract.numbers import parse_chinese
from casekit.extract.quality import find_truncation
from casekit.extract.read import Document
from casekit.extract.region import find_region, resolve_admin
from casekit.extract.sections import split_sections
from casekit.extract.split import CaseSpan, split_cases
from casekit.extract.subjects import find_subject, subject_as_written
from casekit.extract.tokens import Tokens, segment
from casekit.extract.writing import find_writing_issues
from casekit.models import Case, Indicator, NamedModel, Section, Source
from casekit.options import Options

_BYLINE_LOOKAHEAD = 600
# What cleaning left out near a case's start that marks a news report: a reporter's byline, a
# photo's caption or credit, a paper's dateline.
_REPORT_ROLES = frozenset({"byline", "caption", "dateline"})
_TITLE_ABOVE = 400  # characters: a case's title stands no further above its text (past a page's head)
_HEADING_GAP = 4  # characters a heading may stand before its section's text (a colon, spaces)


def warm_up() -> None:
    """Load the stages' heavy libraries and tables once, so that forked workers share them."""
    segment("预热")
    parse_chinese("两千")
    resolve_admin("北京市")
    fingerprint("预热")
    rank_keywords({"党建": 1}, 1)


def process_document(doc: Document, options: Options) -> list[Case]:
    """Every case in a decoded document, as full SCHEMA.md records."""
    cleaned = clean_text(doc.text, options.lexicon)
    view, written = _view(cleaned.text)  # a page in traditional characters is split as a simplified one
    spans = [_span_as_written(span, written)
             for span in split_cases(view, cleaned.headers, options.title_max_chars, cleaned.outline,
                                     options.lexicon.heading_keys, cleaned.closing_units, cleaned.source_line_marks())]
    ends = [0] + [span.end for span in spans]
    starts = [span.start for span in spans[1:]] + [len(cleaned.text)]
    return [_build_case(doc, cleaned, span, index, (ends[index], starts[index]), options)
            for index, span in enumerate(spans)]


def _build_case(doc: Document, cleaned: Cleaned, span: CaseSpan, index: int, between: tuple[int, int],
                options: Options) -> Case:
    """`between` holds where the case before ends and where the next one starts: what stands from the
    one to this case's headline, and from its end to the other, is no other case's."""
    above, below = between
    lex = options.lexicon
    text = cleaned.text[span.start : span.end]
    view, written = _view(text)
    title, unit = _simplified(span.title), _simplified(span.unit)
    raw_start, raw_end = cleaned.raw_span(span.start, span.end)
    raw_lead = doc.text[raw_start : raw_start + _BYLINE_LOOKAHEAD]  # source lines cleaning left out
    raw_above = cleaned.raw_span(above, above)[0] if above else 0  # a byline may stand over a text with no headline
    byline = bool(cleaned.roles_between(raw_above, raw_start + _BYLINE_LOOKAHEAD) & _REPORT_ROLES)
    region, admin = find_region(unit, title, view, lex.ambiguous_places)
    sections = [_section_as_written(s, written) for s in split_sections(view, lex.heading_keys, lex.heading_cues)]
    outline = split_sections(simplified(cleaned.text[above : span.start]), lex.heading_keys, lex.heading_cues)
    genre = find_genre(view, title, unit, byline, [s.key for s in sections + outline], simplified(raw_lead),
                       simplified(sections[0].heading) if sections else "")
    models, model_issues = find_models(view, title, lex, created_only=genre == "speech")
    models = [_model_as_written(m, written) for m in models]
    tokens = segment(text)
    terms = count_terms(text, tokens, [m.name for m in models], lex.stopwords)
    # The template's checks (missing, out-of-order sections, no unit) hold for submissions only:
    # a speech's "一、主要工作" is no template heading whose companions were lost.
    template = sections if genre == "submission" else []
    raw_below = cleaned.raw_span(below, below)[0] if below < len(cleaned.text) else cleaned.raw_length
    issues = find_truncation(view, template, "shown-in-part" in cleaned.roles_between(raw_above, raw_below))
    writing = find_writing_issues(text, template, span.unit, tokens)
    return Case(
        id=f"{Path(doc.file).stem}-{doc.sha256[:8]}-{index + 1:02d}",
        source=Source(doc.path, doc.file, doc.sha256, doc.encoding, index, raw_start, raw_end),
        collection=span.collection,
        title=span.title,
        subtitle=span.subtitle,
        unit=span.unit,
        region=region,
        admin=admin,
        genre=genre,
        domain=find_domains(view, lex.domains, options.domain_min_hits),
        year=find_year(text, raw_lead),
        truncated=any(i.severity == "error" for i in issues),
        text=text,
        sections=sections,
        indicators=_indicators(written, tokens, cleaned, span.start, sections, options),
        models=models,
        keywords=rank_keywords(terms, options.keywords_top),
        issues=issues + model_issues + writing,
        terms=terms,
        fingerprint=fingerprint(text),
    )


def _span_as_written(span: CaseSpan, written: AsWritten) -> CaseSpan:
    """A case's title lines as the text writes them (split read them in the simplified view)."""
    if written.same:
        return span
    near = max(span.start - _TITLE_ABOVE, 0)
    return replace(span, title=written(span.title, near), subtitle=written(span.subtitle, near),
                   unit=written(span.unit, near), collection=written(span.collection, 0))


def _view(text: str) -> tuple[str, AsWritten]:
    """The case in simplified characters, for matching, and the way back to the text as written."""
    view = paired_quotes(simplified(text))
    return view, AsWritten(text, view)


def _simplified(line: str | None) -> str | None:
    return simplified(line) if line else line


def _section_as_written(section: Section, written: AsWritten) -> Section:
    if written.same:
        return section
    section.heading = written(section.heading, section.start - len(section.heading) - _HEADING_GAP)
    section.text = written.text[section.start : section.end]
    for point in section.points:
        point.label, point.title = written(point.label, point.start), written(point.title, point.start)
    return section


def _model_as_written(model: NamedModel, written: AsWritten) -> NamedModel:
    if written.same:
        return model
    model.name = written.text[model.start : model.end]
    model.components = [written(part, model.start) for part in model.components]
    return model


def _indicators(written: AsWritten, tokens: Tokens, cleaned: Cleaned, offset: int, sections: list[Section],
                options: Options) -> list[Indicator]:
    """The case's figures in order; each knows the subject of the one before it in its sentence.

    Subjects are found in the simplified view, where the word lists match ("高達" is 高达), and
    given back as written. Figures share one string for each unit, approximation and subject they
    repeat (a long case has a hundred thousand figures and a few hundred subjects).
    """
    found: list[Indicator] = []
    shared: dict[str | None, str | None] = {}
    view_tokens = tokens if written.same else segment(written.view)
    earlier: tuple[str, str | None] = ("", None)  # (sentence, subject in the view) of the figure before

    def share(value: str | None) -> str | None:
        return shared.setdefault(value, value)

    for f in find_indicators(written.view, options.lexicon.units):
        subject = find_subject(written.view, f.start, f.end, view_tokens, options.lexicon.subject_words,
                               options.subject_window, earlier[1] if earlier[0] == f.sentence else None)
        earlier = (f.sentence, subject)
        found.append(_indicator(_figure_as_written(f, written), subject, written, cleaned, offset, sections,
                                options, share))
    return found


def _figure_as_written(f: FoundIndicator, written: AsWritten) -> FoundIndicator:
    """A figure found in the simplified view, with its text, unit, approximation and sentence as written."""
    if written.same:
        return f
    return replace(f, text=written.text[f.start : f.end], unit=written(f.unit, f.end - len(f.unit)),
                   approx=written(f.approx, f.start), sentence=written(f.sentence, f.end - len(f.sentence)))


def _indicator(f: FoundIndicator, subject: str | None, written: AsWritten, cleaned: Cleaned, offset: int,
               sections: list[Section], options: Options, share: Callable[[str | None], str | None]) -> Indicator:
    """`subject` is what the figure counts, in the simplified view."""
    raw_start, raw_end = cleaned.raw_span(offset + f.start, offset + f.end)
    window = options.subject_window + 2  # a subject stands within the window on either side, past a 的
    return Indicator(
        text=f.text,
        value=f.value,
        unit=share(f.unit),
        approx=share(f.approx),
        normalized={"value": f.normalized_value, "unit": f.normalized_unit},
        subject=share(subject_as_written(subject, written, f.start - window, f.end + window)),
        section=next((s.key for s in sections if s.start <= f.start < s.end), None),
        start=f.start,
        end=f.end,
        raw_start=raw_start,
        raw_end=raw_end,
        sentence=f.sentence,
        value_max=f.value_max,
        kind=options.lexicon.figure_kinds.kind_of(f.normalized_unit, subject),
    )
