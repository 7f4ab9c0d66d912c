"""Table tests for figure extraction (casekit.extract.indicators.find_indicators).

Every row is one sentence and the figures expected in it, in order, as
(text, value, unit, approx) tuples. Rows are grouped by phenomenon.
"""

from __future__ import annotations

import pytest

from casekit.extract.indicators import find_indicators
from casekit.options import load_lexicon

LEX = load_lexicon()


def figures(sentence: str):
    return find_indicators(sentence, LEX.units)


def as_tuples(sentence: str):
    return [(f.text, f.value, f.unit, f.approx) for f in figures(sentence)]


# --- plain figures ------------------------------------------------------------------------

PLAIN = [
    pytest.param(
        "全村共有党员332人，其中女党员41名、少数民族党员7名。",
        [("332人", 332, "人", None), ("41名", 41, "名", None), ("7名", 7, "名", None)],
        id="plain-persons-ren-ming",
    ),
    pytest.param(
        "社区设立党员先锋岗18个，组建志愿服务队6支，全年开展活动64次。",
        [("18个", 18, "个", None), ("6支", 6, "支", None), ("64次", 64, "次", None)],
        id="plain-ge-zhi-ci",
    ),
    pytest.param(
        "今年以来，驻村工作队走访困难群众126户，协调解决实际问题47件。",
        [("126户", 126, "户", None), ("47件", 47, "件", None)],
        id="plain-hu-jian",
    ),
    pytest.param(
        "全镇流转土地460亩，建成蔬菜大棚35座，带动务工群众1500人次。",
        [("460亩", 460, "亩", None), ("35座", 35, "座", None), ("1500人次", 1500, "人次", None)],
        id="plain-mu-zuo-renci",
    ),
    pytest.param(
        "党群服务中心每周开放60小时，全年举办培训班12期。",
        [("60小时", 60, "小时", None), ("12期", 12, "期", None)],
        id="plain-hours-issues",
    ),
    pytest.param(
        "印发应知应会手册3000册，张贴政策宣传海报420张。",
        [("3000册", 3000, "册", None), ("420张", 420, "张", None)],
        id="plain-ce-zhang",
    ),
    pytest.param(
        "专项行动历时3个月，排查化解矛盾纠纷58宗。",
        [("3个月", 3, "个月", None), ("58宗", 58, "宗", None)],
        id="plain-months-zong",
    ),
    pytest.param(
        "改造背街小巷道路1,200米，新增停车位86个。",
        [("1,200米", 1200, "米", None), ("86个", 86, "个", None)],
        id="plain-thousands-comma",
    ),
    pytest.param(
        "合作社年产有机大米240吨，带动入社农户增收2倍。",
        [("240吨", 240, "吨", None), ("2倍", 2, "倍", None)],
        id="plain-dun-bei",
    ),
    pytest.param("全镇排查化解矛盾纠纷215起。", [("215起", 215, "起", None)], id="plain-qi"),
    pytest.param("从2019年起，每年开展一次评议。", [], id="year-then-qi-is-no-figure"),
]

# --- spaces between number and unit ---------------------------------------------------------

SPACES = [
    pytest.param(
        "辖区内有非公企业57 家、社会组织9家。",
        [("57 家", 57, "家", None), ("9家", 9, "家", None)],
        id="space-before-jia",
    ),
    pytest.param(
        "全县共有基层党组织 1,286 个。",
        [("1,286 个", 1286, "个", None)],
        id="space-thousands-comma",
    ),
    pytest.param(
        "三年来共争取上级项目资金2600 多万元。",
        [("2600 多万元", 2600, "万元", "多")],
        id="space-before-duo-wan",
    ),
]

# --- decimals ----------------------------------------------------------------------------------

DECIMALS = [
    pytest.param(
        "换届后村“两委”成员平均年龄34.4岁，比上届下降6.2岁。",
        [("34.4岁", 34.4, "岁", None), ("6.2岁", 6.2, "岁", None)],
        id="decimal-age",
    ),
    pytest.param(
        "村集体经济收入较上年增长1.5倍。",
        [("1.5倍", 1.5, "倍", None)],
        id="decimal-times",
    ),
    pytest.param(
        "脱贫户人均可支配收入增加0.8万元。",
        [("0.8万元", 0.8, "万元", None)],
        id="decimal-wan-yuan",
    ),
]

