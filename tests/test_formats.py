"""Every format editors send gives the same cases: txt in any encoding, docx, PDF, HTML."""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess

import pytest

from casekit.errors import ReadError
from casekit.extract.read import read_document
from casekit.pipeline import process_document
from conftest import add_numbered_list

PARAGRAPHS = [
    "推行“三联三促”工作法 激活乡村振兴红色引擎",
    "中共某某县委组织部申报",
    "一、背景",
    "某某镇辖12个行政村，现有党员486人，村集体经营性收入普遍偏低。",
    "二、主要做法与成效",
    "（一）联产业促增收。组建产业党小组9个，带动农户1200余户，村均增收约8.5万元。",
    "（二）联服务促治理。建立党员服务岗46个，群众满意度达到96.4%。",
    "三、经验启示",
    "一要坚持党建引领。二要坚持群众主体。",
]
TEXT = "\n".join(PARAGRAPHS)
FIGURES = ["12个", "486人", "9个", "1200余户", "约8.5万元", "46个", "96.4%"]


def check(path, options, encoding):
    doc = read_document(path)
    assert doc.encoding == encoding
    (case,) = process_document(doc, options)
    assert case.title == PARAGRAPHS[0]
    assert case.unit == "中共某某县委组织部"
    assert [s.key for s in case.sections] == ["background", "practices", "lessons"]
    assert [i.text for i in case.indicators] == FIGURES
    for ind in case.indicators:
        assert re.sub(r"\s", "", doc.text[ind.raw_start : ind.raw_end]) == ind.text


@pytest.mark.parametrize(
    "data, encoding",
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8", id="bom-crlf"),
        pytest.param(TEXT.replace("\n", "\r").encode("gbk"), "gb18030", id="gbk-cr"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", id="utf-16"),
        pytest.param(TEXT.replace("\n", "\n\n").encode("utf-8"), "utf-8", id="blank-lines"),
    ],
)
def test_text_files(tmp_path, options, data, encoding):
    path = tmp_path / "案例.txt"
    path.write_bytes(data)
    check(path, options, encoding)


def test_docx_with_a_table(tmp_path, options):
    import docx

    document = docx.Document()
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "新建党群服务站", "5个"
    path = tmp_path / "案例.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.text.endswith("项目\t数量\n新建党群服务站\t5个")
    (case,) = process_document(doc, options)
    assert [i.text for i in case.indicators] == FIGURES + ["5个"]


def test_docx_pictures_and_their_captions_are_left_out(tmp_path, options):
    """A picture is read as an image line, so the short line under it is its caption; a picture
    in a paragraph of text stands after the text it follows."""
    import docx
    from PIL import Image

    picture = tmp_path / "photo.png"
    Image.new("RGB", (8, 8), "red").save(picture)
    document = docx.Document()
    document.add_paragraph("某某社区推行楼栋议事")
    document.add_paragraph("今年以来，社区组织党员开展走访，共走访居民320户。")
    document.add_picture(str(picture))
    document.add_paragraph("志愿者入户走访")
    run_on = document.add_paragraph("社区建成议事点12个，办结诉求86件。")
    run_on.add_run().add_picture(str(picture))
    document.add_paragraph("议事会现场")
    path = tmp_path / "带图.docx"
    document.save(path)
    assert read_document(path).text.split("\n") == [
        "某某社区推行楼栋议事", "今年以来，社区组织党员开展走访，共走访居民320户。", "![](图片)", "志愿者入户走访",
        "社区建成议事点12个，办结诉求86件。", "![](图片)", "议事会现场"]
    (case,) = process_document(read_document(path), options)
    assert case.text == "某某社区推行楼栋议事\n今年以来，社区组织党员开展走访，共走访居民320户。\n社区建成议事点12个，办结诉求86件。"


