"""Which first line is the headline: one row per kind of line that stands above it (invented texts)."""

from __future__ import annotations

import pytest

from casekit.extract.split import split_cases

BODY = "今年以来，某某街道党工委坚持党建引领，推动基层治理提质增效，群众满意度明显提升。"


HEADLINES = [
        pytest.param(f"电脑版\n我的收藏\n推行红色网格工作法\n{BODY}", "推行红色网格工作法", id="menu-words"),
        pytest.param(f"某某报网\n微信公众号\n某某报网\n官方微博\n建强堡垒作为重中之重\n{BODY}", "建强堡垒作为重中之重",
                     id="follow-us-links"),
        pytest.param(f"学习园地\n支部生活\n志愿活动\n打造党群连心驿站\n{BODY}", "打造党群连心驿站", id="short-menu-items"),
        pytest.param(f"2 2 2\n党员积分管理见实效\n{BODY}", "党员积分管理见实效", id="digit-row"),
        pytest.param(f'< img src="" />某某频道 首页 要闻 政务 民生 文旅\n社区里的“议事厅”\n{BODY}', "社区里的“议事厅”", id="markup-remnant"),
        pytest.param(f"某某党建网>>基层动态\n分享\n小巷管家守护街巷\n{BODY}", "小巷管家守护街巷", id="breadcrumb"),
        pytest.param(f"第03版：区域新闻 上一版  下一版\n甲镇举办技能培训\n乙村修缮文化礼堂\n上一期  下一期\n"
                     f"疏通排水管网 守护居民出行\n{BODY}", "疏通排水管网 守护居民出行", id="newspaper-page-id-and-list"),
        pytest.param(f"---\naliases:\n- 实践笔记 | 学生调研团走进数字乡村\n---\n{BODY}", "实践笔记 | 学生调研团走进数字乡村",
                     id="front-matter"),
        pytest.param(f"---\ntitle: 某某农业大学->【强师德 铸师魂】建强支部战斗堡垒 | example.com.cn\ndate: 2021-09-23\n---\n{BODY}",
                     "【强师德 铸师魂】建强支部战斗堡垒", id="front-matter-title-with-the-sites-breadcrumb-and-domain"),
        pytest.param(f"---\ntitle: 某某大学->【时文】某某某：关于加强支部建设的说明\n---\n某某社北京11月16日电\n关于加强支部建设的说明\n"
                     f"某某某\n{BODY}", "关于加强支部建设的说明", id="front-matter-title-decorating-the-printed-headline"),
        pytest.param(f"# 以小网格撬动大治理\n{BODY}", "以小网格撬动大治理", id="markdown-prefix"),
        pytest.param(f"“三联三促”激活基层治理\n{BODY}", "“三联三促”激活基层治理", id="a-quoted-model-opening-it-stays"),
        pytest.param(f"品牌党支部材料【完整版】\n{BODY}", "品牌党支部材料", id="document-site-tag"),
        pytest.param(f"某某社南京5月6日电\n题：老旧小区焕新颜（上）\n{BODY}", "老旧小区焕新颜（上）", id="dateline-and-label"),
        pytest.param(f"原标题：某省推行书记项目见成效——\n书记挂帅攻坚克难\n{BODY}", "书记挂帅攻坚克难", id="original-title"),
        pytest.param(f"编者按\n{BODY}\n{BODY}\n合作社带富一方百姓\n{BODY}", "合作社带富一方百姓", id="editor-note"),
        pytest.param(f"走基层看变化·江南篇\n绘就共同富裕新图景\n{BODY}", "绘就共同富裕新图景", id="series-name"),
        pytest.param(f"一、总体情况\n（一）区位特点\n二、主要做法\n（一）建强堡垒\n村级集体经济发展调研报告\n{BODY}",
                     "村级集体经济发展调研报告", id="contents-before-title"),
        pytest.param(f"打造银发服务新阵地\n2023-05-06 来源：某某融媒体中心\n{BODY}", "打造银发服务新阵地", id="source-line-below"),
        pytest.param(f"深化“三治融合”的探索\n张某某 李某\n中共某某县委组织部课题组\n{BODY}", "深化“三治融合”的探索", id="authors-below"),
        pytest.param(f"各位领导、同志们：\n{BODY}", None, id="salutation-no-title"),
        pytest.param(f"王某某\n摘 要：社区是治理的基本单元。\n{BODY}", None, id="author-name-no-title"),
        pytest.param(f"近年来，某某镇以书记项目为抓手，推动集体经济发展。\n{BODY}", None, id="body-sentence-no-title"),
        pytest.param(f"某某党支部于2019年5月成立，现有党员12名，流动党员3名。\n{BODY}", None, id="founding-sentence-no-title"),
        pytest.param(f"在年度党建工作会上的发言提纲【导语】本文整理了发言要点。{BODY}", "在年度党建工作会上的发言提纲",
                     id="run-on-lead-marker"),
        pytest.param(f"扎实推进文明实践工作区委宣传部（2020年3月5日）全区扎实推进试点。{BODY}", "扎实推进文明实践工作",
                     id="run-on-speaker-and-date"),
        pytest.param(f"构建三级联动体系 筑牢基层堡垒\n{BODY}", "构建三级联动体系 筑牢基层堡垒", id="plain-headline"),
        pytest.param(f"党员积分管理见实效_某某党员网\n{BODY}", "党员积分管理见实效", id="site-name-after-underscore"),
        pytest.param(f"党员积分管理见实效 - 某某网\n{BODY}", "党员积分管理见实效", id="site-name-after-hyphen"),
        pytest.param(f"党员积分管理见实效｜某某日报\n{BODY}", "党员积分管理见实效", id="site-name-after-bar"),
        pytest.param(f"打造“红色网格”——某某县的新闻\n{BODY}", "打造“红色网格”——某某县的新闻", id="dash-is-no-site-separator"),
        pytest.param(f"支部建在网格上 服务连着千万网\n{BODY}", "支部建在网格上 服务连着千万网", id="headline-ending-in-a-site-word"),
        pytest.param(f"某某日报数字报\n2024年03月02日 星期六\n第05版：基层 上一版 下一版\n甲镇举办技能培训\n乙村修缮文化礼堂\n"
                     f"丙街道：楼道议事会开起来\n小微权力清单晒出来\n{BODY}", "小微权力清单晒出来",
                     id="e-paper-masthead-and-headline-list"),
        pytest.param(f"某某市优秀案例申报表\n案例名称：“三色预警”守护独居老人\n{BODY}", "“三色预警”守护独居老人",
                     id="form-name-over-title-field"),
        pytest.param(f"政府工作报告\n——在某某镇人民代表大会上\n{BODY}", "政府工作报告", id="headline-and-dashed-subtitle"),
        pytest.param(f"- 社区党建工作发展报告\n- 某某某主编\n- 8908字\n疫情下社区党建软硬件设施对比研究\n{BODY}",
                     "疫情下社区党建软硬件设施对比研究", id="an-e-books-details-as-a-list-above-the-article"),
        pytest.param(f"• 上好履职“第一课” 打好乡村振兴战\n时间：2021-03-07\n{BODY}", "上好履职“第一课” 打好乡村振兴战",
                     id="a-bulleted-headline"),
        pytest.param(f"【党建示范窗】“四民共创” 以服务为民推进乡村振兴\n{BODY}", "“四民共创” 以服务为民推进乡村振兴",
                     id="a-columns-label-run-into-the-headline"),
        pytest.param(f"第1篇 2023年社区党建工作总结报告\n{BODY}", "2023年社区党建工作总结报告", id="a-pieces-number-before"),
        pytest.param(f"驻村书记述职报告 篇1\n{BODY}", "驻村书记述职报告", id="a-pieces-number-after"),
        pytest.param(f"某县党建赋能村级集体经济发展壮大——\n集体腰杆硬起来 农民腰包鼓起来\n{BODY}",
                     "集体腰杆硬起来 农民腰包鼓起来", id="kicker-ending-on-a-dash-above-the-headline"),
        pytest.param(f"温馨提示：\n{BODY}", None, id="a-label-ending-on-a-colon-is-no-headline"),
        pytest.param(f"某县是国家扶贫重点县。全县260多个村庄派驻了第一书记。\n{BODY}", None,
                     id="a-first-sentence-is-no-run-on-title"),
        pytest.param(f"开展支部联建暨 主 题 党 日 活 动\n{BODY}", "开展支部联建暨 主 题 党 日 活 动",
                     id="a-headline-with-words-spaced-out"),
        pytest.param(f"某某副主任在某论坛开幕式上的致辞\n在某论坛开幕式上的致辞\n某某某\n（2022年11月9日）\n各位嘉宾，各位朋友：\n{BODY}",
                     "在某论坛开幕式上的致辞", id="the-speechs-own-title-under-the-pages-headline"),
        pytest.param(f"打造银发服务新阵地\n社区养老驿站开门迎客\n{BODY}", "打造银发服务新阵地",
                     id="a-second-headline-unlike-the-first-is-no-own-title"),
        pytest.param(f"【聚焦党代会·发展成就巡礼】 党建“双创”发展综述\n{BODY}", "党建“双创”发展综述",
                     id="a-longer-column-label-and-a-space-before-the-headline"),
        pytest.param(f"工作动态——旗委常委、宣传部部长赵某到某镇调研\n{BODY}", "旗委常委、宣传部部长赵某到某镇调研",
                     id="a-columns-name-and-a-dash-before-the-headline"),
        pytest.param(f"某村被授予“先进村”荣誉称号本报某城讯 近日，省委农办公布名单，某村榜上有名。{BODY}",
                     "某村被授予“先进村”荣誉称号", id="a-headline-run-into-the-papers-dateline"),
        pytest.param(f"党员队伍结构进一步优化，基层党组织设置更加合理山西日报记者陈某某报道：截至年底，全省党员总数增加。{BODY}",
                     "党员队伍结构进一步优化，基层党组织设置更加合理", id="a-headline-with-a-comma-run-into-its-byline"),
        pytest.param(f"某县基层党组织建设情况的调研报告某县基层党组织建设情况的调研报告中共某县委（二〇〇九年十月）{BODY}",
                     "某县基层党组织建设情况的调研报告", id="a-headline-printed-twice-and-run-on"),
        pytest.param(f"小崔会客：政协副主席谈新农村建设 | |||||||||\n{BODY}", "小崔会客：政协副主席谈新农村建设",
                     id="the-empty-cells-after-a-headline-in-a-table-row"),
        pytest.param(f"某镇全力构建“党建”新格局\n{BODY}", "某镇全力构建“党建”新格局",
                     id="a-headline-ending-on-ju-is-no-bureau"),
        pytest.param(f"丰富形式创新意 ——市府办举行主题党日活动 （市政府办公室）\n{BODY}", "丰富形式创新意 ——市府办举行主题党日活动",
                     id="the-supplying-office-in-brackets-after-the-headline"),
        pytest.param(f"从没人管到有人干——某市创新街乡吹哨启示录（下）\n{BODY}", "从没人管到有人干——某市创新街乡吹哨启示录（下）",
                     id="a-part-in-brackets-after-the-headline-stays"),
        pytest.param(f"公益项目\n2025.03.04以党建带联建·以联建促创建 “三联”模式助力社区建设的行动研究报告\n某某社区党委副书记\n{BODY}",
                     "以党建带联建·以联建促创建 “三联”模式助力社区建设的行动研究报告",
                     id="a-listings-date-before-a-headline-with-a-middle-dot"),
        pytest.param(f"网站首页 工作范例 办公范例 个人范例 党团范例 其他范例\n组织工作唱响改革创新山歌\n{BODY}",
                     "组织工作唱响改革创新山歌", id="a-menu-row-of-longer-items"),
        pytest.param(f"王某某等：农村集体经济的变迁、问题和未来[摘要] 在国家政策的影响下，集体经济几经变迁。{BODY}",
                     "王某某等：农村集体经济的变迁、问题和未来", id="a-run-on-title-listing-its-topics-before-the-abstract"),

]


