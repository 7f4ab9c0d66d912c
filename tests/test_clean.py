"""Cleaning: what page breaks, PDF pasting and web pages do to a text, undone; offsets kept."""

from __future__ import annotations

import unicodedata

import pytest

from casekit.extract.clean import clean_text
from casekit.extract.patterns import ASCII_TO_FULL
from casekit.extract.read import read_document

BODY = "为深化基层治理，社区党委组织党员开展走访，共走访居民群众三百余户，收集意见建议，形成问题清单并逐项推进落实，"


def clean(raw, lexicon):
    return clean_text(raw, lexicon)


def assert_maps_back(raw: str, cleaned) -> None:
    """Every cleaned character comes from the source character its origin names."""
    folded = {v: k for k, v in ASCII_TO_FULL.items()}
    for ch, pos in zip(cleaned.text, cleaned.origin):
        if ch == "\n":
            continue
        assert raw[pos] == ch or raw[pos] == folded.get(ch), (ch, pos, raw[pos])


@pytest.mark.parametrize(
    "raw, joined",
    [
        pytest.param(BODY + "科\n\n学设计早晚高峰班次。", "科学设计", id="page-break-mid-word"),
        pytest.param("建立党员服务岗 46 个，满意度达到 96.4%。", "服务岗46个，满意度达到96.4%", id="pdf-gap-around-a-number"),
        pytest.param("（三）城乡共建的“连心桥”式。探索推行\n\n“组织联建、活动联办”等模式。", "探索推行“组织联建", id="short-line-with-sentence"),
        pytest.param("在经济发展方面，街道成立了指导站，为企业解难题、\n\n办实事。", "解难题、办实事", id="ends-with-enumeration-comma"),
        pytest.param(BODY + "开展“五个\n\n一”系列活动。", "“五个一”", id="inside-quotes"),
        pytest.param(BODY + "本村获得\r\n\r\n市级劳动模范1人。", "本村获得市级劳动模范", id="crlf"),
    ],
)
def test_rejoins_what_a_break_split(raw, joined, lexicon):
    cleaned = clean(raw, lexicon)
    assert joined in cleaned.text
    assert_maps_back(raw, cleaned)


@pytest.mark.parametrize(
    "raw, first_paragraph",
    [
        pytest.param("一、背景\n\n面对城市党建力量分散的难题，我们探索新路。", "一、背景", id="heading"),
        pytest.param("聚焦“支部管理”，实现基层党建工作长效常态\n\n今年以来，街道开展学习教育。", "聚焦“支部管理”，实现基层党建工作长效常态", id="subheading-with-comma"),
        pytest.param("推动社区治理。\n\n新的一年，我们继续努力。", "推动社区治理。", id="sentence-end"),
        pytest.param(BODY + "东西丢了有人\n\n爱在鹿乡 志愿者协会实施新模式\n\n中共某某县委组织部申报\n\n一、背景", BODY + "东西丢了有人", id="title-over-unit-line"),
        pytest.param(BODY + "将各级党组织贯彻落实“三\n\n某某大学：“三个强化”做好党建工作\n\n某某大学积极推进党组织建设。",
                     BODY + "将各级党组织贯彻落实“三", id="digest-item-head-after-a-cut-item"),
        pytest.param(BODY + "村里的变化，得益于\n\n甲县：推行“积分超市”\n\n甲县在全县推行积分超市。", BODY + "村里的变化，得益于",
                     id="place-headed-item-after-a-cut-item"),
    ],
)
def test_keeps_real_paragraph_breaks(raw, first_paragraph, lexicon):
    assert clean(raw, lexicon).text.split("\n")[0] == first_paragraph


def test_running_header_found_by_repetition(lexicon):
    header = "某某市基层党建工作交流材料"
    raw = f"{header}\n标题一\n正文一。\n\n{header}\n标题二\n正文二。"
    cleaned = clean(raw, lexicon)
    assert header not in cleaned.text
    assert cleaned.headers == (header,)


def test_compilation_title_found_by_shape(lexicon):
    raw = BODY + "。\n\n\n2020至2021年度基层党建创新案例汇编\n\n实施“三联”工作法\n\n中共某县委组织部申报\n"
    cleaned = clean(raw, lexicon)
    assert "汇编" not in cleaned.text
    assert cleaned.headers == ("2020至2021年度基层党建创新案例汇编",)


