"""Statistics: the same tables from full records (Excel) and from SQLite summaries (the CLI)."""

from __future__ import annotations

import json

import pytest

from casekit.stats import compute_stats, format_tables
from casekit.store import Workspace


def test_summary_records_give_the_same_tables(samples_workspace):
    with Workspace(samples_workspace) as ws:
        full, summary = compute_stats(ws.iter_records()), compute_stats(ws.summary_records())
    assert [t.title for t in full] == [t.title for t in summary]
    for a, b in zip(full, summary):
        assert a.frame.equals(b.frame), a.title


def test_known_counts(samples_workspace):
    with Workspace(samples_workspace) as ws:
        tables = {t.title: t.frame for t in compute_stats(ws.summary_records())}
        records = list(ws.iter_records())
    genres = dict(zip(tables["按类型"]["类型"], tables["按类型"]["案例数"]))
    assert genres == {"申报材料": 6, "新闻报道": 1, "讲话发言": 1}
    people = sum(i["normalized"]["value"] for r in records for i in r["indicators"] if i["kind"] == "people")
    assert tables["按类型"]["人数"].sum() == pytest.approx(people)
    assert tables["总体"].set_index("项目").loc["案例数", "数值"] == "8"


def test_one_grouping_in_json(samples_workspace):
    with Workspace(samples_workspace) as ws:
        data = json.loads(format_tables(compute_stats(ws.summary_records(), by="domain"), "json"))
    assert list(data) == ["按领域"] and sum(row["案例数"] for row in data["按领域"]) >= 8


def _record(case_id: str, figures: list[tuple[float, str, str]]) -> dict:
    """A record with only what statistics read; `figures` are (normalized value, unit, subject)."""
    return {"id": case_id, "genre": "submission", "unit": "某县委组织部", "admin": {"province": "某省"}, "domain": [],
            "year": 2023, "text": "案例", "sections": [], "truncated": False, "source": {"path": f"{case_id}.txt"},
            "keywords": [], "models": [],
            "indicators": [{"normalized": {"value": v, "unit": u}, "subject": s} for v, u, s in figures]}


def test_money_and_counts_add_up_only_within_a_kind():
    """A county's GDP is no project money and page views are no activities: they are counted, not summed."""
    records = [_record("a", [(21_600_000_000, "元", "地区生产总值"), (570_000, "元", "帮扶资金"),
                             (1_550_000, "次", "平台点击量"), (64, "次", "志愿服务活动"), (12, "个", "项目")])]
    tables = {t.title: t.frame for t in compute_stats(records)}
    by_province = tables["按省份"].set_index("省份")
    assert by_province.loc["某省", "金额（万元）"] == 57
    assert by_province.loc["某省", "活动次数"] == 64
    assert by_province.loc["某省", "组织数"] == 0
    kinds = tables["指标类别"].set_index("类别")
    assert kinds.loc["经济总量", "指标数"] == 1 and kinds.loc["经济总量", "合计"] == "—"
    assert kinds.loc["浏览访问", "指标数"] == 1 and kinds.loc["其他", "指标数"] == 1
    assert kinds.loc["金额（万元）", "合计"] == "57"
