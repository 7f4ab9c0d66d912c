"""Kinds of page furniture: a row per kind of line, in the shapes real pages give them (invented names)."""

from __future__ import annotations

import pytest

from casekit.extract import line_roles as L
from casekit.extract.clean import clean_text


@pytest.mark.parametrize(
    "line, kind",
    [
        pytest.param("文字：王某某、李某", "credit", id="writers"),
        pytest.param("图片：赵某、钱某某、孙某", "credit", id="photographers"),
        pytest.param("责编：周某某", "credit", id="editor-short"),
        pytest.param("[责任编辑: 吴某某 ]", "credit", id="editor-in-brackets"),
        pytest.param("供稿：校团委", "credit", id="supplied-by"),
        pytest.param("组稿：郑某某", "credit", id="commissioned-by"),
        pytest.param("来源：某某学院 “行知” 实践团", "credit", id="source-with-spaces"),
        pytest.param("（作者系某某乡退休教师、某某纪念馆讲解员）", "credit", id="note-on-the-writer"),
        pytest.param("（作者单位：某某省某某县委办公室）", "credit", id="writers-unit"),
        pytest.param("(通讯员 陈某某、韩某）", "byline", id="correspondents-in-brackets"),
        pytest.param("郭某某 黄某某 本报记者 鄢某某", "byline", id="names-then-reporter"),
        pytest.param("□晚报记者 徐某 文/图 通讯员 贾某某", "byline", id="paper-mark-reporter-wrote-and-photographed"),
        pytest.param("□文/摄 本报记者 杨某某", "byline", id="wrote-and-photographed-before-the-role"),
        pytest.param("■记者 应某某 谭某某 插画 张某某", "byline", id="reporters-and-illustrator"),
        pytest.param("某某日报客户端 | 记者 李某某", "byline", id="outlet-and-bar-before-the-byline"),
        pytest.param("本报记者 安 娜", "byline", id="a-name-padded-with-a-space"),
        pytest.param("内容预览：", "shown-in-part", id="document-site-preview-label"),
        pytest.param("此处内容需要权限查看", "shown-in-part", id="content-behind-permissions"),
        pytest.param("普通用户特权:8.8积分", "paywall", id="users-privileges-row"),
        pytest.param("全文共2648字,仅供站内会员学习参考(会员可打开排版规范的全部文档)", "paywall", id="members-only-note"),
        pytest.param("更新时间:2023-08-25 06:33:51 某某知识网 www.example.com", "page-meta", id="update-time-and-site"),
        pytest.param("日期:08-25", "page-meta", id="e-paper-date-without-a-year"),
        pytest.param("简介:某某文库小编为你整理了多篇相关的《某某工作总结》,但愿对你工作学习有帮助。", "notice",
                     id="document-site-editors-blurb"),
        pytest.param("640 (15).jpg", "image", id="image-file-name"),
        pytest.param("社区治理典型案例材料.docx", "file-name", id="document-file-name"),
        pytest.param('"praiseAmount":"9.99",', "data", id="a-dumped-records-data-field"),
        pytest.param('"subtitle":"",', "data", id="a-dumped-records-empty-text-field"),
        pytest.param("var gArticleJson = {", "data", id="a-script-opening-a-record"),
        pytest.param("大小:29.00 KB", "paywall", id="document-site-file-size"),
        pytest.param("页数：4页", "paywall", id="document-site-page-count"),
        pytest.param("《某镇申报材料》由会员上传分享,免费在线阅读,更多相关内容在某某文库。", "notice", id="document-site-upload-blurb"),
        pytest.param("【资料图】", "image", id="label-standing-for-a-picture"),
        pytest.param("编 辑:杨某某", "credit", id="spaced-out-label"),
        pytest.param("[中图分类号]  D262   [文献标识码]  A       [文章编号]  1009-928X(2024)03-0096-07", "apparatus",
                     id="journal-classification-row-with-bracketed-labels"),
        pytest.param("《社区自治访谈记录.docx》由会员分享,可在线阅读,更多相关《社区自治访谈记录.docx(4页)》请在某某文库上搜索。",
                     "notice", id="document-site-blurb-about-the-file"),
        pytest.param("……(开头部分已省略310字)", "shown-in-part", id="document-site-marks-what-it-left-out"),
        pytest.param("某某村特色民宿（刘某某 摄）", "caption", id="caption"),
        pytest.param("草木染工坊 （张某 摄）", "caption", id="caption-spaced"),
        pytest.param("村民在院落议事会上讨论道路修缮方案。（程某某 摄）", "caption", id="caption-with-a-full-stop"),
        pytest.param("2022年05月16日 19:21:42 来源: 某某区融媒体中心", "page-meta", id="date-time-source"),
        pytest.param("2024年08月02日09:49    來源:某某網-某某新聞網", "page-meta", id="date-source-traditional"),
        pytest.param("时间：2015年12月13日 04:16:45", "page-meta", id="labelled-time"),
        pytest.param("2023-01-08中共某某市委政法委课题组", "page-meta", id="system-date-and-writers-unit"),
        pytest.param("2021/04/09 王某某", "page-meta", id="system-date-and-writer"),
        pytest.param("某某日报2023-05-09 11:55", "page-meta", id="outlet-date-and-time"),
        pytest.param("本报记者  张  某  李某某《某某日报》（2025年11月04日第 18 版）", "page-meta",
                     id="byline-and-the-paper-and-edition-it-was-printed-in"),
        pytest.param("某某某《某某日报》（2024年3月1日第13版）", "page-meta", id="writer-and-the-paper-and-edition"),
        pytest.param("客服电话:010-51234567 地址:北京某某区某某路3号", "contact", id="contact"),
        pytest.param("QQ在线沟通:加someone@example.com或1234567890为好友", "contact", id="qq"),
        pytest.param("联 系 人：某某某          联系电话：139****6021", "contact", id="form-contact-row-masked-phone"),
        pytest.param("试读已结束，下载全文请使用下载券", "shown-in-part", id="paywall-teaser"),
        pytest.param("（执笔：苏某某  审核：某某街道党工委办公室）", "credit", id="writer-and-reviewer"),
        pytest.param("上传者：someone  |  页数：5页  |  下载券：3  |  浏览 88 次", "paywall", id="upload-details"),
        pytest.param("中图分类号：D601    文献标识码：A    文章编号：1000-0000（2023）02-0011-06", "apparatus",
                     id="journal-classification-row"),
        pytest.param("作者简介：某某某（1980—），男，某某学院副教授，主要从事基层治理研究。", "apparatus", id="author-bio"),
        pytest.param("参考文献：", "apparatus", id="references-heading"),
        pytest.param("[2] 某某，某某. 村民议事会研究[J]. 某某评论，2021（4）：33-41.", "apparatus", id="reference-entry"),
        pytest.param("索 引 号: | abc123/2021-0000066 |", "disclosure", id="disclosure-spaced-label"),
        pytest.param("浏览次数: | 有 效 性: | 成文日期: | 2021-02-27 | ||", "disclosure", id="disclosure-row"),
        pytest.param("(某某市委政法委员会,浙江 某某 312000)", "affiliation", id="affiliation-postcode"),
        pytest.param("某某物资集团有限公司某某分公司,陕西咸阳 712046", "affiliation", id="affiliation-unbracketed"),
        pytest.param("下面是小编为大家整理的品牌党支部材料,供大家参考。", "notice", id="document-site-editors-offer"),
        pytest.param("在医院如何做好党建工作?下面是小编给大家带来的工作总结范文,我们一起来看看吧,希望大家能喜欢!", "notice",
                     id="document-site-editors-teaser"),
        pytest.param("0100702800100000000000000111000011286554", "digits", id="tracking-digits"),
        pytest.param("(更新时间戳: 1697287690569)", "digits", id="labelled-timestamp"),
        pytest.param("文章编号：202310140001", "digits", id="labelled-article-id"),
        pytest.param("某某党员网 打印 纠错", "buttons", id="site-and-buttons"),
        pytest.param("加入Vip免费下载 立即下载", "buttons", id="download-bar"),
        pytest.param("第03版：综合新闻  上一版  下一版", "pager", id="epaper-page-id-and-pager"),
        pytest.param("上一期  下一期", "pager", id="pager"),
        pytest.param("欢迎访问 某某廉政网!", "notice", id="site-welcome-bar"),
        pytest.param("[免责声明] 本文来源于网络转载，仅供学习交流使用，版权归原作者所有。", "notice", id="disclaimer"),
        pytest.param("本网所有文字、图片和音视频，版权均属某某新闻网所有，未经授权不得转载。", "notice", id="copyright-footer"),
        pytest.param("相关热词: 某某市 党员 志愿者", "notice", id="related-tags"),
        pytest.param("原文链接：", "notice", id="source-link-whose-address-was-cut"),
        pytest.param("上某某阅读APP看本书，新人免费读10天", "notice", id="app-promotion"),
        pytest.param("【字体大小:", "buttons", id="font-size-control"),
        pytest.param("某某市委党校学报 2023年6期", "apparatus", id="journal-name-and-issue"),
        pytest.param("编者按：为推动工作落实，我市召开述职会议，现将述职报告予以刊发。", "editor-note", id="editors-note-run-on"),
        pytest.param("【编者按】本期刊发某县的经验做法。", "editor-note", id="editors-note-in-brackets"),
        pytest.param("编者按 7月3日，某座谈会在京召开，现摘编刊登，以飨读者。", "editor-note", id="editors-note-after-a-space"),
        pytest.param("◆文/记者 某某某 通讯员 某某某", "byline", id="box-mark-and-the-work-before-the-role"),
        pytest.param("图/记者 某某某", "byline", id="photographs-by-the-reporter"),
        pytest.param("记者  汪某某  曲某某        来源:某某网", "byline", id="byline-then-the-outlet-it-came-from"),
        pytest.param("记者黄某通讯员勇某某", "byline", id="roles-and-names-run-together"),
        pytest.param("◆编辑:曾某某", "credit", id="credit-after-a-box-mark"),
        pytest.param("二审:朱某", "credit", id="editorial-review-level"),
        pytest.param("素材来源:某某日报", "credit", id="where-the-material-came-from"),
        pytest.param("某某论坛  · 公众号  ·  · 2025-02-17 21:20", "page-meta", id="items-then-date-and-clock"),
        pytest.param("栏目: 单位工作总结 / 发布于: / 人气:3.09W", "page-meta", id="row-of-short-page-fields"),
        pytest.param("刊发日期:2022-04-28 阅读次数: 作者:  语音阅读:", "page-meta", id="e-paper-fields-some-empty"),
        pytest.param("发表日期:2011-02-12 点击", "page-meta", id="published-date-and-hits"),
        pytest.param("(......此处隐藏了342字,下载文档可见全文......)", "shown-in-part", id="hidden-characters-note"),
        pytest.param("仅展示665字,全文共3348字", "shown-in-part", id="shown-of-total-characters"),
        pytest.param("28 人阅读 2022-05-22 9.00元(299 积分) 免费试读", "shown-in-part", id="reads-price-and-free-trial"),
        pytest.param("文章预览", "shown-in-part", id="aggregators-preview-label"),
        pytest.param("论文部分内容阅读", "shown-in-part", id="a-papers-partial-view"),
        pytest.param("某某某全文9228字46片", "paywall", id="a-files-length-alone-on-its-line"),
        pytest.param("精选某某资讯,传播某某文化——欢迎关注国内知名自媒体平台【某某论坛】!", "notice", id="follow-our-account"),
        pytest.param("(仅供学习参考,切勿通篇使用)", "notice", id="template-sites-use-notice"),
        pytest.param("2. 本文档由用户上传,版权归属用户,某某网负责整理代发布。", "notice", id="uploaded-by-a-user"),
        pytest.param("文章关键词:党建,基层,乡村振兴 责编:wanghui", "notice", id="article-keywords-and-editor"),
        pytest.param("相关推荐", "notice", id="related-items-heading"),
        pytest.param("高某(右三)与村民谋划发展特色产业。", "caption", id="caption-placing-someone-in-the-picture"),
        pytest.param("字号变大| 字号变小", "buttons", id="font-size-buttons-between-bars"),
        pytest.param("(资料图片仅供参考)", "image", id="note-on-a-stock-picture"),
        pytest.param("微信截图_20250214144713", "image", id="a-screenshots-file-name"),
        pytest.param("标签: #乡镇", "notice", id="tags-row"),
        pytest.param("您需要 登录 才可以下载或查看,没有帐号?立即注册", "notice", id="forum-login-prompt"),
        pytest.param("按:为深入学习贯彻全会精神,某平台启动“基层行”专栏,今天刊发第一篇。", "editor-note", id="editors-note-labelled-an"),
        pytest.param("38.97KB", "paywall", id="a-files-size-alone"),
        pytest.param("【打印正文】", "buttons", id="a-button-drawn-in-brackets"),
        pytest.param("归档时间：2024/2/27 12:33:21", "page-meta", id="archived-date-and-clock"),
        pytest.param("(某某日报特约通讯员 矣某某)", "byline", id="a-papers-special-correspondent"),
    ],
)
def test_furniture_kinds(line, kind):
    assert L.furniture(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("近年来，某某镇坚持党建引领，推动集体经济发展。", id="body-sentence"),
        pytest.param("来源于群众、服务于群众，是网格化治理的根本。", id="body-opening-with-a-label-word"),
        pytest.param("一、背景动因", id="heading"),
        pytest.param("组织领办聚合力 强村富民促振兴", id="headline"),
        pytest.param("中共某某县委组织部", id="unit-line"),
        pytest.param("（某某街道党工委供稿）", id="closing-unit-line"),
        pytest.param("2019年12月", id="closing-date"),
        pytest.param("2021年4月9日 中共某某县委组织部", id="signed-date-and-unit"),
        pytest.param("全村共有党员56名，其中女党员12名。", id="figures"),
        pytest.param("打造“15分钟便民服务圈”", id="headline-with-a-digit"),
        pytest.param("王某某 李某", id="authors-without-a-role"),
        pytest.param("【典型经验】", id="a-column-label-is-not-a-picture"),
        pytest.param("某某镇2023年5月9日召开会议", id="a-place-a-date-and-what-it-did"),
        pytest.param("请填写申报表.docx后报送。", id="a-sentence-naming-a-file"),
        pytest.param('"title":"某村推行积分制",', id="a-dumped-records-title-field"),
        pytest.param("全县共有党员，合计 123456", id="a-count-and-a-number-is-no-affiliation"),
        pytest.param("王 某 李 某", id="single-characters-without-a-role"),
        pytest.param("来源：", id="label-without-a-value"),
        pytest.param("参考文献表明，议事协商能提升村民参与。", id="sentence-opening-with-an-apparatus-word"),
        pytest.param("[1] 建立议事规则，明确议题范围。", id="numbered-point-in-brackets"),
        pytest.param("村民下载“村务通”，全村下载量达到600人次。", id="sentence-with-a-download-word"),
        pytest.param("记者王某某摄", id="photo-credit-judged-with-its-caption"),
        pytest.param("GDP 12.5%", id="latin-and-digits-short"),
        pytest.param("全县党员总数：12000", id="a-count-after-a-label"),
        pytest.param("据《某某日报》（2024年3月1日第13版）报道，全县新建驿站12个。", id="a-sentence-citing-a-paper"),
        pytest.param("一是：抓学习 二是：抓落实 三是：抓考核", id="points-with-colons-are-no-field-row"),
        pytest.param("会议时间:5月 地点:村委会 主持:张某", id="a-meetings-fields-are-no-page-fields"),
        pytest.param("建平乡：", id="a-place-ending-a-line-on-a-colon"),
        pytest.param("赴某镇开展支部联建暨 主 题 党 日 活 动", id="spaced-out-words-are-no-menu-row"),
        pytest.param("经验分享", id="a-heading-ending-on-a-button-word"),
        pytest.param("按照要求，全镇开展隐患排查。", id="a-sentence-opening-on-an"),
        pytest.param("某某启示录（中）", id="the-middle-part-of-a-series-is-no-caption"),
        pytest.param("收藏品展", id="a-word-opening-on-a-button-word-unbracketed"),
    ],
)
def test_lines_of_the_document_are_not_furniture(line):
    assert L.furniture(line) is None


