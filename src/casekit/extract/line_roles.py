"""What a line of a document is when it is not the text: the one home of line kinds.

Real documents carry lines that belong to the page, not to the case: a site's menu, buttons
and pager, markup left by a converter, a breadcrumb, a row of digits, a newspaper's page id;
a date-and-source line, a dateline, a byline, the credits of who wrote, photographed and
edited a report; a photo's caption; a site's contact footer; a government disclosure table.
Each kind is told by features that hold across sites — length, sentence punctuation, the
share of digits and Latin letters, separators, brackets, the shape of a label and its value —
and by cue words kept as data (`lexicon/line_cues.yaml`), never by one document's wording.

`furniture(line)` says which kind of page furniture a line is, if any, wherever it stands:
cleaning drops those lines. The other predicates describe lines near a headline
(`title_lines` reads them), where a date, a source or an author may stand under the title, and
running text as cleaning's joiner and the line model's guard read it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from casekit.extract import patterns as P
from casekit.options import read_lexicon_yaml

_CREDIT_MAX = 60  # characters: a credit, caption or metadata line is short
_BUTTON_SEPARATORS = re.compile(r"[\s|｜]+")  # between the buttons of a row: spaces or bars
# "（右三）", "(左二)", "（前排左一）": where a person stands in a photo, as only its caption says.
_PLACE_IN_PICTURE = re.compile(r"[（(](?:前排|后排|中排)?[左右][一二三四五六七八九十1-9]?[）)]")
_PICTURES_BY = re.compile(r"(?:图片|照片|图|视频)均?由")  # "本版图片由…(提供)": who provided the pictures
_IMAGE_NOTE_MAX = 12  # characters: "（资料图片仅供参考）"
_MENU_ITEM_MAX = 6  # characters: an item of a site's menu row ("工作范例") is no longer
_BUTTON_TOKEN_MAX = 10  # characters: a button's label ("加入会员免费下载") is no longer

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z]+[^>]*>?|/>|\{\{|\}\}|&[a-z]+;|\[\[|\]\]")
_DATE_START = re.compile(r"^\d{4}\s*[年\-/.]\s*\d{1,2}")
# "某某论坛 · 公众号 · 2025-02-17 21:20": a full date and clock time ending a line of a few short items.
_STAMP_AFTER_ITEMS = re.compile(r"^[^，。；,;:：]{0,30}?(?<!\d)\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?\s+"
                                r"\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?$")
# "人气:3.09W", "发布于: ": a short labelled field of a page's metadata row; a row holds several.
_SHORT_FIELD = re.compile(rf"(?:^|(?<=[\s/|｜]))(?P<label>[{P.CJK}]{{2,4}})\s*[:：](?:\s*[^\s:：/|｜]{{0,12}})(?=\s|/|[|｜]|$)")
_FIELDS_IN_A_ROW = 3
_SYSTEM_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*")
_MACHINE_FIELD = re.compile(r"^[（(]?[^\d:：()（）]{1,8}[:：]\s*\d{10,}\s*[）)]?$")
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]")
_BLURB_MAX = 200  # characters: a site's blurb about a file is no longer
# "某某市委党校学报 2023年6期", "某某研究 2021年第3期": a journal's name and issue.
_JOURNAL_ISSUE = re.compile(r"^\S{2,20}(?:学报|杂志|期刊|月刊|半月刊|旬刊|周刊|论丛|研究|论坛)\s*\d{4}\s*年\s*第?\s*\d{1,2}\s*期$")
_NOTICE_MAX = 200  # characters: a site's disclaimer, copyright footer or blurb about a file is no longer
_BREADCRUMB_MAX = 160  # characters: a breadcrumb ending on a long headline is no longer
_BYLINE_MAX = 24  # characters: reporters' roles and names before the paper they wrote in
# "《某某日报》（2025年11月04日第 18 版）": the paper and edition a report was printed in.
_PRINT_EDITION = re.compile(r"《[^》]{2,16}》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*第?\s*\d{1,3}\s*版\s*[）)]$")
# "大小:29.00 KB", "页数：4页", "格式：DOCX": a document site's details of the file.
# "全文9228字46页" alone on a line (a few garbled characters before it): a document site's note of a
# file's length; beside a title, in brackets, it is cut from the title's line instead.
_LENGTH_NOTE = re.compile(r"^[^\s，。（(]{0,6}全文共?\s*\d+\s*字(?:\s*\d+\s*[页片张])?$")
# "38.97KB": a file's size alone on its line, as a document site shows it.
_FILE_SIZE = re.compile(r"^\d+(?:\.\d+)?\s*(?:[KkMmGg]i?B|字节)$")
_FILE_DETAIL = re.compile(r"^(?:文件)?(?:大小|页数|格式)\s*[:：]\s*(?:[\d.]+\s*(?:[KkMm]i?B|页|字节)|[A-Za-z]{3,4})$")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}\s*[:：]\s*\d{2}(?!\d)")
_PAGE_ID = re.compile(r"^第\s*[\d一二三四五六七八九十]{1,3}\s*版")
# "马某某 孙某": authors' names under a headline.
_NAMES = re.compile(rf"^[{P.CJK}]{{2,3}}(?:[\s\u3000、，,]+[{P.CJK}]{{2,3}})+$")
_NAME = re.compile(rf"^[{P.CJK}]{{2,4}}$")
# "中共某某市委政法委课题组", "某某集团有限公司广东公司": the writers' organisation under a headline.
_AFFILIATION = re.compile(rf"^中共[^\s，。]{{2,24}}$|^[^\s，。]{{2,24}}(?:{P.ORG_SUFFIX}|课题组|调研组|写作组|合作社)$")
# "（刘某某 摄）", "（张某、李某 摄）" at the end of a caption.
_PHOTO_CREDIT = re.compile(rf"[（(]\s*[{P.CJK}]{{2,4}}(?:[\s、，,]+[{P.CJK}]{{2,4}})*\s*摄(?:影)?\s*[）)]$")
_BRACKETS = "（）()[]【】［］〔〕"
# "记者 某某 文/图", "□文/摄 本报记者 某某": the reporter wrote and took the photos.
_WRITTEN_AND_PHOTOGRAPHED = ("文/图", "文／图", "/图", "文/摄", "文／摄", "图/文", "图文")
# How the name of a news outlet ends, as a byline prints it before the reporter.
_OUTLET_END = "日报|晚报|报社|电视台|新闻网|新华社|客户端|融媒体中心"
# "北京日报客户端 | 记者 某某", "某某网 | 记者 某某": the outlet, then a bar, before a byline.
_OUTLET_BEFORE_BYLINE = re.compile(rf"^[{P.CJK}]{{2,12}}(?:{_OUTLET_END}|网)\s*[|｜]\s*")
# "晚报记者", "南方日报记者": the paper's name before a reporter's role.
# "文/记者 某某", "图/记者 某某": the part of the work a byline's reporter did, before the role.
_WORK_BEFORE_ROLE = re.compile(r"^(?:文字|文|图片|图|摄影)\s*[/／]\s*(?=[^\s/／图摄])")
# "… 来源：某某网": the outlet a byline's line names after the reporters.
_SOURCE_AFTER_BYLINE = re.compile(rf"\s+(?:来源|來源)\s*[:：]\s*[{P.CJK}]{{2,12}}$")
# "记者某某通讯员某某": a role run on after a name with no space, where the names are split.
_ROLE_AFTER_NAME = re.compile(rf"(?<=[{P.CJK}]{{2}})(?<![报約约习影])(?=通讯员|通訊員|记者|記者|实习生|實習生)")
_OUTLET_BEFORE_ROLE = re.compile(rf"^[{P.CJK}]{{0,8}}(?:{_OUTLET_END})(?=[{P.CJK}])")
# "（某某大学马克思主义学院，北京 100871）", "某某集团有限公司某某分公司,陕西咸阳 712046": a journal
# author's affiliation with its city and postcode, in brackets or not.
_AFFILIATION_NOTE = re.compile(r"^[（(][^（）()]{4,60}(?<!\d)\d{6}(?!\d)\s*[）)]$")
_UNBRACKETED_AFFILIATION = re.compile(r"^(?P<unit>[^（）()，,。]{4,40})[，,]\s*[^（）()，,。\d]{2,12}\s*(?<!\d)\d{6}$")
# A bracketed note closing a line ("…全区建成示范村9个。（通讯员 某某、某某）").
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{2,40}[）)]$")
_SENTENCE_CLOSE = tuple(P.SENTENCE_INNER + "…”\"")  # what ends the sentence a closing note follows
# "[1] 某某. 书名[M]. 出版地：出版社，2019.", "［2］…[J/OL]": an entry of a paper's references.
_REFERENCE_ENTRY = re.compile(r"^[\[［]\d{1,3}[\]］]\s*\S.{0,160}?[\[［](?:[MJCDNRSPZAG]|EB|DB|CP)(?:/OL)?[\]］]")
_CJK_GAP = re.compile(rf"(?<=[{P.CJK}])\s+(?=[{P.CJK}])")
_SPLIT_ITEMS = re.compile(r"[\s\u3000、，,]+")
_LABEL_SEP = r"\s*[:：]\s*"
_SPACED = r"[ \u3000]*"  # between the characters of a label spaced out to a width


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    """The cue-word groups of lexicon/line_cues.yaml."""
    return {k: tuple(str(w) for w in v) for k, v in read_lexicon_yaml("line_cues.yaml").items()}


@lru_cache(maxsize=None)
def _labels(group: str) -> re.Pattern:
    """A group's words as labels at a line's start, longest first ("责任编辑" before "编辑"); a
    label's characters may be spaced out, as a form or a page footer aligns them ("审 核", "联 系 人")."""
    words = sorted(cues()[group], key=len, reverse=True)
    return re.compile("(?:" + "|".join(_SPACED.join(map(re.escape, w)) for w in words) + ")")


