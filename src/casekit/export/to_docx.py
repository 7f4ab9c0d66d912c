"""The compiled volume (汇编): every case as a chapter of one Word document.

Editors hand the volume to print shops and leadership offices, which expect the layout of
GB/T 9704-2012 (党政机关公文格式): A4 with its margins, 方正小标宋 titles, 仿宋 body at
28 pt exact lines, 黑体/楷体 heading levels, Times New Roman digits and "— N —" page numbers.
A reader without those fonts still gets a readable document, because Word falls back.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable

from casekit.errors import ExportError
from casekit.export.atomic import atomic_path
from casekit.extract import patterns as P

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
KAI_FONT = "楷体_GB2312"
HEI_FONT = "黑体"
PAGE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
SIZE_2, SIZE_3, SIZE_4 = 22, 16, 14  # 二号, 三号, 四号 in points
LINE_PITCH = 28  # exact line spacing of body text, points
INDENT = 2 * SIZE_3  # first-line indent: two characters
MARGINS_MM = {"top_margin": 37, "bottom_margin": 35, "left_margin": 28, "right_margin": 26}
FOOTER_MM = 22  # puts the page number about 7 mm below the text block, as GB/T 9704 asks
TITLE_PAGE_DROP_MM = 60  # the volume title sits in the upper third of its page
TOC_INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u'
TOC_PLACEHOLDER = "（目录待更新：在 Word 中右键此处选择“更新域”，或在 WPS/LibreOffice 中更新目录）"
ORDERS = ("input", "unit", "region")
# What the volume prints or sorts by: records are held all at once for sorting, so their
# figures and models, most of a record, are left behind.
_VOLUME_FIELDS = ("id", "title", "subtitle", "unit", "admin", "text")

_DOCUMENT_PART = "word/document.xml"
_MARKER = "casekit-cases-go-here-5f1d"  # the paragraph the cases replace in the saved frame
_PARAGRAPH_START = re.compile(rb"<w:p[ >]")

_LEVEL_1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL_2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_LEAD_END = re.compile(r"[。：:]")
_LEAD_MAX = 40  # a heading sentence longer than this is not a run-in heading
_WRAPPERS = "—－-─（）() "
# settings.xml elements that must follow w:updateFields (WordprocessingML schema order)
_AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids")


def write_docx(records: Iterable[dict], target: Path, title: str | None = None, order: str = "input") -> int:
    """Write the compiled volume; returns the number of cases written.

    python-docx builds the volume's frame (page, styles, page numbers, cover and contents)
    around a marker paragraph; the cases are then written into the saved file in the
    marker's place one at a time, each built, serialised and dropped, so memory does not
    grow with the number of cases.
    """
    from docx import Document

    cases = _ordered([_volume_view(r) for r in records], order)
    doc = Document()
    _set_up(doc, title)
    marker = doc.add_paragraph(_MARKER)
    add = marker.insert_paragraph_before
    if title:
        cover = _paragraph(add, title, TITLE_FONT, SIZE_2, centred=True)
        cover.paragraph_format.space_before = _mm(TITLE_PAGE_DROP_MM)
    _contents(add, new_page=bool(title))
    with atomic_path(target) as tmp:
        doc.save(str(tmp))
        frame = tmp.read_bytes()
        with zipfile.ZipFile(io.BytesIO(frame)) as source, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as volume:
            for item in source.infolist():
                if item.filename == _DOCUMENT_PART:
                    with volume.open(_DOCUMENT_PART, "w", force_zip64=True) as out:
                        _write_document(source.read(item), out, doc, cases)
                else:
                    volume.writestr(item, source.read(item))
    return len(cases)


def _write_document(frame: bytes, out: IO[bytes], doc, cases: list[dict]) -> None:
    """document.xml with the cases' paragraphs where the marker paragraph stood."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph
    from lxml import etree

    at = frame.index(_MARKER.encode())
    start = [m.start() for m in _PARAGRAPH_START.finditer(frame, 0, at)][-1]
    end = frame.index(b"</w:p>", at) + len(b"</w:p>")
    out.write(frame[:start])
    # Paragraphs are built in a scratch element before a sentinel (python-docx's add_paragraph
    # searches the whole body each time), with the document as their parent for style names.
    scratch = OxmlElement("w:body")
    sentinel = OxmlElement("w:p")
    scratch.append(sentinel)
    add = Paragraph(sentinel, doc._body).insert_paragraph_before
    for record in cases:
        _case(add, record)
        for element in scratch[:-1]:
            out.write(etree.tostring(element, encoding="utf-8"))
            scratch.remove(element)
    out.write(frame[end:])


def _volume_view(record: dict) -> dict:
    """The fields the volume prints or sorts by, and the section headings (not their bodies)."""
    view = {k: record.get(k) for k in _VOLUME_FIELDS}
    view["headings"] = {s["heading"].strip() for s in record.get("sections") or []}
    return view


