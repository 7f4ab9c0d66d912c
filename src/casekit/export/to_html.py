"""The review page: one self-contained HTML file an editor opens offline to check cases.

The register of all cases is a table the page's own script sorts, filters and lists a page of
rows at a time; a case body is rendered only when the editor opens it, so a page of ten
thousand cases stays responsive. The
cases travel as JSON in a `<script type="application/json">` block; the script builds every
node with createElement/textContent, so case text can never become markup.

`case_page` renders one case on the server side instead (no script needed), for
`casekit show ID --html FILE`. Both renderings share the view built by `_view`, the CSS, and the
same rules: headings from the record's sections, figures and models marked at their offsets,
overlapping spans resolved by keeping the first placed.
"""

from __future__ import annotations

import bisect
import json
import re
from html import escape
from pathlib import Path
from typing import Iterable, Mapping

from casekit import labels
from casekit.export.atomic import atomic_path

DEFAULT_TITLE = "casekit 案例审核"
EMPTY = "—"

# (key in the JS register, header, numeric sort)
COLUMNS = (
    ("n", "序号", True),
    ("title", "标题", False),
    ("unit", "申报单位", False),
    ("region", "地区", False),
    ("genre", "类型", False),
    ("domain", "领域", False),
    ("year", "年份", True),
    ("figures", "指标数", True),
    ("issues", "问题数", True),
)
# (key, label) of the select filters; the values come from the data in the browser
FILTERS = (("unit", "申报单位"), ("region", "地区"), ("genre", "类型"), ("domain", "领域"))

_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its surrounding whitespace


def write_html(records: Iterable[dict], target: Path, title: str = DEFAULT_TITLE,
               sources: Mapping[str, str] | None = None) -> int:
    """Write the review page; returns the number of cases written.

    `sources` maps a record's `source.path` to its decoded source text; with it the page gives
    line numbers in the source file, without it character offsets.
    """
    locator = _Locator(sources)
    count = 0
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(_register_head(title))
        fh.write("[")
        for count, record in enumerate(records, start=1):
            # records are streamed into the JSON block: the page is never held in memory whole
            fh.write(("," if count > 1 else "") + _script_json(_view(count, record, locator)))
        fh.write("]")
        fh.write(f"</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")
    return count


def case_page(record: dict, sources: Mapping[str, str] | None = None) -> str:
    """A complete HTML page for one case, rendered without script (for `casekit show --html`)."""
    view = _view(1, record, _Locator(sources))
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n{_head(view["title"] or view["id"])}\n<body>\n'
            f'<header><h1>{DEFAULT_TITLE}</h1></header>\n<main id="cases">\n{_case_html(view)}\n</main>\n</body>\n</html>\n')


# --- the view both renderings share ----------------------------------------------------------


class _Locator:
    """Where a figure stands in its source file, in the terms an editor can look up."""

    def __init__(self, sources: Mapping[str, str] | None):
        self.sources = sources or {}
        self.breaks: dict[str, list[int]] = {}  # offsets of "\n" per source, computed once

    def at(self, path: str, raw_start: int) -> str:
        """"第N行" (1-based) when the source text is known, else "第N字符" (its offset)."""
        text = self.sources.get(path)
        if text is None:
            return f"第{raw_start}字符"
        if path not in self.breaks:
            self.breaks[path] = [m.start() for m in re.finditer("\n", text)]
        return f"第{bisect.bisect_left(self.breaks[path], raw_start) + 1}行"