# --- features -----------------------------------------------------------------------------


def ascii_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 1.0
    return sum(1 for c in chars if c.isascii()) / len(chars)


def tokens(text: str) -> list[str]:
    return text.split()


def has_cue(text: str, group: str) -> bool:
    return any(w in text for w in cues()[group])


def token_cue(text: str, group: str) -> bool:
    """Whether a space-separated item of a short line is (or ends with) a cue word of `group`."""
    words = cues()[group]
    return any(t in words or any(t.endswith(w) and len(t) <= len(w) + 2 for w in words) for t in tokens(text))


def is_sentence(text: str) -> bool:
    """Running text: a sentence's punctuation inside, or longer than any headline."""
    return any(c in text for c in P.SENTENCE_INNER) or len(text) > 80


def without_markup(text: str) -> str:
    """A line as a reader sees it: a link's words without its address, no HTML tags, no
    emphasis marks around the whole line ("*（执笔：…）*")."""
    text = P.MD_EMPHASIS_LINE.sub(r"\g<inner>", text)
    if "[" not in text and "<" not in text:
        return text
    return P.HTML_TAG.sub("", P.MD_LINK.sub(lambda m: m.group(0)[1 : m.start(2) - m.start(0)], text)).strip()


def ends_terminal(text: str) -> bool:
    """Whether a line ends with punctuation that closes a paragraph (a closing quote after it)."""
    if not text:
        return True
    last = text[-1]
    if last in "”\"’'":
        return len(text) > 1 and text[-2] in P.TERMINAL
    return last in P.TERMINAL


