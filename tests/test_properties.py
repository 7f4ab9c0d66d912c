"""Property tests: odd input never breaks reading, cleaning or extraction, and offsets stay true."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from casekit.errors import ReadError
from casekit.extract.characters import fold_radicals
from casekit.extract.clean import clean_text
from casekit.extract.read import Document, decode_bytes
from casekit.extract.patterns import ASCII_TO_FULL
from casekit.options import default_options, load_lexicon
from casekit.pipeline import process_document

# Text made of the pieces real submissions are made of, in any order.
PIECES = ["一、背景", "二、主要做法与成效", "（一）", "一是", "中共某县委组织部申报", "党员332人", "近200人", "57 家",
          "90.5%", "“一核九+”", "1+5+N", "2019年", "记者 某某", "责任编辑：某", "http://a.b/c", "【画面】", "第一篇：",
          "，", "。", ",", ":", "(", ")", "\n", "\r\n", "\n\n", " ", "\u3000", "科", "学", "设", "计", "两千余人", "—"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map("".join)
FOLDED = {v: k for k, v in ASCII_TO_FULL.items()}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
@example("⼀、背景\n⼈⺠群众")  # radicals written for characters are read as the characters
def test_cleaning_maps_every_character_back(raw):
    cleaned = clean_text(raw, load_lexicon())
    assert len(cleaned.origin) == len(cleaned.text)
    for ch, pos in zip(cleaned.text, cleaned.origin):
        assert 0 <= pos < len(raw)
        assert ch == "\n" or raw[pos] == ch or raw[pos] == FOLDED.get(ch) or fold_radicals(raw[pos]) == ch


@FAST
@given(st.binary(max_size=300))
def test_decoding_random_bytes_decodes_or_says_why(data):
    try:
        text, encoding = decode_bytes(data)
    except ReadError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_pipeline_never_raises_and_offsets_hold(raw):
    doc = Document(path="x.txt", file="x.txt", sha256="0" * 64, size=len(raw), encoding="utf-8", text=raw)
    for case in process_document(doc, default_options()):
        assert 0 <= case.source.start <= case.source.end <= len(raw)
        for ind in case.indicators:
            assert case.text[ind.start : ind.end] == ind.text
            assert re.sub(r"\D", "", raw[ind.raw_start : ind.raw_end]) == re.sub(r"\D", "", ind.text)
        for section in case.sections:
            assert case.text[section.start : section.end] == section.text
        for model in case.models:
            assert case.text[model.start : model.end] == model.name

