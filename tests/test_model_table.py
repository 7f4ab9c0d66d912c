"""Table tests for named-model extraction (casekit.extract.named_models).

Rows give a passage (and a title, or None) and what find_models should report.
"""

from __future__ import annotations

import pytest

from casekit.extract.named_models import expected_count, find_models, is_model_name
from casekit.options import load_lexicon

LEX = load_lexicon()


def models(text: str, title: str | None = None):
    return find_models(text, title, LEX)[0]


def issues(text: str, title: str | None = None):
    return find_models(text, title, LEX)[1]


def by_name(text: str, name: str, title: str | None = None):
    found = [m for m in models(text, title) if m.name == name]
    assert len(found) == 1, f"{name} not found once in {[m.name for m in models(text, title)]}"
    return found[0]


# Passages reused by several tables.
ENUMERATED = (
    "公司党委构建“一核三+”工作格局。一是“党建+生产经营”，把支部建在项目上。"
    "二是“党建+改革发展”，推动党建与中心工作同频共振。三是“党建+民生服务”，组织党员为职工办实事。"
)
ENUMERATED_AFTER_OTHER = (
    "严格落实“三会一课”制度，构建“一核三+”工作格局。一是“党建+生产经营”，党员认领攻坚项目。"
    "二是“党建+改革发展”，支部牵头破解改革难题。三是“党建+民生服务”，党员志愿者进车间。"
)
ENUMERATED_AFTER_COLON = (
    "公司党委构建“一核三+”工作格局，主要做法：一是“党建+生产经营”，把支部建在项目上；"
    "二是“党建+改革发展”，推动党建与中心工作同频共振；三是“党建+民生服务”，组织党员为职工办实事。"
)
PARTS_BEFORE = "县委建立“县委+乡镇党委+村党支部”的三级联动体系，层层压实责任。"
PARTS_BEFORE_DASH = "全市构建“市委—县委—乡镇党委—村党支部”四级联动网络。"
PARTS_AFTER_QUOTED = "街道推行“党建+”工作法，即“党建+网格”“党建+平台”“党建+服务”，推动党建融入基层治理。"
PARTS_AFTER_PLAIN = "社区开展“党员三亮”活动（即亮身份、亮承诺、亮形象），激励党员在岗位上作表率。"
JISHI = "社区建立“1+5+N”服务体系，即时响应群众诉求，做到小事不出网格。"
ADJACENT_MODELS = "近年来，该镇形成了“1+5+N”“三治三共三同”等一批特色品牌。"
ORDER = "严格落实“三会一课”制度，推行“一核九+”工作法，把三会一课与主题党日结合起来。"
PARTY_PLUS_TEXT = "区委以“党建+”统领非公企业党建工作，重点打造“党建+新兴领域”品牌。"


# --- which names are models, in order of first mention ----------------------------------------