def _ordered(records: list[dict], order: str) -> list[dict]:
    """Cases in the requested order; a missing value sorts after every present one."""
    if order not in ORDERS:
        raise ExportError(f"未知的排序方式 {order}，可选：{'、'.join(ORDERS)}")
    if order == "unit":
        return sorted(records, key=lambda r: _key(r.get("unit"), r.get("title")))
    if order == "region":
        return sorted(records, key=_region_key)
    return records


def _region_key(record: dict) -> tuple:
    admin = record.get("admin") or {}
    return _key(admin.get("province"), admin.get("city"), admin.get("county"), record.get("unit"))


def _key(*values: str | None) -> tuple:
    return tuple((value is None, value or "") for value in values)


def _set_up(doc, title: str | None) -> None:
    """Page, styles, page numbers and document properties shared by every page."""
    section = doc.sections[0]
    section.page_width, section.page_height = _mm(210), _mm(297)
    for name, mm in MARGINS_MM.items():
        setattr(section, name, _mm(mm))
    section.footer_distance = _mm(FOOTER_MM)
    section.different_first_page_header_footer = bool(title)  # no page number on the cover
    _styles(doc)
    _page_numbers(doc, section)
    _update_fields_on_open(doc)
    doc.core_properties.title = title or ""
    doc.core_properties.author = "casekit"
    doc.core_properties.comments = ""


def _styles(doc) -> None:
    """Body defaults on Normal, and a Heading 1 without the template's blue theme look.

    The TOC field collects Heading 1 paragraphs, so case titles keep that style; its theme
    fonts would otherwise override the fonts set on each run.
    """
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    _set_font(normal, BODY_FONT, SIZE_3)
    normal.paragraph_format.space_after = Pt(0)
    heading = doc.styles["Heading 1"]
    _set_font(heading, TITLE_FONT, SIZE_2)
    heading.font.italic = False
    heading.paragraph_format.space_before = Pt(0)
    heading.paragraph_format.space_after = Pt(0)


def _set_font(item, name: str, size: float, bold: bool = False) -> None:
    """Chinese in `name`, digits and Latin letters in Times New Roman, black (a run or a style).

    w:eastAsia names the Chinese font; theme attributes are dropped because Word prefers them
    over explicit names; w:hint makes shared punctuation such as “” take the Chinese font.
    """
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    item.font.name = LATIN_FONT  # w:ascii and w:hAnsi
    item.font.size = Pt(size)
    item.font.bold = bold
    item.font.color.rgb = RGBColor(0, 0, 0)
    fonts = item._element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")


def _paragraph(add, text: str, font: str, size: float, bold: bool = False, centred: bool = False, style: str | None = None):
    """One paragraph of one run on the 28 pt grid: centred, or justified with a two-character indent.

    `add(style=...)` makes the paragraph. Its layout and its run's fonts are copies of elements
    built once (`_layout`, `_fonts`): a volume has tens of thousands of paragraphs, and python-docx
    setting each property on each one was most of the time spent writing it.
    """
    from copy import deepcopy

    paragraph = add(style=style)
    layout = deepcopy(_layout(centred))
    if style:  # the style's w:pStyle comes first in the paragraph's properties
        layout.insert(0, paragraph._p.pPr.pStyle)
        paragraph._p.remove(paragraph._p.pPr)
    paragraph._p.insert(0, layout)
    if text:
        _run(paragraph, text, font, size, bold)
    return paragraph


def _run(paragraph, text: str, font: str, size: float, bold: bool = False):
    """A run of `text` in `font` (see `_set_font`), its properties copied from one built once."""
    from copy import deepcopy

    run = paragraph.add_run(text)
    run._r.insert(0, deepcopy(_fonts(font, size, bold)))
    return run


@lru_cache(maxsize=None)
def _layout(centred: bool):
    """The paragraph properties (w:pPr) of a centred or a justified, indented 28 pt paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(OxmlElement("w:p"), None)
    fmt = paragraph.paragraph_format
    if centred:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Pt(INDENT)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PITCH)
    return paragraph._p.pPr


@lru_cache(maxsize=None)
def _fonts(font: str, size: float, bold: bool):
    """The run properties (w:rPr) that `_set_font` gives a run."""
    from docx.oxml import OxmlElement
    from docx.text.run import Run

    run = Run(OxmlElement("w:r"), None)
    _set_font(run, font, size, bold)
    return run._r.rPr


def _contents(add, new_page: bool) -> None:
    """The "目  录" page: a TOC field over the Heading 1 titles that Word or LibreOffice fills in."""
    heading = _paragraph(add, "目  录", HEI_FONT, SIZE_2, centred=True)
    heading.paragraph_format.page_break_before = new_page
    heading.paragraph_format.space_after = _mm(10)
    _field(_paragraph(add, "", BODY_FONT, SIZE_3, centred=True), TOC_INSTRUCTION, TOC_PLACEHOLDER, BODY_FONT, SIZE_3)


def _field(paragraph, instruction: str, shown: str, font: str, size: float) -> None:
    """A complex field (begin, instruction, separate, cached result, end), marked for update."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    parts = (("fldChar", "begin"), ("instrText", f" {instruction} "), ("fldChar", "separate"),
             (None, shown), ("fldChar", "end"))
    for tag, value in parts:
        run = paragraph.add_run(value if tag is None else "")
        _set_font(run, font, size)
        if tag == "fldChar":
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), value)
            if value == "begin":
                element.set(qn("w:dirty"), "true")
            run._element.append(element)
        elif tag == "instrText":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = value
            run._element.append(element)


