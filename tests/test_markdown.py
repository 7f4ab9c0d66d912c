"""Texts written in Markdown: heading levels read by a parser, items split at their level."""

from __future__ import annotations

import pytest

from casekit.extract.markdown import markdown_layout
from casekit.extract.read import Document, read_document
from casekit.pipeline import process_document


@pytest.mark.parametrize(
    "raw, levels",
    [
        pytest.param("# 汇编\n\n## 第一篇\n正文。", {"# 汇编": 1, "## 第一篇": 2}, id="levels"),
        pytest.param("# 汇编\n正文。\n#12371 热线\n## 条目", {"# 汇编": 1, "## 条目": 2}, id="hashtag-is-no-heading"),
        pytest.param("# 汇编\r\n## 条目\r\n正文。", {"# 汇编": 1, "## 条目": 2}, id="crlf"),
        pytest.param("# 汇编\n```\n# 代码\n```\n## 条目", {"# 汇编": 1, "## 条目": 2}, id="code-block"),
        pytest.param("# 只有一个标题\n正文。", {}, id="one-heading-is-no-markdown"),
    ],
)
def test_heading_levels(raw, levels):
    assert {raw[at:].splitlines()[0]: level for at, level in markdown_layout(raw).levels.items()} == levels


@pytest.mark.parametrize(
    "raw, breaks",
    [
        pytest.param("# 标题\n\n某某街道党工委\n\n---\n\n**背景情况**\n\n正文。", ["---"], id="rule-under-the-unit"),
        pytest.param("---\ntitle: 标题\n---\n\n正文。\n\n***\n\n**附记**", ["***"], id="front-matter-fences-are-no-rules"),
        pytest.param("标题\n---\n正文。", [], id="one-markdown-line-is-no-markdown"),
    ],
)
def test_thematic_breaks(raw, breaks):
    assert sorted(raw[at:].splitlines()[0] for at in markdown_layout(raw).breaks) == breaks


def test_a_markdown_submission_with_one_heading_reads_its_bold_sections(options):
    raw = ("# 推行“红色物业”破解小区治理难题\n\n青禾县某某街道党工委\n\n---\n\n**背景情况**\n\n小区长期没有物业。\n\n"
           "**主要做法与成效**\n\n街道组建物业联盟，服务小区12个。\n\n**经验启示**\n\n党建引领是关键。\n\n---\n")
    doc = Document(path="a.md", file="a.md", sha256="0" * 64, size=len(raw), encoding="utf-8", text=raw)
    (case,) = process_document(doc, options)
    assert [s.key for s in case.sections] == ["background", "practices", "lessons"]
    assert "---" not in case.text and case.sections[-1].text.endswith("党建引领是关键。")


def _items(n: int) -> list[str]:
    return [
        f"### 【基层一线】第{k}个社区推行“楼栋议事”新办法\n\n"
        f"<p><strong>青禾网消息</strong>（青禾新闻）：近日，梧川区第{k}个社区推行“楼栋议事”，"
        f"居民在楼栋里商量小区的事，已解决停车、绿化等问题{20 + k}件，居民满意度明显提升。<br></p>"
        f"<p>社区党委书记介绍，下一步将把议事范围扩大到全部{k + 5}个小区。</p>\n\n"
        f"[查看原文](https://news.example.cn/{k}.shtml)\n"
        for k in range(1, n + 1)
    ]


DIGEST = "\n".join([
    "# 《青禾新闻》 (20240301)", "", "## 本期摘要", "", "本期节目主要内容：", "",
    "1.【基层一线】第1个社区推行“楼栋议事”新办法；", "", "2.【基层一线】第2个社区推行“楼栋议事”新办法；", "",
    "3.【基层一线】第3个社区推行“楼栋议事”新办法；", "", "## 详细内容", "", *_items(3),
])


def test_a_markdown_digest_gives_one_case_an_item(tmp_path, options):
    path = tmp_path / "新闻.md"
    path.write_text(DIGEST, encoding="utf-8")
    cases = process_document(read_document(path), options)
    assert [c.title for c in cases] == [f"【基层一线】第{k}个社区推行“楼栋议事”新办法" for k in (1, 2, 3)]
    assert {c.collection for c in cases} == {"《青禾新闻》 (20240301)"}
    assert {c.genre for c in cases} == {"news"}
    for k, case in enumerate(cases, start=1):
        assert case.text.split("\n")[1].startswith("青禾网消息（青禾新闻）：近日")  # the HTML tags left out
        assert "查看原文" not in case.text and "本期节目" not in case.text and "<" not in case.text
        assert [i.text for i in case.indicators] == [f"{20 + k}件", f"{k + 5}个"]


def test_template_headings_in_markdown_head_sections_not_cases(tmp_path, options):
    body = "社区党委组织党员开展走访，共走访居民群众三百余户，收集意见建议，形成问题清单并逐项推进落实。"
    text = "\n\n".join(["# “三联三促”工作法激活社区治理", "梧川区桂溪街道党工委",
                       "## 背景情况", body, "## 主要做法", body, "## 经验启示", body])
    path = tmp_path / "案例.md"
    path.write_text(text, encoding="utf-8")
    (case,) = process_document(read_document(path), options)
    assert case.title == "“三联三促”工作法激活社区治理"
    assert [s.key for s in case.sections] == ["background", "practices", "lessons"]


def test_questions_as_headings_are_parts_of_one_text(tmp_path, options):
    answer = "开展文明城市创建，就是要强化市民的文明意识，形成文明的言行举止，不断提高城市文明程度和市民生活质量。"
    text = "\n\n".join(["## 创建省级文明城市", answer, "### 为什么要开展创建工作？", answer,
                       "### 作为普通市民可以做些什么？", answer])
    path = tmp_path / "问答.md"
    path.write_text(text, encoding="utf-8")
    (case,) = process_document(read_document(path), options)
    assert case.title == "创建省级文明城市"
    assert "可以做些什么" in case.text


def test_a_markdown_compilation_splits_at_its_case_level(tmp_path, options):
    body = "社区党委组织党员开展走访，共走访居民群众三百余户，收集意见建议，形成问题清单并逐项推进落实。"
    parts = ["# 2024年基层治理案例选编"]
    for name in ("柳塘镇推行“一会三议”", "石门乡推行“五联五帮”"):
        parts += [f"## {name}", "### 一、背景", body, "### 二、主要做法", body]
    path = tmp_path / "选编.md"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    cases = process_document(read_document(path), options)
    assert [c.title for c in cases] == ["柳塘镇推行“一会三议”", "石门乡推行“五联五帮”"]
    assert [[s.key for s in c.sections] for c in cases] == [["background", "practices"]] * 2
    assert {c.collection for c in cases} == {"2024年基层治理案例选编"}
