"""A link with a look (bold, italic, code in its text) through Qt's Markdown writer.

Qt's writer writes each fragment with an address as a link of its own, ``[text](address)``,
and writes nothing of its look: opened and saved with no edit, ``**[B](url)**`` was stored
``[B](url)`` (the bold gone), and ``[x `B` y](url)``, three fragments (the code is one),
``[x ](url)[`B`](url) [ y](url)``: three links, a space gained. (Qt's reader reads both
right: the look is on the fragments, the address on each.)

So in the writer's copy each such link (the fragments in a row with one address and title)
is one placeholder in the look all its fragments share, which Qt's writer writes with its
marks around it (``**P**``), and the link is written back in its place: ``[`` the Markdown of
its text, written as the editor writes any text, in the look that is its own, ``](address)``
as Qt writes it. The placeholders are numbered after the code placeholders of
:mod:`~briefbook.ui.editors.code_looks` (code in a link's text is one of them already).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefbook.ui.editors import code_looks, link_bounds, link_inside, struck_order
from briefbook.ui.editors.link_bounds import escaped_brackets
from briefbook.ui.editors.markdown_text import normalise_markdown

# What a link's text loses in the placeholder: what marks a link, which Qt's writer reads
# only in a fragment with an address (an underline is the editor's own mark of a link).
_LINK = (
    QTextFormat.Property.IsAnchor,
    QTextFormat.Property.AnchorHref,
    QTextFormat.Property.AnchorName,
    QTextFormat.Property.TextToolTip,
    QTextFormat.Property.ForegroundBrush,
    QTextFormat.Property.FontUnderline,
    QTextFormat.Property.TextUnderlineStyle,
)
_EDGE = "x "  # around the text written: neither the start nor the end of a paragraph


def _bold(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() > QFont.Weight.Normal


def _looks(fmt: QTextCharFormat) -> tuple[bool, bool, bool]:
    return _bold(fmt), fmt.fontItalic(), fmt.fontStrikeOut()


def _link(fmt: QTextCharFormat) -> tuple | None:
    """The address and title of a fragment Qt writes as a link; None for any other."""
    if not fmt.hasProperty(QTextFormat.Property.AnchorHref):
        return None
    title = fmt.property(QTextFormat.Property.TextToolTip)
    has_title = fmt.hasProperty(QTextFormat.Property.TextToolTip)
    return fmt.anchorHref(), title if has_title else None, fmt.property(link_bounds.PART)


def holds_looked_link(document: QTextDocument) -> bool:
    """Some format of ``document`` is a link, and some has a look (a link's own, or the text's
    before a link: see :func:`looked_link`; true with none in the text costs only the walk of
    the blocks asked)."""
    formats = [fmt.toCharFormat() for fmt in document.allFormats() if fmt.isCharFormat()]
    return any(_link(fmt) is not None for fmt in formats) and any(_looked(fmt) for fmt in formats)


def _looked(fmt: QTextCharFormat) -> bool:
    return any(_looks(fmt)) or fmt.fontFixedPitch()


def _wrong_after(before: QTextCharFormat | None) -> bool:
    """A link right after a fragment in ``before`` is written wrong: Qt's writer leaves the bold,
    italic, strike or code it opened there open over the link ("**a**[b](u)" was saved
    "**a[b](u)**", and "`a`[b](u)" "`a[b](u)`", the link gone into the code; a link with a
    look before it is a placeholder in its look)."""
    return before is not None and _looked(before)


def looked_link(block: QTextBlock) -> bool:
    """Some fragment of ``block`` is a link with a look, or one right after text with a look."""
    before = None
    it = block.begin()
    while not it.atEnd():
        fmt = it.fragment().charFormat()
        if _link(fmt) is not None and (_looked(fmt) or _wrong_after(before)):
            return True
        before = fmt
        it += 1
    return False


def hide_links(copy: QTextDocument, spans: list[str], write: Callable[[QTextDocument], str]) -> list[str]:
    """Put each link of the writer's ``copy`` that Qt would write wrong (a look, code, more than
    one fragment, or right after text with a look) by a placeholder in the look its fragments
    share; the Markdown of each, in order, to follow ``spans`` (the code spans hidden already,
    which a link's text may hold). ``write``: the editor's writer, for the text of a link.
    None where the copy held a character of the placeholders' before the code was hidden."""
    if not spans and code_looks.holds_placeholder(copy.toRawText()):
        return []
    found = []  # (position, length, fragments as (text, format))
    block = copy.begin()
    while block.isValid():
        run: list[tuple[int, str, QTextCharFormat]] = []
        before = after = None  # (the format of the fragment before the link, before that one)
        it = block.begin()
        while True:
            fragment = it.fragment() if not it.atEnd() else None
            key = _link(fragment.charFormat()) if fragment is not None else None
            if run and (key is None or key != _link(run[0][2])):
                if _written_wrong(run) or _wrong_after(after):
                    found.append(run)
                run = []
            if fragment is None:
                break
            if key is not None:
                if not run:
                    after = before
                run.append((fragment.position(), fragment.text(), fragment.charFormat()))
            before = fragment.charFormat()
            it += 1
        block = block.next()
    if len(spans) + len(found) > code_looks.PLACEHOLDERS:
        return []
    links = [_markdown(run, spans, write) for run in found]
    cursor = QTextCursor(copy)
    for n, run in reversed(list(enumerate(found))):
        if links[n] is None:
            continue
        start, (last, text, _fmt) = run[0][0], run[-1]
        cursor.setPosition(start)
        cursor.setPosition(last + len(text), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(code_looks.placeholder(len(spans) + n), _shared_look(run))
    return [link or "" for link in links]


def _written_wrong(run: list[tuple[int, str, QTextCharFormat]]) -> bool:
    return (
        len(run) > 1 or _looked(run[0][2]) or code_looks.holds_placeholder(run[0][1])  # (code in it, hidden)
    )


def _shared_look(run: list[tuple[int, str, QTextCharFormat]]) -> QTextCharFormat:
    """Bold, italic, struck through where every fragment of the link is (a fresh format: the
    placeholder is no link and no code), and the looks a strike was written outside of."""
    bold, italic, struck = (all(looks) for looks in zip(*(_looks(fmt) for _, _, fmt in run), strict=True))
    inside = link_inside.held_by([fmt for _, _, fmt in run])  # (written inside the brackets)
    bold, italic = bold and not inside & link_inside.BOLD, italic and not inside & link_inside.ITALIC
    struck = struck and not inside & link_inside.STRUCK
    fmt = QTextCharFormat()
    if bold:
        fmt.setFontWeight(max(run, key=lambda part: part[2].fontWeight())[2].fontWeight())
    if italic:
        fmt.setFontItalic(True)
    if struck:
        fmt.setFontStrikeOut(True)
        inside = {part[2].property(struck_order.INSIDE) for part in run}  # (outside its marks)
        if len(inside) == 1 and None not in inside:
            fmt.setProperty(struck_order.INSIDE, inside.pop())
    return fmt


def _markdown(
    run: list[tuple[int, str, QTextCharFormat]], spans: list[str], write: Callable[[QTextDocument], str]
) -> str | None:
    """``[text](address "title")``: the text as the editor writes it, in its own look (the
    shared one is the placeholder's); None where it cannot be told from what is around it."""
    if len(run) == 1 and run[0][1] == run[0][2].anchorHref():  # (a bare address: "<https://…>")
        bare = _written_link(run[0][1], run[0][2])
        if bare.startswith("<"):
            return bare
    shared = _shared_look(run)
    text = QTextDocument()
    cursor = QTextCursor(text)
    cursor.insertText(_EDGE, QTextCharFormat())
    for _position, part, fmt in run:
        own = QTextCharFormat(fmt)
        for prop in _LINK:
            own.clearProperty(prop)
        if _bold(shared):
            own.clearProperty(QTextFormat.Property.FontWeight)
        if shared.fontItalic():
            own.clearProperty(QTextFormat.Property.FontItalic)
        if shared.fontStrikeOut():
            own.clearProperty(QTextFormat.Property.FontStrikeOut)
        cursor.insertText(part, own)
    cursor.insertText(_EDGE[::-1], QTextCharFormat())
    inner = normalise_markdown(write(text))
    if not (inner.startswith(_EDGE) and inner.endswith(_EDGE[::-1])):
        return None
    inner = code_looks.written(escaped_brackets(inner[len(_EDGE) : -len(_EDGE)]), spans)
    return "[" + inner + _written_link("X", run[0][2])[len("[X") :]


def _written_link(text: str, fmt: QTextCharFormat) -> str:
    """A link of ``text`` to ``fmt``'s address (and title) as Qt's writer writes it."""
    probe = QTextDocument()
    link = QTextCharFormat()
    link.setAnchor(True)
    link.setAnchorHref(fmt.anchorHref())
    if fmt.hasProperty(QTextFormat.Property.TextToolTip):
        link.setToolTip(fmt.toolTip())
    QTextCursor(probe).insertText(text, link)
    return probe.toMarkdown().strip()