def is_running_text(text: str) -> bool:
    """A line of body text rather than a title or heading."""
    if text[-1] in P.COMMAS or any(c in text for c in P.SENTENCE_INNER):
        return True
    if P.HEADING_NUMBER.match(text):
        return False
    if sum(text.count(c) for c in "，,") >= 2 or sum(text.count(c) for c in P.COMMAS) >= 3:
        return True
    return len(text) >= 40 and not P.HEADLINE_GAP.search(text)


def _unbracketed(text: str) -> str:
    t = text.strip()
    while len(t) > 2 and t[0] in _BRACKETS and t[-1] in _BRACKETS:
        t = t[1:-1].strip()
    return t


# --- kinds of line ------------------------------------------------------------------------


def is_chrome(text: str) -> bool:
    """Page furniture of a site: menus, markup, breadcrumbs, page ids, digit rows."""
    t = text.strip()
    if _is_breadcrumb(t):
        return True
    if len(t) > 60 and not _MARKUP.search(t):
        return False
    if _MARKUP.search(t) or _PAGE_ID.match(t) or is_pager(t):
        return True
    if ascii_share(t) >= 0.5:
        return True
    items = _spaced_names_joined(tokens(t))
    if len(items) >= 4 and sum(map(len, items)) / len(items) <= 3:
        return True  # "首页 要闻 政情 产经": a row of menu items
    if len(items) >= 4 and max(map(len, items)) <= _MENU_ITEM_MAX and token_cue(t, "menu"):
        return True  # "网站首页 工作范例 办公范例 个人范例": a row of longer items, one the site's own
    return len(t) <= 12 and (token_cue(t, "menu") or token_cue(t, "buttons"))


