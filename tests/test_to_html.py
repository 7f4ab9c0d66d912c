"""The HTML review page: escaping, marks at their offsets, source lines, and the page in a real browser."""

from __future__ import annotations

import html
import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from casekit.export.to_html import case_page, write_html
from casekit.extract.read import Document, read_document
from casekit.pipeline import process_document

DATA = Path(__file__).resolve().parents[1] / "data"
EVIL = '<script>alert(1)</script> & "quotes"'
EVIL_TEXT = f"""{EVIL}的探索
中共某某县委组织部申报
一、背景
某某县有党员<b>1200名</b>，覆盖率达到95%。</script><!--<script> & "x" 'y'
二、主要做法
推行“1+5+N”模式，建成服务站36个。
"""
EVIL_TAIL = """\n</script><!--<script> & "x" 'y'"""
DATA_BLOCK = re.compile(r'<script type="application/json" id="casekit-data">(.*?)</script>', re.S)


def records_from(text: str, options, name: str = "a.txt") -> list[dict]:
    """Records as the real pipeline makes them from an invented text."""
    doc = Document(path=name, file=name, sha256="0" * 64, size=0, encoding="utf-8", text=text)
    return [case.to_dict() for case in process_document(doc, options)]


@pytest.fixture(scope="module")
def samples(options) -> tuple[list[dict], dict[str, str]]:
    """Every case of the sample files in data/, and their decoded source texts by path."""
    records, sources = [], {}
    for path in sorted(DATA.glob("*.txt")):
        doc = read_document(path, f"data/{path.name}")
        sources[doc.path] = doc.text
        records += [case.to_dict() for case in process_document(doc, options)]
    return records, sources


@pytest.fixture(scope="module")
def evil(options) -> dict:
    (record,) = records_from(EVIL_TEXT, options)
    record["title"] = record["unit"] = EVIL  # whatever the splitter makes of the first lines
    record["text"] += EVIL_TAIL  # cleaning cuts tags from a text, so put them back after its figures
    return record


class Marks(HTMLParser):
    """The <mark> elements of a page (attributes and text), headings, and whether marks nest."""

    def __init__(self, page: str):
        super().__init__()
        self.marks: list[dict] = []
        self.headings: list[tuple[str, str]] = []
        self.nested = False
        self._open: list[dict] = []
        self._heading: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.nested |= bool(self._open)
            self._open.append({**dict(attrs), "text": ""})
        elif tag in ("h1", "h2", "h3"):
            self._heading = [tag, ""]

    def handle_endtag(self, tag):
        if tag == "mark":
            self.marks.append(self._open.pop())
        elif tag in ("h1", "h2", "h3") and self._heading:
            self.headings.append(tuple(self._heading))
            self._heading = None

    def handle_data(self, data):
        for mark in self._open:
            mark["text"] += data
        if self._heading:
            self._heading[1] += data

    def of(self, cls: str) -> list[dict]:
        return [m for m in self.marks if m.get("class") == cls]


