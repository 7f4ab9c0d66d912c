"""The real documents in ../shared/seeds: cases, titles, offsets, and the evaluation gate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from casekit.extract.read import read_document
from casekit.pipeline import process_document
from conftest import GOLD
from seed_variants import write_variants

SCHEMA_FIELDS = ["id", "source", "collection", "title", "subtitle", "unit", "region", "admin", "genre", "domain",
                 "year", "truncated", "text", "sections", "indicators", "models", "keywords", "issues"]


@pytest.fixture(scope="module")
def seed_records(seeds_dir, options):
    records = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = read_document(path, path.name)
        records[path.name] = (doc.text, [c.to_dict() for c in process_document(doc, options)])
    return records


def test_fifteen_cases(seed_records):
    assert [len(cases) for _, cases in seed_records.values()] == [7, 1, 5, 1, 1]


def test_titles_and_units_of_the_compilation(seed_records):
    _, cases = seed_records["000_264e6aad55d819a0.txt"]
    assert cases[0]["title"] == "打造区域化城市基层党建联盟 开创城市基层党建工作新格局"
    assert cases[3]["title"] == "实施“一核九+”党建工作模式 引领公交事业创新发展"
    assert [c["unit"] for c in cases][:3] == ["中共东辽县委组织部", "中共辽源市西安区委组织部", "中共东丰县委组织部"]
    assert {c["collection"] for c in cases} == {"2018至2019年度组织工作创新获奖精品项目展示"}
    assert cases[0]["admin"] == {"province": "吉林省", "city": "辽源市", "county": "东辽县", "adcode": "220422"}


def test_featured_model_of_each_submission(seed_records):
    _, cases = seed_records["000_264e6aad55d819a0.txt"]
    featured = [[m["name"] for m in c["models"] if m["featured"]] for c in cases]
    assert featured == [["一核双联四化三创建"], ["一心一情一条路"], ["1+5+N"], ["一核九+"], [], ["三治三共三同"], ["一核五化三共"]]
    nine = next(m for m in cases[3]["models"] if m["name"] == "一核九+")
    assert nine["expected_count"] == 9 and len(nine["components"]) == 9


def test_web_collection_titles_and_genres(seed_records):
    _, cases = seed_records["002_b2e81921a9dda80f.txt"]
    assert cases[0]["title"] == "落实四中全会精神推进基层党建工作创新"
    assert cases[2]["title"] == "坚持创新推进基层党建工作"
    assert cases[0]["genre"] == "interview"
    joined = "".join(c["text"] for c in cases)
    for junk in ("责任编辑", "http://", "字号", "【画面】", "www."):
        assert junk not in joined


def test_genres_of_single_documents(seed_records):
    genres = {name: cases[0]["genre"] for name, (_, cases) in seed_records.items() if len(cases) == 1}
    assert genres == {"001_99405c1be57e5253.txt": "speech", "003_1ac3e2357f46e535.txt": "news",
                      "004_2ae85d889b317530.txt": "news"}


def test_every_record_is_complete_and_every_offset_valid(seed_records):
    for raw, cases in seed_records.values():
        for case in cases:
            assert list(case) == SCHEMA_FIELDS
            text = case["text"]
            for section in case["sections"]:
                assert text[section["start"] : section["end"]] == section["text"]
                for point in section["points"]:
                    assert text[point["start"] : point["end"]].startswith(point["label"])
            for model in case["models"]:
                assert text[model["start"] : model["end"]] == model["name"]
            for ind in case["indicators"]:
                assert text[ind["start"] : ind["end"]] == ind["text"]
                digits = re.sub(r"\D", "", ind["text"])
                assert re.sub(r"\D", "", raw[ind["raw_start"] : ind["raw_end"]]) == digits
            assert 0 <= case["source"]["start"] < case["source"]["end"] <= len(raw)


def scores_below_floors(scorer, records: list[dict], raw_dir: Path | None, tmp_path: Path) -> dict:
    pred = tmp_path / "cases.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for case in records:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    scores = scorer.score(scorer.load_gold(GOLD), scorer.load_pred(pred), raw_dir, verbose=False)
    floors = yaml.safe_load((Path(__file__).parent / "eval_floors.yaml").read_text(encoding="utf-8"))
    return {k: round(scores.get(k, 0), 3) for k, floor in floors.items()
            if scores.get(k, 0) < floor and not (raw_dir is None and k == "grounded")}


def test_scores_stay_above_their_floors(seed_records, scorer, seeds_dir, tmp_path):
    records = [case for _, cases in seed_records.values() for case in cases]
    below = scores_below_floors(scorer, records, seeds_dir, tmp_path)
    assert not below, f"below the floors in eval_floors.yaml: {below}"


@pytest.mark.parametrize("variant", ["gbk", "utf16", "crlf", "wrapped", "docx", "pdf"])
def test_copies_as_editors_receive_them_score_the_same(variant, scorer, seeds_dir, options, tmp_path):
    write_variants(seeds_dir, tmp_path / "variants", only=variant)
    folder = tmp_path / "variants" / variant
    records = []
    for path in sorted(folder.iterdir()):
        for case in process_document(read_document(path, path.name), options):
            record = case.to_dict()
            record["source"]["file"] = path.with_suffix(".txt").name  # the gold names the original
            records.append(record)
    below = scores_below_floors(scorer, records, None if variant in ("docx", "pdf") else folder, tmp_path)
    assert not below, f"{variant}: below the floors in eval_floors.yaml: {below}"
