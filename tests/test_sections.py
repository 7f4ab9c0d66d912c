"""Sections and points: heading variants from the lexicon, points in every numbering style."""

from __future__ import annotations

import pytest

from casekit.extract.sections import find_points, split_sections


def keys_and_bodies(text, lexicon):
    return [(s.key, s.heading, s.text) for s in split_sections(text, lexicon.heading_keys, lexicon.heading_cues)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("标题\n一、背景\n甲。\n二、主要做法与成效\n乙。\n三、经验启示\n丙。",
                     [("background", "一、背景", "甲。"), ("practices", "二、主要做法与成效", "乙。"), ("lessons", "三、经验启示", "丙。")],
                     id="standard"),
        pytest.param("标题\n【背景】\n甲。\n【主要做法】\n乙。\n【成效】\n丙。\n【经验启示】\n丁。",
                     [("background", "【背景】", "甲。"), ("practices", "【主要做法】", "乙。"), ("outcomes", "【成效】", "丙。"),
                      ("lessons", "【经验启示】", "丁。")], id="brackets"),
        pytest.param("标题\n一、基本情况\n甲。\n二、主要做法及成效\n乙。\n三、启示与思考\n丙。\n四、下一步打算\n丁。",
                     [("background", "一、基本情况", "甲。"), ("practices", "二、主要做法及成效", "乙。"),
                      ("lessons", "三、启示与思考", "丙。"), ("other", "四、下一步打算", "丁。")], id="variants-and-other"),
        pytest.param("标题\n背景：面对新问题，社区探索新办法。\n做法：建强组织。",
                     [("background", "背景：", "面对新问题，社区探索新办法。"), ("practices", "做法：", "建强组织。")], id="inline-colon"),
        pytest.param("标题\n一、背景\n甲。\n\n二、取得成效\n乙。", [("background", "一、背景", "甲。"), ("outcomes", "二、取得成效", "乙。")],
                     id="outcomes"),
        pytest.param("标题\n一、基本情况。甲。\n二、主要做法。乙。", [("background", "一、基本情况。", "甲。"), ("practices", "二、主要做法。", "乙。")],
                     id="numbered-inline-full-stop"),
        pytest.param("标题\n一、背景 甲。\n二、主要做法 乙。", [("background", "一、背景", "甲。"), ("practices", "二、主要做法", "乙。")],
                     id="numbered-inline-space"),
        pytest.param("标题\n一、坚持党建引领。通过建强组织。\n二、主要做法\n乙。", [("practices", "二、主要做法", "乙。")],
                     id="numbered-sentence-is-no-heading"),
        pytest.param("标题\n背景介绍\n甲。\n经验做法\n乙。", [("background", "背景介绍", "甲。"), ("practices", "经验做法", "乙。")],
                     id="more-variants"),
        pytest.param("标题\n【背景】\n甲。\n【主要做法】\n乙。\n【专家点评】\n丙。",
                     [("background", "【背景】", "甲。"), ("practices", "【主要做法】", "乙。"), ("other", "【专家点评】", "丙。")],
                     id="bracketed-heading-outside-the-template"),
        pytest.param("标题\n概况\n甲。\n主要做法及成效\n乙。", [("background", "概况", "甲。"), ("practices", "主要做法及成效", "乙。")],
                     id="unnumbered-overview"),
        pytest.param("标题 一、案例背景 甲县位于山区。 二、主要做法 乙。",
                     [("background", "一、案例背景", "甲县位于山区。"), ("practices", "二、主要做法", "乙。")],
                     id="breaks-flattened-into-spaces"),
        pytest.param("标题 一、坚持 党建引领。", [], id="flattened-words-that-are-no-heading"),
        pytest.param("标题\n一、实践探索：坚持和发展新经验、建设平安城市的做法与经验\n甲。",
                     [("practices", "一、实践探索：坚持和发展新经验、建设平安城市的做法与经验", "甲。")],
                     id="label-before-a-colon-names-the-section"),
        pytest.param("标题\n一、某市基层党建引领城市社区治理的主要做法\n甲。",
                     [("practices", "一、某市基层党建引领城市社区治理的主要做法", "甲。")], id="heading-ends-with-a-variant"),
        pytest.param("标题\n（一）某市基层党建引领城市社区治理的主要做法\n甲。", [], id="a-sub-heading-does-not-name-a-section"),
    ],
)
def test_template_sections(text, expected, lexicon):
    assert keys_and_bodies(text, lexicon) == expected