def number(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


# --- escaping -----------------------------------------------------------------------------------


def test_case_page_escapes_title_and_text(evil):
    page = case_page(evil)
    assert "<script" not in page and "<b>" not in page and "<!--" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    assert "&lt;/script&gt;&lt;!--&lt;script&gt; &amp; &quot;x&quot; &#x27;y&#x27;" in page
    parsed = Marks(page)
    assert ("h2", EVIL) in parsed.headings
    assert {m["data-value"] for m in parsed.of("figure")} == {"1200", "95", "36"}


def test_json_block_cannot_close_early(evil, tmp_path):
    target = tmp_path / "report.html"
    write_html([evil, evil], target)
    page = target.read_text(encoding="utf-8")
    (block,) = DATA_BLOCK.findall(page)
    assert "</" not in block and "<!--" not in block
    cases = json.loads(block)
    assert [c["title"] for c in cases] == [EVIL, EVIL]
    assert cases[0]["text"] == evil["text"]
    assert page.count("</script>") == 2  # the data block's and the page script's, nothing from the data


# --- marks, headings, positions -------------------------------------------------------------------


def test_every_indicator_is_marked_with_its_value(samples):
    records, _ = samples
    for record in records:
        figures = Marks(case_page(record)).of("figure")
        expected = [(i["text"], number(i["value"]), i["unit"]) for i in record["indicators"]]
        assert [(m["text"], m["data-value"], m["data-unit"]) for m in figures] == expected, record["id"]
        for mark, indicator in zip(figures, record["indicators"]):
            assert mark["tabindex"] == "0"
            assert mark["data-normalized"] == f"{number(indicator['normalized']['value'])} {indicator['normalized']['unit']}"
            assert mark["data-subject"] == (indicator["subject"] or "")
            assert f"数值：{mark['data-value']}" in mark["title"]


def test_known_figure_carries_value_unit_and_normalized(samples):
    records, _ = samples
    record = next(r for r in records if r["title"].startswith("凝心聚力"))
    (mark,) = [m for m in Marks(case_page(record)).of("figure") if m["text"] == "8.7万人次"]
    assert (mark["data-value"], mark["data-unit"], mark["data-normalized"]) == ("8.7", "万人次", "87000 人次")
    assert mark["title"] == "数值：8.7\n单位：万人次\n标准化：87000 人次\n对象：群体"


def test_models_are_marked_with_their_components(samples):
    records, _ = samples
    record = next(r for r in records if r["title"].startswith("涪城区"))
    models = Marks(case_page(record)).of("model")
    assert [m["text"] for m in models] == [m["name"] for m in record["models"]]
    (siyi,) = [m for m in models if m["text"] == "四议"]
    assert siyi["data-components"] == "小区党支部提议、四方联席会议商议、业主大会决议、居民监督评议"


def with_model_around_first_figure(record: dict) -> dict:
    """The record with a model name around its first figure, as when a figure is read inside a model name."""
    figure = record["indicators"][0]
    model = {"name": record["text"][figure["start"] - 2 : figure["end"]], "featured": True, "common": False,
             "components": [], "expected_count": None, "start": figure["start"] - 2, "end": figure["end"]}
    return {**record, "models": [model]}


def test_overlapping_spans_do_not_nest(options):
    (record,) = records_from("“3+2”工作法 推动治理\n一、背景\n全县推行“3+2”工作法，建成站点36个。\n", options)
    page = case_page(with_model_around_first_figure(record))
    parsed = Marks(page)
    assert not parsed.nested
    assert [m["text"] for m in parsed.marks] == ["站点36个"]
    assert "“3+2”工作法，建成" in page


def test_sections_become_headings_and_no_text_is_lost(samples):
    records, _ = samples
    for record in records:
        page = case_page(record)
        headings = [text for tag, text in Marks(page).headings if tag == "h3"]
        for section in record["sections"]:
            assert section["heading"] in headings
            assert f"<p>{section['heading']}</p>" not in page
        body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
        shown = html.unescape(re.sub(r"<[^>]+>|\s", "", body))
        assert shown == re.sub(r"\s", "", record["text"]), record["id"]


def test_line_numbers_when_sources_are_given(samples):
    records, sources = samples
    for record in records:
        text = sources[record["source"]["path"]]
        page = case_page(record, sources)
        for indicator in record["indicators"]:
            line = text.count("\n", 0, indicator["raw_start"]) + 1
            assert f"{record['source']['file']} 第{line}行" in page
    crlf = next(r for r in records if "CRLF" in r["source"]["file"])
    assert "\r\n" in sources[crlf["source"]["path"]]


def test_character_offsets_without_sources(samples):
    records, _ = samples
    record = records[0]
    page = case_page(record)
    assert "行</li>" not in page
    for indicator in record["indicators"]:
        assert f"{record['source']['file']} 第{indicator['raw_start']}字符" in page


# --- the file ---------------------------------------------------------------------------------------


def test_write_html_streams_records_into_one_page(samples, tmp_path):
    records, sources = samples
    target = tmp_path / "out" / "report.html"
    assert write_html((r for r in records), target, title="审核 <第一批>", sources=sources) == len(records)
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page
    assert "<h1>审核 &lt;第一批&gt;</h1>" in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)  # nothing fetched from the network
    for header in ("序号", "标题", "申报单位", "地区", "类型", "领域", "年份", "指标数", "问题数"):
        assert f'>{header}<span class="arrow"' in page
    cases = json.loads(DATA_BLOCK.search(page).group(1))
    assert [c["id"] for c in cases] == [r["id"] for r in records]
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_workspace_findings_follow_each_cases_own_issues(samples, tmp_path):
    from casekit.check import Finding

    records, _ = samples
    first = records[0]["id"]
    findings = {first: [Finding(first, records[0]["title"], "warning", "same-title", "与 x-01 标题相同")]}
    target = tmp_path / "report.html"
    write_html(records, target, findings=findings)
    cases = json.loads(DATA_BLOCK.search(target.read_text(encoding="utf-8")).group(1))
    assert cases[0]["issues"][-1] == {"severity": "提醒", "code": "标题相同", "message": "与 x-01 标题相同"}
    assert [len(c["issues"]) for c in cases[1:]] == [len(r["issues"]) for r in records[1:]]


