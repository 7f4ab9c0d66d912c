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
from dataclasses import asdict
from functools import lru_cache
from html import escape
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

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
               sources: Mapping[str, str] | None = None, findings: Mapping[str, list] | None = None) -> int:
    """Write the review page; returns the number of cases written.

    `sources` maps a record's `source.path` to its decoded source text; with it the page gives
    line numbers in the source file, without it character offsets. `findings` holds by case id
    what `casekit check` finds across the workspace; each case lists them after its own issues.
    """
    locator = _Locator(sources)
    count = 0
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(_register_head(title))
        fh.write("[")
        for count, record in enumerate(records, start=1):
            # records are streamed into the JSON block: the page is never held in memory whole
            added = [asdict(f) for f in (findings or {}).get(record["id"], [])]
            fh.write(("," if count > 1 else "") + _script_json(_view(count, record, locator, added)))
        fh.write("]")
        fh.write(f"</script>\n<script>{_asset('review.js')}</script>\n</body>\n</html>\n")
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


def _view(number: int, record: dict, locator: _Locator, added: Sequence[dict] = ()) -> dict:
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
        "issues": [{"severity": labels.SEVERITY.get(i["severity"], i["severity"]), "code": labels.finding(i["code"]),
                    "message": i["message"]} for i in [*record["issues"], *added]],
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


# --- server-side rendering of one case (mirrors renderCase in review.js) ----------------------


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
            f"<title>{_esc(title)}</title>\n<style>{_asset('review.css')}</style>\n</head>")


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


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    """The page's stylesheet or script, kept beside this module as review.css / review.js."""
    return resources.files("casekit.export").joinpath(name).read_text(encoding="utf-8")