def test_docx_list_numbers_written_out(tmp_path, options):
    """Headings and points numbered by Word's list feature read as if the numbers were typed."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    num_id = add_numbered_list(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    for text in PARAGRAPHS:
        number = re.match(r"[一二三]、|（[一二]）", text)
        paragraph = document.add_paragraph(text[number.end():] if number else text)
        if number:
            level = 1 if number.group().startswith("（") else 0
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    path = tmp_path / "自动编号.docx"
    document.save(path)
    assert read_document(path).text == TEXT
    check(path, options, "docx")


def test_pdf_split_over_pages(tmp_path, options):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "案例.pdf"
    pdf = canvas.Canvas(str(path))
    for page in (PARAGRAPHS[:5], PARAGRAPHS[5:]):
        pdf.setFont("STSong-Light", 11)
        for k, line in enumerate(page):
            pdf.drawString(40, 780 - 20 * k, line)
        pdf.drawString(290, 30, "- 1 -")
        pdf.showPage()
    pdf.save()
    check(path, options, "pdf")


QUOTED = "（三）打造服务品牌。街道党工委打造“一核双联四化”党建模式，推行“爱心”“暖心”“贴心”服务，群众评价很高。"


def _assert_quotes_in_order(path, options):
    doc = read_document(path)
    flat = re.sub(r"\s+", "", doc.text)
    for phrase in ("“一核双联四化”党建模式", "“爱心”“暖心”“贴心”服务"):
        assert phrase in flat
    (case,) = process_document(doc, options)
    assert "一核双联四化" in [m.name for m in case.models]


def test_pdf_quote_marks_stay_beside_their_words(tmp_path, options):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "案例.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 11)
    lines = PARAGRAPHS[:7] + [QUOTED[i : i + 30] for i in range(0, len(QUOTED), 30)] + PARAGRAPHS[7:]
    for k, line in enumerate(lines):
        pdf.drawString(40, 780 - 20 * k, line)
    pdf.save()
    _assert_quotes_in_order(path, options)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_printed_by_libreoffice_reads_in_order(tmp_path, options):
    source = tmp_path / "案例.txt"
    source.write_text("\n".join(PARAGRAPHS[:7] + [QUOTED] + PARAGRAPHS[7:]), encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, check=True, timeout=300)
    path = tmp_path / "案例.pdf"
    check(path, options, "pdf")  # title, unit, sections and figures as from the text
    _assert_quotes_in_order(path, options)


def test_pdf_without_text_layer_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "扫描件.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.save()
    with pytest.raises(ReadError, match="扫描件"):
        read_document(path)


def test_html_page_furniture_dropped(tmp_path, options):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = (
        "<html><head><meta charset='gbk'><title>站点</title><style>p{}</style></head><body>"
        "<div class='site-header'>某某新闻网 登录 注册</div><div class='nav-menu'><a href='/'>首页</a><a>要闻</a></div>"
        "<div>首页 | 要闻 | 基层动态</div>"
        f"<article>{body}</article><script>var a = '<p>1人</p>';</script>"
        "<div id='footer'>版权所有 某某网站</div></body></html>"
    )
    path = tmp_path / "案例.html"
    path.write_bytes(page.encode("gbk"))
    check(path, options, "gb18030")
    text = read_document(path).text
    assert "版权所有" not in text and "登录" not in text and "<a" not in text
    (case,) = process_document(read_document(path), options)
    assert "首页" not in case.text  # the bar of menu items, dropped by cleaning


@pytest.mark.parametrize(
    "name, data, reason",
    [
        pytest.param("坏.docx", b"this is not a zip file", "不是有效的 .docx", id="broken-docx"),
        pytest.param("坏.pdf", b"%PDF-1.4 garbage", "PDF", id="broken-pdf"),
        pytest.param("旧.doc", b"\xd0\xcf\x11\xe0", "另存为", id="legacy-doc"),
        pytest.param("图.jpg", b"\xff\xd8\xff", "不支持", id="unsupported"),
    ],
)
def test_bad_files_get_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        read_document(path)