def test_pdf_chunk_numbers_removed_and_rejoined(lexicon):
    chunk = "区委始终把工作重心放在牵头抓总、协调各方上，重点抓顶层设计、统筹指导、制度建设、机制运行和考核评价等全局性工作"
    raw = f"1、{chunk}一是深化两力\n2、驱动机制。{chunk}二是构建四级\n3、统筹体系。{chunk}。"
    text = clean(raw, lexicon).text
    assert "两力驱动机制" in text and "四级统筹体系" in text
    assert not text.startswith("1、") and "2、" not in text


def test_real_numbered_list_keeps_its_numbers(lexicon):
    raw = "1、加强组织建设。\n2、完善工作制度。\n3、强化服务保障。"
    assert clean(raw, lexicon).text.split("\n") == ["1、加强组织建设。", "2、完善工作制度。", "3、强化服务保障。"]


@pytest.mark.parametrize(
    "noise",
    [
        pytest.param("责任编辑：王某某", id="editor-credit"),
        pytest.param("时间:2020年03月01日 09时00分来源:某某网作者:某某字号:『 大字体 中字体 小字体 』", id="page-meta"),
        pytest.param("社区党员在党群服务中心学习。某某日报记者张某某摄", id="photo-caption"),
        pytest.param("记者 李某某", id="byline"),
        pytest.param("通讯员 王某 赵某某 文/图", id="byline-with-photo-credit"),
        pytest.param("■亮点", id="column-label"),
        pytest.param("— 12 —", id="page-number"),
        pytest.param("－ 2 －", id="page-number-full-width-dashes"),
        pytest.param("﹣３﹣", id="page-number-full-width-digits"),
        pytest.param("（责任编辑：赵某）", id="editor-credit-in-brackets"),
        pytest.param("【字体：大 中 小】 打印本页 关闭窗口", id="font-and-print-buttons"),
        pytest.param("【打印】【关闭】", id="bracketed-buttons"),
        pytest.param("定义你的浏览字号：", id="font-size-control-label-its-choices-drawn-as-images"),
        pytest.param("分享到：微信 微博 QQ空间", id="share-buttons"),
        pytest.param("首页 > 新闻中心 > 基层动态", id="breadcrumb"),
        pytest.param("当前位置：首页 » 工作动态", id="breadcrumb-with-label"),
        pytest.param("某某新闻网 | 登录 | 注册", id="nav-bar"),
        pytest.param("首页｜要闻｜基层动态｜专题", id="nav-bar-full-width"),
        pytest.param("版权所有：某某新闻网 备案号：某ICP备12345678号", id="site-footer"),
        pytest.param("目  录", id="contents-heading"),
        pytest.param("“红色网格”织密城市治理一张网…………………………12", id="contents-entry"),
        pytest.param("积分制管理激发乡村治理活力.......7", id="contents-entry-dots"),
        pytest.param("（总第234期）", id="issue-number"),
        pytest.param("━━━━━━━━━━━━━━━━", id="rule-line"),
        pytest.param("………………………………", id="rule-of-ellipses"),
        pytest.param("字号:A A    颜色:", id="font-size-letters"),
        pytest.param("报：市委组织部。", id="distribution-bao"),
        pytest.param("发：各乡镇党委，县直各单位党组织。", id="distribution-fa"),
        pytest.param("（共印60份）", id="print-run"),
        pytest.param("签发：张某", id="signed-off"),
        pytest.param("[查看原文](https://news.example.cn/1.shtml)", id="markdown-link-button"),
        pytest.param("<p>分享</p>", id="button-in-html-tags"),
        pytest.param("發佈時間:2023-01-03 14:15 | 來源:某某網 | 作者:", id="page-meta-in-traditional-characters"),
        pytest.param("首頁 > 新聞中心 > 基層動態", id="breadcrumb-in-traditional-characters"),
        pytest.param("<!--more-->", id="publishing-system-marker"),
        pytest.param("新华社记者  鞠  鹏摄", id="photo-credit-with-a-spaced-name"),
        pytest.param("刘某某摄", id="photo-credit-alone-under-a-photo"),
        pytest.param("图片由某某村提供", id="photo-source-credit"),
        pytest.param("時(shí)間:2022-05-14 09:10:00", id="page-meta-with-a-mirror-sites-pinyin"),
        pytest.param("導(dǎo)語(yǔ):某某發(fā)言一文來(lái)源于網(wǎng)友上傳,不代表本站觀點(diǎn),歡迎參考。", id="blurb-with-pinyin"),
    ],
)
def test_drops_noise_lines(noise, lexicon):
    raw = f"社区推行网格化管理。\n{noise}\n网格员每天走访居民。"
    text = clean(raw, lexicon).text
    assert noise not in text
    assert text == "社区推行网格化管理。\n网格员每天走访居民。"


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("返回群众身边，打印出服务清单。", id="button-words-in-a-sentence"),
        pytest.param("首页设计由社区党员完成。", id="shouye-in-a-sentence"),
        pytest.param("项目\t完成情况|备注", id="one-bar-is-no-menu"),
        pytest.param("编辑部全体党员参加了学习，大家纷纷表示要把所学用到工作中去。", id="editor-in-a-sentence"),
        pytest.param("党员人数\t332", id="table-row-ending-in-a-number"),
        pytest.param("目录管理的事项共56项", id="mulu-in-a-sentence"),
        pytest.param("第15期培训班共有学员50人。", id="issue-words-in-a-sentence"),
        pytest.param("报名：请各村于周五前报送名单。", id="baoming-is-no-distribution"),
        pytest.param("调整字号：把公开栏的字号放大到四号。", id="font-size-in-a-sentence"),
    ],
)
def test_keeps_lines_that_only_mention_page_furniture(line, lexicon):
    raw = f"社区推行网格化管理。\n{line}\n网格员每天走访居民。"
    assert line in clean(raw, lexicon).text