def _is_breadcrumb(t: str) -> bool:
    """"首页 > 党建", "您当前的位置:首页 > 国内资讯 > 某某新闻 > 某某标题…": the path to a page, which
    may run on into a long headline; never a sentence."""
    if is_sentence(t) or len(t) > _BREADCRUMB_MAX:
        return False
    separators = "|".join(map(re.escape, sorted(cues()["breadcrumb_separator"], key=len, reverse=True)))
    steps = len(re.findall(separators, t))
    return steps >= 2 or (steps == 1 and len(t) <= 60)


def is_pager(text: str) -> bool:
    """Paging between a paper's pages or a site's articles ("上一版 下一版", "第03版：要闻 上一版"):
    a short line holding a pager cue."""
    return len(text) <= 30 and has_cue(text, "pager")


def is_buttons(text: str) -> bool:
    return len(text) <= 30 and token_cue(text, "buttons")


def is_meta(text: str) -> bool:
    """A line that sits under a headline: date, source, byline, credit, dateline, unit."""
    t = text.strip()
    if len(t) > 60 or is_sentence(t):
        return False
    return bool(
        _DATE_START.match(t) or P.DATELINE.match(t) or re.search(rf"{_labels('meta_label').pattern}\s*[:：]", t)
        or P.BYLINE.match(t) or P.CREDIT_LINE.match(t) or P.UNIT_LINE.match(t) or P.NOT_TITLE.match(t)
        or _NAMES.match(t) or is_organisation(t)
    )


def is_dateline(text: str) -> bool:
    return len(text) <= 40 and bool(P.DATELINE.match(text.strip()))


def is_author_line(text: str) -> bool:
    """A line of one to three personal names alone ("孙某某", "马某某 孙某"), as under a report's title:
    each two to four characters opening with a common surname, none ending like a place."""
    names = [n for n in _SPLIT_ITEMS.split(text.strip()) if n]
    return 0 < len(names) <= 3 and all(_is_personal_name(n) for n in names)


def is_writer_line(text: str) -> bool:
    """Who wrote or gives a report, on a line of its own beside its title: names alone, or an
    office and a name."""
    return is_author_line(text) or is_speaker_line(text)


def is_speaker_line(text: str) -> bool:
    """An office and a name ("镇党委书记  某某某", "镇党委副书记、镇长 某某"): who gives the
    speech or report below or above it."""
    t = text.strip()
    office, _, name = t.rpartition(" ")
    office = office.strip()
    return (len(t) <= 30 and bool(office) and not is_sentence(t) and _is_personal_name(name)
            and office.endswith(cues()["post"]))


def is_person_label(word: str) -> bool:
    """Whether a turn's label names a person, as a transcript writes it: a name ("严某某"), a
    surname alone ("王") or a surname and an office ("张书记")."""
    surname = _labels("surname").match(word)
    if surname is None:
        return False
    rest = word[surname.end():]
    return _is_personal_name(word) or not rest or rest in cues()["post"]


def _is_personal_name(word: str) -> bool:
    if not _NAME.match(word) or re.search(rf"(?:{P.PLACE_SUFFIX}|村|社区|组)$", word):
        return False
    surname = _labels("surname").match(word)
    return surname is not None and 2 <= len(word) <= len(surname.group(0)) + 2


def is_organisation(text: str) -> bool:
    """A line naming an organisation alone ("中共某某县委组织部", "某某集团有限公司广东公司",
    "某某社区党组织领办合作社", "中共某某市委政法委课题组", "■市委组织部课题组" after a paper's box
    mark): under a headline, the writers' unit."""
    t = text.strip().lstrip(P.BOX_MARKS)
    return len(t) <= 40 and not is_sentence(t) and "——" not in t and _AFFILIATION.match(t) is not None