NAMES = [
    # quoted, starting with a Chinese numeral
    pytest.param("该县创新推行“一核九+”工作法，以县委为核心延伸九个工作触角。", None, ["一核九+"], id="q-yihe-jiu-plus"),
    pytest.param("村党总支探索“三治三共三同”治理路径。", None, ["三治三共三同"], id="q-sanzhi-sangong-santong"),
    pytest.param("街道党工委推动辖区单位开展“五联共建”。", None, ["五联共建"], id="q-wulian-gongjian"),
    pytest.param("社区为党员推行“三单式”服务。", None, ["三单式"], id="q-sandanshi"),
    pytest.param("着力实现新兴领域党的组织和党的工作“两个覆盖”。", None, ["两个覆盖"], id="q-liangge-fugai"),
    pytest.param("推动在职党员到社区“双报到”。", None, ["双报到"], id="q-shuang-baodao"),
    # quoted digit/letter formulas
    pytest.param("社区构建“1+5+N”网格服务体系。", None, ["1+5+N"], id="q-formula-1-5-n"),
    pytest.param("实施“6×3”干部素质提升工程。", None, ["6×3"], id="q-formula-times"),
    pytest.param("各支部推行“4+X”主题党日。", None, ["4+X"], id="q-formula-4x-and-a-standard-activity"),
    pytest.param("按照“1、3、5、7”的时间节点推进整改。", None, ["1、3、5、7"], id="q-formula-enumeration"),
    pytest.param("建立“5+1”联席会议制度。", None, ["5+1"], id="q-formula-5-1"),
    # 党建+ family and label + numeral
    pytest.param("以“党建+新兴领域”为抓手扩大覆盖。", None, ["党建+新兴领域"], id="q-party-plus"),
    pytest.param("持续深化“支部四进”活动。", None, ["支部四进"], id="q-label-numeral"),
    pytest.param("社区开展“党员三亮”活动。", None, ["党员三亮"], id="q-label-numeral-sanliang"),
    # 百/千/万 need two numerals
    pytest.param("开展“百企进百村”行动，举办“百家宴”。", None, ["百企进百村"], id="q-bai-needs-two-numerals"),
    pytest.param("组织开展“万人助万企”活动。", None, ["万人助万企"], id="q-wan-two-numerals"),
    pytest.param("让党的声音传进“千家万户”。", None, [], id="q-qianjia-wanhu-listed-phrase"),
    # quoted phrases that are not models
    pytest.param("打造“红色堡垒”和“爱心港”志愿服务品牌。", None, [], id="q-no-formula-shape"),
    pytest.param("开通“12371”党建热线，建设“10分钟便民服务区”。", None, [], id="q-digits-and-digit-word"),
    pytest.param("推出“互联网+商创”服务平台。", None, [], id="q-chinese-a-plus-b"),
    pytest.param("推动“互联网+党建”深度融合。", None, [], id="q-x-plus-dangjian"),
    pytest.param(
        "打通服务群众“最后一公里”，提供“一站式”服务，“一以贯之”抓落实。", None, [], id="q-listed-everyday-phrases"
    ),
    pytest.param("全县“一盘棋”推进，党员与困难户“一对一”结对。", None, [], id="q-listed-yipanqi-yiduiyi"),
    # unquoted
    pytest.param("推行4+X党员活动日，落实1+5+N工作机制。", None, ["4+X", "1+5+N"], id="u-digit-formulas"),
    pytest.param("构建县乡村三级联动体系。", None, ["三级联动体系"], id="u-sanji-liandong-tixi"),
    pytest.param("形成“一会、一站、一中心”的村委组织架构。“一会”是村两委班子会议。“一站”是综合管理服务站。", None,
                 ["一会、一站、一中心", "两委"], id="q-list-model-its-quoted-parts-not-models"),
    pytest.param("逐步建立了区级牵头、镇级联合、村级发力的三级合作社工作体系。", None, ["三级合作社工作体系"],
                 id="u-sanji-hezuoshe-gongzuo-tixi"),
    pytest.param("形成四域联动格局。", None, ["四域联动格局"], id="u-siyu-liandong-geju"),
    pytest.param("织密市县乡村四级联动网络。", None, ["四级联动网络"], id="u-siji-liandong-wangluo"),
    pytest.param("健全县乡村三级联动工作机制。", None, ["三级联动工作机制"], id="u-sanji-four-chars-jizhi"),
    pytest.param("严格落实三会一课，深化两学一做学习教育。", None, ["三会一课", "两学一做"], id="u-common-terms"),
    pytest.param(
        "坚持三重一大事项集体决策，推行四议两公开工作法。", None, ["三重一大", "四议两公开"], id="u-common-terms-2"
    ),
    # order of first mention, one entry a name
    pytest.param(ORDER, None, ["三会一课", "一核九+"], id="order-dedupe"),
    # enumerated parts are not models of their own; parts before a name neither
    pytest.param(ENUMERATED, None, ["一核三+"], id="enumerated-parts-not-models"),
    pytest.param(PARTS_BEFORE, None, ["三级联动体系"], id="parts-before-not-models"),
    pytest.param(
        ENUMERATED_AFTER_COLON,
        None,
        ["一核三+"],
        id="enumerated-after-colon-parts-not-models",
    ),
    pytest.param(ADJACENT_MODELS, None, ["1+5+N", "三治三共三同"], id="adjacent-quoted-models"),
    # quoted digits name a model only when a model word follows
    pytest.param("全县推行“4321”工作法激活集体经济。", None, ["4321"], id="q-digits-before-gongzuofa"),
    pytest.param("社区采取“114N”的社会动员模式，即1个楼管+1个居干+4个骨干居民+N个家庭。", None, ["114N"],
                 id="q-digits-and-n-before-moshi"),
    pytest.param("开通“12345”热线，接听群众来电。", None, [], id="q-digits-hotline-not-a-model"),
    pytest.param("该村在“2020”年度考核中获评先进。", None, [], id="q-year-not-a-model"),
    pytest.param("谋划“十四五”时期发展，学习贯彻“二十大”精神。", None, [], id="q-plan-period-and-congress-not-models"),
    # numbered methods, unquoted
    pytest.param("推行“提、议、办、评”四步议事法，实现全覆盖。", None, ["四步议事法"], id="u-sibu-yishifa"),
    pytest.param("总结出“严、实、细”三字工作法。", None, ["三字工作法"], id="u-sanzi-gongzuofa"),
    pytest.param("要进一步法治化，坚持三步走。", None, [], id="u-jinyibu-not-a-method"),
    pytest.param("省、市、县、乡、村五级联动，构建县乡村三级联动推进工作格局。", None, ["五级联动", "三级联动"],
                 id="u-levels-working-together"),
    pytest.param("开通“7×24小时”心理辅导热线。", None, [], id="u-service-hours-not-a-formula"),
    pytest.param("探索“支部+合作社”“支部+村企联建”“支部+研究院”等模式。", None,
                 ["支部+合作社", "支部+村企联建", "支部+研究院"], id="q-run-of-plus-formulas-each-a-model"),
    pytest.param("实施“三评四用双提升”工程，“三评”即评星、评优、评先。", None, ["三评四用双提升"],
                 id="q-segments-of-one-model-are-not-models"),
    pytest.param("化解矛盾要“事心双解”，做到“四面八方”都满意。", None, [], id="q-slogan-and-idiom-not-models"),
    pytest.param("公司党委打造“136党建链”，绘出发展“同心圆”。", None, ["136党建链"], id="q-digits-run-into-a-models-word"),
    pytest.param("125工程即：抓好一个格局，建立两个机制，开展好五项活动。", None, ["125工程"], id="u-digits-counting-the-parts"),
    pytest.param("全村共有125人，投资300万元。", None, [], id="u-counts-are-no-digit-names"),
    pytest.param("全面推行“书记主任一肩挑”。", None, ["书记主任一肩挑"], id="q-whose-standard-term-it-is"),
    pytest.param("构建“红色物业联盟+四方联动”机制。", None, ["红色物业联盟+四方联动", "四方联动"],
                 id="q-the-terms-a-formula-joins-stay-models"),
    pytest.param("当地素有“九分石头一分地”之称。", None, [], id="q-a-nickname-is-no-model"),
    pytest.param("从“制度完善、设置优化”三方面建强组织体系，一级一级的责任落实机制。", None, [],
                 id="u-aspects-and-levels-are-no-system"),
    pytest.param("学习全国“两会”精神，落实“一切工作归支部”。", None, [], id="q-everyday-terms-with-a-numeral"),
]