# --- percent -------------------------------------------------------------------------------------

PERCENT = [
    pytest.param(
        "群众对社区服务的满意度达96.3%。",
        [("96.3%", 96.3, "%", "达")],
        id="percent-da-outside-text",
    ),
    pytest.param(
        "45岁以下党员占比提高了12个百分点。",
        [("45岁以下", 45, "岁", "以下"), ("12个百分点", 12, "个百分点", None)],
        id="percent-points",
    ),
    pytest.param(
        "网格员入户核查率为98％。",
        [("98％", 98, "％", None)],
        id="percent-full-width-sign",
    ),
    pytest.param(
        "流动党员纳管率由82.5%提升至99.1%。",
        [("82.5%", 82.5, "%", None), ("99.1%", 99.1, "%", None)],
        id="percent-two-not-range",
    ),
    pytest.param(
        "村民议事参与率由百分之三十提高到百分之九十五。",
        [("百分之三十", 30, "%", None), ("百分之九十五", 95, "%", None)],
        id="percent-written-out",
    ),
    pytest.param(
        "党员参与志愿服务的比例达到85%以上。",
        [("85%以上", 85, "%", "以上")],
        id="percent-suffix-beats-prefix",
    ),
    pytest.param(
        "全村已有百分之五十以上的农户加入合作社。",
        [("百分之五十以上", 50, "%", "以上")],
        id="percent-written-out-with-suffix",
    ),
    pytest.param(
        "党员户挂牌率已达百分之九十。",
        [("百分之九十", 90, "%", "达")],
        id="percent-written-out-with-prefix",
    ),
]

# --- 万 / 亿 multipliers ----------------------------------------------------------------------

MULTIPLIERS = [
    pytest.param(
        "合作社带动周边5万多人就近就业。",
        [("5万多人", 5, "万人", "多")],
        id="wan-duo-ren",
    ),
    pytest.param(
        "全市发动志愿者3万余名参与文明城市创建。",
        [("3万余名", 3, "万名", "余")],
        id="wan-yu-ming",
    ),
    pytest.param(
        "产业园项目总投资23亿元，其中引入社会资本1.35亿元。",
        [("23亿元", 23, "亿元", None), ("1.35亿元", 1.35, "亿元", None)],
        id="yi-yuan-decimal",
    ),
    pytest.param(
        "“红色e家”线上平台点击量155万次。",
        [("155万次", 155, "万次", None)],
        id="wan-ci",
    ),
    pytest.param(
        "春节前发放慰问金共计8.6万元。",
        [("8.6万元", 8.6, "万元", "共计")],
        id="wan-yuan-gongji",
    ),
]

# --- approximation: prefixes, infixes, suffixes -----------------------------------------------

