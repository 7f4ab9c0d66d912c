"""Genre from weighted cues: one row per kind of cue, each an invented text shaped like real ones."""

from __future__ import annotations

import pytest

from casekit.extract.metadata import find_genre

ROWS = [
    # (title, text, raw lead above the cleaned text, unit, byline, section keys, genre)
    pytest.param("协同推进平安建设的实践与思考", "协同推进平安建设的实践与思考\n中共某某市委政法委课题组\n摘要：本文总结平安建设的做法。",
                 "", "中共某某市委政法委课题组", False, (), "article", id="research-group-paper-with-a-unit"),
    pytest.param("协同推进平安建设的实践", "协同推进平安建设的实践\n中共某某市委政法委\n近年来，全市推进平安建设。",
                 "", "中共某某市委政法委", False, (), "submission", id="unit-without-an-article-apparatus"),
    pytest.param("推进新时代文明实践志愿服务工作", "推进新时代文明实践志愿服务工作区委宣传部（2019年7月5日）同志们：今天召开会议。",
                 "", "区委宣传部", False, (), "speech", id="a-departments-speech-with-its-unit"),
    pytest.param("青山县推行积分管理", "青山县推行积分管理\n今年以来，青山县在全县推行积分管理。",
                 "青山县推行积分管理\n发布时间：2021-03-02 | 来源：青山日报 | 责编：\n今年以来，青山县推行积分管理。",
                 None, False, (), "news", id="source-line-naming-a-paper"),
    pytest.param("绿水镇“三张清单”见实效", "绿水镇“三张清单”见实效\n绿水镇梳理三张清单，推动问题解决。",
                 "原标题：绿水镇“三张清单”见实效\n绿水镇梳理三张清单，推动问题解决。",
                 None, False, (), "news", id="original-headline-credit"),
    pytest.param("题：小巷里的议事会", "题：小巷里的议事会\n白塔街道把议事会开到巷口。",
                 "新华社杭州4月2日电\n题：小巷里的议事会\n白塔街道把议事会开到巷口。",
                 None, False, (), "news", id="agency-dateline"),
    pytest.param("桃溪村的新变化", "桃溪村的新变化\n近日，走进桃溪村，新修的村道干净整洁。据了解，村里成立了议事会。",
                 "", None, False, (), "news", id="news-lead-without-byline"),
    pytest.param("南山区：“小网格”撬动“大治理”", "南山区：“小网格”撬动“大治理”\n“有事找网格员，半天就解决了。”居民笑着说。",
                 "", None, False, (), "news", id="place-headline-and-quoted-lead"),
    pytest.param("学院召开组织工作推进会", "学院召开组织工作推进会\n5月12日上午，学院举行组织工作推进会，院党委书记出席并讲话。",
                 "", None, False, (), "news", id="dated-event-lead"),
    pytest.param("四川某县用活“四小工作法” 未诉先办", "四川某县用活“四小工作法” 未诉先办\n某县推出“四小工作法”，群众诉求未诉先办。",
                 "", None, False, (), "news", id="a-headline-led-by-its-province-alone"),
    pytest.param("重要讲话在各地引发热烈反响", "重要讲话在各地引发热烈反响\n青禾网消息（青禾新闻）：重要讲话在各地引发热烈反响。",
                 "重要讲话在各地引发热烈反响\n<p><strong>青禾网消息</strong>（青禾新闻）：重要讲话在各地引发热烈反响。</p>",
                 None, False, (), "news", id="news-about-a-speech-with-a-xiaoxi-dateline"),
    pytest.param("在全县组织工作会议上的讲话（2023年2月6日）", "在全县组织工作会议上的讲话（2023年2月6日）\n今天召开会议。",
                 "", None, False, (), "speech", id="speech-title-with-its-date"),
    pytest.param("城市基层党建工作交流会发言稿材料", "城市基层党建工作交流会发言稿材料\n区委始终把工作重心放在统筹上。",
                 "", None, False, (), "speech", id="speech-title-naming-the-paper-it-is-on"),
    pytest.param("在全镇党建工作会议上的讲话", "在全镇党建工作会议上的讲话\n同志们：\n今天我们召开会议，总结去年工作。",
                 "", None, False, (), "speech", id="speech-opening"),
    pytest.param("2022年度党支部书记述职报告", "2022年度党支部书记述职报告\n一年来，我认真履行第一责任人职责。",
                 "", None, False, (), "speech", id="duty-report-title"),
    pytest.param("某镇2023年政府工作报告", "某镇2023年政府工作报告\n各位代表：\n现在，我代表镇政府向大会报告工作。",
                 "", None, False, (), "speech", id="work-report-to-a-congress"),
    pytest.param("扎实推进文明实践工作", "扎实推进文明实践工作区委宣传部（2021年6月3日）\n我们深感使命光荣。",
                 "", None, False, (), "speech", id="delivery-date-beside-title"),
    pytest.param("社区治理的路径探析", "社区治理的路径探析\n摘要：社区是基层治理的基本单元。\n关键词：社区治理 党建引领",
                 "", None, False, (), "article", id="journal-abstract-and-keywords"),
    pytest.param("乡村治理调研报告", "乡村治理调研报告\n某市委政研室课题组\n近日，课题组走进多个村开展调研。",
                 "", None, False, (), "article", id="research-group-report"),
    pytest.param("推行“四事”工作法", "一、背景\n村民诉求多。\n二、主要做法\n建立议事会。\n三、经验启示\n坚持党建引领。",
                 "", None, False, ("background", "practices", "lessons"), "submission", id="template-sections"),
    pytest.param("推行“四事”工作法", "推行“四事”工作法\n近日，记者走进该村。", "", "中共某县委组织部", False, (),
                 "submission", id="unit-line-first"),
    pytest.param("乡村治理案例", "乡村治理案例\n本案例以某县为例，介绍村级议事协商的做法。", "", None, False, (),
                 "submission", id="case-written-as-a-case"),
    pytest.param("书记谈基层治理", "书记谈基层治理\n【主持人】各位网友好。\n记者：请介绍一下做法。", "", None, False, (),
                 "interview", id="interview-turns"),
    pytest.param("山村巨变背后", "山村巨变背后\n采访日期：2024年8月14日。\n某某通讯社记者：书记，您好！请介绍一下村里的变化。\n"
                 "王某某（某村党支部书记）：近年来，我们村发生了很大变化。\n某某通讯社记者：您为什么回村任职？\n王某某：因为乡亲们需要。",
                 "某某通讯社山东讯（记者 张某某）\n采访日期：2024年8月14日。", None, True, (), "interview",
                 id="host-turns-outweigh-a-byline-and-dateline"),
    pytest.param(None, "在国家政策推动下，某村变化很大。我们采访了村支书严某某。\n丁某某：严书记，您好！请介绍一下您的经历。\n"
                 "严某某：大家好！我是五年前当选的。\n丁某某：遇到了哪些挑战？\n严某某：最大的挑战是资金。", "", None, False, (),
                 "interview", id="two-people-talking-in-turns-by-name"),
    pytest.param(None, "社区居民自治访谈记录访谈主题：社区自治实践访谈访谈时间：2022年7月21日受访人：张书记"
                 "王：请您介绍社区概况？张：社区共有七栋楼。", "", None, False, (), "interview", id="interview-record-fields"),
    pytest.param("某县召开联席会议", "某县召开联席会议\n联系人：王某\n电话：123\n联系人：李某\n电话：456\n会议要求各部门加强协作。",
                 "", None, False, (), "article", id="form-fields-repeated-are-no-turns"),
    pytest.param("入党积极分子培训心得", "入党积极分子培训心得\n本学期我很荣幸地参加了培训。通过学习，使我对党有了更深的认识。", "",
                 None, False, (), "article", id="a-reflection-in-the-first-person-is-no-report"),
    pytest.param("某村举办丰收节", "某村举办丰收节\n近日，某村举办丰收节。“我种了三十年地，今年收成最好。”村民说。我县各村也举办了活动。",
                 "", None, False, (), "news", id="i-in-a-quotation-and-our-county-keep-a-report"),
    pytest.param(None, "很荣幸参加这次骨干培训，收获很多。正值五四青年节之际，我便结合“青年”讲一讲。广大青年要担当作为。", "",
                 None, False, (), "speech", id="a-speaker-announcing-what-they-will-say"),
    pytest.param("对话：加强基层组织建设", "对话：加强基层组织建设\n主持人：各位网友大家好，欢迎收看今天的节目。 朱某：你好，各位网友大家好。"
                 " 主持人：请您介绍一下今年的工作。 朱某：今年我们重点抓了三件事。", "", None, False, (), "interview",
                 id="turns-of-a-conversation-whose-breaks-became-spaces"),
    pytest.param("李某（某某村党总支书记、村委会主任）", "李某（某某村党总支书记、村委会主任）：近日，我们组织党员集中收看了开幕会。",
                 "", None, False, (), "interview", id="a-remark-titled-by-its-speaker"),
    pytest.param("驻村第一书记如何与村庄相互成就？", "驻村第一书记如何与村庄相互成就？\n【提问】 老百姓是怎么看驻村第一书记的？\n"
                 "村党委书记说，第一书记来了以后办了很多实事。", "", None, False, (), "interview", id="bracketed-question-label"),
    pytest.param(None, "过去一年，街道认真贯彻上级决策部署，较好地完成了各项工作。现将全年工作总结如下：\n一、主要工作完成情况",
                 "", None, False, (), "submission", id="a-unit-reporting-its-work"),
    pytest.param(None, "近年来，某县紧扣退役军人党员教育管理难题，以“三创三有”推动工作走深走实。\n创新管理机制，让党员有组织。",
                 "", None, False, (), "submission", id="a-practice-written-up-from-the-span-it-covers"),
    pytest.param("某社区治理的路径探析", "某社区治理的路径探析\n一、问题的提出\n近年来，城市社区治理面临新的挑战。", "", None, False,
                 (), "article", id="the-span-words-later-in-a-study-are-no-opening"),
    pytest.param("中组部：党员总数达9191.4万名", "中组部：党员总数达9191.4万名\n3月23日10时，中共中央举行新闻发布会，介绍有关情况，并答记者问。",
                 "", None, False, (), "news", id="a-press-conference-reported-is-no-interview"),
    pytest.param("某部负责人就新规答记者问", "某部负责人就新规答记者问\n近日，某部印发新规。", "", None, False, (), "interview",
                 id="answers-to-reporters-named-in-the-title"),
    pytest.param("建强堡垒作为重中之重", "建强堡垒作为重中之重\n某某县某某村书记、主任 尹某某\n我从2000年起担任村党支部书记，是村里发展的亲历者。",
                 "", None, False, (), "speech", id="the-speakers-office-and-name-under-the-title"),
    pytest.param("专题采访组采访某村党委书记王某某", "专题采访组采访某村党委书记王某某\n8月29日至30日，编辑来到某村对党委书记进行专访。",
                 "", None, False, (), "interview", id="an-interview-named-in-the-title-by-caifang"),
    pytest.param("创新“三报到三服务”管理模式，推动离退休干部党建融入城市基层",
                 "创新“三报到三服务”管理模式，推动离退休干部党建融入城市基层\n针对离退休干部党员参加组织活动不便的实际，搭建了管理架构。",
                 "", None, False, (), "submission", id="a-title-naming-what-was-done-to-its-model"),
    pytest.param("某县推行“四议两公开”", "某县推行“四议两公开”\n某县推行“四议两公开”工作法，村务决策更透明。", "", None, False, (),
                 "article", id="a-headline-naming-the-place-first-has-no-practice-cue"),
    pytest.param("村里来了记者", "村里来了记者\n近日，记者走进某村。\n记者：村里变化大吗？村民笑着说变化很大。", "", None, False,
                 (), "news", id="one-question-in-a-report-is-no-interview"),
    pytest.param("某市基层治理体制机制研究", "某市基层治理体制机制研究\n课题组与50余名干部座谈访谈，发放问卷。", "", None,
                 False, (), "article", id="interviews-as-a-studys-method-are-no-interview"),
    pytest.param("专访：书记谈基层治理", "专访：书记谈基层治理\n书记介绍了做法。", "", None, False, (),
                 "interview", id="interview-named-in-the-title"),
    pytest.param("乡镇党建引领乡村治理工作经验交流材料", "乡镇党建引领乡村治理工作经验交流材料\n近年来，我镇推进网格化。", "",
                 None, False, (), "submission", id="submission-named-in-the-title"),
    pytest.param("镇党委典型事迹材料", "镇党委典型事迹材料\n某镇地处市东郊，全镇辖25个行政村。", "", None, False, (),
                 "submission", id="a-record-of-deeds-named-in-the-title"),
    pytest.param("2023年社区党建工作总结报告", "2023年社区党建工作总结报告\n象山社区位于市区繁华地带。", "", None, False, (),
                 "submission", id="a-units-summary-of-its-work"),
    pytest.param(None, "某某社区2001年建成，辖区面积3.2万平米，常住人口2860人。社区党委下设6个党支部，现有党员148名。\n"
                 "一、楼门建设有新意\n社区党委打造特色楼门。", "", None, False, (), "submission", id="a-unit-profiling-itself"),
    pytest.param(None, "某某社区党总支创新打造“红色物业联盟”。针对辖区面积大、房屋类型复杂的特点，党总支搭建服务平台。",
                 "", None, False, (), "article", id="one-fact-of-a-place-is-no-profile"),
    pytest.param("镇党委工作交流材料", "镇党委工作交流材料\n一、抓核心，促中心\n我们始终坚持把党委自身建设放在首位。", "", None,
                 False, (), "submission", id="exchange-material-named-in-the-title"),
    pytest.param("基层党建的几点思考", "基层党建的几点思考\n基层党组织是党执政的基础。今年以来，各地积极探索。",
                 "", None, False, (), "article", id="essay-has-no-cues"),
    pytest.param("践行新发展理念", "践行新发展理念\n各地认真学习总书记重要讲话精神，召开座谈会。", "", None, False, (),
                 "article", id="speech-word-in-running-text-is-no-speech"),
    pytest.param("翁某：乡村振兴，基层党组织作用最关键", "翁某：乡村振兴，基层党组织作用最关键\n十九大报告提出实施乡村振兴战略。",
                 "2017年10月20日 21:31 来源：某某时报 翁某", None, False, (), "article",
                 id="a-title-signed-by-its-writer-over-an-outlets-source-line"),
    pytest.param("王某某等：农村集体经济的变迁", "王某某等：农村集体经济的变迁\n改革开放以来，农村集体经济几经变迁。", "", None,
                 False, (), "article", id="a-title-signed-by-its-writers"),
    pytest.param("组织工作唱响改革创新山歌", "网站首页 工作范例 办公范例 个人范例 党团范例\n近年来，某县委组织部坚持改革创新，推进组织工作。",
                 "", None, False, (), "submission", id="a-menu-row-left-above-the-lead-is-no-part-of-it"),
    pytest.param(None, "××年上半年以来，××乡把发展壮大村集体经济作为农村基层组织建设的一项重要工作。", "", None, False, (),
                 "submission", id="a-lead-opening-on-the-span-since-a-year"),
    pytest.param("某乡壮大村集体经济", "某乡壮大村集体经济\n2017年以来，某公路段党支部认真贯彻总段党委部署。", "", None, False, (),
                 "submission", id="a-lead-opening-since-a-year-under-a-title"),
    pytest.param("某乡：党员先锋队助力秋收", "某某乡：党员先锋队助力秋收\n近日，某某乡组织党员先锋队帮助农户抢收。",
                 "来源：某某日报", None, False, (), "news", id="a-place-before-the-colon-is-no-writer"),
]


