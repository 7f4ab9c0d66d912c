"""Which of a document's first lines is its headline.

Real documents put other lines above the headline: a web page's menu and buttons, markup
left by a converter, a breadcrumb, a newspaper's page id and its list of the page's other
headlines, markdown front matter, a news dateline, an earlier headline ("原标题：…"), an
editor's note, a series name ("…·浙江篇"), a table of contents, a speech's salutation. Each
line is given a KIND (extract/line_roles.py holds the kinds of furniture and metadata, and
the cue words of lexicon/line_cues.yaml; the kinds only a headline's neighbours have are
here) and the headline is the first title-shaped line that a body
paragraph follows, past at most one subtitle and the metadata that sits under headlines.
When the text opens with its body, there is no headline.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from casekit.extract import patterns as P
from casekit.extract.line_roles import (ascii_share, cues, has_cue, is_buttons, is_chrome, is_dateline,
                                        is_editor_note, is_meta, is_organisation, is_pager, is_sentence,
                                        lead_marker)
from casekit.extract.markdown import front_matter_end

HEAD_WINDOW = 60  # lines: a headline further down is not the document's headline
# "… | sicau.com.cn": a site's domain after the headline of a page's title.
_DOMAIN_AFTER = re.compile(r"\s*[|｜_]\s*(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu)(?:\.cn)?$")
# "四川某某大学->…", "某某网 > …": the site a page's title names before its headline.
_SITE_BEFORE = re.compile(r"^[^\s>»›]{2,16}\s*(?:->|>|»|›)\s*")
_LOOKAHEAD = 6  # lines between a headline and its text: subtitle, date, source, byline, buttons
_SHORT = 4  # characters: a line this short is a menu item, a name or a bare heading, not a headline
_SAME_TITLE_RATIO = 0.6  # a title printed again under the page's headline shares this much of it
_SERIES_MAX = 24  # characters: a series or column name is shorter than a headline may be
_LABEL_MAX = 12  # characters: a label alone on its line is no longer
_PLACE_MAX = 10  # characters: the name of a place heading a headline ("某某县某某镇")
_TEXT_STARTED = 40  # characters: a sentence this long above a line is the text, not the page's head

_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s+)")
# "…新农村建设 | |||||||||": the empty cells of a table row the headline was written in.
_CELL_BARS_AFTER = re.compile(r"(?:\s*[|｜])+\s*$")
# "某县…调研报告某县…调研报告…": a title a document site printed twice, run into the text; the mark
# between the halves of a headline may differ from copy to copy (a comma, a space).
_DOUBLED_MIN = 8
_HALVES_MARK = str.maketrans({"，": " ", ",": " ", "\u3000": " "})
# "2025.03.04以党建带联建…": the date a site's listing prints run into the headline.
_LISTING_DATE = re.compile(rf"^\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\s*(?=[{P.CJK}“])")
# "【党建示范窗】": a site's column label run into the headline.
_COLUMN_LABEL = re.compile(r"^【[^】]{2,16}】\s*(?=\S)")
# "…主题党日活动 （市政府办公室）": the office that supplied an item, in brackets after its headline.
_SUPPLIER_AFTER = re.compile(r"\s*[（(](?P<org>[^（）()]{2,20})[）)]$")
# "…【完整版】", "…（精选）": the tag a document site puts after a file's title.
_SITE_TAG = re.compile(r"\s*[【\[（(](?:完整版|精选|精品|范文|最新|通用版|word版|推荐)[】\]）)]$", re.IGNORECASE)
# "第1篇 ", "第一篇：", "篇1：", " 篇1": a piece's number on a document site's page of several.
_PIECE_NUMBER = re.compile(r"^(?:第\s*[\d一二三四五六七八九十]{1,2}\s*篇|篇\s*[\d一二三四五六七八九十]{1,2}(?=\s*[:：]))\s*[:：]?\s*"
                           r"|\s*篇\s*[\d一二三四五六七八九十]{1,2}$")
# "…工作区委宣传部（2019年7月5日）…": a speech's headline run into its speaker and date.
_SPEECH_DATE = re.compile(r"[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]")
_SPEAKER_UNIT = re.compile(r"(?:[省市县区旗镇乡]委|[省市县区旗镇乡]政府|[省市县区旗镇乡]人大)?(?:组织部|宣传部|统战部|办公室|党委|党组)?$")
_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True)
class Headline:
    index: int | None  # the headline's line; None when the text has no headline
    title: str | None  # the headline without its label or markup prefix
    series: str | None = None  # a series or column name written just above it ("…·浙江篇")
    skipped: bool = False  # whether lines above were passed over as not the headline
    text_start: int | None = None  # the line the text starts at, if not the headline's (after front matter)
    unit: str | None = None  # the writers' unit a page's headline named after a dash, over the text's own title

    @property
    def first(self) -> int | None:
        """The first line of the text the headline heads."""
        return self.index if self.text_start is None else self.text_start


# --- kinds of line near a headline ---------------------------------------------------------


def strip_prefix(text: str) -> str:
    """A line without a markdown heading prefix ("# …"), a list bullet ("• …"), a listing's date
    ("2025.03.04…"), a column label ("【党建示范窗】…", "工作动态——…"), the office that supplied it
    in brackets after it ("…（市政府办公室）"), a piece's number on a page of several ("第1篇 …",
    "… 篇1"), a title label ("题：…"), a document site's tag ("…【完整版】"), the quotation marks
    around the whole of it, a web page's site name after it ("…_共产党员网"), or the empty cells of
    a table row after it ("… | ||||")."""
    text = _MD_PREFIX.sub("", P.LIST_BULLET.sub("", text.strip())).strip().strip("*").strip()
    text = _CELL_BARS_AFTER.sub("", text)
    text = _LISTING_DATE.sub("", text)
    text = _SITE_TAG.sub("", _PIECE_NUMBER.sub("", _column_name_before().sub("", _COLUMN_LABEL.sub("", text)))).strip()
    supplier = _SUPPLIER_AFTER.search(text)
    if supplier and supplier.start() > _SHORT and is_organisation(supplier.group("org")):
        text = text[: supplier.start()]
    labels = "|".join(map(re.escape, cues()["title_label"]))
    return strip_site_name(_unquoted(re.sub(rf"^(?:{labels})\s*[:：]\s*(?=\S)", "", text)))


def _unquoted(title: str) -> str:
    """A title quoted whole ("“山村巨变背后：一位女书记的初心”") without its quotation marks."""
    if len(title) > 2 and title[0] == "“" and title[-1] == "”" and "“" not in title[1:-1] and "”" not in title[1:-1]:
        return title[1:-1].strip()
    return title


def is_list_entry(text: str, following: str | None) -> bool:
    """One of a run of bulleted lines ("- 主编：…", "- 8908字"): a list, such as an e-book's
    details above the article, not a headline."""
    return bool(P.LIST_BULLET.match(text.strip()) and following and P.LIST_BULLET.match(following.strip()))


def strip_site_name(title: str) -> str:
    """A headline without the site name a web page's title adds after a separator ("…_共产党员网",
    "… | example.com.cn") and the site it puts before the headline as a breadcrumb ("某某大学->…")."""
    separators = "".join(re.escape(s) for s in cues()["site_name_separator"])
    ends = "|".join(map(re.escape, cues()["site_name_end"]))
    m = (re.search(rf"\s*(?<![—–-])[{separators}]\s*[^\s{separators}]{{1,10}}(?:{ends})$", title)
         or _DOMAIN_AFTER.search(title))
    title = title[: m.start()].rstrip() if m and m.start() >= 5 else title
    crumb = _SITE_BEFORE.match(title)
    return title[crumb.end() :] if crumb and len(title) - crumb.end() >= 5 else title


def is_original_title(text: str) -> bool:
    labels = "|".join(map(re.escape, cues()["original_title"]))
    return bool(re.match(rf"^[（(]?(?:{labels})\s*[:：]", text.strip()))


def is_salutation(text: str) -> bool:
    t = text.strip()
    return len(t) <= 30 and t[-1:] in "：:，," and has_cue(t, "salutation")


def is_numbered(text: str) -> bool:
    return bool(P.HEADING_NUMBER.match(text.strip()))


def is_label(text: str) -> bool:
    """A short label ending on a colon alone on its line ("温馨提示：", "专栏："): it names what follows."""
    t = text.strip()
    return t.endswith(("：", ":")) and len(t) <= _LABEL_MAX


def is_subtitle(text: str) -> bool:
    return text.strip().startswith(("——", "--", "—"))


def is_kicker(text: str) -> bool:
    """A kicker above a newspaper's headline, ending on a dash that points to it
    ("某县党建赋能集体经济发展壮大——"): it leads into the headline and is no headline itself."""
    t = text.strip()
    return len(t) > 2 and t.endswith(("——", "--", "—")) and not is_sentence(t)


def is_series(text: str, following: str | None) -> bool:
    """A series or column name above the headline ("沿着总书记的足迹·浙江篇"): it holds a
    separator and the next line is a headline of its own, not a subtitle."""
    if not any(s in text for s in cues()["series_separator"]) or is_sentence(text) or len(text.strip()) > _SERIES_MAX:
        return False
    return following is not None and is_candidate(following) and not is_subtitle(following)


def is_candidate(text: str, title_max: int = 60) -> bool:
    """Shaped like a headline: short, no sentence punctuation, no numbering, not furniture."""
    t = strip_prefix(text)
    if len(t) <= _SHORT or len(t) > title_max or is_sentence(t) or is_numbered(t) or t.endswith(("：", ":")):
        return False  # (a line ending on a colon introduces what follows it)
    return not (is_chrome(t) or is_meta(t) or is_original_title(t) or is_editor_note(t) or is_salutation(t)
                or is_subtitle(t) or is_kicker(t) or t.startswith("【"))


def is_body(text: str) -> bool:
    """A paragraph of text, or the first heading of the text ("一、背景", "概况")."""
    t = text.strip()
    return is_sentence(t) or (is_numbered(t) and len(t) <= 30) or (0 < len(t) <= _SHORT and P.HAN_CHAR.search(t) is not None)


def _text_follows(lines: list[str], i: int, subtitles: int = 1) -> bool:
    """Whether the text starts below line `i`, past at most `subtitles` title-shaped lines (a
    subtitle; one starting with a dash always counts as one) and any metadata lines."""
    used = 0
    for line in lines[i + 1 : i + 1 + _LOOKAHEAD]:
        t = line.strip()
        if is_pager(t) or (is_chrome(t) and not is_buttons(t) and ascii_share(t) < 0.5):
            return False  # a menu or pager starts another part of the page
        if is_meta(t) or is_buttons(t) or is_dateline(t) or ascii_share(t) >= 0.5:
            continue
        if is_body(t) or is_salutation(t) or is_editor_note(t) or t.startswith("【"):
            return True
        if used >= subtitles and not (used == 0 and is_subtitle(t)):
            return False  # one title-shaped line too many: a list of headlines, not one
        used += 1
    return len(lines) <= i + 1  # a headline alone at the end of a short text


# --- the headline ---------------------------------------------------------------------------


def _front_matter(lines: list[str]) -> tuple[int, str | None] | None:
    """(the index after a markdown front matter block, its title or first alias), or None."""
    end = front_matter_end(lines)
    if end is None:
        return None
    title = alias = None
    for k in range(1, end):
        m = _FRONT_MATTER_KEY.match(lines[k].strip())
        if m and m.group("key").lower() == "title" and m.group("value").strip():
            title = m.group("value").strip().strip("\"'")
        elif m and m.group("key").lower() == "aliases" and k + 1 < len(lines):
            nxt = lines[k + 1].strip()
            value = m.group("value").strip().strip("[]") or (nxt[1:].strip() if nxt.startswith("- ") else "")
            alias = alias or value.split(",")[0].strip().strip("\"'") or None
    return end + 1, strip_site_name(title or alias) if title or alias else None


def _printed_headline(lines: list[str], start: int, title: str) -> int | None:
    """The line under a front matter block that prints the headline its title decorates (the title
    "【时文】某某：关于…的说明" over the line "关于…的说明"), if one stands near the top of the text."""
    for k in range(start, min(start + _LOOKAHEAD, len(lines))):
        printed = strip_prefix(lines[k])
        if len(printed) > _SHORT and printed != title and title.endswith(printed):
            return k
    return None


def _page_furniture_follows(lines: list[str]) -> bool:
    """Whether a newspaper's pager stands in the lines under the first ("第03版：综合新闻 上一版
    下一版"): then the first line is the paper's masthead, and the headline is further down."""
    return any(is_pager(ln.strip()) for ln in lines[1:_LOOKAHEAD])


