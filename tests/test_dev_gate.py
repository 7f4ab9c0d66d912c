"""The evaluation gate on the development set: real documents nobody tuned casekit to
(../shared/eval/dev, skipped when absent), scored by ../shared/eval/score.py against their gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from casekit.extract.read import read_document
from casekit.pipeline import process_document
from conftest import SHARED

DEV = SHARED / "eval" / "dev"
INPUTS = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


@pytest.fixture(scope="module")
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/eval/dev is not present on this machine")
    return DEV


def test_dev_scores_stay_above_their_floors(dev_dir, scorer, options, tmp_path):
    pred = tmp_path / "cases.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for path in sorted(p for p in dev_dir.iterdir() if p.suffix.lower() in INPUTS):
            for case in process_document(read_document(path, path.name), options):
                fh.write(json.dumps(case.to_dict(), ensure_ascii=False) + "\n")
    scores = scorer.score(scorer.load_gold(dev_dir), scorer.load_pred(pred), dev_dir, verbose=False)
    floors = yaml.safe_load((Path(__file__).parent / "dev_floors.yaml").read_text(encoding="utf-8"))
    below = {k: round(scores.get(k, 0), 3) for k, floor in floors.items() if scores.get(k, 0) < floor - 1e-9}
    assert not below, f"below the floors in dev_floors.yaml: {below}"