@pytest.mark.parametrize("title, text, raw_lead, unit, byline, keys, genre", ROWS)
def test_genre_cues(title, text, raw_lead, unit, byline, keys, genre):
    assert find_genre(text, title, unit, byline, keys, raw_lead=raw_lead) == genre


def test_a_contents_list_above_the_headline_shows_the_template(options, tmp_path):
    """The outline of a submission cut short after its background still shows the template."""
    from casekit.extract.read import read_document
    from casekit.pipeline import process_document

    outline = "一、背景动因\n（一）区位特点\n二、主要做法\n（一）建强堡垒\n三、取得的成效\n四、工作启示\n"
    body = "一、背景动因\n（一）区位特点，某县地处山区，交通不便。\n某县位于两省交界，辖十个乡镇，村级集体经济基础薄弱。\n"
    path = tmp_path / "调研.txt"
    path.write_text(f"{outline}村级集体经济发展调研报告\n{body}", encoding="utf-8")
    (case,) = process_document(read_document(path, path.name), options)
    assert case.title == "村级集体经济发展调研报告"
    assert not case.text.startswith("一、背景动因\n（一）区位特点\n二、")
    assert [s.key for s in case.sections] == ["background"]
    assert case.genre == "submission"


@pytest.mark.parametrize(
    "title, text, heading, genre",
    [
        pytest.param("街巷议事 部门响应", "街巷议事 部门响应\n【摘要】某市探索街巷议事机制。\n一、背景情况\n城市治理难题增多，",
                     "一、背景情况", "submission", id="cut-off-after-the-templates-opening-despite-an-abstract"),
        pytest.param("社区治理的研究背景", "社区治理的研究背景\n摘要：本文讨论社区治理。\n关键词：社区 党建\n一、研究背景\n社区是基层单元。",
                     "一、研究背景", "article", id="journal-paper-opening-on-its-background"),
        pytest.param("留守型农村党建的困境与出路", "留守型农村党建的困境与出路\n一、问题的提出\n农村人口外流，",
                     "一、问题的提出", "article", id="a-papers-opening-is-no-templates"),
    ],
)
def test_a_case_opening_on_the_templates_background(title, text, heading, genre):
    """A text cut off after its first section shows the template only by that section's heading."""
    assert find_genre(text, title, None, False, ("background",), opening_heading=heading) == genre


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("本報記者 安 娜\n社區黨組織書記作為社區治理的“領頭雁”，在基層黨建中發揮重要作用。", id="byline-over-a-text-without-headline"),
        pytest.param("记者汪某某报道从9月29日开始，某县各单位党组织以加入党建联盟的形式实现资源共享。", id="byline-run-into-the-first-sentence"),
    ],
)
def test_a_reporters_byline_where_a_page_puts_it_makes_news(raw, options, tmp_path):
    from casekit.extract.read import read_document
    from casekit.pipeline import process_document

    path = tmp_path / "报道.txt"
    path.write_text(raw, encoding="utf-8")
    (case,) = process_document(read_document(path, path.name), options)
    assert case.genre == "news"
    assert "记者" not in case.text and "記者" not in case.text