@pytest.mark.parametrize("text, title", HEADLINES)
def test_headline_among_first_lines(text, title):
    (case,) = split_cases(text)
    assert case.title == title


@pytest.mark.parametrize("text, title", HEADLINES)
def test_the_case_starts_at_its_headline(text, title):
    """What stands above a headline (menus, page ids, contents, front matter) is not the case's text."""
    (case,) = split_cases(text)
    case_text = text[case.start : case.end]
    if title is None:
        assert case.start == 0
    elif case.collection:
        assert case_text.startswith(title)
    else:
        assert case_text.startswith(title) or case_text.split("\n")[0].endswith(title) or case_text.startswith(BODY)
        assert "上一期" not in case_text and "---" not in case_text and "（一）" not in case_text


def test_series_name_becomes_the_collection():
    (case,) = split_cases(f"走基层看变化·江南篇\n绘就共同富裕新图景\n{BODY}")
    assert case.collection == "走基层看变化·江南篇"


def test_running_header_titles_a_text_without_headline():
    (case,) = split_cases(f"各位领导、同志们：\n{BODY}", headers=("村党支部书记述职报告",))
    assert (case.title, case.collection) == ("村党支部书记述职报告", None)


@pytest.mark.parametrize(
    "text, title",
    [
        pytest.param(f"欢迎访问 某某网!\n当前所在：首页 > 基层动态\n某区：党建引领村集体经济“破茧成蝶”\n{BODY}",
                     "某区：党建引领村集体经济“破茧成蝶”", id="welcome-bar-and-breadcrumb"),
        pytest.param(f"首页 > 工作计划\n书记抓基层党建项目工作总结(全文共2102字)\n{BODY}", "书记抓基层党建项目工作总结",
                     id="length-note-beside-the-title"),
        pytest.param(f"某某娱乐平台\n当前位置:首页 > 乡镇 > 工作动态\n为节日添加党味 ——某镇“党群活动日”\n"
                     f"发布日期:2022-04-29 16:09 来源:本网 发布机构:某镇人民政府\n{BODY}", "为节日添加党味 ——某镇“党群活动日”",
                     id="headline-over-the-pages-source-line-below-a-stray-line"),
        pytest.param(f"某某先锋\n|\n某某组工网\n|\n返回联盟首页\n某部门负责人就印发《某条例》答记者问\n"
                     f"2021年06月07日来源:某某先锋点击2914\n{BODY}", "某部门负责人就印发《某条例》答记者问",
                     id="headline-over-the-source-line-below-a-menu-a-link-a-line"),
        pytest.param(f"专栏名称： 某某论坛\n某某看点  ›  专栏  ›  某某论坛\n半数居民是志愿者，这个社区怎么做到的？\n"
                     f"某某论坛  · 公众号  · 2025-02-17 21:20\n{BODY}", "半数居民是志愿者，这个社区怎么做到的？",
                     id="a-headline-that-asks-over-the-source-line"),
        pytest.param(f"A3：社会总第2764期 >2022-04-28编印\n某某乡：\n赴某镇开展支部联建暨 主 题 党 日 活 动\n"
                     f"刊发日期:2022-04-28 阅读次数: 作者:\n{BODY}", "某某乡：赴某镇开展支部联建暨 主 题 党 日 活 动",
                     id="a-headline-broken-after-its-place"),
        pytest.param(f"论文部分内容阅读\n{BODY}", None, id="a-journal-sites-partial-view-label-is-no-headline"),
        pytest.param(f"在全市社区网格化d建(x团队设)工作推进会上的讲话*\n28 人阅读 2022-05-22 9.00元(299 积分) 免费试读\n"
                     f"在全市社区网格化党建工作推进会上的讲话\n同志们：\n{BODY}", "在全市社区网格化党建工作推进会上的讲话",
                     id="a-document-sites-garbled-file-title-over-the-clean-one"),
        pytest.param(f"领导讲话\n某某某全文9228字46片\n在全县党员示范培训班开班式上的讲话\n同志们：\n{BODY}",
                     "在全县党员示范培训班开班式上的讲话", id="a-length-note-is-no-headline"),
        pytest.param(f"社会广角\n当前位置: > 阅览室 > 社会广角 >\n县委书记的一天\n发表日期:2011-02-12 点击\n——走近县委书记（上）\n"
                     f"记者  汪某某  曲某某        来源:某某网\n{BODY}", "县委书记的一天",
                     id="a-headline-over-its-source-line-and-subtitle-stays-in"),
        pytest.param(f"全国某某工作资源库\n首页 | 资源服务 | 案例库 | 强党建促发展——某某大学\n强党建促发展——某某大学\n"
                     f"发布时间:2022-01-04 13:49:16\n典型案例之一\n强党建促发展\n{BODY}", "强党建促发展",
                     id="a-site-name-is-no-headline-when-lines-were-cut-below-it"),
    ],
)
def test_headline_once_cleaning_has_cut_the_sites_lines(text, title, lexicon):
    """Lines and notes that cleaning cuts (a site's welcome bar, its note of a text's length, its
    source line under the headline) never head a case, and the source line points at the headline."""
    from casekit.extract.clean import clean_text

    cleaned = clean_text(text, lexicon)
    (case,) = split_cases(cleaned.text, cleaned.headers, 60, cleaned.outline, lexicon.heading_keys, cleaned.closing_units,
                          cleaned.source_line_marks())
    assert case.title == title