def is_credit(text: str) -> bool:
    """Who wrote, photographed, edited or supplied a report: one or more "label：names" items
    ("文字：某某、某某 图片：某某", "[责任编辑: 某某 ]"), or a bracketed note on the writer
    ("（作者系某某乡退休教师）")."""
    t = _unbracketed(text.strip().lstrip(P.BOX_MARKS))
    if len(t) > _CREDIT_MAX or is_sentence(t):
        return False
    if any(t.startswith(w) for w in cues()["author_note"]) and t != text.strip():
        return True
    label = _labels("credit_label").pattern
    return re.fullmatch(rf"(?:{label}){_LABEL_SEP}\S.*", t) is not None and not t.endswith(("：", ":"))


def is_byline(text: str) -> bool:
    """A reporters' byline of names and role words ("郭某 黄某 本报记者 鄢某", "（通讯员 陈某、韩某）",
    "□晚报记者 某某 文/图 通讯员 某某", "某某日报客户端 | 记者 某某").

    A photographer's credit ("记者某某摄") is not one: it may be the end of a caption wrapped
    over lines, which cleaning judges whole (`patterns.CAPTION`)."""
    t = _OUTLET_BEFORE_BYLINE.sub("", _unbracketed(text.strip().lstrip(P.BOX_MARKS)).lstrip(P.BOX_MARKS))
    t = _SOURCE_AFTER_BYLINE.sub("", _WORK_BEFORE_ROLE.sub("", t))
    if len(t) > 40 or is_sentence(t) or t.endswith(("摄", "摄影")):
        return False
    roles = _labels("reporter")
    t = _ROLE_AFTER_NAME.sub(" ", t)
    items = _spaced_names_joined([i for i in _SPLIT_ITEMS.split(t) if i and i not in _WRITTEN_AND_PHOTOGRAPHED])
    seen_role = False
    for item in items:
        role = _OUTLET_BEFORE_ROLE.sub("", item)
        m = roles.match(role)
        if m:
            seen_role = True
            item = role[m.end():].lstrip(":：")
        if item and not _NAME.match(item):
            return False
    return seen_role


def _spaced_names_joined(items: list[str]) -> list[str]:
    """Items with two single characters in a row joined: a two-character name a paper pads with a
    space ("安 娜"), the characters of words spaced out to fill a width ("主 题 党 日")."""
    joined: list[str] = []
    for item in items:
        if len(item) == 1 and joined and len(joined[-1]) == 1:
            joined[-1] += item
        else:
            joined.append(item)
    return joined


def is_caption(text: str) -> bool:
    """A photo's caption: short, ending with its photographer ("东沟村特色民宿（刘某某 摄）",
    "村民在议事会上讨论修路方案。（张某 摄）") or placing someone in the picture ("高某（右三）与村民
    谋划发展特色产业。")."""
    t = text.strip()
    return len(t) <= _CREDIT_MAX and (_PHOTO_CREDIT.search(t) is not None or _PLACE_IN_PICTURE.search(t) is not None)


def is_image(text: str) -> bool:
    """A line that is only an image (Markdown `![…](…)`, as a Markdown export or a read page writes
    it), an image's file name, or the bracketed label a page left where a picture stood ("【资料图】")."""
    t = text.strip()
    if P.MD_IMAGE.sub("", t) == "" and P.MD_IMAGE.search(t):
        return True
    label = t.strip("【】[]（）()")
    return (bool(P.IMAGE_FILE.match(t) or P.SCREENSHOT_NAME.match(t))
            or label in cues()["image_label"] and t[:1] in "【[" and t[-1:] in "】]"
            or t[:1] in "【[（(" and t[-1:] in "】]）)" and len(label) <= _IMAGE_NOTE_MAX
            and label.startswith(tuple(cues()["image_label"])) and label.endswith(tuple(cues()["image_note_end"])))


def is_caption_under_image(text: str, above: str) -> bool:
    """The short line under an image that names it ("网格员入户走访"): not a sentence, not a heading."""
    t = text.strip()
    return (
        is_image(above)
        and not is_image(t)
        and len(t) <= _CREDIT_MAX
        and not is_sentence(t)
        and t[-1] not in P.TERMINAL
        and not P.HEADING_NUMBER.match(t)
        and not P.MD_LINE_PREFIX.match(t)
        and not P.MD_BOLD_LINE.match(t)
    )


