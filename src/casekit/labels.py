"""Chinese display names of the record's codes, for everything an editor reads."""

from casekit.models import TEMPLATE_SECTIONS

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


def genre(code: str | None) -> str:
    return GENRE.get(code or "", code or "")


def section(code: str | None) -> str:
    return SECTION.get(code or "", code or "")


def sections_present(record: dict) -> str:
    """"背景✓ 做法✓ 成效✗ 启示✓" style summary of the template sections."""
    keys = {s["key"] for s in record.get("sections") or []}
    if "outcomes" not in keys and "practices" in keys:
        keys.add("outcomes")  # 主要做法与成效 covers both
    return " ".join(f"{SECTION[k]}{'✓' if k in keys else '✗'}" for k in TEMPLATE_SECTIONS)
