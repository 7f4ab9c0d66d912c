"""The compiled volume: GB/T 9704 page, title page, TOC field, one chapter a case, atomic writes."""

from __future__ import annotations

import shutil
import zipfile
import subprocess

import pytest

docx = pytest.importorskip("docx")

from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from casekit.errors import ExportError  # noqa: E402
from casekit.export.to_docx import write_docx  # noqa: E402
from casekit.extract.read import Document  # noqa: E402
from casekit.pipeline import process_document  # noqa: E402

VOLUME = "2024年度基层党建优秀案例汇编"

# Three invented submissions; units and regions chosen so each order gives a different sequence.
CASES = {
    "wuhou": """“红色管家”进小区 老旧院落焕新颜
——成都市武侯区推进小区党建的探索
中共成都市武侯区委组织部申报
一、背景
武侯区共有老旧院落320个，其中无物业管理的占比达到41%，居民诉求多、矛盾多。
二、主要做法
（一）建强院落党组织。在138个院落成立党支部，选派“红色管家”216名。
（二）完善议事机制。推行“院落议事会”制度，全年协商解决问题1500余件。
三、取得成效
院落环境明显改善，居民满意度由72%提升到95.6%。
""",
    "anji": """党建引领“两山”转化 绘就共富新图景
中共安吉县委组织部申报
一、背景
安吉县是“绿水青山就是金山银山”理念的发源地，全县森林覆盖率达到70.1%。
二、主要做法
（一）组织联建。以片区为单位组建党建联合体12个，覆盖行政村87个。
三、经验启示
必须坚持党建引领，把生态优势转化为发展优势。
""",
    "pudong": """“家门口”服务体系打通为民服务最后一公里
上海市浦东新区委组织部申报
一、背景
浦东新区常住人口超过570万，基层服务需求多元。
二、主要做法
在1200余个村居建成“家门口”服务站，提供服务事项206项。
""",
}


def record(name: str, options) -> dict:
    """A record as the real pipeline makes it from a small text file."""
    doc = Document(path=f"{name}.txt", file=f"{name}.txt", sha256="0" * 64, size=0, encoding="utf-8", text=CASES[name])
    (case,) = process_document(doc, options)
    return case.to_dict()


@pytest.fixture(scope="module")
def records():
    from casekit.options import default_options

    options = default_options()
    return [record(name, options) for name in CASES]


@pytest.fixture
def volume(tmp_path, records):
    target = tmp_path / "汇编.docx"
    assert write_docx(records, target, title=VOLUME) == 3
    return docx.Document(str(target))


def headings(document) -> list:
    return [p for p in document.paragraphs if p.style.name == "Heading 1"]


def body_xml(document) -> str:
    return document.element.body.xml


def test_page_is_a4_with_gbt_9704_margins(volume):
    section = volume.sections[0]
    expected = {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35,
                "left_margin": 28, "right_margin": 26}
    for name, mm in expected.items():
        assert abs(getattr(section, name) - Mm(mm)) <= Mm(0.5), name


def test_title_page_then_contents_on_a_new_page(volume):
    first = volume.paragraphs[0]
    assert first.text == VOLUME
    assert first.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert first.runs[0].font.size == Pt(22)
    assert first.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    contents = volume.paragraphs[1]
    assert contents.text == "目  录"
    assert contents.paragraph_format.page_break_before


def test_no_title_page_without_a_title(tmp_path, records):
    target = tmp_path / "v.docx"
    write_docx(records, target)
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "目  录"
    assert not document.paragraphs[0].paragraph_format.page_break_before


def test_contents_is_a_toc_field_over_heading_1(volume):
    instructions = [el.text for el in volume.element.body.iter(qn("w:instrText"))]
    assert any(text.strip() == 'TOC \\o "1-1" \\h \\z \\u' for text in instructions)
    fld_types = [el.get(qn("w:fldCharType")) for el in volume.element.body.iter(qn("w:fldChar"))]
    assert fld_types == ["begin", "separate", "end"]
    assert volume.settings.element.find(qn("w:updateFields")) is not None


@pytest.mark.parametrize(
    "order, expected",
    [
        ("input", ["wuhou", "anji", "pudong"]),
        ("unit", ["pudong", "anji", "wuhou"]),  # 上海… < 中共安吉… < 中共成都… by code point
        ("region", ["pudong", "wuhou", "anji"]),  # 上海市 < 四川省 < 浙江省
    ],
)
def test_one_heading_1_per_case_in_the_requested_order(tmp_path, records, order, expected):
    target = tmp_path / f"{order}.docx"
    assert write_docx(records, target, title=VOLUME, order=order) == 3
    titles = {r["id"].split("-")[0]: r["title"] for r in records}
    assert [p.text for p in headings(docx.Document(str(target)))] == [titles[name] for name in expected]


def test_region_order_has_the_admin_it_sorts_by(records):
    provinces = {r["id"].split("-")[0]: r["admin"]["province"] for r in records}
    assert provinces == {"wuhou": "四川省", "anji": "浙江省", "pudong": "上海市"}


def test_unknown_order_is_an_export_error(tmp_path, records):
    with pytest.raises(ExportError):
        write_docx(records, tmp_path / "v.docx", order="size")
    assert not (tmp_path / "v.docx").exists()


def test_each_case_starts_on_a_new_page_with_its_title_block(volume, records):
    cases = headings(volume)
    assert len(cases) == 3
    for heading in cases:
        assert heading.paragraph_format.page_break_before
        assert heading.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        run = heading.runs[0]
        assert run.font.size == Pt(22) and run.font.bold is False
        assert run.font.color.rgb == docx.shared.RGBColor(0, 0, 0)
        assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    texts = [p.text for p in volume.paragraphs]
    first = texts.index(records[0]["title"])
    assert texts[first + 1 : first + 4] == ["——成都市武侯区推进小区党建的探索", "中共成都市武侯区委组织部", "一、背景"]