def is_page_meta(text: str) -> bool:
    """A page's date line: a date with a clock time or a source label
    ("2022年05月16日 19:21 来源: 某某融媒体中心", "时间：2015年12月13日 04:16:45", the outlet before
    it: "某某日报2023-05-09 11:55", a few short items before it: "某某论坛 · 公众号 · 2025-02-17 21:20";
    an e-paper's "日期:08-25"), a row of short labelled fields, some of them empty ("栏目: 工作总结 /
    发布于: / 人气:3.09W"), a date as a
    publishing system writes it followed by the writer ("2023-01-08中共某某市委课题组",
    "2021/04/09 王某某"), or the paper and edition a report was printed in, after its byline or
    writer ("本报记者 某某《某某日报》（2025年11月04日第 18 版）", "某某某《某某日报》（…第 13 版）")."""
    t = text.strip()
    if len(t) > _CREDIT_MAX or is_sentence(t):
        return False
    printed = _PRINT_EDITION.search(t)
    if printed and _names_only(t[: printed.start()]):
        return True
    stamp = _SYSTEM_DATE.match(t)
    if stamp and (is_organisation(t[stamp.end():]) or is_writer_line(t[stamp.end():])):
        return True
    if _STAMP_AFTER_ITEMS.search(t) or _is_metadata_row(t):
        return True
    labels = _labels("meta_label").pattern
    outlet = _labels("site_name_end").pattern
    dated = (_DATE_START.match(t) or re.match(rf"(?:{labels}){_LABEL_SEP}\d{{4}}", t)
             or re.fullmatch(rf"(?:{labels}){_LABEL_SEP}\d{{1,2}}\s*[-/月]\s*\d{{1,2}}\s*日?", t)
             or re.match(rf"[{P.CJK}]{{1,10}}?(?:{outlet})\s*\d{{4}}\s*[年\-/.]\s*\d{{1,2}}", t))
    return bool(dated and (_CLOCK.search(t) or re.search(rf"(?:{labels}){_LABEL_SEP}", t)))


def _is_metadata_row(text: str) -> bool:
    """Several short labelled fields on one line, most of them a page's (栏目, 人气, 阅读次数 …)."""
    labels = [m.group("label") for m in _SHORT_FIELD.finditer(text)]
    words = cues()["meta_label"]
    pages = sum(any(label.endswith(w) for w in words) for label in labels)
    return len(labels) >= _FIELDS_IN_A_ROW and pages * 3 >= len(labels) * 2


def _names_only(text: str) -> bool:
    """Whether a line's head holds only a byline or writers' names, however spaced ("本报记者  张  某
    李某某"), or nothing: short and without punctuation."""
    return len(text) <= _BYLINE_MAX and not any(mark in text for mark in P.COMMAS + "。；：:;")


def is_contact(text: str) -> bool:
    """A site's contact footer: a label and a number or an address ("客服电话：010-…", "QQ…：…")."""
    t = text.strip()
    if len(t) > 80 or is_sentence(t):
        return False
    labels = _labels("contact_label").pattern
    t = _unspaced(t)
    return re.search(rf"(?:{labels})[^:：\s]{{0,4}}{_LABEL_SEP}[\w(（-]", t) is not None and (
        re.search(r"\d{5,}|\d{3}[*＊]{3,}\d{3,}|@", t) is not None)


def _unspaced(text: str) -> str:
    """A label spaced out to fill a table's cell read whole ("索 引 号", "联 系 人")."""
    return _CJK_GAP.sub("", text)


def is_disclosure_table(text: str) -> bool:
    """A row of a government site's disclosure table ("索 引 号: | … | 发布机构: | …")."""
    if text.count("|") < 2:
        return False
    t = _unspaced(text)
    labels = _labels("disclosure_label").pattern
    return re.search(rf"(?:{labels}){_LABEL_SEP}", t) is not None


def is_affiliation_note(text: str) -> bool:
    t = text.strip()
    bare = _UNBRACKETED_AFFILIATION.match(t)
    return _AFFILIATION_NOTE.match(t) is not None or bool(bare and is_organisation(bare.group("unit")))