def _headline_over_source(lines: list[str], sourced: Collection[int], title_max: int) -> int | None:
    """The line a page printed its source line under (`sourced`: the lines right under which
    cleaning cut a date-and-source line or a byline), past a subtitle, if it is title-shaped and
    the text has not started above it: whatever chrome stands higher up, that line is the headline."""
    for j in sorted(k for k in sourced if k < len(lines)):
        if any(is_sentence(ln) and len(ln.strip()) > _TEXT_STARTED for ln in lines[:j]):
            return None  # a byline inside the text, not under a headline
        k = j - 1 if j and is_subtitle(lines[j]) else j
        # over a source line, a headline may ask or exclaim ("…怎么做到的？", "打造…综合体！…")
        headline = unit_after_dash(re.sub(r"[！？!?]", "，", lines[k].strip()))[0]
        return k if is_candidate(headline, title_max) else None
    return None


def unit_after_dash(title: str) -> tuple[str, str | None]:
    """A headline without the writers' unit it names after a dash ("强党建促发展——某某大学"), and
    that unit (None when the words after the dash are no organisation)."""
    head, dash, unit = title.rpartition("——")
    if dash and len(head.strip()) > _SHORT and is_organisation(unit):
        return head.strip(), unit.strip()
    return title, None


def _is_place_label(text: str) -> bool:
    """The first line of a headline broken after the place it is about ("某某乡：")."""
    t = text.strip()
    place = t[:-1]
    return (t.endswith(("：", ":")) and 2 <= len(place) <= _PLACE_MAX
            and re.fullmatch(rf"[{P.CJK}]+{P.PLACE_SUFFIX}", place) is not None)