@pytest.mark.parametrize(("text", "title", "expected"), NAMES)
def test_model_names(text, title, expected):
    assert [m.name for m in models(text, title)] == expected


@pytest.mark.parametrize(("text", "title", "expected"), [pytest.param(*p.values, id=p.id) for p in NAMES])
def test_model_offsets(text, title, expected):
    for m in models(text, title):
        assert text[m.start : m.end] == m.name


# --- is_model_name on quoted terms -------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("一核九+", True, id="yihe-jiu-plus"),
        pytest.param("三治三共三同", True, id="sanzhi"),
        pytest.param("五联共建", True, id="wulian"),
        pytest.param("三单式", True, id="sandanshi"),
        pytest.param("两个覆盖", True, id="liangge-fugai"),
        pytest.param("1+5+N", True, id="formula-1-5-n"),
        pytest.param("6×3", True, id="formula-times"),
        pytest.param("4+X", True, id="formula-4x"),
        pytest.param("1、3、5、7", True, id="formula-dunhao"),
        pytest.param("5+1", True, id="formula-5-1"),
        pytest.param("党建+新兴领域", True, id="party-plus"),
        pytest.param("党建+", True, id="party-plus-bare"),
        pytest.param("支部四进", True, id="label-numeral"),
        pytest.param("百企进百村", True, id="bai-two-numerals"),
        pytest.param("三会一课", True, id="common-term"),
        pytest.param("百家宴", False, id="bai-one-numeral"),
        pytest.param("红色堡垒", False, id="no-numeral"),
        pytest.param("爱心港", False, id="no-numeral-2"),
        pytest.param("12371", False, id="digits-only"),
        pytest.param("10分钟便民服务区", False, id="digit-word"),
        pytest.param("互联网+商创", False, id="chinese-a-plus-b"),
        pytest.param("最后一公里", False, id="listed-zuihou-yigongli"),
        pytest.param("一站式", False, id="listed-yizhanshi"),
        pytest.param("一以贯之", False, id="listed-yiyiguanzhi"),
        pytest.param("千家万户", False, id="listed-qianjia-wanhu"),
        pytest.param("一院一策·三方共议", True, id="middle-dot-joins-two-formulas"),
        pytest.param("最后一米", False, id="label-numeral-measure-is-a-phrase"),
        pytest.param("三心二意", False, id="idiom-tagged-i"),
        pytest.param("一干二净", False, id="set-phrase-tagged-l"),
        pytest.param("五一", False, id="a-day-named-by-its-date"),
        pytest.param("七七事变", False, id="an-event-named-by-its-date"),
        pytest.param("一班人", False, id="the-leadership-team"),
        pytest.param("一会、一站、一中心", True, id="a-list-of-numbered-parts"),
        pytest.param("提、议、办、评", False, id="a-list-of-steps-without-numerals"),
        pytest.param("五位一体", True, id="set-phrase-kept-as-a-common-term"),
        pytest.param("事心双解", False, id="slogan-no-word-before-the-numeral"),
        pytest.param("蛙声十里", False, id="label-and-a-distance"),
        pytest.param("约法十则", True, id="label-and-numbered-rules"),
        pytest.param("双一流高校", False, id="made-of-an-everyday-phrase"),
        pytest.param("规划一体化", False, id="yitihua-phrase"),
        pytest.param("主题党日", False, id="standard-activity-without-a-formula"),
        pytest.param("公司+基地+农户", True, id="plus-formula-of-partners"),
        pytest.param("河长+", True, id="plus-formula-open"),
        pytest.param("支部+合作社", True, id="plus-formula-two-labels"),
    ],
)
def test_is_model_name(name, expected):
    assert is_model_name(name, LEX) is expected


