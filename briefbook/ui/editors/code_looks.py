"""Inline code with a look (bold, italic, a link's text) through Qt's Markdown reader and writer.

Qt's reader gives a code span its monospace font whole, weight and slant included, so the
bold or italic around it is lost (``a **`B`** c`` was shown and saved ``a `B` c``), and Qt's
writer writes a fixed-pitch fragment as code alone: no emphasis around it, no code mark in a
link's text (``[`B`](url)`` was saved ``[B](url)``). Opening and saving a field changed it.

So each code span of a text that may give one a look is read as a placeholder (punctuation on
both sides, as a backtick is, so emphasis around it is read as around the code), which takes
the look; the code is then put in its place in that look and the monospace font. In the
writer's copy each code fragment with a look is a placeholder in the look without the font,
and its code span is written back in its place: the span as it was read where the code is
unchanged (byte for byte), else one that CommonMark reads as the code.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefbook.markdown_code import code_span
from briefbook.ui.editors.markdown_text import code_spans

OPEN, CLOSE = "\u2e28", "\u2e29"  # ⸨ ⸩: punctuation (a backtick is), which Markdown never acts on
_FIRST, _LAST = 0xE100, 0xF8FF  # private-use characters numbering the placeholders
_OURS = re.compile(f"[{OPEN}{CLOSE}\ue100-\uf8ff]")
# A fence, after a line's indent, quote or list marks ("~~~" inside a line is text or a strike's
# tildes: "y *~~~x ~~`c`~~*" lost the italic of its code, and "*~~~`c`*" too)
_FENCE = re.compile(r"^(?:[ \t>]|[*+-][ \t]|\d{1,9}[.)][ \t])*(?:```|~~~)", re.M)
_MAY_LOOK = re.compile(r"[*_\[]")  # emphasis or a link's text: a code span may have a look
SOURCE = QTextFormat.Property.UserProperty + 0x10C0  # the span as read, for its code unchanged
_CODE = QTextFormat.Property.UserProperty + 0x10C1  # (the code a SOURCE was read as)
# The look kept from the placeholder: not set by the code's own format.
_LOOK = (
    QTextFormat.Property.FontWeight,
    QTextFormat.Property.FontItalic,
    QTextFormat.Property.FontUnderline,
    QTextFormat.Property.TextUnderlineStyle,
    QTextFormat.Property.FontStrikeOut,
    QTextFormat.Property.FontOverline,
    QTextFormat.Property.ForegroundBrush,
)
_FONT = (
    QTextFormat.Property.FontFixedPitch,
    QTextFormat.Property.FontFamilies,
    QTextFormat.Property.FontFamily,
    QTextFormat.Property.FontStyleHint,
    QTextFormat.Property.FontPointSize,
)
_code_format: QTextCharFormat | None = None
PLACEHOLDERS = _LAST - _FIRST  # (a link with a look is one too, numbered on: ``link_looks``)


def placeholder(n: int) -> str:
    """The placeholder numbered ``n`` in the writer's copy (:func:`written` puts back its span)."""
    return chr(_FIRST + n)


def holds_placeholder(text: str) -> bool:
    """``text`` holds a character of the placeholders' (its own: it is then written as it is)."""
    return _OURS.search(text) is not None


