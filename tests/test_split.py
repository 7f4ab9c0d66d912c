"""Splitting: compilations by unit lines, numbered web collections, single cases."""

from __future__ import annotations

import pytest

from casekit.extract.clean import clean_text
from casekit.extract.split import lead_title, split_cases

SECTIONS = "一、背景\n面对新形势，社区党委探索新办法。\n二、主要做法与成效\n（一）建强组织。成立网格党支部。\n三、经验启示\n一要坚持党建引领。"


def cases_of(text, headers=()):
    return split_cases(text, headers)


def test_compilation_splits_on_unit_lines():
    text = (
        f"打造“红色港湾”服务品牌 提升社区治理水平\n中共某某县委组织部申报\n{SECTIONS}\n"
        f"推行“三联三促”工作法\n——某某镇激活乡村振兴的实践\n申报单位：中共某某镇委员会\n{SECTIONS}"
    )
    cases = cases_of(text, ("2022年度案例汇编",))
    assert [c.title for c in cases] == ["打造“红色港湾”服务品牌 提升社区治理水平", "推行“三联三促”工作法"]
    assert [c.unit for c in cases] == ["中共某某县委组织部", "中共某某镇委员会"]
    assert cases[1].subtitle == "某某镇激活乡村振兴的实践"
    assert all(c.collection == "2022年度案例汇编" for c in cases)
    assert text[cases[0].start : cases[0].end].startswith("打造") and text[cases[1].start :].startswith("推行")
    assert text[cases[0].end - 1] == "。"


def test_truncated_case_ends_where_next_title_starts():
    text = f"甲案例标题\n某县委组织部申报\n一、背景\n正文写到一半就\n乙案例标题\n某区委组织部申报\n{SECTIONS}"
    first, second = cases_of(text)
    assert text[first.start : first.end].endswith("正文写到一半就")
    assert second.title == "乙案例标题"


def test_numbered_web_collection():
    text = (
        "第一篇：落实全会精神推进基层党建创新\n落实全会精神推进基层党建创新\n（某区委副书记访谈提纲）\n【主持人】观众朋友们好。\n"
        "第二篇：扎实推进党建工作创新（推荐）\n扎实推进党建工作创新\n当前要着重抓好以下工作。"
    )
    cases = cases_of(text)
    assert [c.title for c in cases] == ["落实全会精神推进基层党建创新", "扎实推进党建工作创新"]
    assert cases[0].subtitle == "某区委副书记访谈提纲"
    assert cases[1].unit is None


@pytest.mark.parametrize(
    "text, title, subtitle",
    [
        pytest.param("做精做细党建工作，打造自身品牌\n某街道以清单式管理为抓手 推动高质量发展\n今年以来，街道全面推进。", "做精做细党建工作，打造自身品牌",
                     "某街道以清单式管理为抓手 推动高质量发展", id="headline-and-subheadline"),
        pytest.param("构建三级联动体系 筑牢基层堡垒\n坚持以党的政治建设为统领，全区深入推进基层党建。", "构建三级联动体系 筑牢基层堡垒", None, id="headline-then-body"),
    ],
)
def test_single_case_title_and_subtitle(text, title, subtitle):
    (case,) = cases_of(text)
    assert (case.title, case.subtitle, case.unit) == (title, subtitle, None)
    assert (case.start, case.end) == (0, len(text))


def test_text_without_title_line_gets_its_opening_words():
    text = "全国城市基层党建工作经验交流座谈会侧记注重发挥区委统筹作用 区委始终把工作重心放在牵头抓总上。"
    assert lead_title(text, 60) == "全国城市基层党建工作经验交流座谈会侧记注重发挥区委统筹作用"


def test_empty_text_has_no_cases():
    assert cases_of("") == []


