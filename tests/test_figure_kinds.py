"""A figure's kind from its canonical unit and subject: a row per kind, in the shapes real texts give."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "unit, subject, kind",
    [
        pytest.param("元", "帮扶资金", "funds", id="aid-money"),
        pytest.param("元", None, "funds", id="money-without-a-subject"),
        pytest.param("元", "地区生产总值", "economy", id="gdp"),
        pytest.param("元", "社会消费品零售总额", "economy", id="retail-sales"),
        pytest.param("元", "固定资产投资", "economy", id="fixed-investment"),
        pytest.param("元", "村集体经济收入", "economy", id="collective-income"),
        pytest.param("%", "覆盖率", "share", id="percent"),
        pytest.param("百分点", "满意度", "share", id="points"),
        pytest.param("次", "平台点击量", "views", id="page-views"),
        pytest.param("人次", "接待游客", "views", id="visitors"),
        pytest.param("人次", "服务群众", "served", id="people-served"),
        pytest.param("人", "党员", "people", id="people"),
        pytest.param("人", "常住人口", "population", id="population"),
        pytest.param("户", "全村", "population", id="households-of-a-whole-place"),
        pytest.param("户", "困难群众", "households", id="households"),
        pytest.param("次", "志愿服务活动", "activities", id="activities"),
        pytest.param("场", "宣讲", "activities", id="sessions"),
        pytest.param("家", "企业", "organisations", id="firms"),
        pytest.param("个", "党组织", "organisations", id="party-organisations"),
        pytest.param("个", "项目", "other", id="projects-are-no-organisations"),
        pytest.param("亩", "土地", "areas", id="area"),
        pytest.param("公里", "产业路", "lengths", id="length"),
        pytest.param("小时", "志愿服务时长", "durations", id="duration"),
        pytest.param("岁", "平均年龄", "other", id="age"),
    ],
)
def test_kind_of(unit, subject, kind, lexicon):
    assert lexicon.figure_kinds.kind_of(unit, subject) == kind


def test_every_rule_names_a_kind_with_a_label(lexicon):
    kinds = lexicon.figure_kinds
    assert {rule.kind for rule in kinds.rules} | {"other"} <= set(kinds.labels)
    assert set(kinds.divisors) <= set(kinds.labels)
