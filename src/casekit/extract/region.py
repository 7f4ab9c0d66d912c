"""Where a case belongs: the unit's (or the lead's) place, resolved to province, city and county.

Resolution uses cpca, a maintained table of China's administrative divisions (it needs
pandas, so it is imported on first use).
"""

from __future__ import annotations

import re
from functools import lru_cache

from casekit.models import Admin

# "东辽县", "辽源市", "西安区", "那丹伯镇", "桥东街道", "东湖社区": a named place.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:自治州|自治县|省|市|州|盟|县|区|旗|镇|乡|街道|社区|村)")
_LEAD_CHARS = 200
_BELOW_COUNTY = ("镇", "乡", "街道", "社区", "村")


def find_region(unit: str | None, title: str | None, text: str) -> tuple[str | None, Admin]:
    """(most specific place named, its resolved administrative division).

    The unit names the place best ("中共株洲市芦淞区建宁街道工作委员会" -> 建宁街道); without one,
    the title and the lead are resolved, and the county (or city, or province) is the region.
    """
    for source in (unit, title, text[:_LEAD_CHARS]):
        if not source:
            continue
        admin = resolve_admin(_strip_party_prefix(source))
        if _named_in(source, admin):
            below_county = _below_county(source) if source is unit else None
            return below_county or admin.county or admin.city or admin.province, admin
    return None, Admin()


def _named_in(source: str, admin: Admin) -> bool:
    """Whether the source really names one of the resolved places (cpca also guesses from fragments like 县)."""
    names = [n for n in (admin.county, admin.city, admin.province) if n and len(n) >= 2]
    return any(n in source or (len(n) > 2 and n[:-1] in source) for n in names)


def _strip_party_prefix(name: str) -> str:
    return re.sub(r"^中共|^中国共产党", "", name)


def _below_county(unit: str) -> str | None:
    places = _PLACE.findall(_strip_party_prefix(unit))
    return places[-1] if places and places[-1].endswith(_BELOW_COUNTY) else None


@lru_cache(maxsize=2048)
def resolve_admin(place: str) -> Admin:
    import cpca

    row = cpca.transform([place]).iloc[0]
    value = {key: (None if _missing(row[key]) else str(row[key])) for key in ("省", "市", "区", "adcode")}
    return Admin(province=value["省"], city=value["市"], county=value["区"], adcode=value["adcode"])


def _missing(value) -> bool:
    return value is None or value != value or value == ""