def test_a_headline_quoted_whole_loses_its_quotation_marks():
    (case,) = split_cases(f"【山东】“山村巨变背后：一位女书记的初心”\n{BODY}")
    assert case.title == "山村巨变背后：一位女书记的初心"


def test_a_title_run_into_the_text_below_a_sites_menu_word():
    """Past the site's menu words, a text that runs its title into its first paragraph still
    gives the title where a word of the document's kind ends it."""
    (case,) = split_cases(f"浏览记录\n某镇市级文明村镇申请材料某镇位于县城西南部，面积63平方公里，辖23个行政村。{BODY}")
    assert case.title == "某镇市级文明村镇申请材料"


@pytest.mark.parametrize(
    "text, title, unit",
    [
        pytest.param(f"强党建促发展，构建师生发展共同体——某某大学\n{BODY}", "强党建促发展，构建师生发展共同体", "某某大学",
                     id="a-university-after-the-dash"),
        pytest.param(f"推行积分制管理——中共某某县委组织部\n{BODY}", "推行积分制管理", "中共某某县委组织部",
                     id="an-organisation-department-after-the-dash"),
        pytest.param(f"打造“红色网格”——某某县的新闻\n{BODY}", "打造“红色网格”——某某县的新闻", None,
                     id="words-after-the-dash-that-are-no-organisation-stay"),
    ],
)
def test_a_unit_named_after_a_dash_in_the_headline(text, title, unit):
    (case,) = split_cases(text)
    assert (case.title, case.unit) == (title, unit)


