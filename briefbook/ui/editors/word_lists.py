"""Word's lists on the clipboard, made into real (nested) Markdown lists.

Word does not put ``<ul>``/``<ol>`` on the clipboard: each list item is a
``<p style="mso-list:l0 level2 lfo1">`` whose bullet or number is typed text
inside an ``<![if !supportLists]>`` block (a Symbol "·", a Courier "o", "1.",
"a)"). Qt reads those as plain paragraphs, so a pasted sub-list lost its
nesting and kept a stray "o" in front of every line. :func:`mark` puts a
private token with the level in front of each such paragraph before Qt reads
the HTML, and :func:`nest` turns the tokens of Qt's Markdown into list items
indented under their parents.

Word's tabs reach the clipboard as ``<span style='mso-tab-count:1'>`` holding as
many no-break spaces as fill the gap on Word's ruler: Qt read those, so a tab
became a run of no-break spaces. :func:`mark` puts :data:`WORD_TAB` for each tab
the span stands for, and :func:`tabs` makes each a tab again (``&#9;`` at a
line's start, where a tab is four spaces to CommonMark and the line printed as code).
"""

from __future__ import annotations

import html as html_module
import re

_LIST_PARAGRAPH = re.compile(
    r"<p\b(?P<attrs>[^>]*?mso-list:\s*l\d+\s+level(?P<level>\d+)[^>]*)>(?P<body>.*?)</p\s*>",
    re.I | re.S,
)
# The typed bullet or number: ``<![if !supportLists]>…<![endif]>`` (Word) or the
# same inside comments ``<!--[if !supportLists]-->…<!--[endif]-->`` (Outlook, newer Word).
_MARKER = re.compile(
    r"<!(?:--)?\[if\s+!supportLists\](?:--)?>(?P<marker>.*?)<!(?:--)?\[endif\](?:--)?>",
    re.I | re.S,
)
_IGNORED_SPAN = re.compile(
    r"<span\b[^>]*mso-list:\s*Ignore[^>]*>(?P<marker>.*?)</span>\s*</span>", re.I | re.S
)
_TAG = re.compile(r"<[^>]+>")
_ORDERED = re.compile(r"^\(?(\d{1,3}|[a-z]|[ivxlcdm]{1,6})[.)]$", re.I)
_TOKEN = re.compile(r"^\s*\ue000(?P<level>\d+)(?P<kind>[bo])\ue001\s*(?P<text>.*)$")
MAX_LEVEL = 9
WORD_TAB = "\ue0f7"
_TAB_SPAN = re.compile(
    r"<span\b[^>]*mso-tab-count:\s*(?P<count>\d{1,3})[^>]*>(?P<body>.*?)</span\s*>", re.I | re.S
)
_MAX_TABS = 20  # a count past this is no document's tab run
# The start of a line's text: after its indent and its list or quote marks.
_LINE_HEAD = re.compile(r"^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]))*[ \t]*")


def _token(level: int, ordered: bool) -> str:
    return f"\ue000{level}{'o' if ordered else 'b'}\ue001"


def _replace(match: re.Match) -> str:
    body = match.group("body")
    found = _MARKER.search(body) or _IGNORED_SPAN.search(body)
    if found is None:
        return match.group(0)  # a list paragraph without its typed marker: leave it to Qt
    marker = html_module.unescape(_TAG.sub("", found.group("marker"))).replace("\xa0", " ").strip()
    body = body[: found.start()] + body[found.end() :]
    level = max(1, min(MAX_LEVEL, int(match.group("level"))))
    return f"<p>{_token(level, bool(_ORDERED.match(marker)))}{body}</p>"


def mark(html: str) -> str:
    """``html`` with each Word list paragraph as a plain paragraph starting with a level token,
    and each tab as :data:`WORD_TAB`."""
    if "mso-tab-count" in html:
        html = _TAB_SPAN.sub(lambda m: WORD_TAB * max(1, min(_MAX_TABS, int(m["count"]))), html)
    if "mso-list" not in html:
        return html
    return _LIST_PARAGRAPH.sub(_replace, html)


def tabs(markdown: str) -> str:
    """Qt's Markdown of :func:`mark`'s HTML with each :data:`WORD_TAB` a tab: ``&#9;`` (the
    book's and the editor's leading tab, ``markdown_stand_ins.LEADING_TAB``) where it starts
    a line's text, a tab character elsewhere."""
    if WORD_TAB not in markdown:
        return markdown
    out = []
    for line in markdown.split("\n"):
        head = _LINE_HEAD.match(line).end()
        rest = line[head:]
        lead = len(rest) - len(rest.lstrip(WORD_TAB))
        out.append(line[:head] + "&#9;" * lead + rest[lead:].replace(WORD_TAB, "\t"))
    return "\n".join(out)


def nest(markdown: str) -> str:
    """Qt's Markdown of :func:`mark`'s HTML, with the tokens made into nested list items."""
    if "\ue000" not in markdown:
        return markdown
    out: list[str] = []
    stack: list[tuple[int, int, int]] = []  # (level, indent of that item's text, its number)
    previous_blank = True
    for line in markdown.split("\n"):
        found = _TOKEN.match(line)
        if found is None:
            if line.strip() and previous_blank:
                stack.clear()  # a paragraph after the list ends it
            out.append(line.replace("\ue000", "").replace("\ue001", ""))
            previous_blank = not line.strip()
            continue
        level = int(found.group("level"))
        if stack and out and not out[-1].strip():
            out.pop()  # Word's items are one paragraph each: a tight list, as in the document
        number = 1
        while stack and stack[-1][0] >= level:
            if stack[-1][0] == level:
                number = stack[-1][2] + 1  # the next sibling
            stack.pop()
        indent = stack[-1][1] if stack else 0
        bullet = f"{number}. " if found.group("kind") == "o" else "- "
        stack.append((level, indent + len(bullet), number))
        out.append(" " * indent + bullet + found.group("text"))
        previous_blank = False
    return "\n".join(out)