# --- featured ------------------------------------------------------------------------------------

FEATURED = [
    pytest.param(ORDER, "某县以“一核九+”工作法激活基层治理", {"一核九+"}, id="feat-title"),
    pytest.param(
        "严格落实“三会一课”制度，探索“支部四进”工作法。", "用好“三会一课”这把钥匙", {"支部四进"},
        id="feat-a-common-term-in-the-title-is-not-featured",
    ),
    pytest.param(
        PARTY_PLUS_TEXT, "“党建+新兴领域”激活非公企业红色引擎", {"党建+新兴领域"},
        id="feat-title-substring-not-featured",
    ),
    pytest.param(
        PARTY_PLUS_TEXT,
        "以“党建+”聚合力 以“党建+新兴领域”拓覆盖",
        {"党建+", "党建+新兴领域"},
        id="feat-title-both-standalone",
    ),
    pytest.param(
        "某村坚持党建引领，打造“一核双联四化三创建”党建模式，同时落实“三会一课”制度。", None,
        {"一核双联四化三创建"}, id="feat-introduced-moshi",
    ),
    pytest.param(
        "以“一心一情一条路”的党建工作模式凝聚群众。", "凝聚群众的村级实践", {"一心一情一条路"},
        id="feat-introduced-de-gongzuo-moshi",
    ),
    pytest.param(
        "严格落实“三会一课”制度，创新推行“五联共建”工作机制，深化“支部四进”品牌。", None, {"五联共建"},
        id="feat-first-introduced-not-first-mentioned",
    ),
    pytest.param(
        "小网格撬动大治理，社区创新“1+5+N”工作模式，完善县乡村三级联动体系。", "小网格撬动大治理", {"1+5+N"},
        id="feat-title-without-model-falls-back",
    ),
    pytest.param("开展“支部四进”活动，落实“三会一课”制度。", None, set(), id="feat-none"),
    pytest.param("社区“六联”为内核，蹚出新路。渭南市形成了“六联”模式。", None, {"六联"}, id="feat-introduced-at-a-later-mention"),
    pytest.param("创新“一领四微”乡村治 理新模式。", None, {"一领四微"}, id="feat-introduced-across-a-flattened-space"),
    pytest.param("形成“三位一体”的党组织体系。", None, set(), id="feat-a-common-term-is-never-featured"),
    pytest.param("采用“公司+基地+农户”模式，建成基地。", None, set(), id="feat-a-formula-of-partners-is-not-the-cases-own"),
]


