"""Where a case belongs: the unit's (or the lead's) place, resolved to province, city and county.

Resolution uses cpca, a maintained table of China's administrative divisions (it needs
pandas, so it is imported on first use).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Collection

from casekit.extract.tokens import segment
from casekit.models import Admin

# "东辽县", "辽源市", "西安区", "那丹伯镇", "桥东街道", "东湖社区": a named place.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:自治州|自治县|省|市|州|盟|县|区|旗|镇|乡|街道|社区|村)")
_LEAD_CHARS = 200
_BELOW_COUNTY = ("镇", "乡", "街道", "社区", "村")


def find_region(unit: str | None, title: str | None, text: str,
                ambiguous: Collection[str] = ()) -> tuple[str | None, Admin]:
    """(most specific place named, its resolved administrative division).

    The unit names the place best ("中共株洲市芦淞区建宁街道工作委员会" -> 建宁街道); without one,
    the title and the lead are resolved, and the county (or city, or province) is the region.
    A county name that is also an everyday word (`ambiguous`: 城区, 郊区) counts only beside
    its city's name. A place the table cannot resolve (a town named without its county) is
    still the region when the unit names it ("中共枫桥镇委员会" -> 枫桥镇).
    """
    for source in (unit, title, text[:_LEAD_CHARS]):
        admin = _first_place(source, ambiguous) if source else None
        if admin:
            below_county = _below_county(source) if source is unit else None
            return below_county or _most_specific(admin), admin
    return _last_place(unit), Admin()


def _first_place(source: str, ambiguous: Collection[str], tries: int = 3) -> Admin | None:
    """The first place the source names; a wrong guess is skipped and the rest of the source tried."""
    rest = source
    for _ in range(tries):
        admin = resolve_admin(_strip_party_prefix(rest))
        starts = {start for _, start, _ in segment(rest)}
        if _named_in(rest, starts, _most_specific(admin)) and (
                admin.county not in ambiguous or _named_in(rest, starts, admin.city)):
            return admin
        guessed = _most_specific(admin)
        cut = rest.find(guessed) if guessed else -1
        if cut < 0:
            return None
        rest = rest[cut + len(guessed) :]
    return None


def _most_specific(admin: Admin) -> str | None:
    return admin.county or admin.city or admin.province


def _named_in(source: str, word_starts: set[int], name: str | None) -> bool:
    """Whether the source names the place, as a word of its own (`word_starts`: where its words begin).

    cpca also guesses from fragments: 县 alone, or 南县 inside 岭南县, a place it does not know.
    """
    if not name or len(name) < 2:
        return False
    forms = (name, name[:-1]) if len(name) > 2 else (name,)
    return any(m.start() in word_starts for form in forms for m in re.finditer(re.escape(form), source))


def _strip_party_prefix(name: str) -> str:
    return re.sub(r"^中共|^中国共产党", "", name)


def _last_place(unit: str | None) -> str | None:
    places = _PLACE.findall(_strip_party_prefix(unit)) if unit else []
    return places[-1] if places else None


def _below_county(unit: str) -> str | None:
    place = _last_place(unit)
    return place if place and place.endswith(_BELOW_COUNTY) else None


@lru_cache(maxsize=2048)
def resolve_admin(place: str) -> Admin:
    import cpca

    row = cpca.transform([place]).iloc[0]
    value = {key: (None if _missing(row[key]) else str(row[key])) for key in ("省", "市", "区", "adcode")}
    return Admin(province=value["省"], city=value["市"], county=value["区"], adcode=value["adcode"])


def _missing(value) -> bool:
    return value is None or value != value or value == ""