@pytest.mark.parametrize(
    "line, cut",
    [
        pytest.param("全区建成示范村9个。（通讯员 陈某某、韩某）", "（通讯员", id="byline"),
        pytest.param("选派联络员到社会组织挂联指导。（作者单位：某某县委办公室）", "（作者单位", id="writers-unit"),
        pytest.param("社区建成议事厅3个（含临时议事点）", None, id="a-note-of-the-text"),
        pytest.param("为企业发展提供纪律保障。（某某公司党建云平台供稿）", "（某某公司", id="supplier-note"),
        pytest.param("会议强调要压实责任。（根据会议录音整理）", "（根据", id="transcribed-note"),
        pytest.param("全村新建步道3公里（含供稿人自建段）", None, id="supplier-word-inside-a-note-of-the-text"),
        pytest.param("50万元以上的村有8个。(赵某琦马某龙)", "(赵某琦", id="reporters-names-run-together"),
        pytest.param("集体经济收入稳步增长。（王某某 李某）", "（王某某", id="reporters-names-apart"),
        pytest.param("全市推进乡村振兴。（张家口）", None, id="one-name-alone-may-be-a-place"),
        pytest.param("某村村委会选举投票现场。(本版图片由市委组织部提供)", "(本版图片", id="who-provided-the-pictures"),
    ],
)
def test_credit_closing_a_line(line, cut):
    at = L.trailing_credit(line)
    assert (line[at:].startswith(cut) if cut else at is None)