def _view(number: int, record: dict, locator: _Locator) -> dict:
    """The fields the page shows, labels resolved and positions computed, so the browser's
    script only lays them out (and the JSON carries no section text or sentences twice)."""
    return {
        "n": number,
        "id": record["id"],
        "title": record["title"],
        "subtitle": record["subtitle"],
        "unit": record["unit"],
        "region": record["region"],
        "genre": labels.genre(record["genre"]),
        "domain": record["domain"],
        "year": record["year"],
        "file": record["source"]["file"],
        "text": record["text"],
        "blocks": _blocks(record["text"], record["sections"]),
        "figures": [_figure(i, record["source"]["path"], locator) for i in record["indicators"]],
        "models": [{"name": m["name"], "components": m["components"], "start": m["start"], "end": m["end"]}
                   for m in record["models"]],
        "issues": [{"severity": labels.SEVERITY.get(i["severity"], i["severity"]), "code": i["code"],
                    "message": i["message"]} for i in record["issues"]],
    }


def _figure(indicator: dict, path: str, locator: _Locator) -> dict:
    normalized = indicator["normalized"]
    return {
        "text": indicator["text"],
        "value": _number(indicator["value"]),
        "unit": indicator["unit"],
        "normalized": f"{_number(normalized.get('value'))} {normalized.get('unit') or ''}".strip(),
        "subject": indicator["subject"] or "",
        "start": indicator["start"],
        "end": indicator["end"],
        "at": locator.at(path, indicator["raw_start"]),  # the file name is the case's, not repeated
    }


def _number(value) -> str:
    """A value as the page shows it: 12 rather than 12.0 (a value read from JSON may be either)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _blocks(text: str, sections: list[dict]) -> list[dict]:
    """The case text as headings ({"h": heading}) and paragraphs ({"s": start, "e": end}).

    A section's offsets cover its body; its heading as written sits in the text before it and
    is shown as a heading instead of as text. Text before, between and after sections (title
    lines, unsectioned news or speeches) stays as paragraphs, so nothing of the text is lost.
    """
    blocks: list[dict] = []
    done = 0
    for section in sections:
        gap_end = section["start"]
        at = text.rfind(section["heading"], done, gap_end) if section["heading"] else -1
        blocks += _paragraphs(text, done, at if at >= 0 else gap_end)
        blocks.append({"h": section["heading"] or labels.section(section["key"])})
        done = at + len(section["heading"]) if at >= 0 else gap_end
        blocks += _paragraphs(text, done, section["end"])
        done = max(done, section["end"])
    return blocks + _paragraphs(text, done, len(text))


def _paragraphs(text: str, start: int, end: int) -> list[dict]:
    return [{"s": start + m.start(), "e": start + m.end()} for m in _PARAGRAPH.finditer(text[start:end])]


def _script_json(value) -> str:
    """JSON safe inside a script element: "</" cannot close it and "<!--" cannot start the
    HTML parser's escaped-script state (both are still the same JSON)."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("</", "<\\/").replace("<!--", "\\u003c!--"))


# --- server-side rendering of one case (mirrors renderCase in SCRIPT) -------------------------


def _case_html(view: dict) -> str:
    key = f"case-{view['n']}"
    parts = [
        f'<article class="case" id="{key}" aria-labelledby="{key}-h">',
        f'<h2 id="{key}-h" tabindex="-1">{_esc(view["title"] or "（无标题）")}</h2>',
        f'<p class="subtitle">{_esc(view["subtitle"])}</p>' if view["subtitle"] else "",
        _meta_html(view),
        _issues_html(view),
        _models_html(view),
        LEGEND,
        _text_html(view),
        _where_html(view),
        "</article>",
    ]
    return "\n".join(p for p in parts if p)


def _meta_html(view: dict) -> str:
    rows = "".join(f"<div><dt>{name}</dt><dd>{_esc(value) if value else EMPTY}</dd></div>"
                   for name, value in _meta(view))
    return f'<dl class="meta">{rows}</dl>'


def _meta(view: dict) -> list[tuple[str, str]]:
    return [("申报单位", view["unit"]), ("地区", view["region"]), ("类型", view["genre"]),
            ("领域", "、".join(view["domain"])), ("年份", _number(view["year"])), ("来源文件", view["file"]),
            ("编号", view["id"])]