APPROX = [
    pytest.param(
        "组织近200名党员参加集中轮训。",
        [("近200名", 200, "名", "近")],
        id="prefix-jin-in-text",
    ),
    pytest.param(
        "每个网格约30户，配备专职网格员1名。",
        [("约30户", 30, "户", "约"), ("1名", 1, "名", None)],
        id="prefix-yue-in-text",
    ),
    pytest.param(
        "全年开展志愿服务超500人次。",
        [("超500人次", 500, "人次", "超")],
        id="prefix-chao-in-text",
    ),
    pytest.param(
        "微心愿认领活动受益群众逾3000人。",
        [("逾3000人", 3000, "人", "逾")],
        id="prefix-yu-in-text",
    ),
    pytest.param(
        "包联干部全年入户走访累计219次。",
        [("219次", 219, "次", "累计")],
        id="verb-leiji-outside-text",
    ),
    pytest.param(
        "县委党校培训村干部共计460人次。",
        [("460人次", 460, "人次", "共计")],
        id="verb-gongji-outside-text",
    ),
    pytest.param(
        "在外流动党员回乡创业达到23人。",
        [("23人", 23, "人", "达到")],
        id="verb-dadao-outside-text",
    ),
    pytest.param(
        "全镇培育致富带头人800余人。",
        [("800余人", 800, "人", "余")],
        id="infix-yu",
    ),
    pytest.param(
        "近三年新发展党员300多名。",
        [("300多名", 300, "名", "多")],
        id="infix-duo",
    ),
    pytest.param(
        "每户年均增收3000元左右。",
        [("3000元左右", 3000, "元", "左右")],
        id="suffix-zuoyou",
    ),
    pytest.param(
        "将村级债务率控制在5%以下。",
        [("5%以下", 5, "%", "以下")],
        id="suffix-yixia",
    ),
    pytest.param(
        "吸纳农村富余劳动力达800余人。",
        [("800余人", 800, "人", "余")],
        id="order-infix-beats-prefix",
    ),
    pytest.param(
        "参加合作社的农户人均增收约3000元左右。",
        [("约3000元左右", 3000, "元", "左右")],
        id="order-suffix-beats-prefix",
    ),
    pytest.param(
        "新建的党员服务站历时3个多月完成改造。",
        [("3个多月", 3, "个月", "多")],
        id="infix-duo-inside-geyue",
    ),
    pytest.param(
        "招商推介会上现场签约12个项目。",
        [("12个", 12, "个", None)],
        id="not-prefix-yue-in-qianyue",
    ),
    pytest.param(
        "示范基地辐射带动附近3个村发展特色种植。",
        [("3个", 3, "个", None)],
        id="not-prefix-jin-in-fujin",
    ),
]

# --- ranges ------------------------------------------------------------------------------------

RANGES = [
    pytest.param("每个网格配备3至5人。", [("3至5人", 3, "人", None)], id="range-zhi"),
    pytest.param("每个支部每季度开展主题活动3-5个。", [("3-5个", 3, "个", None)], id="range-hyphen"),
    pytest.param("每名党员联系3～5户群众。", [("3～5户", 3, "户", None)], id="range-wave"),
    pytest.param("每期培训班学员10—15人。", [("10—15人", 10, "人", None)], id="range-dash"),
    pytest.param("周末课堂每周开设2到3场。", [("2到3场", 2, "场", None)], id="range-dao"),
    pytest.param("对新建的村级活动场所每处补助1至2万元。", [("1至2万元", 1, "万元", None)], id="range-wan-yuan"),
    pytest.param("对年收入增长20万—30万元的村给予奖励。", [("20万—30万元", 20, "万元", None)], id="range-wan-both-ends"),
    pytest.param("全镇外出务工人员2万-3万人。", [("2万-3万人", 2, "万人", None)], id="range-wan-ren-both-ends"),
]

# --- Chinese numerals --------------------------------------------------------------------------

CHINESE = [
    pytest.param("县直部门选派十余名机关干部驻村。", [("十余名", 10, "名", "余")], id="cn-shi-yu"),
    pytest.param("全镇两千余人参加了广场宣讲。", [("两千余人", 2000, "人", "余")], id="cn-liangqian-yu"),
    pytest.param("工作队挨家挨户走访三百多户。", [("三百多户", 300, "户", "多")], id="cn-sanbai-duo"),
    pytest.param("全村划分四十多个党员责任区。", [("四十多个", 40, "个", "多")], id="cn-sishi-duo"),
    pytest.param("镇党委对二十三名村干部进行了专题培训。", [("二十三名", 23, "名", None)], id="cn-ershisan"),
    pytest.param("演出吸引了一百五十人前来观看。", [("一百五十人", 150, "人", None)], id="cn-yibaiwushi"),
    pytest.param("返乡创业青年多为三十多岁。", [("三十多岁", 30, "岁", "多")], id="cn-sanshi-duo-sui"),
    pytest.param("开展集中宣讲，听众近两千人。", [("近两千人", 2000, "人", "近")], id="cn-jin-liangqian"),
    pytest.param("活动当天共有一万五千人参与。", [("一万五千人", 15000, "人", None)], id="cn-yiwanwuqian"),
    pytest.param("争取扶持资金三百多万元。", [("三百多万元", 300, "万元", "多")], id="cn-sanbai-duo-wan-yuan"),
    pytest.param(
        "全街道百余名在职党员到社区报到。",
        [("百余名", 100, "名", "余")],
        id="cn-bai-yu",
    ),
    pytest.param(
        "全县千余名党员参与结对帮扶。",
        [("千余名", 1000, "名", "余")],
        id="cn-qian-yu",
    ),
    pytest.param(
        "义诊活动服务群众近千人。",
        [("近千人", 1000, "人", "近")],
        id="cn-jin-qian",
    ),
    pytest.param(
        "全区两万余人次参加了“学习强国”线下活动。",
        [("两万余人次", 2, "万人次", "余")],
        id="cn-liangwan-keeps-wan-in-unit",
    ),
    pytest.param("从三个层面、七个组推进党建责任落实。", [], id="cn-small-structure-not-figure"),
    pytest.param("集团党委下辖五家子公司和两个党支部。", [], id="cn-small-subsidiaries-not-figure"),
]

