"""What a figure counts: the noun phrase beside it."""

from __future__ import annotations

import pytest

from casekit.extract.indicators import find_indicators
from casekit.extract.subjects import find_subject
from casekit.extract.tokens import segment


@pytest.mark.parametrize(
    "sentence, figure, subject",
    [
        pytest.param("社区党委现有党员332人，", "332人", "党员", id="noun-before"),
        pytest.param("聘请26名企业家担任顾问。", "26名", "企业家", id="noun-after-measure-word"),
        pytest.param("开展共建活动累计达219次。", "219次", "共建活动", id="passes-over-approx-verbs"),
        pytest.param("全区1765个“两新”组织建立了党组织。", "1765个", "两新组织", id="quoted-term-is-one-noun"),
        pytest.param("每年组织1337名村（社区）干部参加轮训。", "1337名", "村（社区）干部", id="brackets-inside"),
        pytest.param("共90人的信息员队伍及时掌握民意。", "90人", "信息员队伍", id="de-after-figure"),
        pytest.param("解决上访诉求260人次，帮扶209人次。", "209人次", "帮扶", id="verb-when-no-noun"),
        pytest.param("物业服务覆盖率仅为61.5%。", "61.5%", "物业服务覆盖率", id="passes-over-only"),
        pytest.param("物业服务覆盖率提升至92%。", "92%", "物业服务覆盖率", id="passes-over-change-verb-and-zhi"),
        pytest.param("小区投诉量由2020年的4300件下降。", "4300件", "小区投诉量", id="passes-over-from-a-year"),
        pytest.param("全年办结率达到97.3%。", "97.3%", "办结率", id="rate-suffix-ends-a-noun"),
        pytest.param("考核权重不低于30%。", "30%", "考核权重", id="passes-over-not-below"),
        pytest.param("共收集需求清单 527 份。", "527 份", "需求清单", id="passes-over-a-space-from-a-pdf"),
        pytest.param("新建党群服务中心15个。", "15个", "党群服务中心", id="stops-at-a-verb-of-creation"),
        pytest.param("培育致富带头人86名。", "86名", "致富带头人", id="stops-at-peiyu"),
        pytest.param("志愿服务时长超过1万小时。", "1万小时", "志愿服务时长", id="shichang-is-one-noun"),
        pytest.param("近三年，全镇信访总量下降42%。", "42%", "信访总量", id="passes-over-a-verb-of-change"),
        pytest.param("村集体收入增长30%。", "30%", "村集体收入", id="shouru-is-a-noun"),
        pytest.param("实现生产总值216亿元，同比增长10%。", "10%", "同比增长", id="keeps-the-verb-after-tongbi"),
        pytest.param("完成老旧小区改造118个。", "118个", "老旧小区改造", id="noun-phrase-and-its-verb"),
        pytest.param("全区物业投诉量同比下降46.8%。", "46.8%", "物业投诉量", id="noun-tongbi-verb"),
        pytest.param("社区投诉量较2020年下降65%。", "65%", "社区投诉量", id="noun-compared-with-a-year-verb"),
        pytest.param("事件处置时长由原来的3.5天缩短。", "3.5天", "时长", id="passes-over-yuanlai"),
        pytest.param("仅2020年社区受理的物业投诉就达430余件。", "430余件", "物业投诉", id="passes-over-jiu"),
        pytest.param("全镇29个村全部建立村民议事会。", "29个", "村", id="quanbu-ends-the-noun"),
        pytest.param("每期参训人数不少于50人。", "50人", "参训人数", id="passes-over-not-less-than"),
        pytest.param("指标\t2020年\t2022年\n物业覆盖率\t60%\t100%", "100%", "物业覆盖率", id="table-row-label"),
        pytest.param("项目\t数量\n2022年新建\t12个", "12个", None, id="no-label-with-digits"),
        pytest.param("（二）深度贫困村：24个", "24个", "深度贫困村", id="label-before-a-colon"),
        pytest.param("全村187户，土地不到900亩。", "187户", "全村", id="a-whole-place-with-no-noun"),
        pytest.param("某镇位于县城东郊，辖25个行政村、3个社区，5.1万人。", "5.1万人", "人口", id="people-alone-in-a-place-profile"),
        pytest.param("对86名青年党员推行结对培养计划。", "86名", "青年党员", id="a-time-word-inside-the-noun-phrase"),
        pytest.param("社区有入党积极分子6名，其中有3名为居民积极分子。", "3名", "居民积极分子", id="a-count-then-what-they-are"),
        pytest.param("活动当天，来了300人。", "300人", None, id="people-alone-outside-a-profile"),
        pytest.param("铁路港站月度作业量首次突破5万标准箱。", "5万标准箱", "铁路港站月度作业量", id="passes-over-shouci"),
        pytest.param("办理满意率一直保持在99%以上。", "99%以上", "办理满意率", id="passes-over-an-adverb-and-baochi-zai"),
        pytest.param("粮食总产量稳定在3.1万吨。", "3.1万吨", "粮食总产量", id="passes-over-wending-zai"),
        pytest.param("全镇一般公共预算收入完成1.37亿元。", "1.37亿元", "一般公共预算收入", id="passes-over-wancheng"),
        pytest.param("小区业委会党员占比达到56.7%。", "56.7%", "小区业委会党员", id="zhan-bi-cut-in-two-words"),
        pytest.param("村党组织书记“一肩挑”占比达100%。", "100%", "村党组织书记一肩挑", id="lead-ins-run-together-across-words"),
        pytest.param("全县修订完善村规民约132部。", "132部", "村规民约", id="yue-ending-a-word-is-no-approx"),
        pytest.param("悬挂着8张特殊的“网格图”。", "8张", "网格图", id="noun-after-an-attribute-with-de"),
        pytest.param("其中35岁以下的占65.2%。", "65.2%", "35岁以下的占比", id="share-of-a-kind-with-de"),
        pytest.param("大专以上学历的占比提高到58.3%。", "58.3%", "大专以上学历的占比", id="share-of-a-kind-raised-to"),
        pytest.param("我7次听取基层党组织书记专题汇报。", "7次", "听取基层党组织书记专题汇报", id="times-before-what-was-done"),
        pytest.param("共撤换不合格农村党组织书记10名。", "10名", "不合格农村党组织书记", id="keeps-its-negation"),
        pytest.param("调整不胜任的村干部23名。", "23名", "不胜任的村干部", id="keeps-a-negated-qualifier"),
        pytest.param("帮助未脱贫户120户实现增收。", "120户", "未脱贫户", id="keeps-wei"),
        pytest.param("对9名留守儿童开展结对帮扶。", "9名", "留守儿童", id="people-a-verb-describes"),
        pytest.param("换届中有404名新选任村党支部书记。", "404名", "新选任村党支部书记", id="people-two-words-describe"),
        pytest.param("全村现有低保户56户203人。", "56户", "低保户", id="households-then-people-count-the-noun-before"),
        pytest.param("将环境卫生等6类38项内容纳入积分。", "6类", "内容", id="noun-after-stacked-figures"),
        pytest.param("结对资助3户困难家庭共12000元。", "12000元", "资助3户困难家庭", id="a-count-inside-the-noun-phrase"),
        pytest.param("公益岗位工资1500元/月，", "1500元", "公益岗位工资", id="rate-denominator-is-no-noun"),
        pytest.param("（三）重点帮扶村：12个（名单附后）", "12个", "重点帮扶村", id="bracketed-aside-after-a-figure"),
        pytest.param("3.社区服务站6个。", "6个", "社区服务站", id="list-number-is-no-word"),
        pytest.param("火灾造成2人死亡，15人受伤。", "15人", "受伤", id="people-a-clause-opens-on-counted-by-what-they-did"),
        pytest.param("建成综合服务中心（矛盾纠纷调处中心）14个，", "14个", "综合服务中心", id="aside-in-brackets-before-a-figure"),
        pytest.param("服务站点也从12个增至27个。", "27个", "服务站点", id="end-of-a-change-from-cong"),
        pytest.param("村级合作社由三年前的不足十个发展到目前的46个。", "46个", "村级合作社", id="end-of-a-long-change-from-you"),
        pytest.param("刚刚报到的16名选调生也跟班学习。", "16名", "选调生", id="people-whose-word-jieba-reads-as-a-verb"),
        pytest.param("中心设服务窗口3个，", "3个", "服务窗口", id="a-place-word-before-the-figure"),
        pytest.param("辖7个自然村寨，", "7个", "自然村寨", id="a-noun-opening-on-a-word-read-as-an-adverb"),
        pytest.param("参加论坛的各界人士，总共有700人，", "700人", "各界人士", id="the-clause-before-names-who-a-total-counts"),
        pytest.param("已完成3个，正在建设", "3个", None, id="a-clause-of-a-verb-alone-names-nothing"),
    ],
)
def test_subject(sentence, figure, subject, lexicon):
    (found,) = [f for f in find_indicators(sentence, lexicon.units) if f.text == figure]
    assert find_subject(sentence, found.start, found.end, segment(sentence), lexicon.subject_words) == subject