def _page_numbers(doc, section) -> None:
    """"— N —" in 宋体 四号: odd pages right, even pages left, one character in from the edge."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.paragraph_format.alignment = align
        side = "right_indent" if align == WD_ALIGN_PARAGRAPH.RIGHT else "left_indent"
        setattr(paragraph.paragraph_format, side, Pt(SIZE_4))
        _set_font(paragraph.add_run("— "), PAGE_FONT, SIZE_4)
        _field(paragraph, "PAGE", "1", PAGE_FONT, SIZE_4)
        _set_font(paragraph.add_run(" —"), PAGE_FONT, SIZE_4)


def _update_fields_on_open(doc) -> None:
    """Ask Word to refresh the TOC and page fields when the volume is first opened."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields")
        element.set(qn("w:val"), "true")
        settings.insert_element_before(element, *_AFTER_UPDATE_FIELDS)


def _case(add, record: dict) -> None:
    """One case on new pages: the title block, then the body paragraph by paragraph."""
    from docx.shared import Pt

    title = record.get("title") or record.get("id") or ""
    heading = _paragraph(add, title, TITLE_FONT, SIZE_2, centred=True, style="Heading 1")
    heading.paragraph_format.page_break_before = True
    block = [heading]
    if record.get("subtitle"):
        block.append(_paragraph(add, f"——{record['subtitle']}", KAI_FONT, SIZE_3, centred=True))
    if record.get("unit"):
        block.append(_paragraph(add, record["unit"], KAI_FONT, SIZE_3, centred=True))
    block[-1].paragraph_format.space_after = Pt(LINE_PITCH)  # one blank line before the body
    headings = record.get("headings") or set()
    for line in _body_lines(record):
        _body_paragraph(add, line, headings)


def _body_lines(record: dict) -> list[str]:
    """The text's non-empty paragraphs, without the title, subtitle and unit lines that open it."""
    lines = [line.strip() for line in (record.get("text") or "").split("\n") if line.strip()]
    skip = 0
    while skip < len(lines) and _is_front_line(lines[skip], record):
        skip += 1
    return lines[skip:]


def _is_front_line(line: str, record: dict) -> bool:
    """Whether an opening line repeats what the title block already shows."""
    bare, title, subtitle, unit = (_bare(v) for v in (line, record.get("title"), record.get("subtitle"), record.get("unit")))
    if bare in (title, subtitle) or bare.strip(_WRAPPERS) in (subtitle, unit):
        return True
    article = P.ARTICLE_MARK.match(bare)  # "第一篇：标题", "案例三" above its title
    if article and _bare(article.group("title")) in ("", title):
        return True
    return bare.startswith("申报单位") or (bool(unit) and f"{unit}申报" in bare)


def _bare(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "")


def _body_paragraph(add, line: str, headings: set[str]) -> None:
    """A body paragraph; a 一、 heading in 黑体 and a （一） heading in bold 楷体.

    When a heading sentence runs on into text ("（一）联产业促增收。组建……"), only the heading
    sentence takes the heading font, as GB/T 9704 documents set run-in headings.
    """
    if line in headings or _LEVEL_1.match(line):
        font, bold = HEI_FONT, False
    elif _LEVEL_2.match(line):
        font, bold = KAI_FONT, True
    else:
        _paragraph(add, line, BODY_FONT, SIZE_3)
        return
    head, rest = _split_lead(line)
    paragraph = _paragraph(add, head, font, SIZE_3, bold)
    if rest:
        _run(paragraph, rest, BODY_FONT, SIZE_3)


def _split_lead(line: str) -> tuple[str, str]:
    """(heading sentence, the text after it); the whole line when no short heading sentence ends it."""
    end = _LEAD_END.search(line)
    if end is None or end.end() > _LEAD_MAX or end.end() == len(line):
        return line, ""
    return line[: end.end()], line[end.end() :]


def _mm(value: float):
    from docx.shared import Mm

    return Mm(value)