# --- exclusions: numbers that are not figures ---------------------------------------------------

EXCLUSIONS = [
    pytest.param("2019年6月，村党支部顺利完成换届选举。", [], id="excl-year-month"),
    pytest.param("2014 年以来，该镇持续推进党建引领乡村振兴。", [], id="excl-year-space"),
    pytest.param("各支部须在10月底前完成自查，11月5日召开推进会。", [], id="excl-dates"),
    pytest.param("座谈会于9时00分准时开始。", [], id="excl-time"),
    pytest.param("在第七届村民委员会选举中，该村荣获全市比赛第3名。", [], id="excl-ordinals"),
    pytest.param("组织部确定了第2批党建示范点。", [], id="excl-ordinal-pi"),
    pytest.param("党员群众可拨打12371热线反映问题。", [], id="excl-hotline"),
    pytest.param("12371热线全年接听咨询86次。", [("86次", 86, "次", None)], id="excl-hotline-keeps-real-figure"),
    pytest.param("服务站设在幸福路113号院。", [], id="excl-house-number"),
    pytest.param("十八道岗子村党支部带领群众发展食用菌产业。", [], id="excl-place-name-shibadao"),
    pytest.param(
        "十八户村党支部书记带头流转土地。",
        [],
        id="excl-place-name-with-unit",
    ),
    pytest.param("驻村干部走访12户村民。", [("12户", 12, "户", None)], id="households-before-cunmin-is-figure"),
    pytest.param("推行“1+5+N”工作体系和4+X党员活动日。", [], id="excl-formulas"),
    pytest.param("实施“6×3工程”，举办“5·23歌咏会”。", [], id="excl-times-and-dot-formulas"),
    pytest.param("举办“5·23”歌咏会3场。", [("3场", 3, "场", None)], id="excl-dot-formula-keeps-figure"),
    pytest.param("按照2:6:2的比例配置先进、中间和后进党员。", [], id="excl-ratio"),
    pytest.param("探索O2O模式，形成520党建工作模式。", [], id="excl-o2o-and-520"),
    pytest.param("园区建成5G基站12个。", [("12个", 12, "个", None)], id="excl-5g-keeps-figure"),
    pytest.param("2019年全村发展党员12名。", [("12名", 12, "名", None)], id="excl-year-keeps-figure"),
    pytest.param("二〇一九年十月，新村部正式投入使用。", [], id="excl-chinese-date"),
]

# --- the unit vocabulary: measure words from jieba's dictionary, compounds, places, Latin units -----