def _issues_html(view: dict) -> str:
    if not view["issues"]:
        return '<section class="issues"><h3>质检提示</h3><p>未发现问题。</p></section>'
    items = "".join(f'<li><strong>{_esc(i["severity"])}</strong> {_esc(i["message"])}'
                    f'<span class="code">（{_esc(i["code"])}）</span></li>' for i in view["issues"])
    return f'<section class="issues has-issues"><h3>质检提示</h3><ul>{items}</ul></section>'


def _models_html(view: dict) -> str:
    if not view["models"]:
        return ""
    items = "".join(f'<li><span class="model-name">{_esc(m["name"])}</span>{_esc(_components(m))}</li>'
                    for m in view["models"])
    return f'<section class="models"><h3>特色模式</h3><ul>{items}</ul></section>'


def _components(model: dict) -> str:
    return f"：{'、'.join(model['components'])}" if model["components"] else ""


def _text_html(view: dict) -> str:
    spans = _placed(view)
    parts = []
    for block in view["blocks"]:
        if "h" in block:
            parts.append(f"<h3>{_esc(block['h'])}</h3>")
        else:
            parts.append(f"<p>{_highlight(view['text'], block['s'], block['e'], spans)}</p>")
    return f'<div class="text">{"".join(parts)}</div>'


def _placed(view: dict) -> list[tuple[int, int, str]]:
    """(start, end, opening tag) of the spans to mark: sorted, and a span overlapping one
    already placed (a figure inside a model name) is skipped, so marks never nest or cross."""
    spans = [(f["start"], f["end"], _figure_tag(f)) for f in view["figures"]]
    spans += [(m["start"], m["end"], _model_tag(m)) for m in view["models"]]
    spans.sort(key=lambda s: (s[0], -s[1]))
    placed, reach = [], 0
    for span in spans:
        if span[0] >= reach and span[1] > span[0]:
            placed.append(span)
            reach = span[1]
    return placed