def find_headline(lines: list[str], title_max: int = 60, sourced: Collection[int] = ()) -> Headline:
    """The headline among a text's first lines (its paragraphs, in order); `sourced` holds the
    lines right under which cleaning cut a page's source line."""
    lines = lines[:HEAD_WINDOW]
    head = _page_headline(lines, title_max, sourced)
    own = _own_title_below(lines, head.index, title_max) if head.index is not None and head.text_start is None else None
    if own is None:
        return head
    return Headline(own, strip_prefix(lines[own]), head.series, True, unit=unit_after_dash(head.title or "")[1])


def _own_title_below(lines: list[str], index: int, title_max: int) -> int | None:
    """The text's own title printed again under a page's headline, before the text starts (the
    page's "某某副主任在…上的致辞" over the speech's "在…上的致辞", a document site's garbled or
    numbered file title over the clean one): the last title-shaped line there that reads like the
    headline. A document's title is its own, not the page's."""
    headline, own = strip_prefix(lines[index]), None
    for k in range(index + 1, min(index + 1 + _LOOKAHEAD, len(lines))):
        t = lines[k].strip()
        if is_body(t) or is_salutation(t):
            break
        if is_candidate(t, title_max) and _reads_like(strip_prefix(t), headline):
            own = k
    return own


def _reads_like(title: str, headline: str) -> bool:
    return SequenceMatcher(None, title, headline, autojunk=False).ratio() >= _SAME_TITLE_RATIO


