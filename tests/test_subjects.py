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
    ],
)
def test_subject(sentence, figure, subject, lexicon):
    (found,) = [f for f in find_indicators(sentence, lexicon.units) if f.text == figure]
    assert find_subject(sentence, found.start, found.end, segment(sentence), lexicon.subject_words) == subject
