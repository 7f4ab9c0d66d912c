"""Word's list numbers written out: counted per list and level, deeper levels restarting."""

from __future__ import annotations

import io

import docx

from casekit.extract.read_docx import docx_text
from conftest import add_numbered_list


def text_of(document) -> list[str]:
    buffer = io.BytesIO()
    document.save(buffer)
    return docx_text(buffer.getvalue()).split("\n")


def numbered(document, text: str, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_deeper_levels_restart_when_a_level_above_moves_on():
    document = docx.Document()
    num_id = add_numbered_list(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    for text, level in [("背景", 0), ("做法", 0), ("建强组织", 1), ("完善机制", 1), ("细则", 2), ("启示", 0), ("坚持引领", 1)]:
        numbered(document, text, num_id, level)
    assert text_of(document) == ["一、背景", "二、做法", "（一）建强组织", "（二）完善机制", "1.细则", "三、启示", "（一）坚持引领"]


def test_numbering_from_the_paragraph_style_and_bullets_left_out():
    document = docx.Document()
    document.add_paragraph("背景", style="List Number")
    document.add_paragraph("做法", style="List Number")
    document.add_paragraph("一条要点", style="List Bullet")
    document.add_paragraph("没有编号的段落。")
    assert text_of(document) == ["1.背景", "2.做法", "一条要点", "没有编号的段落。"]


def test_an_empty_numbered_paragraph_takes_its_number_as_in_word():
    document = docx.Document()
    num_id = add_numbered_list(document, [("decimal", "%1.")])
    for text in ["甲", "", "丙"]:
        numbered(document, text, num_id, 0)
    assert text_of(document) == ["1.甲", "", "3.丙"]


def test_a_level_beyond_the_list_reads_unnumbered():
    document = docx.Document()
    num_id = add_numbered_list(document, [("decimal", "%1.")])
    numbered(document, "甲", num_id, 0)
    numbered(document, "乙", num_id, 12)
    assert text_of(document) == ["1.甲", "乙"]