def test_briefing_masthead_becomes_a_header_and_its_unit_line_stays_whole(lexicon):
    raw = ("组 工 信 息\n第15期\n中共某某县委组织部                2023年6月12日\n━━━━━━━━━━━━\n"
           "某某县推行党员中心户制度\n今年以来，全县选树党员中心户1260户。\n━━━━━━━━━━━━\n报：市委组织部。\n（共印60份）")
    cleaned = clean(raw, lexicon)
    assert cleaned.headers == ("组工信息",)
    assert cleaned.text.split("\n") == ["中共某某县委组织部                2023年6月12日", "某某县推行党员中心户制度",
                                         "今年以来，全县选树党员中心户1260户。"]


def test_drops_teasers_to_the_end(lexicon):
    raw = "社区推行网格化管理。\n新闻推荐\n另一条新闻标题 某地新增就业1.1万人\n又一条新闻。"
    assert clean(raw, lexicon).text == "社区推行网格化管理。"


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("构建组织体系本文来源:某某网http://www.example.com一是优化设置。", "构建组织体系一是优化设置。", id="source-credit"),
        pytest.param("开展文体娱www.乐等活动。", "开展文体娱乐等活动。", id="stray-www"),
        pytest.param("【画面】在经费保障方面，每年拨付经费。【结束画面】", "在经费保障方面，每年拨付经费。", id="stage-direction"),
        pytest.param("本报讯（记者 张某某 通讯员 李某）今年以来，某区推行网格化。", "今年以来，某区推行网格化。", id="news-dateline"),
        pytest.param("拼版照片上图为某某胡同整治前（2015年5月摄）；下图为整治后的胡同（2018年摄）。 自试点以来，全区办结诉求"
                     "1.2万件。", "自试点以来，全区办结诉求1.2万件。", id="composite-caption-run-into-the-text"),
        pytest.param("上图为社区党员入户走访（王某 摄）。 今年以来，社区党委组织党员开展走访，共走访群众300户，收集意见"
                     "建议45条，办结42条，群众满意率达到96%。", "今年以来，社区党委组织党员开展走访，共走访群众300户，收集意见建议45条，"
                     "办结42条，群众满意率达到96%。", id="caption-run-into-the-text"),
        pytest.param("发布时间:2023-01-03 14:15:42 | 来源:某某网 | 作者: | 责任编辑:王某某网讯 " + "日前，某部门公布了一批典型案例，"
                     "共有31个，分为4个部分。" * 8, "日前，某部门公布了一批典型案例，共有31个，分为4个部分。" * 8,
                     id="page-meta-the-text-runs-on-after"),
        pytest.param("全区建成驿站12个。<!-- 正文结束 -->", "全区建成驿站12个。", id="html-comment-in-a-line"),
    ],
)
def test_drops_junk_inside_lines(raw, expected, lexicon):
    cleaned = clean(raw, lexicon)
    assert cleaned.text == expected
    assert_maps_back(raw, cleaned)


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("党员332人,域外党员近200人;", "党员332人，域外党员近200人；", id="commas-between-chinese"),
        pytest.param("平均年龄34.4岁,占比96.3%", "平均年龄34.4岁，占比96.3%", id="decimal-point-kept"),
        pytest.param("(一)社区特色品牌", "（一）社区特色品牌", id="parentheses"),
        pytest.param("按照2:6:2的比例,Hello, world", "按照2:6:2的比例，Hello, world", id="ratio-and-english-kept"),
    ],
)
def test_folds_ascii_punctuation_touching_chinese(raw, expected, lexicon):
    cleaned = clean(raw, lexicon)
    assert cleaned.text == expected
    assert len(cleaned.text) == len(cleaned.origin)