@pytest.mark.parametrize(
    "line, unit",
    [
        pytest.param("对评价差的项目督促重新办理。（梧桐县委组织部供稿）", "梧桐县委组织部", id="sent-in-by"),
        pytest.param("提升党建工作整体水平。（作者单位：某某省某某县委办公室）", "某某省某某县委办公室", id="writer-unit-label"),
        pytest.param("居民纷纷点赞。”(某某街道党工委 供稿)", "某某街道党工委", id="after-a-quote-ascii-brackets"),
        pytest.param("形成了一批自媒体账号矩阵。(某某市某某旗委组织部 张某某)", "某某市某某旗委组织部", id="unit-and-its-writer"),
        pytest.param("全村建成网格8个（某某镇党委供稿）", None, id="not-after-a-sentence"),
        pytest.param("全村共有党员42名。（其中预备党员3名）", None, id="a-note-on-the-figures"),
        pytest.param("全镇推行积分制。（某某镇）", None, id="a-place-is-no-organisation"),
        pytest.param("（某某县委组织部供稿）", None, id="alone-on-its-line-is-a-unit-line"),
        pytest.param("某村村委会选举投票现场。(本版图片由市委组织部提供)", None, id="who-provided-the-pictures-sent-nothing"),
    ],
)
def test_closing_unit_note(line, unit):
    found = L.closing_unit(line)
    assert (found[1] if found else None) == unit
    if found:
        assert line[found[0]] in "（("