@pytest.mark.parametrize(
    "line, unit",
    [
        pytest.param("中共某某县委组织部申报", "中共某某县委组织部", id="shenbao-suffix"),
        pytest.param("申报单位：中共某某市某某区委组织部", "中共某某市某某区委组织部", id="shenbao-danwei"),
        pytest.param("某某街道党工委供稿", "某某街道党工委", id="gonggao"),
        pytest.param("（中共某某县委组织部）", "中共某某县委组织部", id="parenthesised"),
        pytest.param("中共某某镇委员会", "中共某某镇委员会", id="bare-party-organisation"),
        pytest.param("【报送单位】中共某某县委组织部", "中共某某县委组织部", id="bracketed-label"),
        pytest.param("申报单位名称：某某街道党工委", "某某街道党工委", id="danwei-mingcheng"),
        pytest.param("报送单位：中共某某县委组织部（盖章）", "中共某某县委组织部", id="seal-note-dropped"),
        pytest.param("供稿：某某县委组织部", "某某县委组织部", id="gonggao-label"),
        pytest.param("（某某县委组织部供稿）", "某某县委组织部", id="gonggao-in-brackets"),
        pytest.param("中共某某县委组织部 2022年5月", "中共某某县委组织部", id="with-a-date"),
        pytest.param("（中共某某县委组织部 2022年5月）", "中共某某县委组织部", id="parenthesised-with-a-date"),
        pytest.param("中共某某县委组织部  张某", "中共某某县委组织部", id="with-the-writer"),
        pytest.param("某某县委组织部  执笔：张某", "某某县委组织部", id="place-unit-with-the-writer"),
        pytest.param("辽源市委组织部", "辽源市委组织部", id="city-party-committee"),
        pytest.param("某某县民政局", "某某县民政局", id="county-bureau"),
        pytest.param("某某市某某区某某街道办事处", "某某市某某区某某街道办事处", id="street-office"),
    ],
)
def test_unit_line_forms(line, unit):
    text = f"推行“三联三促”工作法\n{line}\n一、背景\n正文。\n推行“四议两公开”工作法\n{line}\n一、背景\n正文。"
    cases = cases_of(text)
    assert len(cases) == 2 and cases[0].unit == unit


@pytest.mark.parametrize("label", ["案例名称：", "【案例名称】", "题目：", "标题： "])
def test_title_written_into_a_form_field(label):
    text = f"{label}推行“三联三促”工作法\n申报单位：中共某某县委组织部\n{SECTIONS}\n{label}打造“红色港湾”服务品牌\n申报单位：中共某某区委组织部\n{SECTIONS}"
    cases = cases_of(text)
    assert [(c.title, c.unit) for c in cases] == [("推行“三联三促”工作法", "中共某某县委组织部"),
                                                  ("打造“红色港湾”服务品牌", "中共某某区委组织部")]


def test_single_case_form_title_loses_its_label():
    (case,) = cases_of("【案例名称】“4321”工作法激活村级集体经济\n梅川县地处丘陵山区，辖12个乡镇。")
    assert case.title == "“4321”工作法激活村级集体经济"


@pytest.mark.parametrize(
    "line",
    ["开创城市基层党建工作新格局", "打造城市社区党群服务中心", "发挥镇党委 核心作用", "（三）党群服务中心", "某某街道党工委书记 张某",
     "（作者单位：某某县委党校）"],
)
def test_title_like_lines_are_not_unit_lines(line):
    from casekit.extract import patterns as P

    assert P.UNIT_LINE.match(line) is None


def test_parenthesised_note_is_not_a_unit():
    (case,) = cases_of("落实全会精神推进创新\n（某区委副书记访谈提纲）\n【主持人】观众朋友们好。")
    assert case.unit is None


def test_title_over_two_lines():
    text = f"{SECTIONS}\n打造区域化城市基层党建联盟\n开创城市基层党建工作新格局\n中共某某县委组织部申报\n{SECTIONS}"
    cases = cases_of(text)
    assert (cases[-1].title, cases[-1].subtitle) == ("打造区域化城市基层党建联盟", "开创城市基层党建工作新格局")


def test_unit_written_above_its_title():
    text = f"中共某某县委组织部\n推行“三联三促”工作法\n{SECTIONS}\n中共某某区委组织部\n打造“红色港湾”服务品牌\n{SECTIONS}"
    cases = cases_of(text)
    assert [(c.title, c.unit) for c in cases] == [("推行“三联三促”工作法", "中共某某县委组织部"),
                                                  ("打造“红色港湾”服务品牌", "中共某某区委组织部")]


def test_numbered_case_marks_with_title_on_the_next_line():
    text = f"案例一\n推行“三联三促”工作法\n{SECTIONS}\n案例二\n打造“红色港湾”服务品牌\n{SECTIONS}"
    assert [c.title for c in cases_of(text)] == ["推行“三联三促”工作法", "打造“红色港湾”服务品牌"]


def test_a_quotation_cut_short_is_no_headline():
    text = "“检察院办理民事行政申诉案件收不收费？当然不收费！”近日，某社区搭起10个志愿服务台。"
    assert lead_title(text, 60) is None


def test_a_headline_that_asks_keeps_its_question_mark():
    text = "驻村第一书记如何与村庄相互成就？\n我是某某村的驻村第一书记，从报道中了解到你们正在开展调研活动。"
    assert lead_title(text, 60) == "驻村第一书记如何与村庄相互成就？"


