"""What a paste from Word or a web page keeps: paragraphs, bold, italic, lists, links and code.

A paste drops fonts, colours, images, headings' size and tables' grid; Word's list paragraphs
keep their level (:mod:`.word_lists`), code its look (:mod:`.code_looks`). The Markdown is
then the editor's (:func:`~briefbook.ui.editors.markdown_text.normalise_markdown`).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFontInfo, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefbook.ui.editors import word_lists
from briefbook.ui.editors.list_indent import nested_lists
from briefbook.ui.editors.markdown_text import FEATURES, code_lines, normalise_markdown

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_WORD_BULLET = re.compile(r"^[ \t]*[·•▪§\u2022\uf0b7]\s+", re.M)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}.*$")


def markdown_from_html(html: str) -> str:
    """What a paste from Word or a web page keeps: paragraphs, bold, italic, lists, links, and
    code (a ``<pre>``, Word's "HTML Preformatted") as a fenced block of its lines as they are."""
    doc = QTextDocument()
    doc.setHtml(word_lists.mark(html))  # Word's list paragraphs, with their level
    _fence_preformatted(doc)
    text = word_lists.tabs(word_lists.nest(_IMAGE.sub("", nested_lists(_code_with_looks(doc)))))
    lines = text.split("\n")
    code = code_lines(lines) if "```" in text else set()
    for number, line in enumerate(lines):
        if number in code:
            continue  # the code's own characters: a "# ", "> " or "| " in it is not markup
        line = _WORD_BULLET.sub("- ", _HEADING.sub(r"**\1**", line))
        stripped = line.strip()
        if _TABLE_RULE.match(stripped):
            lines[number] = None
            continue
        if stripped.startswith("|"):  # a table row: its cells, one after another
            line = " – ".join(c.strip() for c in stripped.strip("|").split("|") if c.strip())
        lines[number] = re.sub(r"^>\s?", "", line)
    return normalise_markdown("\n".join(line for line in lines if line is not None))


def _code_with_looks(doc: QTextDocument) -> str:
    """The pasted ``doc``'s Markdown, its code keeping the bold, italic or link around it.

    Qt's HTML reader gives a ``<code>`` or a monospace font ("Courier New") only its font
    family, and Qt's writer writes any fragment in a fixed-pitch font as code alone: a
    paste of bold code or code in a link lost the bold or the link, where the same text
    read from Markdown kept it (:mod:`~briefbook.ui.editors.code_looks`, which knows code
    by its fixed pitch). So each fragment Qt's writer would write as code is marked fixed
    pitch, and written as the editor writes code with a look."""
    from briefbook.ui.editors import code_looks  # (it reads code spans with this module)

    monospace = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment, fmt = it.fragment(), it.fragment().charFormat()
            if not fmt.fontFixedPitch() and QFontInfo(fmt.font()).fixedPitch():
                monospace.append((fragment.position(), fragment.length()))
            it += 1
        block = block.next()
    cursor, marked = QTextCursor(doc), QTextCharFormat()
    marked.setFontFixedPitch(True)
    for position, length in monospace:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(marked)
    spans = code_looks.hide_in_copy(doc) if code_looks.holds_styled_code(doc) else []
    return code_looks.written(doc.toMarkdown(FEATURES), spans)


def _fence_preformatted(doc: QTextDocument) -> None:
    """Mark the blocks of a ``<pre>`` as the blocks of a fenced code block. Qt's HTML reader
    gives them only "lines not broken", and its writer then writes a fence around them with
    an empty line after each line (the book read a blank line between every two lines of the
    code); a code block read from Markdown has a fence and a language (empty), and the writer
    writes its lines one after another."""
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.nonBreakableLines() and not fmt.hasProperty(QTextFormat.Property.BlockCodeFence):
            fmt.setProperty(QTextFormat.Property.BlockCodeFence, "`")
            fmt.setProperty(QTextFormat.Property.BlockCodeLanguage, "")  # (the writer's sign of code)
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()