def test_a_credit_in_markdown_emphasis_is_dropped(lexicon):
    raw = "# 推行红色物业\n\n## 一、背景\n\n小区长期没有物业，居民意见很大。\n\n*（执笔：苏某某  审核：某某街道党工委办公室）*\n"
    assert "执笔" not in clean_text(raw, lexicon).text


def test_cleaning_drops_furniture_wherever_it_stands(lexicon):
    raw = ("某某镇推行网格化治理\n2022年05月16日 19:21:42 来源: 某某区融媒体中心\n"
           "近年来，某某镇坚持党建引领，全镇建成网格32个。（通讯员 陈某某、韩某）\n"
           "某某村特色民宿（刘某某 摄）\n网格员每天走访群众，收集诉求120条。\n文字：王某某、李某\n责编：周某某\n")
    cleaned = clean_text(raw, lexicon)
    assert cleaned.text.split("\n") == ["某某镇推行网格化治理", "近年来，某某镇坚持党建引领，全镇建成网格32个。",
                                        "网格员每天走访群众，收集诉求120条。"]
    at = cleaned.text.index("32个")
    assert raw[slice(*cleaned.raw_span(at, at + 3))] == "32个"


@pytest.mark.parametrize(
    "line, kind",
    [
        pytest.param("孙某某", "author", id="one-name"),
        pytest.param("马某某 孙某", "author", id="two-names"),
        pytest.param("欧阳某某", "author", id="compound-surname"),
        pytest.param("周明远", "author", id="a-name-alone"),
        pytest.param("镇党委书记  周明远", "speaker", id="office-and-name"),
        pytest.param("镇党委副书记、镇长  吴静", "speaker", id="two-offices"),
        pytest.param("组织委员 郑立新", "speaker", id="single-space"),
        pytest.param("板沟村", None, id="a-village"),
        pytest.param("长寨街道", None, id="a-subdistrict"),
        pytest.param("一、基本情况", None, id="heading"),
        pytest.param("王某某同志的述职报告", None, id="title"),
        pytest.param("概况", None, id="short-heading"),
        pytest.param("标题一", None, id="short-words-without-a-surname"),
        pytest.param("镇党委书记  带头走访", None, id="office-and-a-verb"),
        pytest.param("镇党委书记周明远主持会议，全体班子成员参加。", None, id="a-sentence"),
    ],
)
def test_writer_lines(line, kind):
    """Names alone are an author line, an office and a name a speaker line; both are writer lines."""
    assert (L.is_author_line(line), L.is_speaker_line(line)) == (kind == "author", kind == "speaker")
    assert L.is_writer_line(line) is (kind is not None)