def test_opening_words_end_at_the_document_kind():
    text = "2018 全国城市基层党建工作经验交流座谈会发言稿材料注重发挥区委统筹作用，充分挖掘资源 区委始终把工作重心放在牵头抓总上。"
    assert lead_title(text, 60) == "2018 全国城市基层党建工作经验交流座谈会发言稿材料"


@pytest.mark.parametrize(
    "text, title, unit",
    [
        pytest.param("守正创新推进新时代文明实践志愿服务工作区委宣传部（2019年7月5日）某某区被确定为试点地区，全区建成实践站120个。",
                     "守正创新推进新时代文明实践志愿服务工作", "区委宣传部", id="unit-before-the-speech-date"),
        pytest.param("守正创新推进新时代文明实践志愿服务工作（2019年7月5日）某某区被确定为试点地区，全区建成实践站120个。",
                     "守正创新推进新时代文明实践志愿服务工作", None, id="no-unit-before-the-date"),
        pytest.param("在全县基层党建工作推进会议上的讲话同志们：今天，我们召开推进会议，主要任务是部署全年工作。",
                     "在全县基层党建工作推进会议上的讲话", None, id="speech-title-run-into-its-salutation"),
        pytest.param("在全县基层党建工作推进会议上的讲话各位领导、同志们：今天，我们召开推进会议，主要任务是部署全年工作。",
                     "在全县基层党建工作推进会议上的讲话", None, id="speech-title-run-into-a-longer-salutation"),
    ],
)
def test_run_on_title_and_its_speakers_unit(text, title, unit):
    (case,) = split_cases(text)
    assert (case.title, case.unit) == (title, unit)


def test_a_document_sites_page_of_several_pieces(lexicon):
    """A title counting its pieces ("…典型案例五篇") heads a collection; a piece under "篇一" that
    opens on its text has no title of its own."""
    from casekit.extract.clean import clean_text

    raw = ("乡村振兴典型案例五篇：乡村振兴案例分析\n篇一\n党的十九大提出实施乡村振兴战略，某街道高点定位、率先行动。\n"
           "一、片区基本情况\n片区共辖7村，现有耕地863亩。")
    cleaned = clean_text(raw, lexicon)
    (case,) = split_cases(cleaned.text, cleaned.headers)
    assert (case.title, case.collection) == (None, "乡村振兴典型案例五篇：乡村振兴案例分析")


@pytest.mark.parametrize(
    "collection, mark",
    [
        pytest.param("推进农村党组织书记队伍建设(共五则范文)", "第一篇：推进农村党组织书记队伍建设", id="five-pieces-first-marked"),
        pytest.param("乡村基层治理创新工程(精选6篇)", "篇1：推进农村党组织书记队伍建设", id="six-pieces-numbered-after"),
    ],
)
def test_a_pieces_mark_before_its_title_is_no_part_of_it(collection, mark, lexicon):
    from casekit.extract.clean import clean_text

    raw = f"{collection}\n{mark}\n近年来，我们把加强村党组织书记队伍建设作为农村基层组织建设的重中之重。"
    cleaned = clean_text(raw, lexicon)
    (case,) = split_cases(cleaned.text, cleaned.headers)
    assert (case.title, case.collection) == ("推进农村党组织书记队伍建设", collection)


def test_several_peoples_remarks_under_one_title(lexicon):
    """Each remark opens on its speaker and the speaker's post; a remark the page cut short is not
    run into the next one."""
    from casekit.extract.clean import clean_text

    raw = ("建强农村战斗堡垒 引领乡村振兴——基层党组织书记谈发展\n"
           "李某(某某村党总支书记、村委会主任):我们组织在家的40多名党员集中收看了开幕会,聆听了\n"
           "陈某某(某某乡某某村党支部书记):近日,我们举办了“板凳会”,组织党员群众讲政策、话发展。\n"
           "王某(某某镇某某村党支部书记):我们将发展壮大村级集体经济,带动群众增收。")
    cleaned = clean_text(raw, lexicon)
    cases = split_cases(cleaned.text, cleaned.headers)
    assert [c.title for c in cases] == ["李某（某某村党总支书记、村委会主任）", "陈某某（某某乡某某村党支部书记）",
                                        "王某（某某镇某某村党支部书记）"]
    assert {c.collection for c in cases} == {"建强农村战斗堡垒 引领乡村振兴——基层党组织书记谈发展"}


