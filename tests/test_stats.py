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
    people = sum(i["normalized"]["value"] for r in records for i in r["indicators"] if i["normalized"]["unit"] == "人")
    assert tables["按类型"]["人数"].sum() == pytest.approx(people)
    assert tables["总体"].set_index("项目").loc["案例数", "数值"] == "8"


def test_one_grouping_in_json(samples_workspace):
    with Workspace(samples_workspace) as ws:
        data = json.loads(format_tables(compute_stats(ws.summary_records(), by="domain"), "json"))
    assert list(data) == ["按领域"] and sum(row["案例数"] for row in data["按领域"]) >= 8