def test_the_unit_a_pages_headline_names_stays_with_the_texts_own_title(lexicon):
    from casekit.extract.clean import clean_text

    text = (f"全国某某工作资源库\n强党建促发展，构建共同体——某某大学\n发布时间:2022-01-04 13:49:16\n典型案例之一\n"
            f"强党建促发展，构建共同体\n{BODY}")
    cleaned = clean_text(text, lexicon)
    (case,) = split_cases(cleaned.text, cleaned.headers, 60, cleaned.outline, lexicon.heading_keys, cleaned.closing_units,
                          cleaned.source_line_marks())
    assert (case.title, case.unit) == ("强党建促发展，构建共同体", "某某大学")


def test_a_page_in_traditional_characters_is_split_as_a_simplified_one_and_titled_as_written(options):
    """Cue words (同志们, 首页) are listed in simplified characters: the split reads the simplified
    view, and the title comes back as the page writes it."""
    from casekit.extract.read import Document
    from casekit.pipeline import process_document

    text = "網站首頁 工作範例 辦公範例 個人範例\n組織部長在區委工作會上的講話同志們：根據會議安排，我講三點意見。全區共有黨員1200名。"
    doc = Document(path="a.txt", file="a.txt", sha256="0" * 64, size=len(text), encoding="utf-8", text=text)
    (case,) = process_document(doc, options)
    assert (case.title, case.genre) == ("組織部長在區委工作會上的講話", "speech")


def test_a_headline_printed_twice_with_another_mark_between_its_halves():
    """A document site prints the title twice before the text, the second time with a space where
    the first has a comma: the title is one copy."""
    (case,) = split_cases(f"加强社区建设，筑牢和谐社会的基石加强社区建设 筑牢和谐社会的基石 社区是社会的基本单元。{BODY}")
    assert case.title == "加强社区建设 筑牢和谐社会的基石"
