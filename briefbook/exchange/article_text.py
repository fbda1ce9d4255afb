"""A news article's paragraphs, from a .txt, .html or .docx file or pasted text (bounded).

HTML is read with the standard library's tolerant parser: only text is kept
(scripts, styles and forms are skipped; nothing is fetched or run). Figure
captions are marked as such, so they are never taken for statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.exchange.limits import read_file
from briefbook.text import clean

MAX_ARTICLE = 10 << 20

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "br", "tr",
               "article", "section", "header", "footer", "td"}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "form", "button", "nav", "iframe", "object"}


@dataclass
class ArticleParagraph:
    text: str
    caption: bool = False
    heading: bool = False


def read_article(path: str | Path) -> list[ArticleParagraph]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from briefbook.exchange.docx_reader import open_docx, paragraphs

        return [
            ArticleParagraph(p.plain, caption=p.caption, heading=bool(p.heading))
            for p in paragraphs(open_docx(path))
            if p.plain.strip()
        ]
    data = read_file(path, MAX_ARTICLE, f"The article {path.name}")
    if b"\x00" in data[:4096]:
        raise BriefBookError(f"{path.name} is not a text, web page or Word file; BriefBook cannot read it.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("cp1252")
        except UnicodeDecodeError:
            raise BriefBookError(f"{path.name} is not text BriefBook can read (use UTF-8).") from None
    if suffix in (".html", ".htm") or re.match(r"\s*<(!doctype|html|body|p|div)", text, re.I):
        return html_paragraphs(text)
    return text_paragraphs(text)


def text_paragraphs(text: str) -> list[ArticleParagraph]:
    """Paragraphs of plain or pasted text: blank lines separate them (single lines too, if no blanks)."""
    text = clean(text)
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [ArticleParagraph(" ".join(b.split())) for b in blocks if b.strip()]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[ArticleParagraph] = []
        self.buffer: list[str] = []
        self.skip = 0
        self.caption = 0
        self.caption_tags: list[str] = []  # tags opened with a "caption" class, closed in turn
        self.heading = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.flush()
        classes = " ".join(v or "" for k, v in attrs if k == "class").lower()
        if tag == "figcaption" or "caption" in classes:
            self.caption += 1
            self.caption_tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.heading += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.flush()
            if self.caption_tags and self.caption_tags[-1] == tag:
                self.caption_tags.pop()
                self.caption = max(0, self.caption - 1)
            if re.fullmatch(r"h[1-6]", tag):
                self.heading = max(0, self.heading - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buffer.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            self.out.append(
                ArticleParagraph(clean(text), caption=bool(self.caption), heading=bool(self.heading))
            )


def html_paragraphs(html: str) -> list[ArticleParagraph]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    collector.flush()
    return collector.out
