"""Traditional characters read like simplified ones, while records keep the text as written."""

from __future__ import annotations

import pytest

from casekit.extract.characters import AsWritten, paired_quotes, simplified
from casekit.extract.read import read_document
from casekit.pipeline import process_document

TRADITIONAL = "\n".join([
    "推行“三聯三幫”工作法 激活鄉村振興紅色引擎",
    "中共青禾縣委組織部",
    "一、背景",
    "青禾縣轄12個鄉鎮，現有黨員4860名，村級集體經濟普遍薄弱。",
    "二、主要做法與成效",
    "（一）聯產業幫增收。縣委推行“三聯三幫”工作法，組建產業黨小組96個，開展技術培訓90餘場、1100餘人次，"
    "帶動農戶增收約8.5萬元。",
    "三、經驗啟示",
    "一要堅持黨建引領。二要堅持群眾主體。",
])


@pytest.mark.parametrize(
    "text, view",
    [
        pytest.param("中共龍陵縣委組織部", "中共龙陵县委组织部", id="unit"),
        pytest.param("1100餘人次，90場", "1100余人次，90场", id="figures"),
        pytest.param("二、主要做法與成效", "二、主要做法与成效", id="heading"),
        pytest.param("党员332人", "党员332人", id="already-simplified"),
        pytest.param("ok 123", "ok 123", id="ascii"),
    ],
)
def test_simplified_view_is_one_character_for_one(text, view):
    assert simplified(text) == view
    assert len(simplified(text)) == len(text)


def test_a_string_found_in_the_view_is_given_back_as_written():
    text = "組建黨小組96個，開展培訓90場。再建黨小組3個。"
    written = AsWritten(text, simplified(text))
    assert written("党小组") == "黨小組"
    assert written("党小组", text.index("再") ) == "黨小組"
    assert written("90场", 0) == "90場"
    assert written("不在其中") == "不在其中"


def test_a_traditional_submission_reads_like_a_simplified_one(tmp_path, options):
    path = tmp_path / "案例.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    doc = read_document(path)
    (case,) = process_document(doc, options)
    assert case.title == "推行“三聯三幫”工作法 激活鄉村振興紅色引擎"
    assert case.unit == "中共青禾縣委組織部"
    assert case.genre == "submission"
    assert [(s.key, s.heading) for s in case.sections] == [
        ("background", "一、背景"), ("practices", "二、主要做法與成效"), ("lessons", "三、經驗啟示")]
    assert [(i.text, i.unit) for i in case.indicators] == [
        ("12個", "個"), ("4860名", "名"), ("96個", "個"), ("90餘場", "場"), ("1100餘人次", "人次"), ("約8.5萬元", "萬元")]
    assert [i.approx for i in case.indicators][3:] == ["餘", "餘", "約"]
    for ind in case.indicators:
        assert doc.text[ind.raw_start : ind.raw_end] == ind.text
        assert ind.text in ind.sentence
    (model,) = [m for m in case.models if m.featured]
    assert model.name == "三聯三幫"


@pytest.mark.parametrize(
    "text, paired",
    [
        pytest.param("推进”五联创建”活动", "推进“五联创建”活动", id="both-marks-typed-as-closing-ones"),
        pytest.param("“一核”与”两翼”", "“一核”与“两翼”", id="after-a-well-paired-quotation"),
        pytest.param("他说：“好”。“我们”走", "他说：“好”。“我们”走", id="well-paired-quotations-stay"),
        pytest.param("你说”不”", "你说”不”", id="too-short-to-be-a-quotation"),
    ],
)
def test_quotations_opened_by_a_closing_mark(text, paired):
    assert paired_quotes(text) == paired
    assert len(paired_quotes(text)) == len(text)


def test_a_model_quoted_with_two_closing_marks_is_found_and_kept_as_written(tmp_path, options):
    path = tmp_path / "a.txt"
    path.write_text("社区网格化党建工作推进会讲话\n下一步推进”五联创建”活动，全市建成网格1200个。", encoding="utf-8")
    (case,) = process_document(read_document(path, path.name), options)
    assert [m.name for m in case.models] == ["五联创建"]
    assert "”五联创建”" in case.text
