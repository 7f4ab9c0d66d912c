"""The line model of cleaning: its features, its decisions, its shipped weights, its training script.

Pages are invented, in the shapes real ones take: a site name between a logo and a menu, another
article's headlines between pager lines, a table flattened one cell a line.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from casekit.extract import line_model as M
from casekit.extract.clean import clean_text, source_lines
from casekit.extract.line_features import FEATURES, document_features
from casekit.options import default_options, lexicon_path

ROOT = Path(__file__).resolve().parents[1]
BODY = ("石门乡地处青禾县西部山区，辖9个行政村，总人口1.58万人，有党员542名，近年来以党建引领"
        "推动产业发展，群众收入逐年提高，基层治理水平明显提升。")
BODY2 = ("乡党委组织党员结对联系群众，每名党员联系6户左右，每月至少入户一次，宣讲惠农政策，"
         "帮助群众解决生产生活中的实际困难，受到群众普遍好评。")


def _clean(lines: list[str]) -> str:
    return clean_text("\n".join(lines), default_options().lexicon).text


def test_shipped_weights_match_the_features():
    model = json.loads(lexicon_path("line_model.json").read_text(encoding="utf-8"))
    assert tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(FEATURES)
    assert all(math.isfinite(w) for w in model["weights"]) and math.isfinite(model["bias"])


def test_one_feature_row_per_line_in_order():
    lines = ["首页 要闻 政情 产经 教育 旅游", "某某镇推行“院落议事”", BODY]
    rows = document_features(lines)
    assert len(rows) == 3 and all(len(r) == len(FEATURES) for r in rows)
    length = FEATURES.index("length")
    assert rows[2][length] > rows[1][length]
    assert rows[0][FEATURES.index("short_items")] == 1.0 and rows[2][FEATURES.index("short_items")] == 0.0
    assert rows[2][FEATURES.index("ends_sentence")] == 1.0


@pytest.mark.parametrize(
    "lines, furniture, kept",
    [
        pytest.param(["<img src=\"/imgs/logo.png\" />", "青禾频道信息", "首页 要闻 政情 产经 医卫 房产 教育 旅游 体育",
                      "当前位置：首页 > 要闻 > 基层动态", "石门乡推行党员联户", "2024-05-21 09:32  来源：青禾日报", BODY, BODY2],
                     "青禾频道信息", "石门乡推行党员联户", id="site-name-between-logo-and-menu"),
        pytest.param(["梧川日报数字报", "2023年11月02日 星期四", "第05版：乡镇新闻  上一版  下一版", "柳塘镇开展汛前应急演练",
                      "“银发先锋”助力老旧小区改造", "梧川区启动社区工作者轮训", "上一期  下一期", "石门乡推行党员联户",
                      BODY, BODY2], "“银发先锋”助力老旧小区改造", "石门乡推行党员联户", id="other-headlines-between-pagers"),
        pytest.param(["购物车", "我的足迹", "村级议事协商典型案例", "加入会员免费下载 立即下载", BODY, BODY2], "购物车",
                     "村级议事协商典型案例", id="a-shop-link-above-the-title"),
    ],
)
def test_page_furniture_the_rules_do_not_name(lines, furniture, kept):
    text = _clean(lines)
    assert furniture not in text
    assert kept in text


@pytest.mark.parametrize(
    "lines, kept",
    [
        pytest.param(["出列年度", "乡镇", "贫困村", "贫困发生率", "2017", "石门乡", "板沟村", "33.02", "2018", "柳塘镇",
                      "新民村", "14.45", "2019", "梧川镇", "岩上村", "20.05"], "板沟村", id="table-cells"),
        pytest.param([BODY, BODY2, "各村情况见下表", "出列年度", "乡镇", "贫困村", "总人口数", "贫困人口", "贫困发生率",
                      "2017", "石门乡", "板沟村", "1320", "402", "30.45%", "2018", "柳塘镇", "新民村", "980", "210", "21.4%"],
                     "乡镇", id="header-cells-of-a-wide-table-at-the-tail"),
        pytest.param(["---", "title: 石门乡推行党员联户", "aliases:", "---", "石门乡推行党员联户", BODY], "aliases:",
                     id="front-matter"),
        pytest.param(["在全乡党建工作会议上的讲话", "（2024年3月5日）", "同志们：", BODY], "（2024年3月5日）",
                     id="speech-date"),
        pytest.param(["推行“五联五帮” 党员联户结对促增收", "青禾县石门乡党委", "一、背景", BODY],
                     "推行“五联五帮” 党员联户结对促增收", id="title-over-unit"),
        pytest.param(["2023年度述职报告", "石门乡党委书记  方某某", BODY, BODY2], "方某某", id="writer-line"),
        pytest.param(["某某网首页 > 某某号 > 正文", "【青禾】“山村巨变背后：一位女书记的初心”", "0", "分享至",
                      "某某通讯社青禾讯(记者 张某某)", BODY, BODY2], "山村巨变背后", id="headline-over-its-dateline"),
        pytest.param(["3.柳塘镇5个：新民村、岩上村、石板村；", "4.梧川镇2个：板沟村、洞口村；", BODY], "梧川镇2个",
                     id="numbered-points"),
    ],
)
def test_structure_the_model_never_drops(lines, kept):
    assert kept in _clean(lines)


@pytest.mark.parametrize(
    "scores, ruled, expected",
    [
        pytest.param([0.99, 0.1], [None, None], [True, False], id="sure-and-not-inclined"),
        pytest.param([0.99, 0.8, 0.99], [None, None, None], [True, True, True], id="unsure-between-furniture"),
        pytest.param([0.99, 0.8, 0.1], [None, None, None], [True, False, False], id="unsure-beside-text"),
        pytest.param([0.8, 0.99], [None, None], [False, True], id="the-edge-is-not-furniture"),
        pytest.param([0.99, 0.99], [None, False], [True, False], id="structure-is-kept"),
        pytest.param([0.1, 0.8, 0.1], [True, None, True], [True, True, True], id="the-rules-decide-neighbours"),
        pytest.param([0.99, 0.8, 0.8, 0.99], [None, None, None, None], [True] * 4, id="a-run-of-unsure-lines"),
    ],
)
def test_decide(scores, ruled, expected):
    assert M.decide(scores, ruled) == expected


def test_source_lines_are_read_in_simplified_characters():
    assert source_lines("中共龍陵縣委組織部\n\n  正文  \n") == ["中共龙陵县委组织部", "正文"]


def test_the_training_script_writes_weights_the_runtime_reads(tmp_path):
    pytest.importorskip("sklearn")
    out = tmp_path / "line_model.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "train_line_model.py"), "--folder", str(ROOT / "tests" / "corpus"),
         "--out", str(out)], capture_output=True, text=True, check=True)
    assert "held out" in result.stdout and "gold noise strings" in result.stdout
    model = json.loads(out.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == FEATURES and model["documents"] == len(list((ROOT / "tests" / "corpus").glob("*.gold.yaml")))
    assert model["lines"] > 100