@pytest.mark.parametrize(
    "line, blurb",
    [
        pytest.param("在全县党建工作会议上的发言范文【导语】本站为您精心整理的“发言范文”精品文档，供您参考阅读！喜欢就下载吧。"
                     "各位领导、同志们：", "本站为您精心整理的“发言范文”精品文档，供您参考阅读！喜欢就下载吧。", id="document-site-blurb"),
        pytest.param("某某村议事协商案例【摘要】某某村推行“院落议事”，群众满意率达到96%。", None, id="an-abstract-is-the-text"),
        pytest.param("推行“院落议事”的做法。本文供您参考。", None, id="no-marker-no-blurb"),
    ],
)
def test_site_blurb_after_a_lead_marker(line, blurb):
    span = L.site_blurb(line)
    assert (line[span[0]:span[1]] if span else None) == blurb


def test_cleaning_keeps_the_role_of_every_line_it_leaves_out(lexicon):
    """What cleaning removes is kept with its role, so later stages read the roles (a byline near
    a case's start makes a news report) instead of reading the source again."""
    raw = ("首页 > 新闻中心 > 基层动态\n某某镇推行网格化治理\n2022年05月16日 19:21:42 来源: 某某区融媒体中心\n"
           "本报讯（记者 张某某 通讯员 李某）今年以来，某某镇坚持党建引领，全镇建成网格32个。\n"
           "某某村特色民宿（刘某某 摄）\n网格员每天走访群众，收集诉求120条。\n记者 王某\n责编：周某某\n")
    cleaned = clean_text(raw, lexicon)
    assert [(raw[r.start:r.end], r.role) for r in cleaned.removed] == [
        ("首页 > 新闻中心 > 基层动态", "breadcrumb"),
        ("2022年05月16日 19:21:42 来源: 某某区融媒体中心", "page-meta"),
        ("本报讯（记者 张某某 通讯员 李某）", "dateline"),
        ("某某村特色民宿（刘某某 摄）", "caption"),
        ("记者 王某", "byline"),
        ("责编：周某某", "credit"),
    ]
    assert cleaned.roles_between(raw.index("某某镇推行"), raw.index("网格员")) == {"page-meta", "dateline", "caption"}