VOCABULARY = [
    pytest.param("港口新增集装箱航线20艘，投入巡逻船3艘。", [("20艘", 20, "艘", None), ("3艘", 3, "艘", None)],
                 id="measure-word-from-jieba-sou"),
    pytest.param("全区组建帮扶小组4组，结成帮扶对子227对。", [("4组", 4, "组", None), ("227对", 227, "对", None)],
                 id="measure-words-zu-dui"),
    pytest.param("学生获奖牌9枚，开设兴趣课程10班。", [("9枚", 9, "枚", None), ("10班", 10, "班", None)],
                 id="measure-words-mei-ban"),
    pytest.param("肉鸭存栏500万羽。", [("500万羽", 500, "万羽", None)], id="measure-word-jieba-lacks-yu"),
    pytest.param("年吞吐量3108万标准箱。", [("3108万标准箱", 3108, "万标准箱", None)], id="trade-unit-teu"),
    pytest.param("累计检测车辆1.5万台次，保障航班120架次。", [("1.5万台次", 1.5, "万台次", None), ("120架次", 120, "架次", None)],
                 id="compound-count-of-times"),
    pytest.param("全年经济总量7万亿元，增加2.02万亿元。", [("7万亿元", 7, "万亿元", None), ("2.02万亿元", 2.02, "万亿元", None)],
                 id="stacked-magnitudes-wanyi"),
    pytest.param("争取资金3千万元。", [("3千万元", 3, "千万元", None)], id="stacked-magnitudes-qianwan"),
    pytest.param("全县辖5镇1乡1街道，共12村3社区。",
                 [("5镇", 5, "镇", None), ("1乡", 1, "乡", None), ("1街道", 1, "街道", None), ("12村", 12, "村", None),
                  ("3社区", 3, "社区", None)], id="places-counted-in-a-list"),
    pytest.param("河道全长70Km，流域面积31.51km2，新建广场1200㎡。",
                 [("70Km", 70, "Km", None), ("31.51km2", 31.51, "km2", None), ("1200㎡", 1200, "㎡", None)],
                 id="latin-units"),
    pytest.param("辖区面积8.7万平米，新建活动室120平米。",
                 [("8.7万平米", 8.7, "万平米", None), ("120平米", 120, "平米", None)], id="pingmi-is-square-metres"),
    pytest.param("同样是开车10个小时的车程。", [("10个小时", 10, "个小时", None)], id="ge-xiaoshi-is-one-unit"),
    pytest.param("每月赚到两三千块钱。", [("两三千块", 2000, "块", None)], id="cn-neighbouring-digits-range"),
    pytest.param("长寨：596套2470人。", [("596套", 596, "套", None), ("2470人", 2470, "人", None)],
                 id="after-a-label-colon"),
    pytest.param("（二）深度贫困村：24个", [("24个", 24, "个", None)], id="after-a-heading-label-colon"),
]

EXCLUSIONS += [  # what the unit vocabulary must not take for a figure
    pytest.param("那丹伯镇十八道岗子村全面落实各项制度。", [], id="excl-cn-numeral-measure-word-in-a-place-name"),
    pytest.param("正在制造的25万吨级矿砂船。", [], id="excl-a-grade-ji"),
    pytest.param("高三3班周天宇同学入选。", [], id="excl-class-number-after-a-cn-digit"),
    pytest.param("12345市民热线，5村民小组。", [], id="excl-place-unit-a-word-goes-on-from"),
    pytest.param("比例按2：6：2分配。", [], id="excl-full-width-ratio"),
]

ALL_ROWS = PLAIN + SPACES + DECIMALS + PERCENT + MULTIPLIERS + APPROX + RANGES + CHINESE + EXCLUSIONS + VOCABULARY


@pytest.mark.parametrize(("sentence", "expected"), ALL_ROWS)
def test_figures(sentence, expected):
    assert as_tuples(sentence) == expected


def _rows_without_marks():
    return [pytest.param(p.values[0], id=p.id) for p in ALL_ROWS]


@pytest.mark.parametrize("sentence", _rows_without_marks())
def test_offsets_point_at_text(sentence):
    for f in figures(sentence):
        assert sentence[f.start : f.end] == f.text


# --- normalized values ------------------------------------------------------------------------

