"""Web pages: the main text found by trafilatura, the headline and date line kept, the site left out."""

from __future__ import annotations

from casekit.extract.read import read_document
from casekit.extract.read_html import html_text
from casekit.pipeline import process_document

HEADLINE = "“一站三联”网格治理让小区事有人管"
BODY = [
    "<p style='text-align:center'>梧川区委组织部</p>",
    "<p><strong>一、背景</strong></p>",
    "<p>梧川区桂溪街道辖12个社区，有党员3<span>32</span>人，老旧小区占比达到<b>61.5%</b>，物业缺位问题突出，"
    "居民对环境卫生、停车管理等问题反映强烈，治理难度较大。</p>",
    "<p><img src='/img/1.jpg'></p><p>网格员入户走访</p>",
    "<p><strong>二、主要做法与成效</strong></p>",
    "<p>（一）建强网格党支部。街道党工委推行“一站三联”网格治理模式，共建成网格党支部48个，选派党员网格长48名，"
    "吸纳在职党员、志愿者等力量参与，形成上下贯通的治理链条。</p>",
    "<p>（二）完善议事机制。每月召开一次网格议事会，两年来共解决停车难、加装电梯等问题217件，群众满意度提升至95.2%。</p>",
    "<p><strong>三、经验启示</strong></p>",
    "<p>党建引领是破解老旧小区治理难题的关键，只有把党组织建在网格上，才能把服务送到群众身边。</p>",
]
CHROME = {
    "top": "<div class='top'><a href='/'>首页</a> | <a>登录</a> | <a>注册</a></div>",
    "menu": "<ul class='menu'><li>要闻</li><li>基层动态</li><li>典型案例</li><li>理论学习</li></ul>",
    "crumbs": "<div class='crumbs'>当前位置：首页 &gt; 典型案例</div>",
    "related": "<div class='related'><h3>相关阅读</h3><ul><li><a>柳塘镇推行议事协商新办法</a></li>"
               "<li><a>石门乡党员联户促增收</a></li></ul></div>",
    "footer": "<div class='footer'>版权所有：青禾先锋网 备案号：青ICP备12345678号</div>",
}


def page(title_tag: str = f"{HEADLINE}_青禾先锋网", headline: str = f"<h1>{HEADLINE}</h1>") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title_tag}</title>"
        "<meta property='og:site_name' content='青禾先锋网'><meta name='publishdate' content='2023-05-12'></head><body>"
        + CHROME["top"] + CHROME["menu"] + CHROME["crumbs"]
        + f"<div class='article'>{headline}" + "".join(BODY) + "</div>"
        + CHROME["related"] + CHROME["footer"] + "</body></html>"
    )


def test_a_case_page_reads_as_its_headline_date_line_and_main_text():
    lines = html_text(page()).split("\n")
    assert lines[0] == HEADLINE
    assert lines[1] == "发布时间：2023-05-12　来源：青禾先锋网"
    assert lines[2] == "梧川区委组织部"
    for gone in ("登录", "基层动态", "当前位置", "相关阅读", "石门乡党员联户促增收", "版权所有"):
        assert not any(gone in line for line in lines), gone
    assert "有党员332人，老旧小区占比达到61.5%" in lines[4]  # a figure split over inline elements is one run


def test_a_case_page_gives_its_case(tmp_path, options):
    path = tmp_path / "案例.html"
    path.write_text(page(), encoding="utf-8")
    doc = read_document(path)
    (case,) = process_document(doc, options)
    assert (case.title, case.unit, case.year) == (HEADLINE, "梧川区委组织部", 2023)
    assert [s.key for s in case.sections] == ["background", "practices", "lessons"]
    assert [i.text for i in case.indicators][:3] == ["12个", "332人", "61.5%"]
    for ind in case.indicators:
        assert doc.text[ind.raw_start : ind.raw_end] == ind.text
    assert "网格员入户走访" not in case.text  # the caption under the image
    assert "一站三联" in [m.name for m in case.models]


def test_a_title_tag_no_headline_repeats_is_not_the_title():
    lines = html_text(page(title_tag="青禾先锋网", headline=f"<p><strong>{HEADLINE}</strong></p>")).split("\n")
    assert "青禾先锋网" not in lines
    assert lines[0] == "发布时间：2023-05-12　来源：青禾先锋网"
    assert lines[1] == HEADLINE


def test_a_title_tag_with_the_site_name_gives_the_headline_it_repeats():
    text = html_text(page(title_tag=f"{HEADLINE}_青禾先锋网", headline=f"<div class='tt'>{HEADLINE}</div>"))
    assert text.split("\n")[0] == HEADLINE


def test_a_page_without_main_text_is_read_whole():
    links = "".join(f"<li><a href='/{i}'>第{i}期党建简报</a></li>" for i in range(1, 4))
    text = html_text(f"<html><head><title>简报</title><script>var x=1;</script></head><body><ul>{links}</ul></body></html>")
    assert text.split("\n") == ["第1期党建简报", "第2期党建简报", "第3期党建简报"]
