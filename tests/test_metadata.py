"""Metadata: genre from its cues, the year most named, the region the unit or lead names."""

from __future__ import annotations

import pytest

from casekit.extract.metadata import find_genre, find_year
from casekit.extract.region import find_region


@pytest.mark.parametrize(
    "text, title, unit, byline, genre",
    [
        pytest.param("一、背景\n正文。", "推行新机制", "中共某县委组织部", False, "submission", id="unit-line"),
        pytest.param("【主持人】观众朋友们好。", "访谈", None, False, "interview", id="host"),
        pytest.param("记者：请介绍一下做法？\n答：我们……", "打造红色物业", None, False, "interview", id="reporter-asks"),
        pytest.param("同志们：今天我们召开会议。", "在全县组织工作会议上的讲话", None, False, "speech", id="speech-title"),
        pytest.param("今年以来，街道推行清单管理。", "街道推行清单管理", None, True, "news", id="byline"),
        pytest.param("基层党组织是党执政的基础。", "坚持创新推进基层党建工作", None, False, "article", id="essay"),
    ],
)
def test_genre(text, title, unit, byline, genre):
    assert find_genre(text, title, unit, byline) == genre


@pytest.mark.parametrize(
    "keys, genre",
    [
        pytest.param(["background", "practices", "lessons"], "submission", id="template-without-a-unit"),
        pytest.param(["practices", "outcomes"], "submission", id="two-template-sections"),
        pytest.param(["lessons"], "article", id="one-section-is-not-the-template"),
        pytest.param([], "article", id="no-sections"),
    ],
)
def test_template_sections_make_a_submission(keys, genre):
    assert find_genre("社区推行网格化管理。", "推行网格化管理", None, False, keys) == genre


@pytest.mark.parametrize(
    "text, year",
    [
        pytest.param("2019年6月成立协会，2019年底发展会员，2014年以来累计开展活动。", 2019, id="most-named"),
        pytest.param("2020年和2021年各召开一次会议。", 2021, id="tie-takes-later"),
        pytest.param("上世纪90年代初，该村还很落后。", None, id="decade-is-not-a-year"),
    ],
)
def test_year(text, year):
    assert find_year(text) == year


@pytest.mark.parametrize(
    "text, lead, year",
    [
        pytest.param("4月25日，学校召开培训会。", "培训会\n发布时间：2021-04-09　来源：某某网\n", 2021, id="page-date-line"),
        pytest.param("4月25日，学校召开培训会。", "培训会\n2019年5月6日 10:20\n", 2019, id="date-in-chinese"),
        pytest.param("2018年，学校召开培训会。", "发布时间：2021-04-09\n", 2018, id="the-text-names-its-year"),
        pytest.param("4月25日，学校召开培训会。", "浏览次数：2021\n", None, id="a-number-is-no-date"),
    ],
)
def test_year_of_a_text_that_names_none_is_its_date_line(text, lead, year):
    assert find_year(text, lead) == year


@pytest.mark.parametrize(
    "unit, lead, region, county",
    [
        pytest.param("中共辽源市西安区委组织部", "", "西安区", "西安区", id="district"),
        pytest.param("中共株洲市芦淞区建宁街道工作委员会", "", "建宁街道", "芦淞区", id="street-below-county"),
        pytest.param(None, "惠城区深入推进基层党建三年行动计划", "惠城区", "惠城区", id="from-the-lead"),
        pytest.param(None, "县委书记 李某某 同志们：今天我们召开全县组织工作会议", None, None, id="no-place-named"),
        pytest.param(None, "岭南县共有行政村156个", None, None, id="no-county-from-a-fragment-of-an-unknown-name"),
        pytest.param(None, "老城区人口密集，流动人口多", None, None, id="everyday-word-is-no-county"),
        pytest.param(None, "攀枝花市东区推行网格化管理", "东区", "东区", id="everyday-word-beside-its-city"),
        pytest.param(None, "中心城区人口密集，东丰县推进网格化", "东丰县", "东丰县", id="place-after-a-skipped-guess"),
        pytest.param("中共枫桥镇委员会", "", "枫桥镇", None, id="unresolved-town-named-by-the-unit"),
        pytest.param("某某公司党委", "", None, None, id="unit-without-a-place"),
    ],
)
def test_region(unit, lead, region, county, lexicon):
    found, admin = find_region(unit, None, lead, lexicon.ambiguous_places)
    assert (found, admin.county) == (region, county)


def test_a_report_on_a_meeting_is_news_not_a_speech():
    assert find_genre("记者从会上获悉，全市召开座谈会。", "全市城市基层党建工作座谈会召开", None, True) == "news"