def _page_headline(lines: list[str], title_max: int, sourced: Collection[int]) -> Headline:
    """The headline a page or a text puts first (see `find_headline`)."""
    i, skipped = 0, False
    fm = _front_matter(lines)
    if fm:
        i, title = fm
        if title:
            printed = _printed_headline(lines, i, title)
            if printed is not None:
                return Headline(printed, strip_prefix(lines[printed]), None, True)
            return Headline(i - 1, title, None, True, text_start=i)
        skipped = True
    fields = ((k, P.TITLE_FIELD.match(ln.strip())) for k, ln in enumerate(lines[i : i + _LOOKAHEAD], i))
    field = next(((k, m) for k, m in fields if m), None)
    if field:  # a form's title field ("案例名称：…") under the form's name
        return Headline(field[0], _unquoted(field[1].group("title").strip()), None, field[0] > 0)
    anchored = _headline_over_source(lines[i:], [k - i for k in sourced if k >= i], title_max)
    if anchored is not None:
        at = i + anchored
        if at and _is_place_label(lines[at - 1]):  # "某某乡：" over the rest of its headline
            return Headline(at - 1, lines[at - 1].strip() + strip_prefix(lines[at]), None, True)
        return Headline(at, strip_prefix(lines[at]), None, skipped or anchored > 0)
    second = lines[1].strip() if len(lines) > 1 else None
    opens_with_headline = (not skipped and bool(lines) and is_candidate(lines[0], title_max)
                           and not is_series(lines[0].strip(), second) and not is_list_entry(lines[0], second))
    if opens_with_headline and (_text_follows(lines, 0) or not _page_furniture_follows(lines)):
        return Headline(0, strip_prefix(lines[0]), None, False)  # a text that opens with its headline
    in_note = in_list = False
    while i < len(lines):
        t = lines[i].strip()
        following = lines[i + 1].strip() if i + 1 < len(lines) else None
        if in_note and not is_candidate(t, title_max):
            i += 1
            continue
        in_note, after_list, in_list = False, in_list, False
        if is_editor_note(t):
            in_note, skipped = True, True
        elif is_list_entry(t, following):
            skipped = True
        elif is_candidate(t, title_max) and is_series(t, following) and _text_follows(lines, i + 1):
            title = strip_prefix(following)
            last = re.split("|".join(map(re.escape, cues()["series_separator"])), t)[-1].strip()
            return Headline(i + 1, title, t if len(last) <= _SHORT else None, True)
        elif is_candidate(t, title_max) and _text_follows(lines, i, 0 if after_list else 1):
            # at the end of a list of other headlines, the next title-shaped line is the headline
            return Headline(i, strip_prefix(t), None, skipped)
        elif (is_chrome(t) or is_meta(t) or is_dateline(t) or is_original_title(t) or is_salutation(t)
              or is_subtitle(t) or is_kicker(t) or len(t) <= _SHORT or is_label(t)):
            skipped = True
        elif is_numbered(t) and following is not None and not is_sentence(following):
            skipped = True  # an entry of a table of contents above the headline
        elif is_candidate(t, title_max):
            skipped = in_list = True  # one of a list of headlines (a newspaper page's other articles)
        else:  # the text itself: no headline above it
            return Headline(None, None, None, skipped, text_start=i if skipped else None)
        i += 1
    return Headline(None, None, None, skipped)