def test_opening_lines_are_not_repeated_in_the_body(volume):
    texts = [p.text for p in volume.paragraphs]
    assert texts.count("“红色管家”进小区 老旧院落焕新颜") == 1
    assert not any(t.endswith("申报") for t in texts)
    assert not any(t.startswith("——") and t != "——成都市武侯区推进小区党建的探索" for t in texts)


def test_heading_paragraph_count(volume):
    level_1 = [p for p in volume.paragraphs if p.runs and _east_asia(p.runs[0]) == "黑体" and p.text != "目  录"]
    assert [p.text for p in level_1] == ["一、背景", "二、主要做法", "三、取得成效", "一、背景", "二、主要做法",
                                         "三、经验启示", "一、背景", "二、主要做法"]
    level_2 = [p for p in volume.paragraphs if p.runs and _east_asia(p.runs[0]) == "楷体_GB2312" and p.runs[0].bold]
    assert len(level_2) == 3


def test_body_text_is_fangsong_16pt_with_times_new_roman_digits(volume):
    body = next(p for p in volume.paragraphs if p.text.startswith("武侯区共有老旧院落320个"))
    run = body.runs[0]
    assert run.font.size == Pt(16)
    fonts = run._element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
    assert fonts.get(qn("w:hint")) == "eastAsia"
    fmt = body.paragraph_format
    assert fmt.first_line_indent == Pt(32)
    assert fmt.line_spacing == Pt(28)
    assert fmt.line_spacing_rule == docx.enum.text.WD_LINE_SPACING.EXACTLY
    assert body.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY


def test_run_in_heading_sentence_is_bold_kaiti_and_the_rest_fangsong(volume):
    paragraph = next(p for p in volume.paragraphs if p.text.startswith("（一）建强院落党组织"))
    head, rest = paragraph.runs
    assert head.text == "（一）建强院落党组织。" and head.bold and _east_asia(head) == "楷体_GB2312"
    assert rest.text.startswith("在138个院落") and not rest.bold and _east_asia(rest) == "仿宋_GB2312"
    assert {run.font.size for run in paragraph.runs} == {Pt(16)}


def test_every_body_run_is_16pt(volume):
    texts = [p.text for p in volume.paragraphs]
    start = texts.index(headings(volume)[0].text)
    sizes = {run.font.size for p in volume.paragraphs[start:] if p.style.name != "Heading 1" for run in p.runs}
    assert sizes == {Pt(16)}


def test_footer_has_a_page_field_between_dashes(volume):
    section = volume.sections[0]
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in [el.text.strip() for el in footer._element.iter(qn("w:instrText"))]
        assert footer.paragraphs[0].text.startswith("—") and footer.paragraphs[0].text.endswith("—")
        run = footer.paragraphs[0].runs[0]
        assert run.font.size == Pt(14) and _east_asia(run) == "宋体"
        assert "w:fldChar" in xml


def test_writes_into_a_missing_folder(tmp_path, records):
    target = tmp_path / "新建" / "子目录" / "汇编.docx"
    assert write_docx(iter(records), target) == 3
    assert len(headings(docx.Document(str(target)))) == 3


def test_a_case_without_subtitle_unit_or_sections(tmp_path):
    bare = {"id": "x-1", "title": "无署名的短案例", "subtitle": None, "unit": None, "admin": {},
            "text": "无署名的短案例\n某社区建立“民情日记”，记录群众诉求300余条。", "sections": []}
    target = tmp_path / "v.docx"
    assert write_docx([bare], target, order="region") == 1
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts[-2:] == ["无署名的短案例", "某社区建立“民情日记”，记录群众诉求300余条。"]


def test_a_failure_while_writing_leaves_the_old_file(tmp_path, records, monkeypatch):
    target = tmp_path / "汇编.docx"
    target.write_bytes(b"old volume")

    def half_written(self, path):
        with open(path, "wb") as fh:
            fh.write(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", half_written)
    with pytest.raises(ExportError):
        write_docx(records, target, title=VOLUME)
    assert target.read_bytes() == b"old volume"
    assert [p.name for p in tmp_path.iterdir()] == ["汇编.docx"]


def test_an_error_while_building_leaves_the_old_file(tmp_path, records, monkeypatch):
    from casekit.export import to_docx

    target = tmp_path / "汇编.docx"
    target.write_bytes(b"old volume")

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(to_docx, "_body_paragraph", broken)
    with pytest.raises(RuntimeError):
        write_docx(records, target)
    assert target.read_bytes() == b"old volume"
    assert [p.name for p in tmp_path.iterdir()] == ["汇编.docx"]


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice is not installed")
def test_libreoffice_converts_the_volume_to_pdf(tmp_path, records):
    source = tmp_path / "汇编.docx"
    write_docx(records, source, title=VOLUME)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"  # no clash with a running office
    subprocess.run([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "汇编.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def _east_asia(run) -> str | None:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_cases_stand_where_the_marker_stood_and_the_body_ends_with_its_section(tmp_path, records):
    from casekit.export.to_docx import _MARKER

    target = tmp_path / "汇编.docx"
    write_docx(records, target, title=VOLUME)
    with zipfile.ZipFile(target) as volume:
        xml = volume.read("word/document.xml").decode("utf-8")
    assert _MARKER not in xml
    body = docx.Document(str(target)).element.body
    assert body[-1].tag.endswith("sectPr")  # the page settings still close the body
    assert len(headings(docx.Document(str(target)))) == len(records)
