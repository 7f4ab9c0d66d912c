// The register and the on-demand case view; renderCase mirrors _case_html in to_html.py. Data reaches
// the DOM only through textContent, append(string) and setAttribute, never as markup.
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