def test_a_page_of_excerpted_speeches_heads_a_collection(lexicon):
    from casekit.extract.clean import clean_text

    raw = ("3位乡村干部在座谈会上的发言摘登\n2021-07-09 09:11:00  来源:某某报\n"
           "编者按 7月3日，某座谈会在京召开，会上有3位乡村干部代表发言，现摘编刊登，以飨读者。\n"
           "建强堡垒作为重中之重\n某某县某某村书记、主任 尹某某\n我从2000年起担任村党支部书记，是村里发展的亲历者、见证者。")
    cleaned = clean_text(raw, lexicon)
    (case,) = split_cases(cleaned.text, cleaned.headers)
    assert (case.title, case.collection) == ("建强堡垒作为重中之重", "3位乡村干部在座谈会上的发言摘登")


def test_a_writers_unit_over_a_text_without_headline():
    (case,) = split_cases("■市委组织部课题组\n随着经济发展和城市建设的需要，一座座商务楼宇拔地而起，成为城市的亮丽风景线。")
    assert (case.title, case.unit) == (None, "市委组织部课题组")


def test_a_title_field_quoted_whole():
    (case,) = split_cases("标题：“杞县成立产业集聚区党建联盟”\n从9月29日开始，某县各单位党组织加入党建联盟，实现资源共享。")
    assert case.title == "杞县成立产业集聚区党建联盟"


def test_compilation_with_a_table_of_contents(lexicon):
    from casekit.extract.clean import clean_text

    titles = ["推行“三联三促”工作法", "打造“红色港湾”服务品牌"]
    contents = "目  录\n" + "\n".join(f"{t}……………………{3 * k + 1}" for k, t in enumerate(titles))
    body = "\n".join(f"{t}\n中共某某县委组织部\n{SECTIONS}" for t in titles)
    cleaned = clean_text(f"2022年度基层治理创新案例选编\n{contents}\n{body}", lexicon)
    cases = split_cases(cleaned.text, cleaned.headers)
    assert [(c.title, c.unit) for c in cases] == [(t, "中共某某县委组织部") for t in titles]
    assert "……" not in cleaned.text


def test_compilation_whose_cases_end_with_their_unit():
    first = "推行“三联三促”工作法\n某某镇现有党员486人，组建产业党小组9个，带动农户增收。\n（中共甲县委组织部供稿）\n"
    second = "打造“红色港湾”服务品牌\n——某某街道服务新就业群体的探索\n某某街道建设红色港湾12个，深受好评。\n（乙区委组织部供稿）"
    text = first + second
    cases = cases_of(text)
    assert [(c.title, c.subtitle, c.unit) for c in cases] == [
        ("推行“三联三促”工作法", None, "中共甲县委组织部"),
        ("打造“红色港湾”服务品牌", "某某街道服务新就业群体的探索", "乙区委组织部"),
    ]
    assert text[cases[0].start : cases[0].end] == first.rstrip("\n") and text[cases[1].start : cases[1].end] == second


def test_digest_items_closed_by_the_unit_that_sent_them(lexicon):
    raw = ("组工信息\n2024年第3期\n\n甲县：“三单联动”办实事\n甲县推行群众点单，今年办结实事126件。（甲县委组织部供稿）\n\n"
           "乙区：“双报到”融入社区\n乙区组织在职党员到社区报到，累计3200人次。（乙区委组织部供稿）\n")
    cleaned = clean_text(raw, lexicon)
    assert "供稿" not in cleaned.text
    cases = split_cases(cleaned.text, cleaned.headers, closing_units=cleaned.closing_units)
    assert [(c.title, c.unit) for c in cases] == [("甲县：“三单联动”办实事", "甲县委组织部"),
                                                  ("乙区：“双报到”融入社区", "乙区委组织部")]


def test_digest_items_headed_by_their_place():
    text = ("各地动态\n安吉县：“两山”理念引领乡村振兴\n安吉县坚持生态优先，村集体经济收入全部超过50万元。\n"
            "【东丰县】推行“三治融合”工作法\n东丰县在全县推行三治融合，矛盾纠纷下降30%。")
    cases = cases_of(text)
    assert [(c.title, c.collection) for c in cases] == [("安吉县：“两山”理念引领乡村振兴", "各地动态"),
                                                        ("【东丰县】推行“三治融合”工作法", "各地动态")]
    assert text[cases[1].start : cases[1].end].endswith("矛盾纠纷下降30%。")


def test_one_place_headed_line_does_not_split_a_case():
    text = "推行“三治融合”工作法\n东丰县：推行三治融合\n东丰县在全县推行三治融合，矛盾纠纷下降30%。"
    assert len(cases_of(text)) == 1


