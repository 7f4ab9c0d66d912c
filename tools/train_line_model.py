"""Train the line model of cleaning: which lines of a document are page furniture.

Reads labelled documents, derives a label for the lines their gold settles, fits a logistic
regression over `casekit.extract.line_features.FEATURES` and writes the weights to
`src/casekit/lexicon/line_model.json`, which casekit ships and reads at run time (no library of
this script is needed there). A line is furniture where it lies inside one of the gold's
`noise` strings (or holds one that makes most of it), and text where it holds the title, the
unit or a section heading, holds a gold figure or model, or is a long sentence, and so is every
line between the first and the last of those, or inside a gold section, that the gold does not
call noise (headings, short points, table cells); the lines before the first and after the last
are left out of training unless they are noise.

    pip install -e '.[train]'
    python tools/train_line_model.py            # tests/corpus, and ../shared/eval/dev when present

It prints the leave-one-document-out precision and recall of furniture at the thresholds the
model ships with, so a retrained model is judged on documents it did not see.
"""

from __future__ import annotations

import argparse
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from casekit.extract import line_model
from casekit.extract import patterns as P
from casekit.extract.characters import simplified
from casekit.extract.clean import clean_text, source_lines
from casekit.extract.line_features import FEATURES, document_features, ends_sentence
from casekit.extract.line_model import DROP, UNSURE
from casekit.extract.read import read_document
from casekit.options import default_options

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "tests" / "corpus", ROOT.parent / "shared" / "eval" / "dev")
OUT = ROOT / "src" / "casekit" / "lexicon" / "line_model.json"
_SPACE = re.compile(r"\s+")
_TO_ASCII = str.maketrans({full: ascii_ for ascii_, full in P.ASCII_TO_FULL.items()})
_MIN_BODY = 30  # characters: a gold figure or model marks its line as text only in a line this long
_MIN_SENTENCE = 50  # characters: a line this long ending a sentence, outside the gold's noise, is text