def run_on_title(text: str, title_max: int = 60) -> str | None:
    """The headline run into a first paragraph before a marker of its text ("…范例【导语】…"),
    the salutation a speech opens with ("…会议上的讲话同志们：…", as a document site flattens a
    speech into one paragraph) or a report's dateline or byline ("…荣誉称号本报运城讯 近日，…"),
    or printed twice before it ("某县…调研报告某县…调研报告中共某某县委…")."""
    doubled = _printed_twice(text, title_max)
    if doubled and not is_sentence(doubled):
        return doubled
    source = P.RUN_ON_SOURCE.search(text, 0, title_max + 20)
    if source and source.start() >= 5 and not is_sentence(text[: source.start()]):
        return text[: source.start()].strip()  # a headline over a report's source may hold a comma
    m = lead_marker().search(text[: title_max + 8]) or _salutation_run_on().search(text[: title_max + 20])
    # before a marker, a title may list its topics ("…的变迁、问题和未来"), but a comma makes a sentence
    if m and m.start() >= 5 and not is_sentence(text[: m.start()]) and not any(c in text[: m.start()] for c in "，,"):
        return text[: m.start()].strip()
    dated = _dated_head(text, title_max)
    if dated:
        head = dated[: _SPEAKER_UNIT.search(dated).start()].strip()
        return head if len(head) > _SHORT else None
    return None


def _printed_twice(text: str, title_max: int) -> str | None:
    """The title a text opens on twice over, the copies differing at most in the mark between its
    two halves ("加强社区建设，筑牢…基石加强社区建设 筑牢…基石 社区是…"): the second copy."""
    for size in range(_DOUBLED_MIN, min(title_max, len(text) // 2) + 1):
        first, second = text[:size], text[size : 2 * size]
        if first.translate(_HALVES_MARK) == second.translate(_HALVES_MARK) and not first[0].isspace():
            return second.strip()
    return None


def run_on_unit(text: str, title_max: int = 60) -> str | None:
    """The unit between a run-on headline and the date its speech was given
    ("…志愿服务工作区委宣传部（2019年7月5日）…" gives 区委宣传部), if one stands there."""
    dated = _dated_head(text, title_max)
    if not dated:
        return None
    unit = dated[_SPEAKER_UNIT.search(dated).start():].strip()
    return unit or None


@lru_cache(maxsize=1)
def _column_name_before() -> re.Pattern:
    """A site's column name before a headline and a dash, a colon or a bar ("工作动态——…")."""
    names = "|".join(map(re.escape, cues()["column_name"]))
    return re.compile(rf"^(?:{names})\s*(?:——|—|：|:|\||｜)\s*(?=\S)")


@lru_cache(maxsize=1)
def _salutation_run_on() -> re.Pattern:
    """A salutation run on after a headline: a salutation word, a few more words of it, a colon
    ("同志们：", "各位领导、同志们：")."""
    words = "|".join(map(re.escape, cues()["salutation"]))
    return re.compile(rf"(?:{words})[^，。；：:,;！!？?]{{0,12}}?[:：]")


def _dated_head(text: str, title_max: int) -> str | None:
    """The words before a speech's date in brackets near a text's start, when they are no sentence."""
    d = _SPEECH_DATE.search(text, 0, title_max + 20)
    if d and not is_sentence(text[: d.start()]) and not any(c in text[: d.start()] for c in P.COMMAS):
        return text[: d.start()]
    return None