def trailing_credit(line: str) -> int | None:
    """Where a credit, a byline, a supplier's note ("（某某平台供稿）") or a note on who provided the
    pictures ("（本版图片由某某提供）") in brackets that closes a
    line of text begins, if one does. A supplier that is a submitting organisation is read first,
    as a closing unit (`closing_unit`)."""
    m = _TRAILING_NOTE.search(line.rstrip())
    if m and m.start() > 0 and (is_credit(m.group(0)) or is_byline(m.group(0)) or _is_supplier_note(m.group(0))
                                or _PICTURES_BY.search(m.group(0))):
        return m.start()
    if m and m.start() > 0 and line[m.start() - 1] in _SENTENCE_CLOSE and _names_run(_unbracketed(m.group(0))):
        return m.start()  # the reporters' names closing a newspaper's report: "…8个。(赵某某马某某)"
    return None


def _names_run(text: str) -> bool:
    """Two or three personal names, apart ("赵某某 马某某") or run together ("赵某某马某某"); one
    name alone is as often a place in brackets ("（张家口）")."""
    return _split_names(re.sub(r"[\s\u3000、，,]", "", text), 3) >= 2


def _split_names(text: str, most: int) -> int:
    """How many personal names `text` is made of (at most `most`), 0 if it is not only names."""
    if not text:
        return 0
    for n in (3, 2):
        if most > 0 and _is_personal_name(text[:n]):
            rest = _split_names(text[n:], most - 1)
            if rest or n == len(text):
                return rest + 1
    return 0


def _is_supplier_note(note: str) -> bool:
    return _unbracketed(note).endswith(cues()["supplier"])


@lru_cache(maxsize=1)
def lead_marker() -> re.Pattern:
    """A bracketed marker of where a text starts ("【导语】", "[摘要]"), cue words from the lexicon."""
    return re.compile(rf"[【\[]\s*(?:{'|'.join(map(re.escape, cues()['lead_marker']))})\s*[】\]]")


def site_blurb(line: str) -> tuple[int, int] | None:
    """The span of a document site's blurb about the file after a lead marker ("…范例【导语】网友为您
    精心整理收集的…供您参考阅读，希望对您有所帮助！喜欢就下载吧。各位领导…"): the sentences after the
    marker that hold a blurb cue, up to the first that holds none. The marker stays, for the title."""
    m = lead_marker().search(line)
    if not m:
        return None
    end = m.end()
    for sentence in _SENTENCE.finditer(line, m.end()):
        if sentence.start() - m.end() > _BLURB_MAX or not has_cue(sentence.group(0), "blurb"):
            break
        end = sentence.end()
    return (m.end(), end) if end > m.end() else None


def closing_unit(line: str) -> tuple[int, str] | None:
    """Where a bracketed note naming the sending organisation closes a line of text
    ("…重新办理。（梧川县委组织部供稿）"), and the organisation; a note on a line of its own is a
    unit line, read by the splitter."""
    text = line.rstrip()
    m = P.CLOSING_UNIT_NOTE.search(text)
    if m and text[: m.start()].rstrip()[-1:] in _SENTENCE_CLOSE and not _PICTURES_BY.search(m.group("unit")):
        return m.start(), m.group("unit")
    return None  # (a note on who provided the pictures, "（本版图片由某某提供）", names no sender)


def is_site_notice(text: str) -> bool:
    """A site's notice about itself: a welcome bar, a disclaimer or copyright footer, related tags,
    an app's promotion. Such notices run to a sentence or two, never a paragraph of text."""
    t = text.strip()
    return len(t) <= _NOTICE_MAX and has_cue(t, "site_notice")


def _editor_note_label(text: str) -> str | None:
    """What follows an editor's note label opening the line ("编者按：…", "【编者按】…", "编者按 …"), or None."""
    t = text.strip().lstrip("【[")
    for w in cues()["editor_note"]:
        if t.startswith(w) and (len(t) <= len(w) + 1 or t[len(w)] in "：:】] \u3000"):
            return t[len(w):].lstrip("】]：: \u3000")
    return None


def is_editor_note(text: str) -> bool:
    """An editor's note, its label alone or its text run on after it: before a headline it and its
    paragraphs come first."""
    return _editor_note_label(text) is not None


def is_editors_note(text: str) -> bool:
    """An editor's note run on after its label ("编者按：为深入贯彻…，现将述职报告予以刊发。"): the
    paper's words about the text, not the text."""
    return bool(_editor_note_label(text))


def is_shown_in_part(text: str) -> bool:
    """A site's note that it shows the text only in part ("试读已结束", "此处隐藏了342字")."""
    t = text.strip()
    return len(t) <= _CREDIT_MAX and has_cue(t, "shown_in_part")


