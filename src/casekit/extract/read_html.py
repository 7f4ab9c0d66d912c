"""HTML -> the page's text: its headline, a line of what the page says about itself, its main text.

The main text is found by trafilatura, a library made for it (it scores each block of the page,
so menus, sidebars, related-article lists and footers stay out however the site names its
markup). It writes the text as Markdown: an image stays as `![](…)` on its own line, which
cleaning drops while knowing the short line under it is the image's caption.

What the page says about itself (date, author, site) is kept as one "发布时间：… 来源：…" line
under the headline, as a page shows it, so the year and the genre's source cues read it the way
they read a pasted page. A page whose main text trafilatura cannot find (a bare list, a frame)
is read whole by a small stdlib parser that leaves out scripts, styles and marked furniture.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from casekit.extract import patterns as P
from casekit.extract.title_lines import strip_site_name

_MIN_MAIN_HAN = 20  # less than this is no main text (a frame, a list of links)
_OPENING_CHARS = 300  # a date line of the page's own stands within this much of the main text's start
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "iframe",
              "button", "select", "svg"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "table",
               "ul", "ol", "blockquote", "pre", "header", "main", "dd", "dt", "hr", "figcaption"}
_FURNITURE = re.compile(r"nav|menu|footer|sidebar|breadcrumb|comment|share|related|recommend|toolbar|copyright"
                        r"|topbar|top-bar|site-header|login|banner|logo", re.I)
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_ANY_SPACE = re.compile(r"\s+")


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in its <meta>, if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def html_text(markup: str) -> str:
    """The text casekit starts from for a page (see the module docstring)."""
    main = _main_text(markup)
    if main is None:
        return _whole_text(markup)
    head = _head_lines(markup, main)
    return "\n".join([*head, main])


def _main_text(markup: str) -> str | None:
    import trafilatura

    text = trafilatura.extract(markup, output_format="markdown", include_images=True, include_tables=True,
                               include_comments=False, include_links=False, include_formatting=False,
                               deduplicate=False)
    if not text or len(P.HAN_CHAR.findall(text)) < _MIN_MAIN_HAN:
        return None
    return _tidy(text)


def _head_lines(markup: str, main: str) -> list[str]:
    """The headline (unless the main text opens with it) and the page's date/author/site line."""
    from trafilatura import extract_metadata

    meta = extract_metadata(markup)
    lines = []
    title = strip_site_name(_SPACES.sub(" ", meta.title or "").strip())
    shown_title = title and title != meta.sitename and _shown_on_page(title, markup)
    if shown_title and title not in main[: len(title) + _OPENING_CHARS]:
        lines.append(title)
    fields = [(label, _SPACES.sub(" ", value or "").strip())
              for label, value in (("发布时间", meta.date), ("作者", meta.author), ("来源", meta.sitename))]
    shown = "　".join(f"{label}：{value}" for label, value in fields if value)
    if shown and not (meta.date and meta.date in main[:_OPENING_CHARS]):  # the page's own date line stays
        lines.append(shown)
    return lines


def _shown_on_page(title: str, markup: str) -> bool:
    """Whether the page shows the title as a headline, a line of its own: a <title> that is only the
    site's name, or that no headline repeats, is not the text's title."""
    wanted = _ANY_SPACE.sub("", title)
    return any(_ANY_SPACE.sub("", line) == wanted for line in _whole_text(markup).split("\n"))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _whole_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return _tidy("".join(parser.parts))


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []  # open tags whose content is dropped

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        marker = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if tag in _SKIP_TAGS or (marker and _FURNITURE.search(marker) and tag not in _VOID):
            self.skipping.append(tag)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))
