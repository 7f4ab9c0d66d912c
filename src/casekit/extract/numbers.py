"""Numbers as written -> values: Arabic ("14,000", "1.5") and Chinese ("两千", "十二").

Chinese numerals go through cn2an (imported on first use: it is slow to import and the
CLI's start-up must stay fast).
"""

from __future__ import annotations

from functools import lru_cache

# Magnitudes as a figure writes them, longest first: they stack ("7万亿元", "3千万元").
MAGNITUDES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
              "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4}


def parse_arabic(text: str) -> int | float:
    """"14,000" -> 14000, "1.5" -> 1.5, "０９" (full-width) -> 9."""
    clean = text.replace(",", "").translate(_FULL_WIDTH_DIGITS)
    value = float(clean)
    return int(value) if value.is_integer() and "." not in clean else value


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> int | float | None:
    """"两千" -> 2000, "三百" -> 300; None when cn2an cannot read it."""
    import cn2an

    try:
        return cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError):
        return None


def parse_small_number(text: str) -> int | None:
    """A list number: "3" or "三" -> 3."""
    if text.isdigit():
        return int(text)
    value = parse_chinese(text)
    return int(value) if value is not None else None


def scale(value: int | float, multiplier: str | None) -> int | float:
    """5 and "万" -> 50000, 7 and "万亿" -> 7000000000000; the result is an int when it is whole."""
    scaled = value * MAGNITUDES.get(multiplier or "", 1)
    if isinstance(scaled, float):
        scaled = round(scaled, 6)
        if scaled.is_integer():
            return int(scaled)
    return scaled


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