@pytest.mark.parametrize(("text", "title", "expected"), FEATURED)
def test_featured(text, title, expected):
    assert {m.name for m in models(text, title) if m.featured} == expected


# --- components ------------------------------------------------------------------------------------

COMPONENTS = [
    pytest.param(ENUMERATED, "一核三+", ["党建+生产经营", "党建+改革发展", "党建+民生服务"], id="comp-enumerated"),
    pytest.param(
        ENUMERATED_AFTER_OTHER, "一核三+", ["党建+生产经营", "党建+改革发展", "党建+民生服务"],
        id="comp-enumerated-goes-to-matching-count",
    ),
    pytest.param(ENUMERATED_AFTER_OTHER, "三会一课", [], id="comp-enumerated-not-to-other-model"),
    pytest.param(PARTS_BEFORE, "三级联动体系", ["县委", "乡镇党委", "村党支部"], id="comp-before-plus"),
    pytest.param(PARTS_BEFORE_DASH, "四级联动网络", ["市委", "县委", "乡镇党委", "村党支部"], id="comp-before-dash"),
    pytest.param(PARTS_AFTER_QUOTED, "党建+", ["党建+网格", "党建+平台", "党建+服务"], id="comp-after-ji-quoted"),
    pytest.param(PARTS_AFTER_PLAIN, "党员三亮", ["亮身份", "亮承诺", "亮形象"], id="comp-after-ji-plain"),
    pytest.param("持续深化“支部四进”活动。", "支部四进", [], id="comp-none"),
    pytest.param(
        "县委建立“县委+乡镇党委”的三级联动体系。", "三级联动体系", ["县委", "乡镇党委"], id="comp-before-short-first-part",
    ),
    pytest.param(
        JISHI, "1+5+N", [], id="comp-jishi-is-not-ji",
    ),
    pytest.param(
        ADJACENT_MODELS, "三治三共三同", [], id="comp-preceding-model-is-not-a-parts-list",
    ),
    pytest.param(
        ENUMERATED_AFTER_COLON, "一核三+", ["党建+生产经营", "党建+改革发展", "党建+民生服务"],
        id="comp-enumerated-after-colon",
    ),
    pytest.param("推行“提、议、办、评”四步议事法。", "四步议事法", ["提", "议", "办", "评"], id="comp-before-numbered-method"),
]


@pytest.mark.parametrize(("text", "name", "expected"), COMPONENTS)
def test_components(text, name, expected):
    assert by_name(text, name).components == expected


