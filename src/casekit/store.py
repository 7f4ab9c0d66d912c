"""The workspace: an embedded SQLite database of documents, cases, figures and models.

Each document is written in one transaction, so a workspace only ever holds whole
documents. The full case record is kept as JSON (the source of truth for exports);
indexed columns beside it serve listing and statistics.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from casekit.carry import keep_reviewed, match_reviewed
from casekit.errors import WorkspaceError
from casekit.extract.writing import count_han
from casekit.models import Case
from casekit.models.figure_kinds import totals_by_kind
from casekit.options import load_lexicon

SCHEMA_VERSION = 9
DEFAULT_DB = "casekit.db"
_BUSY_SECONDS = 60  # how long a writer waits for another process's transaction
# Workspace order: by document path as given, then case; the document id breaks ties between
# two files given by the same relative path, so every reader sees one order.
_IN_ORDER = "ORDER BY d.path, d.id, c.case_index"

# documents.key is the resolved absolute path (one row a file), documents.path the path as given.
# cases.record holds the SCHEMA.md record as JSON; the other columns of cases hold what is read
# often, so that listing, statistics, checks and keyword ranking never parse whole records:
#   chars        the Chinese characters of the text (字数)
#   fingerprint  the MinHash signature for duplicate checks
#   facts        {"domain", "keywords", "sections": [keys], "issues", "indicator_count",
#                 "kind_totals": {figure kind: [figures, sum of normalized values]},
#                 "reviewed": [fields an editor reviewed]}
#   terms        the candidate keywords with their counts ({term: count}), ranked against the
#                whole workspace after each ingest
# meta holds workspace-wide state: "keywords_stale" is set in the transaction that stores a document
# and cleared in the one that ranks keywords again, so a run killed in between is finished by the next.
# Figures and terms have no tables of their own: those of earlier versions cost a row insert
# for each of hundreds of thousands of figures and terms on the single writer.
_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT,
    size INTEGER,
    encoding TEXT,
    status TEXT NOT NULL,
    error TEXT,
    ingested_at TEXT NOT NULL
);
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    case_index INTEGER NOT NULL,
    title TEXT, unit TEXT, region TEXT, province TEXT, city TEXT, county TEXT,
    genre TEXT, year INTEGER, truncated INTEGER, chars INTEGER,
    record TEXT NOT NULL,
    fingerprint BLOB,
    facts TEXT,
    terms TEXT
);
CREATE INDEX cases_document ON cases(document_id, case_index);
CREATE TABLE models (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    name TEXT NOT NULL, featured INTEGER, common INTEGER, components TEXT
);
CREATE INDEX models_case ON models(case_id);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

# The `facts` column computed from a stored record, in SQL (used by the migration to version 4).
_FACTS_FROM_RECORD = """json_object(
    'domain', json(json_extract(record, '$.domain')), 'keywords', json(json_extract(record, '$.keywords')),
    'sections', (SELECT json_group_array(json_extract(value, '$.key')) FROM json_each(record, '$.sections')))"""

# Steps that bring a workspace of version N up to N + 1.
_MIGRATIONS = {
    1: """CREATE TABLE terms (
              case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
              term TEXT NOT NULL, count INTEGER NOT NULL);
          CREATE INDEX terms_case ON terms(case_id);""",
    2: "ALTER TABLE cases ADD COLUMN fingerprint BLOB;",
    3: f"ALTER TABLE cases ADD COLUMN facts TEXT; UPDATE cases SET facts = {_FACTS_FROM_RECORD};",
    4: """UPDATE cases SET facts = json_set(facts,
              '$.issues', json(json_extract(record, '$.issues')),
              '$.indicator_count', (SELECT COUNT(*) FROM indicators i WHERE i.case_id = cases.id),
              '$.unit_totals', json(coalesce((SELECT json_group_object(unit, total) FROM
                  (SELECT normalized_unit AS unit, SUM(normalized_value) AS total FROM indicators i
                   WHERE i.case_id = cases.id GROUP BY normalized_unit)), '{}')));""",
    5: "DROP TABLE indicators;",
    6: """ALTER TABLE cases ADD COLUMN terms TEXT;
          UPDATE cases SET
              terms = (SELECT json_group_object(term, count) FROM terms t WHERE t.case_id = cases.id),
              facts = json_set(facts, '$.reviewed', json(coalesce(json_extract(record, '$.reviewed'), '[]')));
          DROP TABLE terms;""",
    7: """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
          INSERT INTO meta VALUES ('keywords_stale', '1');""",
    8: "_kinds_from_records",  # a step in Python: see _PYTHON_STEPS
}


@dataclass(frozen=True)
class CaseRow:
    """A case ready to store, serialised where it was extracted (a worker process) to spare the writer.

    It holds the record only as UTF-8 JSON and the few columns read out of it: a long case's
    record dict would cost several times its JSON, and the writer needs no more than this.
    """

    columns: tuple  # id, case_index, title, unit, region, province, city, county, genre, year, truncated
    models: tuple[tuple, ...]  # (name, featured, common, components JSON) of each model
    text: str  # the case's text, to match it with its stored version
    json: bytes
    terms: dict[str, int]
    fingerprint: bytes | None
    chars: int  # Chinese characters of the text
    facts: str  # see the schema note on cases.facts
    indicators: int

    @classmethod
    def of(cls, case: Case) -> CaseRow:
        head = case.head_dict()
        return cls._of(head, case.to_json(head), [(i.kind, i.normalized["value"]) for i in case.indicators],
                       case.fingerprint, case.terms)

    @classmethod
    def of_record(cls, record: dict, fingerprint: bytes | None, terms: dict[str, int]) -> CaseRow:
        """A stored or reviewed record; its figures' kinds are read again, as an editor may have
        corrected a subject."""
        with_kinds(record)
        return cls._of(record, json.dumps(record, ensure_ascii=False).encode("utf-8"),
                       [(i["kind"], i["normalized"]["value"]) for i in record["indicators"]], fingerprint, terms)

    @classmethod
    def _of(cls, r: dict, serialised: bytes, figures: list[tuple[str, float]], fingerprint: bytes | None,
            terms: dict[str, int]) -> CaseRow:
        """`r` is the record, (kind, normalized value) of its figures `figures` (its own list may be empty)."""
        admin = r.get("admin") or {}
        columns = (r["id"], r["source"]["case_index"], r["title"], r["unit"], r["region"], admin.get("province"),
                   admin.get("city"), admin.get("county"), r["genre"], r["year"], int(bool(r["truncated"])))
        models = tuple((m["name"], int(m["featured"]), int(m["common"]),
                        json.dumps(m.get("components") or [], ensure_ascii=False)) for m in r["models"])
        return cls(columns, models, r["text"], serialised, terms, fingerprint, count_han(r["text"]),
                   _facts(r, figures), len(figures))

    def record(self) -> dict:
        return json.loads(self.json)


@dataclass(frozen=True)
class StoredDocument:
    key: str
    sha256: str | None
    status: str


class Workspace:
    """An open workspace; use as a context manager."""

    def __init__(self, path: Path, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise WorkspaceError(f"工作区不存在：{self.path}（请先运行 casekit ingest）")
        try:
            self.db = sqlite3.connect(self.path, timeout=_BUSY_SECONDS, isolation_level=None)
            self._use_wal()
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"无法打开工作区 {self.path}：{exc}") from exc

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _use_wal(self) -> None:
        """Switch to WAL; another process opening the same new workspace may hold it for a moment.

        In WAL mode, synchronous=NORMAL syncs at checkpoints rather than at every commit: a crash
        or a kill never leaves a half-written document, and only a power cut can lose the last
        few, which the next ingest stores again.
        """
        deadline = time.monotonic() + _BUSY_SECONDS
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                return
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        """Create or upgrade the schema, deciding under the write lock so two processes cannot both do it."""
        if self.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        with self._transaction():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and not self.db.execute("SELECT name FROM sqlite_master").fetchall():
                self._run_script(_SCHEMA, SCHEMA_VERSION)
                return
            if version > SCHEMA_VERSION:
                raise WorkspaceError(f"工作区 {self.path} 由更新版本的 casekit 创建（版本 {version}），请升级 casekit")
            if version < SCHEMA_VERSION and not all(v in _MIGRATIONS for v in range(version, SCHEMA_VERSION)):
                raise WorkspaceError(f"工作区 {self.path} 的版本（{version}）无法识别，不能读取")
            for step in range(version, SCHEMA_VERSION):
                if _MIGRATIONS[step] in _PYTHON_STEPS:
                    _PYTHON_STEPS[_MIGRATIONS[step]](self.db)
                    self.db.execute(f"PRAGMA user_version={step + 1}")
                else:
                    self._run_script(_MIGRATIONS[step], step + 1)

    def _run_script(self, script: str, version: int) -> None:
        """Statements separated by ";" (the schema's contain none inside), inside the caller's transaction."""
        for statement in script.split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.execute(f"PRAGMA user_version={version}")

    # --- documents ----------------------------------------------------------------------

    def document(self, key: str) -> StoredDocument | None:
        row = self.db.execute("SELECT key, sha256, status FROM documents WHERE key=?", (key,)).fetchone()
        return StoredDocument(*row) if row else None

    def store_document(self, key: str, path: str, file: str, sha256: str, size: int, encoding: str,
                       rows: list[CaseRow]) -> None:
        """Replace the document's cases with `rows`, all or nothing; fields an editor reviewed are kept."""
        with self._transaction():
            doc_id = self._upsert_document(key, path, file, sha256, size, encoding, "ok", None)
            reviewed = match_reviewed([(r.text, r.fingerprint) for r in rows], self._stored_cases(doc_id))
            self.db.execute("DELETE FROM cases WHERE document_id=?", (doc_id,))
            for index, row in enumerate(rows):
                if index in reviewed:
                    row = CaseRow.of_record(keep_reviewed(row.record(), reviewed[index]), row.fingerprint, row.terms)
                self._insert_record(doc_id, row)
            self._mark_keywords_stale()

    def update_record(self, record: dict) -> None:
        """Replace one stored case record (an editor's reviewed version), all or nothing."""
        with self._transaction():
            row = self.db.execute("SELECT document_id, fingerprint, terms FROM cases WHERE id=?",
                                  (record["id"],)).fetchone()
            if row is None:
                raise WorkspaceError(f"没有编号为 {record['id']} 的案例")
            self.db.execute("DELETE FROM models WHERE case_id=?", (record["id"],))
            self.db.execute("DELETE FROM cases WHERE id=?", (record["id"],))
            self._insert_record(row[0], CaseRow.of_record(record, row[1], json.loads(row[2] or "{}")))

    def _stored_cases(self, doc_id: int) -> list[tuple[dict, bytes | None]]:
        """(record, fingerprint) of each of the document's stored cases; only a reviewed case's
        record is read whole, the others' only as far as matching needs (text and position)."""
        rows = self.db.execute(
            """SELECT CASE WHEN json_array_length(facts, '$.reviewed') > 0 THEN record ELSE
                   json_object('text', json_extract(record, '$.text'), 'source', json_object('case_index', case_index))
               END, fingerprint FROM cases WHERE document_id=?""", (doc_id,))
        return [(json.loads(raw), fingerprint) for raw, fingerprint in rows]

    def store_failure(self, key: str, path: str, file: str, error: str) -> None:
        """Record a file that could not be read; its earlier cases, if any, are kept."""
        with self._transaction():
            known = self.document(key)
            if known and known.status == "ok":
                return
            self._upsert_document(key, path, file, None, None, None, "failed", error)

    def _upsert_document(self, key, path, file, sha256, size, encoding, status, error) -> int:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.db.execute(
            """INSERT INTO documents (key, path, file, sha256, size, encoding, status, error, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(key) DO UPDATE SET path=excluded.path, file=excluded.file, sha256=excluded.sha256,
                 size=excluded.size, encoding=excluded.encoding, status=excluded.status,
                 error=excluded.error, ingested_at=excluded.ingested_at""",
            (key, path, file, sha256, size, encoding, status, error, now),
        )
        return self.db.execute("SELECT id FROM documents WHERE key=?", (key,)).fetchone()[0]

    def _insert_record(self, doc_id: int, row: CaseRow) -> None:
        case_id = row.columns[0]
        self.db.execute(
            """INSERT INTO cases (id, case_index, title, unit, region, province, city, county, genre, year,
                                  truncated, document_id, chars, record, fingerprint, facts, terms)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?)""",
            (*row.columns, doc_id, row.chars, row.json, row.fingerprint, row.facts,
             json.dumps(row.terms, ensure_ascii=False)),
        )
        self.db.executemany("INSERT INTO models (case_id, name, featured, common, components) VALUES (?, ?, ?, ?, ?)",
                            [(case_id, *model) for model in row.models])

    def _mark_keywords_stale(self) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('keywords_stale', '1')")

    def keywords_stale(self) -> bool:
        """Whether documents were stored since keywords were last ranked against the whole workspace."""
        return self.db.execute("SELECT 1 FROM meta WHERE key='keywords_stale'").fetchone() is not None

    def refresh_keywords(self, rank: Callable[[dict[str, int], dict[str, int], int], list[str]]) -> int:
        """Re-rank every case's keywords against the whole workspace; returns how many changed.

        Read, ranked and written in one write transaction, so a document stored meanwhile by
        another process is either counted or marks the ranking stale again. Only the small terms
        and facts columns are read; records are edited in place by SQLite's JSON functions.
        """
        with self._transaction():
            cases = [(case_id, json.loads(terms or "{}"), keywords, reviewed) for case_id, terms, keywords, reviewed
                     in self.db.execute("SELECT id, terms, json_extract(facts, '$.keywords'), "
                                        "json_extract(facts, '$.reviewed') FROM cases")]
            doc_freq: Counter[str] = Counter()
            for _, counts, _, _ in cases:
                doc_freq.update(counts.keys())
            changes = []
            for case_id, counts, keywords, reviewed in cases:
                if not counts or "keywords" in json.loads(reviewed or "[]"):
                    continue
                ranked = rank(counts, doc_freq, len(cases))
                if ranked != json.loads(keywords or "[]"):
                    changes.append((json.dumps(ranked, ensure_ascii=False), case_id))
            self.db.executemany(
                """UPDATE cases SET record = json_set(record, '$.keywords', json(?1)),
                                    facts = json_set(facts, '$.keywords', json(?1)) WHERE id = ?2""",
                changes,
            )
            self.db.execute("DELETE FROM meta WHERE key='keywords_stale'")
        return len(changes)

    def _transaction(self):
        return _Transaction(self.db)

    # --- reading ------------------------------------------------------------------------

    def iter_records(self) -> Iterator[dict]:
        """Every case record, in document then case order, one at a time."""
        rows = self.db.execute(
            f"SELECT c.record FROM cases c JOIN documents d ON d.id = c.document_id {_IN_ORDER}"
        )
        for (record,) in rows:
            yield json.loads(record)

    def iter_figure_sources(self) -> Iterator[tuple[str, dict]]:
        """(case id, {title, source.file, indicators}) of every case in workspace order: what the
        Excel figure sheet needs, with the rest of each record left unparsed."""
        rows = self.db.execute(
            f"""SELECT c.id, c.title, json_extract(c.record, '$.source.file'), json_extract(c.record, '$.indicators')
                FROM cases c JOIN documents d ON d.id = c.document_id {_IN_ORDER}"""
        )
        for case_id, title, file, indicators in rows:
            yield case_id, {"title": title, "source": {"file": file}, "indicators": json.loads(indicators)}

    def record(self, case_id: str, exact: bool = False) -> dict:
        """One case by id, or (unless `exact`) by a unique prefix of its id."""
        if exact:
            row = self.db.execute("SELECT record FROM cases WHERE id=?", (case_id,)).fetchone()
            if row is None:
                raise WorkspaceError(f"没有编号为 {case_id} 的案例")
            return json.loads(row[0])
        rows = self.db.execute(
            "SELECT id, record FROM cases WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id",
            (case_id, case_id.replace("%", "\\%").replace("_", "\\_") + "%"),
        ).fetchall()
        exact = [r for r in rows if r[0] == case_id]
        if exact or len(rows) == 1:
            return json.loads((exact or rows)[0][1])
        if not rows:
            raise WorkspaceError(f"没有编号为 {case_id} 的案例")
        raise WorkspaceError(f"编号 {case_id} 对应多个案例，请写得更完整：{', '.join(r[0] for r in rows[:5])}")

    def case_rows(self) -> list[dict]:
        """The indexed columns of every case, for listing."""
        cur = self.db.execute(
            f"""SELECT c.id, c.title, c.unit, c.region, c.genre, c.year, c.truncated, c.chars,
                      json_extract(c.facts, '$.indicator_count') AS indicators,
                      (SELECT COUNT(*) FROM models m WHERE m.case_id = c.id) AS models, d.path
               FROM cases c JOIN documents d ON d.id = c.document_id {_IN_ORDER}"""
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

    def source_locations(self) -> dict[str, str]:
        """Each stored document's path as shown in its records -> the file it was read from."""
        return dict(self.db.execute("SELECT path, key FROM documents WHERE status='ok'"))

    def summary_records(self) -> Iterator[dict]:
        """Every case with only what statistics read: no texts, and its figures already counted and
        counted and summed by kind (`indicator_count`, `kind_totals`) instead of listed."""
        models: dict[str, list[dict]] = {}
        for case_id, name, featured, common in self.db.execute("SELECT case_id, name, featured, common FROM models"):
            models.setdefault(case_id, []).append({"name": name, "featured": bool(featured), "common": bool(common)})
        rows = self.db.execute(
            f"""SELECT c.id, c.genre, c.unit, c.province, c.city, c.county, c.year, c.chars, c.truncated, d.path, c.facts
               FROM cases c JOIN documents d ON d.id = c.document_id {_IN_ORDER}"""
        )
        for case_id, genre, unit, province, city, county, year, chars, truncated, path, facts in rows:
            facts = json.loads(facts or "{}")
            yield {
                "id": case_id, "genre": genre, "unit": unit, "year": year, "chars": chars,
                "admin": {"province": province, "city": city, "county": county},
                "truncated": bool(truncated), "source": {"path": path}, "domain": facts.get("domain", []),
                "keywords": facts.get("keywords", []), "sections": [{"key": k} for k in facts.get("sections", [])],
                "indicator_count": facts.get("indicator_count", 0), "kind_totals": facts.get("kind_totals", {}),
                "models": models.get(case_id, []),
            }

    def issue_rows(self) -> Iterator[tuple[str, str | None, int, list[dict]]]:
        """(id, title, 字数, stored issues) of every case, in workspace order."""
        rows = self.db.execute(
            f"""SELECT c.id, c.title, c.chars, json_extract(c.facts, '$.issues')
               FROM cases c JOIN documents d ON d.id = c.document_id {_IN_ORDER}"""
        )
        for case_id, title, chars, issues in rows:
            yield case_id, title, chars or 0, json.loads(issues or "[]")

    def fingerprints(self) -> list[tuple[str, bytes]]:
        """(case id, MinHash signature) of every case that has one."""
        return self.db.execute("SELECT id, fingerprint FROM cases WHERE fingerprint IS NOT NULL ORDER BY id").fetchall()

    def failures(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT path, error FROM documents WHERE status='failed' ORDER BY path").fetchall()


def _facts(r: dict, figures: list[tuple[str, float]]) -> str:
    facts = {"domain": r["domain"], "keywords": r["keywords"], "sections": [s["key"] for s in r["sections"]],
             "issues": r["issues"], "indicator_count": len(figures), "kind_totals": totals_by_kind(figures),
             "reviewed": r.get("reviewed", [])}
    return json.dumps(facts, ensure_ascii=False)


def with_kinds(record: dict) -> dict:
    """The record with each figure's kind read from its unit and subject (records stored before
    figures had kinds, or whose subjects an editor corrected)."""
    kinds = load_lexicon().figure_kinds
    for i in record["indicators"]:
        i["kind"] = kinds.kind_of(i["normalized"]["unit"], i.get("subject"))
    return record


def _kinds_from_records(db: sqlite3.Connection) -> None:
    """Version 8 -> 9: each figure gets its kind and each case's facts their totals by kind."""
    for case_id, record, facts in db.execute("SELECT id, record, facts FROM cases").fetchall():
        r = with_kinds(json.loads(record))
        totals = totals_by_kind((i["kind"], i["normalized"]["value"]) for i in r["indicators"])
        facts = {k: v for k, v in json.loads(facts or "{}").items() if k != "unit_totals"}
        db.execute("UPDATE cases SET record=?, facts=? WHERE id=?",
                   (json.dumps(r, ensure_ascii=False), json.dumps({**facts, "kind_totals": totals}, ensure_ascii=False),
                    case_id))


# Migration steps written in Python, named in _MIGRATIONS (the figures' kinds need the word lists).
_PYTHON_STEPS = {"_kinds_from_records": _kinds_from_records}


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def figure_sources(path: Path) -> Iterator[tuple[str, dict]]:
    """`Workspace.iter_figure_sources` of the workspace at `path`, opened here (in another process)."""
    with Workspace(path, create=False) as ws:
        yield from ws.iter_figure_sources()
