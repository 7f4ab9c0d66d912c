"""Chinese display names of the record's codes, for everything an editor reads."""

from casekit.models import TEMPLATE_SECTIONS
from casekit.options import load_lexicon

GENRE = {
    "submission": "申报材料",
    "speech": "讲话发言",
    "interview": "访谈",
    "news": "新闻报道",
    "article": "文章",
}

SECTION = {
    "background": "背景",
    "practices": "做法",
    "outcomes": "成效",
    "lessons": "启示",
    "other": "其他",
}

SEVERITY = {"error": "错误", "warning": "提醒", "info": "提示"}

FINDING = {
    "missing-section": "缺少部分",
    "ends-mid-sentence": "内容不全",
    "shown-in-part": "原文不全",
    "numbering-jump": "序号跳号",
    "section-order": "顺序不符",
    "repeated-word": "重复字词",
    "missing-unit": "未注明单位",
    "ascii-punctuation": "半角标点",
    "model-parts-mismatch": "模式项数不符",
    "too-long": "篇幅超限",
    "duplicate": "重复报送",
    "near-duplicate": "高度相似",
    "same-title": "标题相同",
}


def genre(code: str | None) -> str:
    return GENRE.get(code or "", code or "")


def finding(code: str) -> str:
    """A finding's kind as an editor reads it; an unknown code is shown as it is."""
    return FINDING.get(code, code)


def figure_kind(code: str | None) -> str:
    """A figure's kind as the statistics name it (lexicon/figure_kinds.yaml)."""
    return load_lexicon().figure_kinds.labels.get(code or "other", code or "")


def section(code: str | None) -> str:
    return SECTION.get(code or "", code or "")


def sections_present(record: dict) -> str:
    """"背景✓ 做法✓ 成效✗ 启示✓" style summary of the template sections."""
    keys = {s["key"] for s in record.get("sections") or []}
    if "outcomes" not in keys and "practices" in keys:
        keys.add("outcomes")  # 主要做法与成效 covers both
    return " ".join(f"{SECTION[k]}{'✓' if k in keys else '✗'}" for k in TEMPLATE_SECTIONS)