@pytest.mark.parametrize(
    "heading, key",
    [
        pytest.param("二、做法成效", "practices", id="zuofa-chengxiao"),
        pytest.param("二、经验做法", "practices", id="practices-before-lessons"),
        pytest.param("一、背景与动因", "background", id="beijing-dongyin"),
        pytest.param("三、实施效果", "outcomes", id="xiaoguo"),
        pytest.param("三、成效及启示", "outcomes", id="outcomes-before-lessons"),
        pytest.param("四、几点体会", "lessons", id="tihui"),
        pytest.param("一、背景动因", "background", id="dongyin"),
        pytest.param("一、重要意义", "background", id="significance"),
        pytest.param("四、工作启示", "lessons", id="work-lessons"),
        pytest.param("【典型经验】", "lessons", id="bracketed"),
        pytest.param("一、产业综合体简介", "background", id="jianjie"),
        pytest.param("一、**片区基本情况", "background", id="a-masked-name-in-the-heading"),
        pytest.param("一、××镇基本概况", "background", id="a-masked-name-with-crosses"),
        pytest.param("创建背景与动因：", "background", id="a-label-alone-with-its-colon"),
        pytest.param("工作做法", "practices", id="unnumbered-heading-ending-with-a-variant"),
        pytest.param("二、某商务区楼宇党建的实践与探索", "practices", id="a-variants-terms-joined-by-yu"),
        pytest.param("一、背景和起因", "background", id="a-variants-terms-joined-by-he"),
        pytest.param("社区基本情况", "background", id="unnumbered-heading-qualified-by-a-name"),
        pytest.param("四、特色亮点", "other", id="no-cue"),
        pytest.param("二、完善考核评价机制提升效果", "other", id="too-long-for-a-cue"),
    ],
)
def test_short_headings_placed_by_their_words(heading, key, lexicon):
    text = f"标题\n{heading}\n甲。\n二、主要做法\n乙。"
    assert keys_and_bodies(text, lexicon)[0][:2] == (key, heading)


def test_unnumbered_line_is_no_cued_heading(lexicon):
    """A news report's subhead ("成效初显") holds a cue word but makes no template section."""
    assert keys_and_bodies("标题\n取得成效\n甲。\n成效初显\n乙。", lexicon) == [("outcomes", "取得成效", "甲。\n成效初显\n乙。")]


def test_section_offsets_point_at_bodies(lexicon):
    text = "标题\n一、背景\n面对新问题。\n二、主要做法\n（一）建强组织。\n（二）完善机制。"
    for section in split_sections(text, lexicon.heading_keys):
        assert text[section.start : section.end] == section.text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("社区推行网格化管理\n记者从区委组织部获悉，今年以来开展了多项工作。", id="news"),
        pytest.param("一、以建设学习型党组织为重点\n推进理论武装。\n二、以提高执政能力为目标\n增强本领。", id="numbered-article"),
    ],
)
def test_no_sections_invented(text, lexicon):
    assert split_sections(text, lexicon.heading_keys) == []


@pytest.mark.parametrize(
    "body, labels, titles",
    [
        pytest.param("（一）建强组织体系。成立党支部。\n（二）完善服务体系。开展活动。", ["（一）", "（二）"],
                     ["建强组织体系", "完善服务体系"], id="parenthesised"),
        pytest.param("一是“党建+生产经营”。融入治理。二是“党建+改革发展”。推动改革。", ["一是", "二是"],
                     ["“党建+生产经营”", "“党建+改革发展”"], id="yi-shi"),
        pytest.param("一要坚持党的领导。甲。二要调动各方力量。乙。三要健全工作体系。", ["一要", "二要", "三要"],
                     ["坚持党的领导", "调动各方力量", "健全工作体系"], id="yi-yao"),
        pytest.param("1.建立议事会。\n2.公开事项清单。", ["1.", "2."], ["建立议事会", "公开事项清单"], id="arabic"),
        pytest.param("第一，抓好学习。第二，抓好落实。", ["第一，", "第二，"], ["抓好学习", "抓好落实"], id="di-yi"),
    ],
)
def test_points(body, labels, titles):
    points = find_points(body)
    assert [p.label for p in points] == labels
    assert [p.title for p in points] == titles
    assert points[0].start == 0 and points[-1].end == len(body.rstrip())


def test_points_need_a_run_from_one():
    assert find_points("三是加强德治。四是规范管理。") == []