@pytest.mark.parametrize(
    "sentence, figure, earlier, subject",
    [
        pytest.param("共有城市社区60个，约占全市的60%。", "60%", "城市社区", "城市社区", id="share-of-the-figure-before"),
        pytest.param("培训党员1200人次，占党员总数的85%。", "85%", "党员", "党员", id="share-without-approx"),
        pytest.param("全区党员3万余名，城市党员占70%以上。", "70%以上", "党员", "城市党员", id="share-with-its-own-noun"),
        pytest.param("新建阵地12个，覆盖率达到95%。", "95%", "阵地", "覆盖率", id="not-a-share"),
        pytest.param("大专及以上学历26人，占比96.3%。", "96.3%", "大专及以上学历", "大专及以上学历", id="zhanbi"),
        pytest.param("公司投资400多万元，占地面积792平方米。", "792平方米", "公司投资", "占地面积", id="zhandi-is-no-share"),
        pytest.param("小区居民1.2万余户、3.6万人。", "3.6万人", "小区居民", "小区居民", id="next-item-of-a-list"),
        pytest.param("党员200人、群众300人。", "300人", "党员", "群众", id="list-item-with-its-own-noun"),
        pytest.param("投诉量由4300件下降到2022年的1800件。", "1800件", "投诉量", "投诉量", id="end-of-a-change"),
        pytest.param("全村187户，646人，土地不到900亩。", "646人", "全村", "全村", id="next-figure-after-a-comma"),
        pytest.param("全村有党员30人，群众646人。", "646人", "党员", "群众", id="a-clause-with-its-own-noun-after-a-comma"),
    ],
)
def test_subject_left_to_the_figure_before(sentence, figure, earlier, subject, lexicon):
    (found,) = [f for f in find_indicators(sentence, lexicon.units) if f.text == figure]
    tokens = segment(sentence)
    assert find_subject(sentence, found.start, found.end, tokens, lexicon.subject_words, earlier=earlier) == subject