NORMALIZED = [
    pytest.param("三年来共争取上级项目资金2600 多万元。", 26_000_000, "元", id="norm-2600-duo-wan-yuan"),
    pytest.param("合作社带动周边5万多人就近就业。", 50_000, "人", id="norm-5-wan-ren"),
    pytest.param("全市发动志愿者3万余名参与文明城市创建。", 30_000, "人", id="norm-3-wan-ming-to-ren"),
    pytest.param("产业园项目总投资23亿元。", 2_300_000_000, "元", id="norm-23-yi-yuan"),
    pytest.param("“红色e家”线上平台点击量155万次。", 1_550_000, "次", id="norm-155-wan-ci"),
    pytest.param("引入社会资本1.35亿元。", 135_000_000, "元", id="norm-decimal-yi"),
    pytest.param("脱贫户人均可支配收入增加0.8万元。", 8_000, "元", id="norm-decimal-wan"),
    pytest.param("全村共有女党员41名。", 41, "人", id="norm-ming-to-ren"),
    pytest.param("党员占比提高了12个百分点。", 12, "百分点", id="norm-ge-baifendian"),
    pytest.param("网格员入户核查率为98％。", 98, "%", id="norm-full-width-percent"),
    pytest.param("争取扶持资金三百多万元。", 3_000_000, "元", id="norm-cn-sanbai-wan-yuan"),
    pytest.param("对新建的村级活动场所每处补助1至2万元。", 10_000, "元", id="norm-range-lower-end"),
    pytest.param("新修产业路3.5千米。", 3.5, "公里", id="norm-qianmi-to-gongli"),
    pytest.param("全区两万余人次参加了线下活动。", 20_000, "人次", id="norm-cn-liangwan"),
    pytest.param("全年经济总量7万亿元。", 7_000_000_000_000, "元", id="norm-wanyi-yuan"),
    pytest.param("河道全长70Km。", 70, "公里", id="norm-latin-km"),
    pytest.param("累计检测车辆1.5万台次。", 15_000, "台次", id="norm-wan-taici"),
]


@pytest.mark.parametrize(("sentence", "value", "unit"), NORMALIZED)
def test_normalized(sentence, value, unit):
    found = figures(sentence)
    assert len(found) == 1
    assert (found[0].normalized_value, found[0].normalized_unit) == (value, unit)
    assert type(found[0].normalized_value) is type(value)


# --- ranges: value and value_max ---------------------------------------------------------------

VALUE_MAX = [
    pytest.param("每个网格配备3至5人。", 3, 5, id="max-zhi"),
    pytest.param("每个支部每季度开展主题活动3-5个。", 3, 5, id="max-hyphen"),
    pytest.param("每名党员联系3～5户群众。", 3, 5, id="max-wave"),
    pytest.param("每期培训班学员10—15人。", 10, 15, id="max-dash"),
    pytest.param("周末课堂每周开设2到3场。", 2, 3, id="max-dao"),
    pytest.param("对新建的村级活动场所每处补助1至2万元。", 1, 2, id="max-wan-yuan"),
    pytest.param("对年收入增长20万—30万元的村给予奖励。", 20, 30, id="max-wan-both-ends"),
    pytest.param("每个网格约30户。", 30, None, id="max-none-for-single-figure"),
    pytest.param("来了七八十人。", 70, 80, id="max-cn-neighbouring-digits"),
]


@pytest.mark.parametrize(("sentence", "value", "value_max"), VALUE_MAX)
def test_value_max(sentence, value, value_max):
    found = figures(sentence)
    assert len(found) == 1
    assert (found[0].value, found[0].value_max) == (value, value_max)


# --- figures whose verb stays outside the text -------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        pytest.param("党员志愿者入户服务累计达219次。", "219次", id="leiji-da-outside"),
        pytest.param("结对帮扶资金共计达到12万元。", "12万元", id="gongji-dadao-outside"),
    ],
)
def test_long_verbs_stay_outside_text(sentence, text):
    found = figures(sentence)
    assert [f.text for f in found] == [text]
    assert found[0].approx is not None


def test_sentence_is_the_one_holding_the_figure():
    text = "全村共有党员332人。其中女党员41名；入党积极分子6名！"
    assert [f.sentence for f in figures(text)] == ["全村共有党员332人。", "其中女党员41名；", "入党积极分子6名！"]
