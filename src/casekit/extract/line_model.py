"""The trained line model: how likely each line of a document is page furniture.

Cleaning's rules (`line_roles`, `patterns`) name the kinds of furniture they know; a line none
of them names may still be a site's stray label, a related headline or a footer line. The
model scores every line from `line_features` with the logistic weights trained by
`tools/train_line_model.py` and shipped in `lexicon/line_model.json`, and reads it the way
jusText does: a line it is sure of is decided by its own score; an unsure line takes the
decision of the lines around it, so it goes only when it stands between furniture on both
sides.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache

from casekit.extract.line_features import FEATURES, document_features
from casekit.options import lexicon_path

DROP = 0.97  # a line scored this high is furniture on its own
UNSURE = 0.6  # a line scored this high is furniture when its neighbours are


@lru_cache(maxsize=1)
def _weights() -> tuple[tuple[float, ...], float]:
    model = json.loads(lexicon_path("line_model.json").read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError("lexicon/line_model.json was trained on other features: run tools/train_line_model.py")
    return tuple(model["weights"]), float(model["bias"])


def furniture_scores(texts: Sequence[str]) -> list[float]:
    """P(furniture) for each line of a document (lines stripped, in order)."""
    weights, bias = _weights()
    return [_sigmoid(bias + sum(w * f for w, f in zip(weights, row))) for row in document_features(texts)]


def furniture_lines(texts: Sequence[str], ruled: Sequence[bool | None]) -> list[bool]:
    """Which lines are furniture. `ruled` holds what the rules settled for each line: True for
    furniture, False for structure the later stages read (never the model's to drop), None for
    the model to decide (`decide`)."""
    return decide(furniture_scores(texts), ruled)


def decide(scores: Sequence[float], ruled: Sequence[bool | None]) -> list[bool]:
    """Each line's decision: the rules' where they settled it; else furniture when the model is
    sure (>= DROP), text when it is not inclined (< UNSURE), and for an unsure line furniture
    only when the nearest decided lines above and below are furniture."""
    sure = [r if r is not None else s >= DROP for r, s in zip(ruled, scores)]
    decided = [r is not None or s >= DROP or s < UNSURE for r, s in zip(ruled, scores)]
    return [sure[i] if decided[i] else _side(sure, decided, i, -1) and _side(sure, decided, i, 1)
            for i in range(len(scores))]


def _side(sure: Sequence[bool], decided: Sequence[bool], i: int, step: int) -> bool:
    """Whether the nearest decided line from i in direction `step` is furniture; the edge of the
    document is not (a headline may open it)."""
    j = i + step
    while 0 <= j < len(sure):
        if decided[j]:
            return sure[j]
        j += step
    return False


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
