"""What a paste from Word or a web page keeps: paragraphs, bold, italic, lists, links and code.

A paste drops fonts, colours, images, headings' size and tables' grid; Word's list paragraphs
keep their level (:mod:`.word_lists`), code its look (:mod:`.code_looks`), a text's tildes
stay text (escaped: only a ``<s>``, ``<del>`` or ``<strike>`` is struck). The Markdown is
then the editor's (:func:`~briefbook.ui.editors.markdown_text.normalise_markdown`).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFontInfo, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefbook.ui.editors import look_edges, word_lists
from briefbook.ui.editors.list_indent import nested_lists
from briefbook.ui.editors.markdown_text import FEATURES, code_lines, normalise_markdown

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_WORD_BULLET = re.compile(r"^[ \t]*[·•▪§\u2022\uf0b7]\s+", re.M)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}.*$")
# An old page's <strike>, which Qt's HTML reader drops (it reads <s> and <del>): an <s>
_STRIKE = re.compile(r"<(/?)strike(?=[\s/>])", re.I)


def markdown_from_html(html: str) -> str:
    """What a paste from Word or a web page keeps: paragraphs, bold, italic, lists, links, and
    code (a ``<pre>``, Word's "HTML Preformatted") as a fenced block of its lines as they are."""
    doc = QTextDocument()
    doc.setHtml(_STRIKE.sub(r"<\1s", word_lists.mark(html)))  # Word's list paragraphs, with their level
    _fence_preformatted(doc)
    _mark_monospace(doc)
    look_edges.out_of_looks(doc)  # ("<b>Bộ trưởng </b>": bold to the word's end, not the space's)
    tilde = _tildes_in_text(doc)
    markdown = _code_with_looks(doc)
    if tilde:
        markdown = markdown.replace(tilde, "\\~")
    text = word_lists.tabs(word_lists.nest(_IMAGE.sub("", nested_lists(markdown))))
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
    """The pasted ``doc``'s Markdown, its code keeping the bold, italic or link around it:
    written as the editor writes code with a look (:func:`_mark_monospace` says why)."""
    from briefbook.ui.editors import code_looks  # (it reads code spans with this module)

    spans = code_looks.hide_in_copy(doc) if code_looks.holds_styled_code(doc) else []
    return code_looks.written(doc.toMarkdown(FEATURES), spans)


def _mark_monospace(doc: QTextDocument) -> None:
    """Mark fixed pitch each fragment of ``doc`` Qt's writer would write as code.

    Qt's HTML reader gives a ``<code>`` or a monospace font ("Courier New") only its font
    family, and Qt's writer writes any fragment in a fixed-pitch font as code alone: a
    paste of bold code or code in a link lost the bold or the link, where the same text
    read from Markdown kept it (:mod:`~briefbook.ui.editors.code_looks`, which knows code
    by its fixed pitch)."""
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


def _tildes_in_text(doc: QTextDocument) -> str:
    """Put each tilde of ``doc``'s text (not code's, nor a bare address's) by a stand-in, and
    return it ("" where there is none to put); the caller writes it back "\\~".

    Qt's writer writes a text's tildes bare beside the "~~" it writes for struck text, so
    "~~5 km~~" copied from a page was read back struck (the book strikes it too) and a
    paragraph starting "~~~" was a fence, its text lost. Escaped, a tilde is text to the
    editor's reader and to the book's; the editor's writer escapes again only those that
    could pair. The stand-in is a private-use character the paste does not hold."""
    text = doc.toPlainText()
    if "~" not in text:
        return ""
    tilde = next((chr(c) for c in range(0xE000, 0xE100) if chr(c) not in text), "")
    if not tilde:  # (a paste holding all 256: its tildes are written as Qt writes them)
        return ""
    found = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if "~" in block.text() and not fmt.hasProperty(QTextFormat.Property.BlockCodeFence):
            it = block.begin()
            while not it.atEnd():
                fragment, look = it.fragment(), it.fragment().charFormat()
                bare = look.isAnchor() and look.anchorHref() == fragment.text()  # (written <…>)
                if "~" in fragment.text() and not look.fontFixedPitch() and not bare:
                    found.append((fragment.position(), fragment.length(), fragment.text(), look))
                it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    for position, length, fragment_text, look in reversed(found):  # (length: UTF-16 units)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(fragment_text.replace("~", tilde), look)
    return tilde if found else ""


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