def hidden(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """``markdown`` with each code span a placeholder, and the (span, code) of each, in
    order; unchanged (no spans) where no span can have a look, or the text holds a fence or a
    character of the placeholders'."""
    if "`" not in markdown or not _MAY_LOOK.search(markdown) or _OURS.search(markdown):
        return markdown, []
    if ("```" in markdown or "~~~" in markdown) and _FENCE.search(markdown):
        return markdown, []  # (a fenced block's backticks are its own: read as Qt reads them)
    spans = code_spans(markdown)
    if not spans or len(spans) > _LAST - _FIRST:
        return markdown, []
    out, codes, at = [], [], 0
    for n, (start, end) in enumerate(spans):
        source = markdown[start:end]
        out += (markdown[at:start], OPEN + chr(_FIRST + n) + CLOSE)
        codes.append((source, _code_of(source)))
        at = end
    out.append(markdown[at:])
    return "".join(out), codes


def _code_of(span: str) -> str:
    """The code a span reads as (CommonMark): its line ends spaces, one space taken off each
    end where both ends have one and it is not all spaces."""
    ticks = len(span) - len(span.lstrip("`"))
    code = span[ticks:-ticks].replace("\n", " ")
    if len(code) >= 2 and code[0] == code[-1] == " " and code.strip(" "):
        code = code[1:-1]
    return code


def put_back(document: QTextDocument, codes: list[tuple[str, str]]) -> bool:
    """Put each code of ``codes`` in the place of its placeholder in ``document``: in Qt's
    code format where it has no look, else in its look and the code's font. False where a
    placeholder is not in the text as it was given (Qt read it otherwise: in a link's address,
    ``[x](a`b`)``): the text is then to be read as it is."""
    cursor = QTextCursor(document)
    for n, (source, code) in enumerate(codes):
        found = document.find(OPEN + chr(_FIRST + n) + CLOSE, cursor)
        if found.isNull():
            return False
        cursor = found
        look = cursor.charFormat()
        fmt = QTextCharFormat(code_format())
        if has_look(look):
            fmt = QTextCharFormat(look)
            fmt.merge(_font_only(code_format()))
            fmt.setProperty(SOURCE, source)
            fmt.setProperty(_CODE, code)
        cursor.insertText(code, fmt)
    return True


def code_format() -> QTextCharFormat:
    """The format Qt's reader gives a code span (read once)."""
    global _code_format
    if _code_format is None:
        probe = QTextDocument()
        probe.setMarkdown("`x`")
        cursor = QTextCursor(probe)
        cursor.setPosition(1)
        _code_format = QTextCharFormat(cursor.charFormat())
    return _code_format


def _font_only(fmt: QTextCharFormat) -> QTextCharFormat:
    out = QTextCharFormat(fmt)
    for prop in _LOOK:
        out.clearProperty(prop)
    return out


def has_look(fmt: QTextCharFormat) -> bool:
    """Bold, italic, a link or strike-through: what Qt's writer leaves out of a code fragment."""
    return fmt.isAnchor() or fmt.fontItalic() or fmt.fontWeight() > QFont.Weight.Normal or fmt.fontStrikeOut()


def holds_styled_code(document: QTextDocument) -> bool:
    """Some format of ``document`` is code, with a look or not (:func:`_written_by_us`: a format
    once used may stay in the document's formats: true with none left costs only the copy's walk)."""
    return any(fmt.isCharFormat() and fmt.toCharFormat().fontFixedPitch() for fmt in document.allFormats())


# What Qt's writer escapes inside inline code, where a backslash is text: "`a*b`" was saved
# "`a\\*b`", which the book printed with its backslash (each save added one to a "\\"); a
# "`" or "!" before a letter too ("`a``b`", "`!x`"), and at its start a "-", "+" or "12. "
# ("`-5`" was saved "`\\-5`"); and code beginning and ending with a space, which it writes
# with no padding, and CommonMark reads without them ("`  a  `" saved "` a `", read "a")
_ESCAPED_BY_QT = re.compile(r"[\\*\[\]<>#&`!]|^\s*(?:[-+]|\d+[.)]\s)|^ .*\S.* $", re.S)


def _written_by_us(
    fmt: QTextCharFormat, text: str, block: QTextBlock, before: QTextCharFormat | None = None
) -> bool:
    """A fragment is code that Qt's writer would write wrong: with a look it leaves out,
    holding a character it escapes, or right after a fragment ``before`` in a look it has not
    (Qt's writer closes no bold or italic where code begins: "*Việt*`mã`" was saved
    "*Việt`mã`*", the code made italic). Inline code only: a code block's lines are written
    as they are."""
    if not fmt.fontFixedPitch():
        return False
    if not (has_look(fmt) or _ESCAPED_BY_QT.search(text) or (before is not None and _look_ends(before, fmt))):
        return False
    block_fmt = block.blockFormat()
    return not (
        block_fmt.hasProperty(QTextFormat.Property.BlockCodeFence)
        or block_fmt.hasProperty(QTextFormat.Property.BlockCodeLanguage)
    )


def _look_ends(before: QTextCharFormat, fmt: QTextCharFormat) -> bool:
    """``before`` is bold, italic or struck where the code's ``fmt`` is not."""
    return (
        (before.fontItalic() and not fmt.fontItalic())
        or (before.fontWeight() > QFont.Weight.Normal >= fmt.fontWeight())
        or (before.fontStrikeOut() and not fmt.fontStrikeOut())
    )


def hide_in_copy(copy: QTextDocument) -> list[str]:
    """Put each code fragment of the writer's ``copy`` that has a look by a placeholder in
    that look without the code's font; the code span of each, in order (none where the copy
    holds a character of the placeholders')."""
    if _OURS.search(copy.toRawText()):
        return []
    found = []
    block = copy.begin()
    while block.isValid():
        it, before = block.begin(), None
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if _written_by_us(fmt, fragment.text(), block, before):
                found.append((fragment.position(), fragment.length(), fragment.text(), fmt))
            before = fmt
            it += 1
        block = block.next()
    if len(found) > _LAST - _FIRST:
        return []
    cursor = QTextCursor(copy)
    spans = []
    for n, (position, length, text, fmt) in reversed(list(enumerate(found))):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        plain = QTextCharFormat(fmt)
        for prop in _FONT:
            plain.clearProperty(prop)
        cursor.insertText(chr(_FIRST + n), plain)
        spans.append(_span(text, fmt))
    return spans[::-1]


def _span(code: str, fmt: QTextCharFormat) -> str:
    """The code span written for ``code``: as it was read if the code is unchanged (its line
    breaks spaces, as the book reads them: the join of the writer's lines took a span's
    line ending after "` *" for a mark opened there, and lost the space)."""
    if fmt.property(_CODE) == code and isinstance(fmt.property(SOURCE), str):
        return fmt.property(SOURCE).replace("\n", " ")
    return code_span(code)


def written(markdown: str, spans: list[str]) -> str:
    """The writer's Markdown with each placeholder its code span again."""
    if not spans:
        return markdown
    return re.sub("[\ue100-\uf8ff]", lambda m: spans[ord(m.group()) - _FIRST], markdown)


def styled_code(block: QTextBlock) -> bool:
    """Some fragment of ``block`` is code Qt's writer would write wrong (:func:`_written_by_us`)."""
    it, before = block.begin(), None
    while not it.atEnd():
        fmt = it.fragment().charFormat()
        if _written_by_us(fmt, it.fragment().text(), block, before):
            return True
        before = fmt
        it += 1
    return False