# --- expected_count ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("一核九+", 9, id="yihe-jiu-plus"),
        pytest.param("三级联动体系", 3, id="sanji"),
        pytest.param("四域联动格局", 4, id="siyu"),
        pytest.param("四级联动网络", 4, id="siji"),
        pytest.param("五联共建", 5, id="wulian"),
        pytest.param("两个覆盖", 2, id="liangge"),
        pytest.param("双报到", 2, id="shuang"),
        pytest.param("三单式", 3, id="sandanshi"),
        pytest.param("支部四进", 4, id="label-numeral"),
        pytest.param("1+5+N", None, id="formula"),
        pytest.param("4+X", None, id="formula-4x"),
        pytest.param("三治三共三同", None, id="several-numerals"),
        pytest.param("一核双联四化三创建", None, id="several-numerals-2"),
        pytest.param("党建+新兴领域", None, id="party-plus"),
        pytest.param("四步议事法", 4, id="sibu"),
        pytest.param("六字工作法", None, id="characters-not-parts"),
    ],
)
def test_expected_count(name, expected):
    assert expected_count(name) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param("该县创新推行“一核九+”工作法。", "一核九+", 9, id="record-yihe-jiu-plus"),
        pytest.param("构建县乡村三级联动体系。", "三级联动体系", 3, id="record-sanji"),
        pytest.param("社区构建“1+5+N”网格服务体系。", "1+5+N", None, id="record-formula"),
    ],
)
def test_expected_count_on_record(text, name, expected):
    assert by_name(text, name).expected_count == expected


# --- common --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name", "common"),
    [
        pytest.param("严格落实三会一课制度。", "三会一课", True, id="sanhui-yike"),
        pytest.param("深化两学一做学习教育。", "两学一做", True, id="liangxue-yizuo"),
        pytest.param("坚持三重一大事项集体决策。", "三重一大", True, id="sanzhong-yida"),
        pytest.param("推行四议两公开工作法。", "四议两公开", True, id="siyi-lianggongkai"),
        pytest.param("严格落实“三会一课”制度。", "三会一课", True, id="quoted-common"),
        pytest.param("该县创新推行“一核九+”工作法。", "一核九+", False, id="own-model"),
        pytest.param("推行4+X党员活动日。", "4+X", False, id="own-formula"),
        pytest.param("构建县乡村三级联动体系。", "三级联动体系", False, id="own-numbered-system"),
    ],
)
def test_common(text, name, common):
    assert by_name(text, name).common is common


# --- parts / count mismatch ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        pytest.param("区里建立“区委党建办+街道党工委”的三级联动体系。", True, id="issue-two-parts-for-three"),
        pytest.param(
            "县委建立“县委+乡镇党委”的三级联动体系。", True, id="issue-two-short-parts-for-three",
        ),
        pytest.param("全市构建“市委—县委—乡镇党委—村党支部”的三级联动体系。", True, id="issue-four-parts-for-three"),
        pytest.param("社区开展“党员三亮”活动（即亮身份、亮承诺），激励党员作表率。", True, id="issue-ji-two-for-three"),
        pytest.param(PARTS_BEFORE, False, id="no-issue-before-matches"),
        pytest.param(PARTS_BEFORE_DASH, False, id="no-issue-dash-matches"),
        pytest.param(ENUMERATED, False, id="no-issue-enumeration-matches"),
        pytest.param(PARTS_AFTER_PLAIN, False, id="no-issue-ji-matches"),
        pytest.param(PARTS_AFTER_QUOTED, False, id="no-issue-without-expected-count"),
        pytest.param("持续深化“支部四进”活动。", False, id="no-issue-without-components"),
    ],
)
def test_parts_mismatch_issue(text, mismatch):
    found = issues(text)
    if mismatch:
        assert [i.code for i in found] == ["model-parts-mismatch"]
    else:
        assert found == []


@pytest.mark.parametrize(
    "text, featured",
    [
        pytest.param("统筹推进各项工作，以“125”工程为抓手，深入推进乡村振兴。", set(), id="speech-names-a-programme"),
        pytest.param("积极创建“聚民心、暖民心”“五心服务”党建品牌，构建治理格局。", {"五心服务"}, id="speech-tells-of-creating-its-brand"),
    ],
)
def test_a_speech_features_only_what_it_says_it_created(text, featured):
    """A speech reviews many works: a model it names is the case's own only where it says it created it."""
    assert {m.name for m in find_models(text, None, LEX, created_only=True)[0] if m.featured} == featured
