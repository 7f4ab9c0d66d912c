"""HTML -> the page's text: scripts, styles and page furniture (menus, footers, share bars) dropped.

A small stdlib parser is enough here: what remains of a page's boilerplate is the same
credit and teaser junk that pasted texts carry, and cleaning removes that.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "iframe",
              "button", "select", "svg"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "table",
               "ul", "ol", "blockquote", "pre", "header", "main", "dd", "dt", "hr", "figcaption"}
_FURNITURE = re.compile(r"nav|menu|footer|sidebar|breadcrumb|comment|share|related|recommend|toolbar|copyright"
                        r"|topbar|top-bar|site-header|login|banner|logo", re.I)
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in its <meta>, if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def html_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


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