def test_failed_export_leaves_no_file(samples, tmp_path):
    records, _ = samples

    def broken():
        yield records[0]
        raise RuntimeError("store went away")

    target = tmp_path / "report.html"
    with pytest.raises(RuntimeError):
        write_html(broken(), target)
    assert list(tmp_path.iterdir()) == []


# --- in a real browser --------------------------------------------------------------------------------

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def browser():
    """Headless Debian chromium driven by the system chromedriver; skipped where either is missing."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium and chromium-driver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    with tempfile.TemporaryDirectory() as profile:
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={profile}",
                     "--window-size=1280,1000"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture(scope="module")
def report(samples, tmp_path_factory) -> Path:
    records, sources = samples
    target = tmp_path_factory.mktemp("html") / "审核.html"
    write_html(records, target, sources=sources)
    return target


def visible_rows(driver) -> list:
    from selenium.webdriver.common.by import By

    return [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#register tbody tr") if tr.is_displayed()]


def wait_for_count(driver, text: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 5).until(lambda d: d.find_element("id", "count").text == text)


def test_browser_filters_register_and_opens_case(browser, report, samples):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    records, sources = samples
    browser.get(report.as_uri())
    assert browser.find_element(By.ID, "count").text == f"显示 {len(records)} / {len(records)} 个案例"
    assert len(visible_rows(browser)) == len(records)

    Select(browser.find_element(By.CSS_SELECTOR, 'select[data-filter="genre"]')).select_by_visible_text("新闻报道")
    wait_for_count(browser, f"显示 1 / {len(records)} 个案例")
    (row,) = visible_rows(browser)
    assert "亭湖区" in row.text

    browser.find_element(By.CSS_SELECTOR, 'button[type="reset"]').click()
    wait_for_count(browser, f"显示 {len(records)} / {len(records)} 个案例")
    browser.find_element(By.ID, "query").send_keys("暖蜂驿站")  # only in the second case of the compilation
    wait_for_count(browser, f"显示 1 / {len(records)} 个案例")
    (row,) = visible_rows(browser)
    row.find_element(By.CSS_SELECTOR, "button.open").click()

    record = next(r for r in records if r["title"].startswith("凝心聚力"))
    article = browser.find_element(By.CSS_SELECTOR, "#cases article")
    assert article.find_element(By.TAG_NAME, "h2").text == record["title"]
    assert browser.switch_to.active_element == article.find_element(By.TAG_NAME, "h2")
    marks = article.find_elements(By.CSS_SELECTOR, "mark.figure")
    assert [m.get_attribute("data-value") for m in marks] == [number(i["value"]) for i in record["indicators"]]
    (known,) = [m for m in marks if m.text == "8.7万人次"]
    assert (known.get_attribute("data-value"), known.get_attribute("data-normalized")) == ("8.7", "87000 人次")
    assert [m.text for m in article.find_elements(By.CSS_SELECTOR, "mark.model")] == [m["name"] for m in record["models"]]
    headings = [h.text for h in article.find_elements(By.TAG_NAME, "h3")]
    assert all(s["heading"] in headings for s in record["sections"])
    first = record["indicators"][0]
    line = sources[record["source"]["path"]].count("\n", 0, first["raw_start"]) + 1
    assert f"第{line}行" in article.find_element(By.CSS_SELECTOR, ".where li").text

    # the page and the server-side case page render the same marks
    served = Marks(case_page(record, sources)).of("figure")
    assert [m.get_attribute("title") for m in marks] == [m["title"] for m in served]


def test_browser_sorts_by_header_buttons_from_the_keyboard(browser, report, samples):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    records, _ = samples
    browser.get(report.as_uri())
    button = browser.find_element(By.CSS_SELECTOR, 'button.sort[data-key="figures"]')
    button.send_keys(Keys.ENTER)
    counts = [int(tr.find_elements(By.TAG_NAME, "td")[7].text) for tr in visible_rows(browser)]
    assert counts == sorted(len(r["indicators"]) for r in records)
    assert button.find_element(By.XPATH, "..").get_attribute("aria-sort") == "ascending"
    button.send_keys(Keys.ENTER)
    counts = [int(tr.find_elements(By.TAG_NAME, "td")[7].text) for tr in visible_rows(browser)]
    assert counts == sorted((len(r["indicators"]) for r in records), reverse=True)


def test_browser_shows_hostile_text_as_text(browser, evil, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    target = tmp_path / "evil.html"
    write_html([evil], target)
    browser.get(target.as_uri() + "#case=" + evil["id"])  # a link to a case opens it
    assert browser.find_elements(By.CSS_SELECTOR, "#register tbody script") == []
    assert browser.find_element(By.CSS_SELECTOR, "#register td.col-unit").text == EVIL
    article = browser.find_element(By.CSS_SELECTOR, "#cases article")
    assert article.find_element(By.TAG_NAME, "h2").text == EVIL
    assert article.find_elements(By.CSS_SELECTOR, "script, b") == []
    assert "</script><!--<script> & \"x\" 'y'" in article.text
    assert [m.get_attribute("data-value") for m in article.find_elements(By.CSS_SELECTOR, "mark.figure")] == ["1200", "95", "36"]
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text


def test_browser_skips_overlapping_spans(browser, evil, tmp_path):
    from selenium.webdriver.common.by import By

    record = with_model_around_first_figure(evil)
    target = tmp_path / "overlap.html"
    write_html([record], target)
    browser.get(target.as_uri())
    browser.find_element(By.CSS_SELECTOR, "button.open").click()
    text = browser.find_element(By.CSS_SELECTOR, "#cases .text")
    assert text.find_elements(By.CSS_SELECTOR, "mark mark") == []
    assert [m.text for m in text.find_elements(By.CSS_SELECTOR, "mark.model")] == [record["models"][0]["name"]]
    assert [m.get_attribute("data-value") for m in text.find_elements(By.CSS_SELECTOR, "mark.figure")] == ["95", "36"]
    assert "某某县有党员1200名，覆盖率" in text.text  # the figure inside the model is shown, unmarked
    assert EVIL_TAIL.strip() in text.text  # markup in a record's text is shown as text


def test_browser_prints_the_open_case_without_controls(browser, report):
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.find_element(By.ID, "register").is_displayed()  # nothing open: the register prints
        assert not browser.find_element(By.ID, "filters").is_displayed()
        browser.find_element(By.CSS_SELECTOR, "button.open").click()
        assert not browser.find_element(By.ID, "register").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "#cases button.close").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "#cases article").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_browser_lists_a_large_register_a_page_at_a_time(browser, samples, tmp_path):
    from selenium.webdriver.common.by import By

    records, _ = samples
    many = [{**records[k % len(records)], "id": f"case-{k}"} for k in range(450)]
    target = tmp_path / "many.html"
    write_html(many, target)
    browser.get(target.as_uri())
    assert browser.find_element(By.ID, "count").text == "显示 450 / 450 个案例，已列出前 200 个"
    assert len(visible_rows(browser)) == 200
    more = browser.find_element(By.ID, "more")
    more.click()
    more.click()
    assert len(visible_rows(browser)) == 450 and not more.is_displayed()
    browser.find_element(By.ID, "query").send_keys("暖蜂驿站")
    wait_for_count(browser, f"显示 {len(range(7, 450, 8))} / 450 个案例")
    assert len(visible_rows(browser)) == len(range(7, 450, 8))