def test_pipeline_passes_the_earlier_subject_only_within_a_sentence(lexicon):
    from casekit.extract.read import Document
    from casekit.options import Options
    from casekit.pipeline import process_document

    text = "一、基本情况\n共有城市社区60个，约占全市的60%。约占全省的15%。\n"
    doc = Document(path="x.txt", file="x.txt", sha256="0" * 64, encoding="utf-8", size=len(text), text=text)
    (case,) = process_document(doc, Options(lexicon))
    subjects = {i.text: i.subject for i in case.indicators}
    assert subjects["60%"] == "城市社区"
    assert subjects["15%"] != "城市社区"



def test_subjects_of_a_traditional_page_are_read_in_the_simplified_view_and_kept_as_written(lexicon):
    """The word lists match in simplified characters ("高達" is 高达); the subject keeps the page's own."""
    from casekit.extract.read import Document
    from casekit.options import Options
    from casekit.pipeline import process_document

    text = "黨組織領辦合作社\n全縣圖書館閱覽室場所使用率高達70%，381名村“兩委”成員參與。\n"
    doc = Document(path="x.txt", file="x.txt", sha256="0" * 64, encoding="utf-8", size=len(text), text=text)
    (case,) = process_document(doc, Options(lexicon))
    subjects = {i.text: i.subject for i in case.indicators}
    assert subjects["70%"].endswith("場所使用率")
    assert subjects["381名"] == "村兩委成員"


@pytest.mark.parametrize(
    "word, tag",
    [
        pytest.param("20402", "m", id="digits-are-a-numeral"),
        pytest.param("3.5", "m", id="a-decimal-is-a-numeral"),
        pytest.param(".", "x", id="a-full-stop-is-no-latin-word"),
        pytest.param("App", "eng", id="a-latin-word"),
    ],
)
def test_words_outside_the_tag_table(word, tag):
    """Digits are no noun: "5086户20402人" has none between its figures."""
    from casekit.extract.tokens import tag_of

    assert tag_of(word) == tag