@dataclass
class Labelled:
    name: str
    raw: str
    gold: dict
    rows: list[list[float]]
    labels: list[int | None]  # 1 furniture, 0 text, None unsettled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, action="append", dest="folders",
                        help="a folder of documents with their gold (default: tests/corpus and ../shared/eval/dev)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list what the held-out model changes")
    args = parser.parse_args()
    docs = [doc for folder in args.folders or FOLDERS if folder.is_dir() for doc in _labelled(folder)]
    x, y, groups = _matrix(docs)
    print(f"{len(docs)} documents, {len(y)} labelled lines ({int(y.sum())} furniture)")
    _report(_held_out(x, y, groups), y)
    _report_cleaning(docs, x, y, groups, args.verbose)
    weights, bias = _weights(*_fit(x, y))
    args.out.write_text(json.dumps({
        "about": "casekit line model: P(furniture) = sigmoid(bias + weights . features); "
                 "retrain with python tools/train_line_model.py",
        "documents": len(docs), "lines": len(y),
        "features": list(FEATURES), "weights": [round(float(w), 6) for w in weights], "bias": round(float(bias), 6),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def _labelled(folder: Path) -> list[Labelled]:
    out = []
    for gold_path in sorted(folder.glob("*.gold.yaml")):
        source = folder / gold_path.name.removesuffix(".gold.yaml")
        if not source.exists():
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        text = read_document(source).text
        lines = source_lines(text)
        out.append(Labelled(source.name, text, gold, document_features(lines), _labels(lines, gold)))
    return out


def _norm(text: str | None) -> str:
    """A gold string or a line without spaces, in simplified characters as the model reads lines, its
    punctuation folded to ASCII as cleaning folds it the other way."""
    return _SPACE.sub("", simplified(text or "")).translate(_TO_ASCII)


def _labels(lines: list[str], gold: dict) -> list[int | None]:
    noise = [n for n in map(_norm, gold.get("noise") or []) if n]
    cases = gold.get("cases") or []
    marks = [_norm(c.get(k)) for c in cases for k in ("title", "unit")]
    marks += [_norm(s.get("heading")) for c in cases for s in (c.get("sections") or {}).values()]
    marks = [m for m in marks if len(m) >= 4]
    figures = [_norm(f.get("text")) for c in cases for f in c.get("indicators") or []]
    figures += [_norm(m) for c in cases for m in c.get("models") or []]
    labels: list[int | None] = []
    for line in lines:
        t = _norm(line)
        if any(t in n or (n in t and 2 * len(n) >= len(t)) for n in noise):
            labels.append(1)
        elif any(m in t or (t in m and 2 * len(t) >= len(m)) for m in marks):
            labels.append(0)
        elif len(t) >= _MIN_BODY and (any(f and f in t for f in figures) or _is_sentence(line)):
            labels.append(0)
        else:
            labels.append(None)
    return _fill_body(labels, _section_lines(lines, cases))


def _fill_body(labels: list[int | None], sections: set[int]) -> list[int | None]:
    """Lines between text lines, and inside gold sections, are the case's own unless the gold
    calls them noise: headings, short points and table cells are text too."""
    text = [i for i, label in enumerate(labels) if label == 0]
    if not text:
        return labels
    first, last = text[0], text[-1]
    return [0 if label is None and (first <= i <= last or i in sections) else label for i, label in enumerate(labels)]


def _is_sentence(line: str) -> bool:
    return len(line) >= _MIN_SENTENCE and ends_sentence(line)


def _section_lines(lines: list[str], cases: list[dict]) -> set[int]:
    """The lines from each gold section's first words to its last."""
    flat = [_norm(line) for line in lines]
    inside: set[int] = set()
    for case in cases:
        for section in (case.get("sections") or {}).values():
            start, end = _norm(section.get("starts")), _norm(section.get("ends"))
            first = next((i for i, t in enumerate(flat) if start and start[:8] in t), None)
            if first is None:
                continue
            last = next((i for i in range(first, len(flat)) if end and end[-8:] in flat[i]), None)
            if last is not None:
                inside.update(range(first, last + 1))
    return inside


def _matrix(docs: list[Labelled]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, y, groups = [], [], []
    for g, doc in enumerate(docs):
        for row, label in zip(doc.rows, doc.labels):
            if label is not None:
                x.append(row)
                y.append(label)
                groups.append(g)
    return np.array(x), np.array(y), np.array(groups)


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[StandardScaler, LogisticRegression]:
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000).fit(scaler.transform(x), y)
    return scaler, model


def _weights(scaler: StandardScaler, model: LogisticRegression) -> tuple[np.ndarray, float]:
    """The model's weights on the raw features (the scaling folded in)."""
    weights = model.coef_[0] / scaler.scale_
    return weights, float(model.intercept_[0] - np.dot(weights, scaler.mean_))


def _held_out(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each document's lines scored by a model trained on the other documents."""
    p = np.zeros(len(y))
    for g in np.unique(groups):
        test = groups == g
        if y[~test].min() == y[~test].max():
            continue
        scaler, model = _fit(x[~test], y[~test])
        p[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
    return p


def _report(p: np.ndarray, y: np.ndarray) -> None:
    for name, threshold in (("drop", DROP), ("unsure", UNSURE), ("0.5", 0.5)):
        called = p >= threshold
        hit = int((called & (y == 1)).sum())
        precision = hit / max(int(called.sum()), 1)
        recall = hit / max(int(y.sum()), 1)
        print(f"held out, p >= {threshold:.2f} ({name}): furniture precision {precision:.3f} recall {recall:.3f}")


def _report_cleaning(docs: list[Labelled], x: np.ndarray, y: np.ndarray, groups: np.ndarray, verbose: bool) -> None:
    """What cleaning keeps of each document with the rules alone and with the rules and a model
    trained on the other documents: the gold's noise strings removed, and the gold's titles,
    units and figures lost (which must not grow), each distinct string of a document once."""
    lexicon = default_options().lexicon
    totals = np.zeros(4, dtype=int)
    noise_count = 0
    for g, doc in enumerate(docs):
        test = groups == g
        trained = _weights(*_fit(x[~test], y[~test])) if y[~test].min() != y[~test].max() else None
        noise = {n for n in map(_norm, doc.gold.get("noise") or []) if n}
        marks = [_norm(c.get(k)) for c in doc.gold.get("cases") or [] for k in ("title", "unit")]
        marks += [_norm(f.get("text")) for c in doc.gold.get("cases") or [] for f in c.get("indicators") or []]
        marks = {m for m in marks if m and m in _norm(doc.raw)}
        noise_count += len(noise)
        kept = []
        for k, weights in enumerate((None, trained)):
            with _model(weights):
                cleaned = _norm(clean_text(doc.raw, lexicon).text)
            kept.append(({n for n in noise if n in cleaned}, {m for m in marks if m in cleaned}))
            totals[2 * k] += len(noise) - len(kept[-1][0])
            totals[2 * k + 1] += len(marks) - len(kept[-1][1])
        if verbose:
            for n in sorted(kept[0][0] - kept[1][0]):
                print(f"  {doc.name}: noise removed by the model: {n[:60]}")
            for m in sorted(kept[0][1] - kept[1][1]):
                print(f"  {doc.name}: TEXT LOST by the model: {m[:60]}")
    print(f"cleaning, {noise_count} gold noise strings: removed {totals[0]} by the rules alone, "
          f"{totals[2]} with the held-out model; gold text lost {totals[1]} and {totals[3]}")


@contextmanager
def _model(weights: tuple[np.ndarray, float] | None):
    """Cleaning with these weights instead of the shipped ones (None: the rules alone)."""
    shipped = line_model._weights
    w, b = weights if weights is not None else (np.zeros(len(FEATURES)), -1e9)
    line_model._weights = lambda: (tuple(map(float, w)), float(b))
    try:
        yield
    finally:
        line_model._weights = shipped


if __name__ == "__main__":
    main()