def test_hard_wrapped_text_is_rejoined(lexicon):
    paragraph = (
        "社区党委坚持把党建引领贯穿基层治理全过程，组建网格党支部十二个，选派党员骨干担任网格长，"
        "推动服务资源下沉到楼栋，居民反映的问题平均两天内得到回应，群众满意度持续提升。"
        "同时建立红色议事会，每月召开一次协商会议，邀请居民代表、物业企业和驻区单位共同商议小区事务。"
    )
    width = 30
    lines = [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    second = paragraph.replace("社区党委", "街道党工委")
    wrapped = [second[i : i + width] for i in range(0, len(second), width)]
    raw = "一、背景\n" + "\n".join(lines) + "\n二、主要做法\n" + "\n".join(wrapped)
    text = clean(raw, lexicon).text
    assert text.split("\n") == ["一、背景", paragraph, "二、主要做法", second]


def _wrap_columns(paragraph: str, columns: int) -> list[str]:
    """Wrap as an old editor does: by display columns, a Han character or full-width mark two, a digit one."""
    lines, line, used = [], "", 0
    for ch in paragraph:
        width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + width > columns:
            lines.append(line)
            line, used = "", 0
        line, used = line + ch, used + width
    return lines + [line]


def test_gbk_speech_wrapped_by_columns_across_a_page_footer_is_rejoined(tmp_path, lexicon):
    paragraphs = [
        "同志们：今年以来，全县各级党组织围绕中心、服务大局，共整顿软弱涣散村党组织23个，"
        "新发展党员416名，其中35岁以下的占61.5%，基层组织建设水平明显提升。",
        "一、坚持问题导向，推动基层党组织全面进步全面过硬",
        "各乡镇党委要对照2024年度考核细则，逐村逐项开展自查，对排查出的128个问题建立台账，"
        "明确责任人和完成时限，做到整改一个、销号一个，确保年底前全部清零。",
    ]
    wrapped = [_wrap_columns(p, 74) for p in paragraphs]
    wrapped[2][1:1] = ["", "－ 2 －", ""]  # a page footer inside a sentence, as text pasted from print
    path = tmp_path / "讲话.txt"
    path.write_bytes("\n".join(line for lines in wrapped for line in lines).encode("gbk"))
    text = clean(read_document(path, path.name).text, lexicon).text
    assert text.split("\n") == paragraphs


def test_raw_span_points_into_source(lexicon):
    raw = "\ufeff标题\r\n\r\n" + BODY + "科\r\n\r\n学设计，新增站点67处。"
    cleaned = clean(raw, lexicon)
    at = cleaned.text.index("67处")
    start, end = cleaned.raw_span(at, at + 3)
    assert raw[start:end] == "67处"
    at = cleaned.text.index("科学")
    start, end = cleaned.raw_span(at, at + 2)
    assert raw[start] == "科" and raw[end - 1] == "学"


def test_a_few_short_lines_of_like_length_are_not_a_hard_wrap(lexicon):
    raw = ("推行“三联三促”工作法\n中共某某县委组织部申报\n一、背景\n某某镇现有党员486人。\n二、主要做法与成效\n"
           "组建产业党小组9个。\n三、经验启示\n一要坚持党建引领。\n2023年6月12日")
    assert clean(raw, lexicon).text == raw


@pytest.mark.parametrize(
    "line, kept",
    [
        pytest.param("# 以小网格撬动大治理", "以小网格撬动大治理", id="heading-prefix"),
        pytest.param("### 创新方式 提升乡村治理效能", "创新方式 提升乡村治理效能", id="deeper-heading"),
        pytest.param("**背景情况**", "背景情况", id="bold-line"),
        pytest.param("## **一、主要做法**", "一、主要做法", id="bold-heading"),
        pytest.param("> 全村共有党员56名。", "全村共有党员56名。", id="quote"),
        pytest.param("议事厅建成后![议事厅](img/1.png)群众评价很高。", "议事厅建成后群众评价很高。", id="image"),
        pytest.param("全村**56名**党员参与。", "全村**56名**党员参与。", id="bold-inside-a-sentence-stays"),
        pytest.param("详见[实施方案](http://a.example.cn/f.html)全文。", "详见实施方案全文。", id="link-keeps-its-words"),
        pytest.param("<p><strong>某某网消息</strong>：全村56名党员参与。<br></p>", "某某网消息：全村56名党员参与。",
                     id="html-tags-pasted-into-a-line"),
        pytest.param("#12371 热线", "#12371热线", id="hash-without-a-space-stays"),
    ],
)
def test_markdown_markup_is_left_out(line, kept, lexicon):
    raw = f"{line}\n近年来，某某镇坚持党建引领。"
    cleaned = clean(raw, lexicon)
    assert cleaned.text.split("\n")[0] == kept
    first = cleaned.text.index(kept[-1])
    assert raw[cleaned.origin[first]] == kept[-1]


def test_markdown_bold_headings_make_sections(options, tmp_path):
    from casekit.extract.read import read_document
    from casekit.pipeline import process_document

    path = tmp_path / "案例.md"
    path.write_text("# 党建引领小区治理\n\n**背景情况**\n\n某社区有居民3200户。\n\n**主要做法**\n\n建立议事会12个。\n",
                    encoding="utf-8")
    (case,) = process_document(read_document(path, path.name), options)
    assert case.title == "党建引领小区治理"
    assert [(s.key, s.heading, s.text) for s in case.sections] == [
        ("background", "背景情况", "某社区有居民3200户。"), ("practices", "主要做法", "建立议事会12个。")]


@pytest.mark.parametrize(
    "under_image, kept",
    [
        pytest.param("网格员入户走访", False, id="caption"),
        pytest.param("图为党员志愿者在社区服务", False, id="caption-tu-wei"),
        pytest.param("二、主要做法与成效", True, id="numbered-heading"),
        pytest.param("**背景情况**", True, id="bold-heading"),
        pytest.param("社区党委组织党员开展走访，收集意见建议。", True, id="sentence"),
    ],
)
def test_the_short_line_under_an_image_is_its_caption(under_image, kept, lexicon):
    raw = f"社区推行网格化管理。\n![](/img/1.jpg)\n{under_image}\n网格员每天走访居民。"
    text = clean(raw, lexicon).text
    assert "img" not in text
    assert (under_image.strip("*") in text) is kept


def test_a_content_systems_record_dumped_as_json_reads_as_its_title_and_text(lexicon):
    raw = ('var gArticleJson = {\n\t"fileId":"26410908",\n\t"title":"“三剂良方”治“软弱涣散”",\n\t"subtitle":"",\n'
           '\t"publishtime":"2025-06-03 17:11:00",\n\t"praiseAmount":"9.99",\n'
           '\t"content":"<p style=\\"text-indent: 2em;\\">某村新建香菇大棚12个，带动村民增收。</p>",\n}')
    cleaned = clean(raw, lexicon)
    assert cleaned.text == "“三剂良方”治“软弱涣散”\n某村新建香菇大棚12个，带动村民增收。"
    assert_maps_back(raw, cleaned)
    at = cleaned.text.index("12个")
    assert raw[slice(*cleaned.raw_span(at, at + 3))] == "12个"


def test_a_file_name_over_a_run_on_title_ends_the_title(lexicon):
    """A document site shows the file's name over a text that runs its title into the first
    paragraph: the title ends where the name does."""
    raw = "探索示范党支部建设的经验做法.docx\n探索示范党支部建设的经验做法为持续增强党支部的凝聚力，某党委推进示范创建。"
    cleaned = clean(raw, lexicon)
    assert cleaned.text == "探索示范党支部建设的经验做法\n为持续增强党支部的凝聚力，某党委推进示范创建。"
    assert_maps_back(raw, cleaned)


def test_a_blurb_naming_the_file_over_a_numbered_run_on_title_ends_the_title(lexicon):
    raw = ("《党群服务中心党建工作经验材料.doc》由会员分享,可在线阅读,更多相关《党群服务中心党建工作经验材料.doc(4页)》请在某某文库上搜索。\n"
           "1、党群服务中心党建工作经验材料某区突出党群服务中心政治功能，建成87个党建阵地。")
    cleaned = clean(raw, lexicon)
    assert cleaned.text == "党群服务中心党建工作经验材料\n某区突出党群服务中心政治功能，建成87个党建阵地。"
    assert_maps_back(raw, cleaned)


def test_the_items_of_a_list_and_the_headline_under_it_are_not_joined_as_a_hard_wrap(lexicon):
    items = [f"- 2024-0{k}-01 08:0{k}:09 某某支部{k}月份党小组会议记录及学习贯彻全会精神材料范文稿" for k in range(1, 7)]
    raw = "\n".join([*items, "", "县委关于党建项目化建设推进基层治理情况的报告", "为深入贯彻落实大抓基层的鲜明导向，推动基层党组织全面"
                      "进步，县委以项目化推进基层治理。"])
    lines = clean(raw, lexicon).text.split("\n")
    assert "县委关于党建项目化建设推进基层治理情况的报告" in lines
    assert all(line.startswith("- ") for line in lines[:6])


def test_a_title_field_of_the_pages_table_over_a_run_on_title_ends_the_title(lexicon):
    raw = ("| 标题:乡镇经验交流:坚持党建领航 强化一体推进 |\n"
           "| 乡镇经验交流:坚持党建领航 强化一体推进 今年以来,某乡镇紧紧围绕乡村振兴持续发力,建成示范村12个。")
    cleaned = clean(raw, lexicon)
    assert cleaned.text == "乡镇经验交流：坚持党建领航 强化一体推进\n今年以来，某乡镇紧紧围绕乡村振兴持续发力，建成示范村12个。"
    assert_maps_back(raw, cleaned)


def test_the_line_under_an_image_over_the_pages_source_line_is_the_headline(lexicon):
    raw = "![](/img/top.jpg)\n党委中心组召开扩大会议\n发布日期：2016-11-15 作者：王某某 编辑：李某 点击：1324\n11月10日下午，学校召开会议。"
    assert clean(raw, lexicon).text == "党委中心组召开扩大会议\n11月10日下午，学校召开会议。"


@pytest.mark.parametrize(
    "raw, read",
    [
        pytest.param("为⼈⺠服务", "为人民服务", id="kangxi-and-supplement-radicals"),
        pytest.param("⻓效机制⻔前三包", "长效机制门前三包", id="simplified-radicals"),
        pytest.param("⼀核多元", "一核多元", id="kangxi-one"),
    ],
)
def test_radicals_written_for_characters_read_as_the_characters(raw, read, lexicon):
    cleaned = clean(f"{raw}，党员⼤会共有⼈员32⼈。", lexicon)
    assert cleaned.text == f"{read}，党员大会共有人员32人。"
    assert len(cleaned.origin) == len(cleaned.text)
    at = cleaned.text.index("32人")
    assert cleaned.raw_span(at, at + 3) == (at, at + 3)


@pytest.mark.parametrize(
    "raw, paragraphs",
    [
        pytest.param("  • 某某新闻>>党建>>典型案例征集>>网上展示>>服务型党组织\n\n    某县：实施乡镇干部驻村代办工程的调查与思考\n\n"
                     "    2013年以来，某县坚持把创建服务型党组织作为核心任务。\n",
                     ["某县：实施乡镇干部驻村代办工程的调查与思考", "2013年以来，某县坚持把创建服务型党组织作为核心任务。"],
                     id="a-breadcrumb-and-indented-lines-each-stand-alone"),
        pytest.param("疫情下社区党建软硬件设施对比研究——以某省北江社区和某区城东社区为例\n指导老师：某某某\n一、引言\n",
                     ["疫情下社区党建软硬件设施对比研究——以某省北江社区和某区城东社区为例", "指导老师：某某某", "一、引言"],
                     id="a-labelled-field-is-no-wrapped-tail"),
    ],
)
def test_lines_that_start_a_paragraph(raw, paragraphs, lexicon):
    assert clean_text(raw, lexicon).text.split("\n")[-len(paragraphs):] == paragraphs


def test_front_matter_fields_stay_a_line_each(lexicon):
    """A long field (keywords listed with commas) is no wrapped line the next field carries on."""
    raw = ("---\ntitle: \"育好苗 兴沃野\"\ndate: 2025-11-04\nkeywords: [后备干部, 党总支, 村干部, 人才库, 村级, 书记, 乡村振兴, 基层治理]\n"
           "word_count: 3281\n---\n育好苗 兴沃野\n新一轮村（社区）两委换届工作将在全国陆续展开。")
    lines = clean(raw, lexicon).text.split("\n")
    assert "word_count: 3281" in lines and lines.index("---", 1) == lines.index("word_count: 3281") + 1