def test_reports_by_several_people_under_one_title():
    body = "一年来，我牢记肩上责任，协助校长分管德育工作，全年组织主题活动12次。"
    text = (f"学校班子成员年度述职报告\n2022年度述职报告\n孙某某\n一、履行岗位职责情况\n{body}\n"
            f"2022年度述职报告\n蒋某\n{body}\n2022年度述职报告\n俞某某\n{body}\n")
    cases = split_cases(text)
    assert [c.title for c in cases] == ["2022年度述职报告"] * 3
    assert {c.collection for c in cases} == {"学校班子成员年度述职报告"}
    assert [text[c.start : c.end].split("\n")[1] for c in cases] == ["孙某某", "蒋某", "俞某某"]


def test_reports_each_under_its_writers_office_and_name(lexicon):
    body = "2023年，我在镇党委的领导下认真履职，全年召开专题会议18次。"
    raw = (f"某镇领导班子成员述职报告选登\n\n镇党委书记  周明远\n\n2023年度述职报告\n\n{body}\n\n一、主要工作\n\n{body}\n\n"
           f"镇党委副书记、镇长  吴静\n\n2023年度述职报告\n\n{body}\n\n组织委员  郑立新\n\n2023年度述职报告\n\n{body}\n")
    cleaned = clean_text(raw, lexicon)
    assert cleaned.text.count("2023年度述职报告") == 3  # a title repeated beside its writers is no running header
    cases = split_cases(cleaned.text, cleaned.headers)
    assert [c.title for c in cases] == ["2023年度述职报告"] * 3
    assert {c.collection for c in cases} == {"某镇领导班子成员述职报告选登"}
    assert [cleaned.text[c.start : c.end].split("\n")[0] for c in cases] == [
        "镇党委书记  周明远", "镇党委副书记、镇长  吴静", "组织委员  郑立新"]


def test_a_table_of_places_is_not_a_series_of_reports():
    text = "贫困村分布\n长寨街道\n板沟村\n33.02\n广顺镇\n石板村\n19.93\n鼓扬镇\n岩上村\n20.05\n"
    assert len(split_cases(text)) == 1



@pytest.mark.parametrize(
    "lines, unit",
    [
        pytest.param(["以“两先四优”推动党建工程落地", "马某某 孙某", "某某集团有限公司广东公司"], "某某集团有限公司广东公司",
                     id="unit-under-the-writers"),
        pytest.param(["组织领办聚合力 强村富民促振兴", "某某镇某某社区党组织领办合作社"], "某某镇某某社区党组织领办合作社",
                     id="cooperative-under-the-title"),
        pytest.param(["电脑版", "我的收藏", "合作社带富一方百姓", "中共某某县委组织部"], "中共某某县委组织部",
                     id="unit-under-a-headline-below-chrome"),
        pytest.param(["合作社带富一方百姓", "——某某县的探索"], None, id="subtitle-is-no-unit"),
        pytest.param(["合作社带富一方百姓", "王某某"], None, id="names-are-no-unit"),
        pytest.param(["合作社带富一方百姓", "合作社带富一方百姓  中共某某县委组织部  一、背景  某某县位于山区。"],
                     "中共某某县委组织部", id="unit-in-a-flattened-text"),
        pytest.param(["合作社带富一方百姓", "中共某某县委组织部  一、背景  某某县位于山区。"], "中共某某县委组织部",
                     id="unit-opening-a-flattened-text"),
        pytest.param(["合作社带富一方百姓", "中共某某县委组织部  近年来某某县推动发展。"], None,
                     id="no-heading-after-it-no-flattened-unit"),
    ],
)
def test_unit_on_a_line_under_the_headline(lines, unit):
    body = "近年来，某某县坚持党建引领，推动集体经济发展，全县村集体收入普遍增长。"
    (case,) = split_cases("\n".join([*lines, body, body]))
    assert case.unit == unit


def test_digest_items_headed_by_a_unit_before_a_quoted_model():
    body = "今年以来，该单位坚持党建引领，推动工作落地见效，群众满意度明显提升。"
    text = f"某某大学：“三个强化”做好党建工作\n{body}\n某某公司：“检企共建”筑牢防线\n{body}\n"
    assert [c.title for c in split_cases(text)] == ["某某大学：“三个强化”做好党建工作", "某某公司：“检企共建”筑牢防线"]


def test_a_report_part_headed_by_a_unit_before_a_quoted_model_does_not_split_it():
    body = "今年以来，该村坚持党建引领，推动工作落地见效，群众满意度明显提升。"
    text = (f"某某区筑牢基层红色堡垒\n{body * 4}\n某某村小组：“强村固组”带来美丽蝶变\n{body}\n"
            f"某某社区：“邻里APP”打通服务\n{body}\n")
    assert len(split_cases(text)) == 1
