"""The workspace: whole documents only, unchanged files skipped, failures recorded, versions checked."""

from __future__ import annotations

import json
import sqlite3

import pytest

from casekit.errors import WorkspaceError
from casekit.ingest import SourceFile, collect_files, ingest_files
from casekit.store import SCHEMA_VERSION, Workspace

SUBMISSION = "推行“三联”工作法 提升治理水平\n中共某某县委组织部申报\n一、背景\n党员120人。\n二、主要做法\n建立议事会。\n三、经验启示\n坚持党建引领。\n"


def ingest(ws, path, options, force=False):
    return ingest_files(ws, [SourceFile(path, path.name)], options, force=force)[0]


def test_reingest_is_unchanged_then_replaced(tmp_path, options):
    source = tmp_path / "a.txt"
    source.write_text(SUBMISSION, encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        assert ingest(ws, source, options).status == "new"
        assert ingest(ws, source, options).status == "unchanged"
        assert ingest(ws, source, options, force=True).status == "updated"
        source.write_text(SUBMISSION.replace("120人", "150人"), encoding="utf-8")
        result = ingest(ws, source, options)
        assert (result.status, result.cases) == ("updated", 1)
        (record,) = ws.iter_records()
        assert [i["text"] for i in record["indicators"]] == ["150人"]
        assert ws.case_rows()[0]["indicators"] == 1


def test_failed_file_keeps_earlier_cases(tmp_path, options):
    source = tmp_path / "a.txt"
    source.write_text(SUBMISSION, encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        ingest(ws, source, options)
        source.write_bytes(b"")
        result = ingest(ws, source, options)
        assert result.status == "failed" and "为空" in result.error
        assert len(list(ws.iter_records())) == 1


def test_a_document_is_stored_whole_or_not_at_all(tmp_path, options, monkeypatch):
    source = tmp_path / "a.txt"
    source.write_text(SUBMISSION, encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        ingest(ws, source, options)
        monkeypatch.setattr(Workspace, "_insert_record", _explode)
        source.write_text(SUBMISSION.replace("120人", "150人"), encoding="utf-8")
        with pytest.raises(RuntimeError):
            ingest(ws, source, options)
        (record,) = ws.iter_records()
        assert record["indicators"][0]["text"] == "120人"


def _explode(self, doc_id, row):
    raise RuntimeError("disk full")


def test_record_by_unique_prefix(tmp_path, options):
    source = tmp_path / "a.txt"
    source.write_text(SUBMISSION, encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        ingest(ws, source, options)
        (case_id,) = [r["id"] for r in ws.iter_records()]
        assert ws.record(case_id[:5])["id"] == case_id
        with pytest.raises(WorkspaceError, match="没有编号"):
            ws.record("nothing")


def test_workspace_of_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE cases (id TEXT)")
    db.execute("PRAGMA user_version=99")
    db.commit()
    db.close()
    with pytest.raises(WorkspaceError, match="版本"):
        Workspace(path)


def test_missing_workspace_is_reported_when_not_creating(tmp_path):
    with pytest.raises(WorkspaceError, match="不存在"):
        Workspace(tmp_path / "none.db", create=False)


def test_collect_files_walks_folders(tmp_path):
    (tmp_path / "子 目录").mkdir()
    (tmp_path / "子 目录" / "案例 一.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "b.md").write_text("乙", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    found = collect_files([tmp_path])
    assert [f.path.name for f in found] == ["b.md", "案例 一.txt"]
    assert found[1].shown.endswith("子 目录/案例 一.txt")


VERSION_ONE_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, path TEXT NOT NULL, file TEXT NOT NULL,
    sha256 TEXT, size INTEGER, encoding TEXT, status TEXT NOT NULL, error TEXT, ingested_at TEXT NOT NULL);
CREATE TABLE cases (id TEXT PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    case_index INTEGER NOT NULL, title TEXT, unit TEXT, region TEXT, province TEXT, city TEXT, county TEXT,
    genre TEXT, year INTEGER, truncated INTEGER, chars INTEGER, record TEXT NOT NULL);
CREATE TABLE indicators (case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    text TEXT, value REAL, unit TEXT, normalized_value REAL, normalized_unit TEXT, approx TEXT, subject TEXT,
    section TEXT);
CREATE TABLE models (case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE, name TEXT NOT NULL,
    featured INTEGER, common INTEGER, components TEXT);
"""


def test_version_one_workspace_is_migrated(tmp_path, options):
    path = tmp_path / "v1.db"
    db = sqlite3.connect(path)
    db.executescript(VERSION_ONE_SCHEMA)
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    source = tmp_path / "a.txt"
    source.write_text(SUBMISSION, encoding="utf-8")
    with Workspace(path) as ws:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ingest(ws, source, options).status == "new"
        assert len(ws.fingerprints()) == 1
        tables = {name for (name,) in ws.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"documents", "cases", "models", "meta"}


def test_keywords_are_ranked_against_the_workspace(tmp_path, options):
    texts = {
        "a.txt": SUBMISSION.replace("建立议事会", "建立物业服务站，物业企业与业委会共商，物业管理提质"),
        "b.txt": SUBMISSION.replace("建立议事会", "建立产业合作社，合作社带动农户，合作社分红"),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        ingest_files(ws, collect_files([tmp_path]), options)
        keywords = {r["source"]["file"]: r["keywords"] for r in ws.iter_records()}
    assert "物业" in keywords["a.txt"] and "物业" not in keywords["b.txt"]
    assert "合作社" in keywords["b.txt"]


def test_version_three_workspace_gains_the_facts_column(tmp_path, options):
    from casekit.stats import compute_stats

    (tmp_path / "a.txt").write_text(SUBMISSION, encoding="utf-8")
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        ingest_files(ws, collect_files([tmp_path / "a.txt"]), options)
        _tables_of_old(ws)
        ws.db.executescript("ALTER TABLE cases DROP COLUMN facts; PRAGMA user_version=3;")
    with Workspace(db) as ws:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        full, summary = compute_stats(ws.iter_records()), compute_stats(ws.summary_records())
    assert all(a.frame.equals(b.frame) for a, b in zip(full, summary))


def test_version_four_workspace_gains_issues_among_the_facts(tmp_path, options):
    (tmp_path / "a.txt").write_text(SUBMISSION.replace("中共某某县委组织部申报\n", ""), encoding="utf-8")
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        ingest_files(ws, collect_files([tmp_path / "a.txt"]), options)
        _tables_of_old(ws)
        ws.db.executescript("UPDATE cases SET facts = json_remove(facts, '$.issues', '$.indicator_count', "
                            "'$.unit_totals'); PRAGMA user_version=4;")
        assert [issues for *_, issues in ws.issue_rows()] == [[]]
    with Workspace(db) as ws:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        stored = [issues for *_, issues in ws.issue_rows()]
        records = list(ws.iter_records())
        counted = [row["indicators"] for row in ws.case_rows()]
    assert stored == [r["issues"] for r in records] and stored[0]
    assert counted == [len(r["indicators"]) for r in records] and counted[0]


def _tables_of_old(ws):
    """The figures and terms tables that workspaces before versions 6 and 7 kept, filled from the
    stored records, facts without the reviewed fields, and no meta table (version 8)."""
    ws.db.executescript("""
        CREATE TABLE indicators (case_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT, value REAL, unit TEXT,
            normalized_value REAL, normalized_unit TEXT, approx TEXT, subject TEXT, section TEXT);
        INSERT INTO indicators SELECT c.id, f.key, f.value ->> 'text', f.value ->> 'value', f.value ->> 'unit',
            f.value ->> '$.normalized.value', f.value ->> '$.normalized.unit', f.value ->> 'approx',
            f.value ->> 'subject', f.value ->> 'section'
        FROM cases c, json_each(c.record, '$.indicators') f;
        CREATE TABLE terms (case_id TEXT NOT NULL, term TEXT NOT NULL, count INTEGER NOT NULL);
        INSERT INTO terms SELECT c.id, t.key, t.value FROM cases c, json_each(c.terms) t;
        ALTER TABLE cases DROP COLUMN terms;
        UPDATE cases SET facts = json_remove(facts, '$.reviewed');
        DROP TABLE meta;""")


def test_version_six_workspace_keeps_its_terms_and_reviewed_fields(tmp_path, options):
    (tmp_path / "a.txt").write_text(SUBMISSION, encoding="utf-8")
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        ingest_files(ws, collect_files([tmp_path / "a.txt"]), options)
        (record,) = ws.iter_records()
        ws.update_record({**record, "keywords": ["议事会"], "reviewed": ["keywords"]})
        terms = ws.db.execute("SELECT terms FROM cases").fetchone()[0]
        _tables_of_old(ws)
        ws.db.execute("PRAGMA user_version=6")
    with Workspace(db) as ws:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert json.loads(ws.db.execute("SELECT terms FROM cases").fetchone()[0]) == json.loads(terms)
        assert ws.refresh_keywords(lambda counts, df, n: sorted(counts)[:2]) == 0  # reviewed: left alone
        assert next(ws.iter_records())["keywords"] == ["议事会"]


def _compilation(*cases: str) -> str:
    """A compilation of the given cases, each with its title and unit line."""
    return "某某县基层党建案例汇编\n\n" + "\n".join(cases)


def _case(name: str, figure: str) -> str:
    return (f"推行“{name}”工作法 提升{name}治理水平\n申报单位：中共{name}县委组织部\n一、背景\n"
            f"{name}县辖{figure}个村，过去议事难、落实难，群众对{name}片区的环境意见较多。\n二、主要做法\n"
            f"{name}县建立议事会，由党员骨干牵头每月议事，解决{name}片区问题{figure}件，群众满意率显著提高。\n"
            f"三、经验启示\n坚持党建引领{name}片区治理，议事协商常态化。\n")


def test_reviewed_fields_follow_their_case_when_one_is_inserted_before_it(tmp_path, options):
    path = tmp_path / "汇编.txt"
    path.write_text(_compilation(_case("甲", "12"), _case("乙", "34")), encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        ingest(ws, path, options)
        first, second = ws.iter_records()
        ws.update_record({**second, "title": "编辑改过的乙案例标题", "reviewed": ["title"]})
        path.write_text(_compilation(_case("丙", "56"), _case("甲", "12"), _case("乙", "34")), encoding="utf-8")
        assert ingest(ws, path, options).status == "updated"
        titles = [(r["title"], r.get("reviewed") or []) for r in ws.iter_records()]
    assert titles[0] == ("推行“丙”工作法 提升丙治理水平", [])
    assert titles[1] == (first["title"], [])
    assert titles[2] == ("编辑改过的乙案例标题", ["title"])


def test_a_reviewed_case_whose_text_is_gone_is_not_carried_onto_another(tmp_path, options):
    path = tmp_path / "汇编.txt"
    path.write_text(_compilation(_case("甲", "12"), _case("乙", "34")), encoding="utf-8")
    with Workspace(tmp_path / "ws.db") as ws:
        ingest(ws, path, options)
        first, _ = ws.iter_records()
        ws.update_record({**first, "title": "编辑改过的甲案例标题", "reviewed": ["title"]})
        other = ("建设“红色驿站” 服务新就业群体\n申报单位：中共丁县委组织部\n一、背景\n外卖骑手、快递小哥流动性强，"
                 "组织覆盖难。\n二、主要做法\n依托商圈建设驿站45个，提供饮水、充电、休息服务，吸纳骑手参与社区巡查。\n"
                 "三、经验启示\n把服务做在前面，新就业群体就能成为治理力量。\n")
        path.write_text(_compilation(other, _case("乙", "34")), encoding="utf-8")
        ingest(ws, path, options)
        assert all(not r.get("reviewed") for r in ws.iter_records())


def test_keywords_ranked_after_a_run_stopped_before_ranking(tmp_path, options, monkeypatch):
    for name, word in (("a.txt", "物业服务站"), ("b.txt", "产业合作社")):
        (tmp_path / name).write_text(SUBMISSION.replace("建立议事会", f"建立{word}，{word}提质"), encoding="utf-8")
    with Workspace(tmp_path / "expected.db") as ws:
        ingest_files(ws, collect_files([tmp_path]), options)
        expected = [r["keywords"] for r in ws.iter_records()]

    def killed(self, rank):
        raise KeyboardInterrupt  # the run is stopped after the last document is stored

    with monkeypatch.context() as patch:
        patch.setattr(Workspace, "refresh_keywords", killed)
        with Workspace(tmp_path / "ws.db") as ws, pytest.raises(KeyboardInterrupt):
            ingest_files(ws, collect_files([tmp_path]), options)
    with Workspace(tmp_path / "ws.db") as ws:
        assert ws.keywords_stale()
        results = ingest_files(ws, collect_files([tmp_path]), options)  # a plain re-run: every file unchanged
        assert [r.status for r in results] == ["unchanged", "unchanged"]
        assert [r["keywords"] for r in ws.iter_records()] == expected
        assert not ws.keywords_stale()


def test_version_eight_workspace_gains_figure_kinds(tmp_path, options):
    from casekit.stats import compute_stats

    (tmp_path / "a.txt").write_text(SUBMISSION, encoding="utf-8")
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        ingest_files(ws, collect_files([tmp_path / "a.txt"]), options)
        for case_id, record, facts in ws.db.execute("SELECT id, record, facts FROM cases").fetchall():
            r, f = json.loads(record), json.loads(facts)
            for figure in r["indicators"]:
                del figure["kind"]
            f.pop("kind_totals")
            ws.db.execute("UPDATE cases SET record=?, facts=? WHERE id=?", (json.dumps(r), json.dumps(f), case_id))
        ws.db.execute("PRAGMA user_version=8")
    with Workspace(db) as ws:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        records = list(ws.iter_records())
        full, summary = compute_stats(ws.iter_records()), compute_stats(ws.summary_records())
    kinds = [figure["kind"] for r in records for figure in r["indicators"]]
    assert kinds and "people" in kinds
    assert all(a.frame.equals(b.frame) for a, b in zip(full, summary))
