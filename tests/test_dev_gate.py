"""The evaluation gates, scored by ../shared/eval/score.py against each document's gold:
the development set of real documents nobody tuned casekit to (../shared/eval/dev), further sets
of real documents collected and labelled later (../shared/eval/extraN) — each skipped
when absent — and the invented corpus of tests/corpus (documents in the shapes real ones take)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from casekit.extract.read import read_document
from casekit.pipeline import process_document
from conftest import SHARED

HERE = Path(__file__).parent
# Sets of real documents under ../shared/eval, each with its floors in tests/<set>_floors.yaml.
REAL_SETS = ("dev", "extra15", "extra16", "extra17", "extra18", "extra19", "extra20", "extra21",
             "extra22", "extra23", "extra24", "extra25", "extra26")
GATES = {**{name: (SHARED / "eval" / name, HERE / f"{name}_floors.yaml") for name in REAL_SETS},
         "corpus": (HERE / "corpus", HERE / "corpus_floors.yaml")}
INPUTS = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


def score_folder(folder: Path, scorer, options, tmp_path: Path) -> dict:
    pred = tmp_path / "cases.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in INPUTS and p.name not in ("README.md", "SOURCES.md")):
            for case in process_document(read_document(path, path.name), options):
                fh.write(json.dumps(case.to_dict(), ensure_ascii=False) + "\n")
    return scorer.score(scorer.load_gold(folder), scorer.load_pred(pred), folder, verbose=False)


@pytest.mark.parametrize("gate", sorted(GATES))
def test_scores_stay_above_their_floors(gate, scorer, options, tmp_path):
    folder, floors_file = GATES[gate]
    if not folder.is_dir():
        pytest.skip(f"{folder} is not present on this machine")
    scores = score_folder(folder, scorer, options, tmp_path)
    floors = yaml.safe_load(floors_file.read_text(encoding="utf-8"))
    below = {k: round(scores.get(k, 0), 3) for k, floor in floors.items() if scores.get(k, 0) < floor - 1e-9}
    assert not below, f"{gate}: below the floors in {floors_file.name}: {below}"