def is_paywall(text: str) -> bool:
    """A document-sharing site's paywall or upload line, or a detail of the file it shows
    ("大小:29.00 KB", "页数:4页", "全文9228字46页")."""
    t = text.strip()
    return len(t) <= _CREDIT_MAX and (has_cue(t, "paywall") or _FILE_DETAIL.match(t) is not None
                                      or _LENGTH_NOTE.match(t) is not None or _FILE_SIZE.match(t) is not None)


def is_data_field(text: str) -> bool:
    """A line of a content system's record dumped as JSON or a script that holds no text of the
    document ("fileId":"26410908", "praiseAmount":"9.99", "subtitle":"", "var gArticleJson = {")."""
    t = text.strip()
    if P.SCRIPT_RECORD_EDGE.match(t):
        return True
    field = P.JSON_FIELD.match(t)
    return bool(field) and (field.group("key").lower() not in P.TEXT_FIELDS or field.group("value") in ('""', ""))


def is_file_name(text: str) -> bool:
    """A document's file name alone on a line ("社区治理典型案例材料.docx")."""
    return P.DOCUMENT_FILE.match(text.strip()) is not None


def is_apparatus(text: str) -> bool:
    """A journal article's apparatus: a labelled record line ("中图分类号：…", "[中图分类号] …", "作者简介：…"),
    the "参考文献" heading, an entry of its references ("[1] 某某. 书名[M]. …"), or the journal's
    name and issue ("某某学报 2023年6期")."""
    t = text.strip()
    labels = _labels("apparatus_label").pattern
    return bool(re.match(rf"(?:{labels})(?:{_LABEL_SEP}|$)|[\[【]\s*(?:{labels})\s*[\]】]", t)
                or _REFERENCE_ENTRY.match(t) or _JOURNAL_ISSUE.match(t))


def is_digit_row(text: str) -> bool:
    """A row of digits and Latin without a Chinese character (a tracking id, a counter), or a short
    label with a machine's number ("(更新时间戳: 1697287690569)", "文章编号：202310140001")."""
    t = text.strip()
    if _MACHINE_FIELD.match(t):
        return True
    return len(t) >= 8 and P.HAN_CHAR.search(t) is None and sum(c.isdigit() for c in t) >= 0.6 * len(t)


def is_button_row(text: str) -> bool:
    """A row of a page's buttons beside a site name ("某某网 打印 纠错", "加入会员免费下载 立即下载"),
    or one button alone on its line ("查看原文")."""
    items = [i for i in _BUTTON_SEPARATORS.split(text.strip()) if i]
    words = cues()["buttons"]
    if len(items) == 1:  # "查看原文", "【打印正文】", "【字体大小:" (a control whose options the page drew as images)
        item = items[0].strip("【】[]：: ")
        bracketed = items[0][:1] in "【[" and items[0][-1:] in "】]"  # a button drawn as one: "【打印正文】"
        return item in words or bracketed and any(item.startswith(w) and len(item) <= len(w) + 2 for w in words)
    if not items or len(text.strip()) > 30 or is_sentence(text):
        return False
    buttons = sum(1 for i in items if len(i) <= _BUTTON_TOKEN_MAX and any(
        i.endswith(w) or (i.startswith(w) and len(i) <= len(w) + 2) for w in words))  # "字号变大"
    return buttons * 2 >= len(items)


_FURNITURE = (
    ("credit", is_credit),
    ("byline", is_byline),
    ("caption", is_caption),
    ("image", is_image),
    ("file-name", is_file_name),
    ("data", is_data_field),
    ("page-meta", is_page_meta),
    ("contact", is_contact),
    ("disclosure", is_disclosure_table),
    ("affiliation", is_affiliation_note),
    ("digits", is_digit_row),
    ("buttons", is_button_row),
    ("shown-in-part", is_shown_in_part),
    ("paywall", is_paywall),
    ("notice", is_site_notice),
    ("pager", is_pager),
    ("apparatus", is_apparatus),
    ("editor-note", is_editors_note),
)


def furniture(text: str) -> str | None:
    """The kind of page furniture a line is (wherever it stands), or None for a line of the document."""
    return next((kind for kind, test in _FURNITURE if test(text)), None)