def _highlight(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    out, pos = [], start
    for s, e, tag in spans:
        if s >= start and e <= end:
            out.append(f"{_esc(text[pos:s])}{tag}{_esc(text[s:e])}</mark>")
            pos = e
    out.append(_esc(text[pos:end]))
    return "".join(out)


def _figure_tag(f: dict) -> str:
    return (f'<mark class="figure" tabindex="0" data-value="{_esc(f["value"])}" data-unit="{_esc(f["unit"])}" '
            f'data-normalized="{_esc(f["normalized"])}" data-subject="{_esc(f["subject"])}" '
            f'title="{_esc(_figure_tip(f))}">')


def _model_tag(m: dict) -> str:
    return (f'<mark class="model" tabindex="0" data-components="{_esc("、".join(m["components"]))}" '
            f'title="{_esc(_model_tip(m))}">')


def _figure_tip(f: dict) -> str:
    lines = [f"数值：{f['value']}", f"单位：{f['unit']}", f"标准化：{f['normalized']}"]
    return "\n".join(lines + ([f"对象：{f['subject']}"] if f["subject"] else []))


def _model_tip(m: dict) -> str:
    return f"模式：{m['name']}" + (f"\n组成：{'、'.join(m['components'])}" if m["components"] else "")


def _where_html(view: dict) -> str:
    if not view["figures"]:
        return ""
    items = "".join(f'<li><span class="fig">{_esc(f["text"])}</span>'
                    f'{_esc(" · " + f["subject"] if f["subject"] else "")} — {_esc(view["file"])} {_esc(f["at"])}</li>'
                    for f in view["figures"])
    return f'<section class="where"><h3>来源位置</h3><ol>{items}</ol></section>'


def _esc(value) -> str:
    return escape("" if value is None else str(value), quote=True)


# --- the page ---------------------------------------------------------------------------------


LEGEND = ('<p class="legend">图例：<span class="figure">数据</span> <span class="model">模式</span>'
          '（将鼠标移到标记上或用 Tab 键选中，可看到数值、单位、标准化值和对象）</p>')


def _head(title: str) -> str:
    return (f'<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(title)}</title>\n<style>{CSS}</style>\n</head>")


def _register_head(title: str) -> str:
    """Everything before the JSON data: header, filters, the empty register, the case area.

    The page script reads the columns (and which sort as numbers) from the header buttons."""
    selects = "".join(f'<label>{name}<select data-filter="{key}"><option value="">全部</option></select></label>'
                      for key, name in FILTERS)
    headers = "".join(f'<th scope="col" aria-sort="none"><button type="button" class="sort" data-key="{key}"'
                      f'{" data-numeric" if numeric else ""}>{name}<span class="arrow" aria-hidden="true"></span>'
                      f"</button></th>" for key, name, numeric in COLUMNS)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
{_head(title)}
<body>
<header><h1>{_esc(title)}</h1></header>
<noscript><p class="notice">本页需要启用 JavaScript 才能筛选和查看案例。</p></noscript>
<main>
<section id="register" aria-label="案例登记表">
<form id="filters" class="control" role="search">{selects}<label class="query">搜索<input type="search" id="query" placeholder="标题、申报单位或正文中的词"></label><button type="reset">清除筛选</button></form>
<p id="count" aria-live="polite"></p>
<div class="table-wrap"><table><thead><tr>{headers}</tr></thead><tbody></tbody></table></div>
<p class="control"><button type="button" id="more" hidden></button></p>
</section>
<section id="cases" aria-label="已打开的案例"></section>
</main>
<script type="application/json" id="casekit-data">"""


CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --focus: #0b57d0;
  --figure: #ffe58a; --model: #cfe6ff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6;
  font: 16px/1.6 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 1rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 0 0 .25rem; line-height: 1.4; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.notice { background: #fff8c5; padding: .5rem 1rem; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; padding: .75rem;
  background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
#filters label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
#filters select, #filters input { font: inherit; color: var(--ink); min-width: 9rem; max-width: 16rem;
  padding: .25rem .4rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; }
#filters .query input { min-width: 16rem; }
button { font: inherit; color: var(--ink); cursor: pointer; }
#filters button, .case-tools button { padding: .3rem .8rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; }
#count { margin: .5rem 0; color: var(--muted); }
#more { margin-top: .5rem; padding: .3rem .8rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; }
.table-wrap { max-height: 55vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #eaeef2; z-index: 1; padding: 0; white-space: nowrap; }
th button.sort { width: 100%; padding: .4rem .5rem; border: 0; background: none; text-align: left; font-weight: 600; }
th[aria-sort="ascending"] .arrow::after { content: " ▲"; }
th[aria-sort="descending"] .arrow::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td:not(.col-title):not(.col-unit) { white-space: nowrap; }
td.col-title { min-width: 16rem; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody tr.is-open { background: #fff4d6; }
button.open { border: 0; padding: 0; background: none; color: #0b57d0; text-decoration: underline; text-align: left; }
#cases { margin-top: 1.5rem; margin-bottom: 3rem; }
.case { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.5rem 1.5rem; margin: 0 0 1.5rem; max-width: 60rem; }
.case-tools { float: right; margin-left: 1rem; }
.subtitle { margin: 0 0 .5rem; color: var(--muted); }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .25rem 1.5rem; margin: .75rem 0; }
.meta div { display: flex; gap: .5rem; }
.meta dt { color: var(--muted); white-space: nowrap; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.issues { background: var(--panel); border-left: 4px solid #8c959f; padding: .1rem 1rem .4rem; }
.issues.has-issues { background: #fff1e5; border-left-color: #bc4c00; }
.issues h3 { margin-top: .5rem; }
.issues .code { color: var(--muted); font-size: .85rem; }
.models ul { padding-left: 1.2rem; }
.model-name { font-weight: 600; }
.legend { font-size: .9rem; color: var(--muted); }
.text { border-top: 1px solid var(--line); margin-top: 1rem; }
.text p { margin: .5rem 0; text-indent: 2em; line-height: 1.9; }
mark, .legend span { color: #1a1a1a; border-radius: 2px; padding: 0 1px; position: relative; }
.figure { background: var(--figure); border-bottom: 2px solid #9a6700; }
.model { background: var(--model); border-bottom: 2px dashed #0550ae; }
mark[tabindex]:focus-visible::after { content: attr(title); position: absolute; left: 0; top: calc(100% + 4px);
  z-index: 10; white-space: pre; text-indent: 0; background: #1f2328; color: #fff; padding: .4rem .6rem;
  border-radius: 4px; font-size: .85rem; line-height: 1.5; font-weight: normal; }
.where ol { padding-left: 2rem; font-size: .95rem; }
.where .fig { font-weight: 600; }
@media print {
  .control, .case-tools, noscript { display: none !important; }
  body.has-open #register { display: none; }
  header, main { max-width: none; padding: 0; }
  .table-wrap { max-height: none; overflow: visible; border: 0; }
  thead th { position: static; }
  button.open { color: inherit; text-decoration: none; }
  .case { border: 0; padding: 0; max-width: none; break-before: page; }
  .case:first-child { break-before: auto; }
  mark, .legend span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark::after { display: none !important; }
  :focus-visible { outline: none; }
  h2, h3 { break-after: avoid; }
}
"""

# The register and the on-demand case view; renderCase mirrors _case_html above. Data reaches
# the DOM only through textContent, append(string) and setAttribute, never as markup.
SCRIPT = r"""
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("casekit-data").textContent);
  const tbody = document.querySelector("#register tbody");
  const count = document.getElementById("count");
  const more = document.getElementById("more");
  const PAGE = 200;  // rows in the table at a time: ten thousand rows would make layout slow
  const caseArea = document.getElementById("cases");
  const form = document.getElementById("filters");
  const query = document.getElementById("query");
  const selects = [...form.querySelectorAll("select[data-filter]")];
  const collator = new Intl.Collator("zh-CN", { numeric: true });
  const EMPTY = "—";

  const cell = {
    n: c => c.n, title: c => c.title || "", unit: c => c.unit || "", region: c => c.region || "",
    genre: c => c.genre || "", domain: c => c.domain.join("、"), year: c => c.year,
    figures: c => c.figures.length, issues: c => c.issues.length,
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== "") node.append(child);
    }
    return node;
  }

  // --- register ---

  const keys = [...document.querySelectorAll("thead button.sort")].map(b => b.dataset.key);
  const NUMERIC = new Set([...document.querySelectorAll("thead button.sort[data-numeric]")].map(b => b.dataset.key));
  // every case in sort order; `match` says whether it passes the filters, `tr` is made when first listed
  const rows = data.map(c => ({ c, match: true, tr: null, hay: null }));
  let limit = PAGE;

  function row(c) {
    const tr = el("tr", { "data-n": c.n });
    for (const key of keys) {
      const value = cell[key](c);
      const td = el("td", { class: "col-" + key + (NUMERIC.has(key) ? " num" : "") });
      if (key === "title") td.append(el("button", { type: "button", class: "open", "data-n": c.n }, value || "（无标题）"));
      else td.textContent = value === null || value === "" ? EMPTY : String(value);
      tr.append(td);
    }
    return tr;
  }

  function fillSelects() {
    for (const select of selects) {
      const key = select.dataset.filter;
      const values = new Set();
      for (const c of data) for (const v of key === "domain" ? c.domain : [cell[key](c)]) if (v) values.add(v);
      for (const v of [...values].sort(collator.compare)) select.append(el("option", { value: v }, v));
    }
  }

  function matches(r, terms, chosen) {
    for (const [key, value] of chosen) {
      if (key === "domain" ? !r.c.domain.includes(value) : cell[key](r.c) !== value) return false;
    }
    if (!terms.length) return true;
    if (r.hay === null) r.hay = [r.c.title, r.c.unit, r.c.text].join("\n").toLowerCase();
    return terms.every(t => r.hay.includes(t));
  }

  function applyFilters() {
    const terms = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = selects.filter(s => s.value).map(s => [s.dataset.filter, s.value]);
    for (const r of rows) r.match = matches(r, terms, chosen);
    limit = PAGE;
    list();
  }

  function list() {
    const matching = rows.filter(r => r.match);
    tbody.replaceChildren(...matching.slice(0, limit).map(trOf));
    const listed = Math.min(limit, matching.length);
    count.textContent = `显示 ${matching.length} / ${rows.length} 个案例` + (listed < matching.length ? `，已列出前 ${listed} 个` : "");
    more.hidden = listed >= matching.length;
    more.textContent = `再列出 ${Math.min(PAGE, matching.length - listed)} 个`;
  }

  function trOf(r) {
    if (!r.tr) r.tr = row(r.c);
    return r.tr;
  }

  function sortBy(button) {
    const th = button.closest("th");
    const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    for (const other of document.querySelectorAll("thead th")) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    const get = cell[button.dataset.key];
    const numeric = NUMERIC.has(button.dataset.key);
    const blank = v => v === null || v === "";
    rows.sort((a, b) => {
      const x = get(a.c), y = get(b.c);
      if (blank(x) || blank(y)) return blank(x) === blank(y) ? a.c.n - b.c.n : (blank(x) ? 1 : -1);
      const d = numeric ? x - y : collator.compare(x, y);
      return d ? d * dir : a.c.n - b.c.n;
    });
    list();
  }

  // --- one case ---

  function renderCase(c) {
    const key = "case-" + c.n;
    const close = el("button", { type: "button", class: "close" }, "关闭");
    close.addEventListener("click", () => closeCase(c));
    return el("article", { class: "case", id: key, "aria-labelledby": key + "-h" },
      el("div", { class: "case-tools control" }, close),
      el("h2", { id: key + "-h", tabindex: "-1" }, c.title || "（无标题）"),
      c.subtitle ? el("p", { class: "subtitle" }, c.subtitle) : null,
      meta(c), issues(c), models(c), legend(), text(c), where(c));
  }

  function meta(c) {
    const pairs = [["申报单位", c.unit], ["地区", c.region], ["类型", c.genre], ["领域", c.domain.join("、")],
      ["年份", c.year === null ? "" : String(c.year)], ["来源文件", c.file], ["编号", c.id]];
    return el("dl", { class: "meta" }, ...pairs.map(([name, value]) => el("div", null, el("dt", null, name), el("dd", null, value || EMPTY))));
  }

  function issues(c) {
    if (!c.issues.length) return el("section", { class: "issues" }, el("h3", null, "质检提示"), el("p", null, "未发现问题。"));
    return el("section", { class: "issues has-issues" }, el("h3", null, "质检提示"),
      el("ul", null, ...c.issues.map(i => el("li", null, el("strong", null, i.severity), " " + i.message,
        el("span", { class: "code" }, "（" + i.code + "）")))));
  }

  function models(c) {
    if (!c.models.length) return null;
    return el("section", { class: "models" }, el("h3", null, "特色模式"),
      el("ul", null, ...c.models.map(m => el("li", null, el("span", { class: "model-name" }, m.name),
        m.components.length ? "：" + m.components.join("、") : ""))));
  }

  function legend() {
    return el("p", { class: "legend" }, "图例：", el("span", { class: "figure" }, "数据"), " ",
      el("span", { class: "model" }, "模式"), "（将鼠标移到标记上或用 Tab 键选中，可看到数值、单位、标准化值和对象）");
  }

  function text(c) {
    const spans = placed(c);
    return el("div", { class: "text" }, ...c.blocks.map(b => "h" in b ? el("h3", null, b.h)
      : el("p", null, ...highlight(c.text, b.s, b.e, spans))));
  }

  // Sorted spans; one overlapping a span already placed (a figure inside a model name) is skipped.
  function placed(c) {
    const spans = c.figures.map(f => ({ start: f.start, end: f.end, mark: () => figureMark(f) }))
      .concat(c.models.map(m => ({ start: m.start, end: m.end, mark: () => modelMark(m) })));
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept = [];
    let reach = 0;
    for (const s of spans) {
      if (s.start >= reach && s.end > s.start) { kept.push(s); reach = s.end; }
    }
    return kept;
  }

  function highlight(text, start, end, spans) {
    const out = [];
    let pos = start;
    for (const s of spans) {
      if (s.start >= start && s.end <= end) {
        const mark = s.mark();
        mark.textContent = text.slice(s.start, s.end);
        out.push(text.slice(pos, s.start), mark);
        pos = s.end;
      }
    }
    out.push(text.slice(pos, end));
    return out;
  }

  function figureMark(f) {
    const tip = [`数值：${f.value}`, `单位：${f.unit}`, `标准化：${f.normalized}`].concat(f.subject ? [`对象：${f.subject}`] : []);
    return el("mark", { class: "figure", tabindex: "0", "data-value": f.value, "data-unit": f.unit,
      "data-normalized": f.normalized, "data-subject": f.subject, title: tip.join("\n") });
  }

  function modelMark(m) {
    const parts = m.components.join("、");
    return el("mark", { class: "model", tabindex: "0", "data-components": parts,
      title: `模式：${m.name}` + (parts ? `\n组成：${parts}` : "") });
  }

  function where(c) {
    if (!c.figures.length) return null;
    return el("section", { class: "where" }, el("h3", null, "来源位置"),
      el("ol", null, ...c.figures.map(f => el("li", null, el("span", { class: "fig" }, f.text),
        (f.subject ? " · " + f.subject : "") + " — " + c.file + " " + f.at))));
  }

  // --- opening and closing ---

  const byN = new Map(data.map(c => [c.n, c]));

  function openCase(c) {
    let article = document.getElementById("case-" + c.n);
    if (!article) {
      article = renderCase(c);
      caseArea.prepend(article);
    }
    markOpen(c, true);
    history.replaceState(null, "", "#case=" + encodeURIComponent(c.id));
    article.scrollIntoView({ block: "start" });
    article.querySelector("h2").focus({ preventScroll: true });
  }

  function closeCase(c) {
    document.getElementById("case-" + c.n).remove();
    markOpen(c, false);
    const opener = tbody.querySelector(`button.open[data-n="${c.n}"]`);
    if (opener) opener.focus();
  }

  function markOpen(c, open) {
    trOf(rows.find(r => r.c === c)).classList.toggle("is-open", open);
    document.body.classList.toggle("has-open", caseArea.children.length > 0);
  }

  // --- wiring ---

  fillSelects();
  applyFilters();
  more.addEventListener("click", () => { limit += PAGE; list(); });
  let pending = 0;
  query.addEventListener("input", () => { clearTimeout(pending); pending = setTimeout(applyFilters, 150); });
  for (const select of selects) select.addEventListener("change", applyFilters);
  form.addEventListener("reset", () => setTimeout(applyFilters));
  form.addEventListener("submit", event => { event.preventDefault(); applyFilters(); });
  document.querySelector("thead").addEventListener("click", event => {
    const button = event.target.closest("button.sort");
    if (button) sortBy(button);
  });
  tbody.addEventListener("click", event => {
    const button = event.target.closest("button.open");
    if (button) openCase(byN.get(Number(button.dataset.n)));
  });
  const wanted = decodeURIComponent(location.hash.startsWith("#case=") ? location.hash.slice(6) : "");
  const linked = wanted && data.find(c => c.id === wanted);
  if (linked) openCase(linked);
})();
"""
