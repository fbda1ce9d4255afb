"""Strike-through in the editor, read as the book reads it: only where markdown-it strikes.

The book reads "~~x~~" as strike-through (markdown-it's strikethrough rule, in
``assemble.markdown_parse``): a run of two tildes opens or closes it, by the flanking rules
of "*" (so "a~~b~~c" strikes "b" and "~~ x~~" strikes nothing), and a run of three or more
is split into a tilde of text and pairs. md4c's strike-through (MD_FLAG_STRIKETHROUGH)
follows other rules: one tilde strikes ("`~ `~" reopened as "` `", its tildes gone), a
space may follow the opening pair, a pair inside a word is text. So the editor's reader
is never given md4c's flag: before md4c reads a text, each pair of tildes markdown-it
strikes with gets a stand-in between its two tildes (:func:`marked`; the tildes stay, so
the emphasis beside them is read as the book reads it), and once read, the text between an
opening and a closing stand-in is struck and the stand-ins and their tildes go
(:func:`strike`). Every other tilde is text, as md4c reads it without the flag.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefbook.ui.editors import struck_order
from briefbook.ui.editors.markdown_stand_ins import GLUE

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline

OPENS, CLOSES = "\ue0f8", "\ue0f9"  # between the two tildes of a pair that opens or closes a strike
_AT = "struck_at"  # (a pair's offset in its inline text, kept in its token's meta)


@functools.cache
def _md() -> MarkdownIt:
    """The book's parser (a copy: the book's own is left as it is), its strikethrough and
    emphasis rules noting where in the inline text each mark they read is (its text tokens
    are not joined: a mark left as text keeps its note)."""
    from markdown_it.rules_inline import emphasis, strikethrough

    from briefbook.assemble.markdown_parse import _md as book

    md = book.__wrapped__()

    def tildes(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        if not strikethrough.tokenize(state, silent):
            return False
        run = state.pos - start
        pairs = [t for t in state.tokens[before:] if t.content == "~~"]  # (after any text pending)
        for index, token in enumerate(pairs[-(run // 2) :]):
            token.meta[_AT] = (start, index, run % 2)
        return True

    def stars(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        if not emphasis.tokenize(state, silent):
            return False
        run = state.pos - start
        for index, token in enumerate(state.tokens[before:][-run:]):  # (one a mark)
            token.meta[_AT] = (start, index, run, state.src[start])
        return True

    def inline(state) -> None:  # (only a text holding a pair: 3 s for a 750 KB point read whole)
        for token in state.tokens:
            if token.type == "inline":
                token.children = []
                if "~~" in token.content:
                    state.md.inline.parse(token.content, state.md, state.env, token.children)

    md.inline.ruler.at("strikethrough", tildes)
    md.inline.ruler.at("emphasis", stars)
    md.inline.ruler2.disable("fragments_join")
    md.core.ruler.disable("text_join")
    md.core.ruler.at("inline", inline)
    return md


_MARKS = "~*_"
# A line's quote and list marks, before its text
_LINE_HEAD = re.compile(r"(?:[ \t]*(?:>|[*+-](?=[ \t\n]|\Z)|\d{1,9}[.)](?=[ \t\n]|\Z)))*")


def read(markdown: str) -> tuple[list[int], list[int], list[int]] | None:
    """The offsets in ``markdown`` of the pairs of tildes the book reads as opening and as
    closing a strike-through, and of the "*" and "_" it reads as text in a paragraph that
    has one; None where it strikes nothing (or where they cannot be placed in the text:
    then its tildes are shown as text, as before).

    A "*" is text to the book where a strike's pair lies between it and the "*" it would
    pair with ("~~*~~*" strikes "*"); md4c, reading the tildes as text, took the two for
    emphasis. So those are escaped for md4c.

    markdown-it says where a mark is in the inline text of its block (a paragraph's lines
    without their indents and marks, a table's cell); the tildes (stars, underscores) of
    that text are, in order, those of the block's lines in the source (no block's marks are
    tildes; a fence's lines hold no inline text, and a line with a list's "*" no inline
    text before it)."""
    if "~~" not in markdown or _STAND_INS.search(markdown) or "\r" in markdown:
        return None
    where = {c: _offsets(markdown, c) for c in _MARKS}
    starts = [0] + [n + 1 for n in _offsets(markdown, "\n")]
    opens: list[int] = []
    closes: list[int] = []
    text: list[tuple[int, str]] = []
    used = dict.fromkeys(_MARKS, 0)
    for token in _md().parse(markdown):
        if token.type != "inline" or not any(c in token.content for c in _MARKS):
            continue
        if token.map is None:
            return None
        first, last = token.map
        end = starts[last] if last < len(starts) else len(markdown) + 1
        head = _LINE_HEAD.match(markdown, starts[first]).end()  # (a list's "*" is before the text)
        counts = {c: token.content.count(c) for c in _MARKS}
        for c in _MARKS:
            used[c] = max(used[c], bisect.bisect_left(where[c], head))
            placed = used[c] + counts[c]
            if placed > len(where[c]) or (counts[c] and where[c][placed - 1] >= end):
                return None
        if not token.children:  # (no pair in its text: not read inline)
            for c in _MARKS:
                used[c] += counts[c]
            continue
        mine = {c: _offsets(token.content, c) for c in _MARKS}

        def source(c: str, at: int) -> int:
            return where[c][used[c] + bisect.bisect_left(mine[c], at)]  # noqa: B023 (used at once)

        strikes = _in_text(token.children)
        for at, closing in strikes:
            at = source("~", at)
            if markdown[at : at + 2] != "~~":
                return None
            (closes if closing else opens).append(at)
        if strikes:
            text += [(source(mark, at), put) for mark, at, put in _emphasis(token.children)]
        for c in _MARKS:
            used[c] += counts[c]
    return (opens, closes, text) if opens else None


def _offsets(text: str, char: str) -> list[int]:
    """Where ``char`` is in ``text`` (str.find: a walk of each character in Python took 0.2 s
    of a 75 KB point's opening)."""
    out, at = [], text.find(char)
    while at != -1:
        out.append(at)
        at = text.find(char, at + 1)
    return out


def _emphasis(children: list) -> list[tuple[str, int, str]]:
    """(mark, offset in the inline text, what md4c is given there) of each "*" and "_": the
    stand-in of the emphasis it opens or closes, nothing for the second mark of a strong one,
    the mark escaped where it is text. md4c is left no emphasis to find in a paragraph with a
    strike: its pairs are the book's, whatever md4c would pair across a strike's tildes."""
    out = []
    for child in children:
        if _AT in child.meta and len(child.meta[_AT]) == 4:
            start, index, _run, mark = child.meta[_AT]
            escaped = "\\" + mark if child.content else ""  # (as text, or a strong's second)
            out.append((mark, start + index, _EMPHASIS.get(child.type, escaped)))
    return out


def _in_text(children: list) -> list[tuple[int, bool]]:
    """(offset in the inline text, closes) of each pair of tildes that opens or closes a
    strike. A run of an odd number has a tilde of text: at its start, but after the pairs
    that begin it if they close (markdown-it moves it after them: "x~~~" is "x" struck, "~")."""
    runs: dict[int, dict[int, bool]] = {}
    odd: dict[int, int] = {}
    for child in children:
        if child.type in ("s_open", "s_close") and _AT in child.meta:
            start, index, odd[start] = child.meta[_AT]
            runs.setdefault(start, {})[index] = child.type == "s_close"
    out = []
    for start, found in runs.items():
        lone = 0
        while found.get(lone):  # (the closing pairs the run begins with)
            lone += 1
        out += [(start + 2 * n + (odd[start] if n >= lone else 0), closing) for n, closing in found.items()]
    return out


def marked(markdown: str) -> str:
    """``markdown`` with :data:`OPENS` or :data:`CLOSES` between the two tildes of each pair
    the book strikes with, and a "*" or "_" it reads as text there escaped (unchanged where it
    strikes nothing)."""
    found = read(markdown)
    if found is None:
        return markdown
    opens, closes, text = found
    edits = [(n + 1, 0, OPENS) for n in opens] + [(n + 1, 0, CLOSES) for n in closes]
    edits += [(n, 1, put) for n, put in text]  # (a mark in the place of a "*" or "_")
    out, at = [], 0
    for n, length, put in sorted(edits):
        out += (markdown[at:n], put)
        at = n + length
    out.append(markdown[at:])
    return "".join(out)


def strike(document: QTextDocument) -> None:
    """Strike the text of ``document`` between each opening and closing stand-in of
    :func:`marked` (make it italic or bold between those of emphasis), and take the stand-ins
    (and a strike's tildes) out."""
    marks: list[tuple[int, str]] = []
    block = document.begin()
    while block.isValid():
        text, base = block.text(), block.position()
        if _STAND_INS.search(text):
            marks += [(base + m.start(), m.group()) for m in _STAND_INS.finditer(text)]
        block = block.next()
    if not marks:
        return
    cursor = QTextCursor(document)
    for opens, closes, look, inside in _LOOKS:
        depth, opened = 0, 0
        for position, char in marks:
            if char == opens:
                if depth == 0:
                    opened = position + inside
                depth += 1
            elif char == closes and depth:
                depth -= 1
                if depth == 0 and position - inside + 1 > opened:
                    cursor.setPosition(opened)
                    cursor.setPosition(position - inside + 1, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(look)
    struck_order.remember(document, marks, (OPENS, CLOSES), _OPENS_LOOK, _CLOSES_LOOK)
    for position, char in reversed(marks):
        first, last = position, position + 1
        if char in (OPENS, CLOSES):
            first -= document.characterAt(position - 1) == "~"
            last += document.characterAt(position + 1) == "~"
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()


def _look(**looks: object) -> QTextCharFormat:
    fmt = QTextCharFormat()
    for name, value in looks.items():
        getattr(fmt, name)(value)
    return fmt


ITALIC_OPENS, ITALIC_CLOSES, BOLD_OPENS, BOLD_CLOSES = "\ue0fb", "\ue0fc", "\ue0fd", "\ue0fe"
_EMPHASIS = {
    "em_open": ITALIC_OPENS,
    "em_close": ITALIC_CLOSES,
    "strong_open": BOLD_OPENS,
    "strong_close": BOLD_CLOSES,
}
_OPENS_LOOK = {ITALIC_OPENS: struck_order.ITALIC, BOLD_OPENS: struck_order.BOLD}
_CLOSES_LOOK = {ITALIC_CLOSES: struck_order.ITALIC, BOLD_CLOSES: struck_order.BOLD}
_STAND_INS = re.compile(f"[{OPENS}{CLOSES}{ITALIC_OPENS}{ITALIC_CLOSES}{BOLD_OPENS}{BOLD_CLOSES}]")
# (opening stand-in, closing one, the look between, characters of the opening one: a strike's
# is inside its two tildes)
_LOOKS = (
    (OPENS, CLOSES, _look(setFontStrikeOut=True), 2),
    (ITALIC_OPENS, ITALIC_CLOSES, _look(setFontItalic=True), 1),
    (BOLD_OPENS, BOLD_CLOSES, _look(setFontWeight=QFont.Weight.Bold), 1),
)


# The writer's side. Qt's writer opens and closes marks in one order, bold, italic, strike, so
# a strike beginning with a bold word or ending inside italic was written crossed, which the
# book reads otherwise ("~~**đậm** x~~" was saved "**~~đậm** x~~"); and it leaves strike out of
# a link and of code alone. So in the writer's copy each strike is a stand-in at its start and
# at its end, in the looks that hold all of it (outside them, its "~~" inside), and the
# text is no longer struck; the stand-ins are written "~~" (:func:`written`).
MARKS = "\ue0fa"  # where a strike opens or closes, in the writer's copy
_LINK = (QTextFormat.Property.IsAnchor, QTextFormat.Property.AnchorHref, QTextFormat.Property.AnchorName)
_OUTER = (QTextFormat.Property.FontWeight, QTextFormat.Property.FontItalic, *_LINK)


def holds_strike(document: QTextDocument) -> bool:
    """Some format of ``document`` is struck (a format once used may stay in its formats)."""
    return any(fmt.isCharFormat() and fmt.toCharFormat().fontStrikeOut() for fmt in document.allFormats())


def in_copy(copy: QTextDocument) -> None:
    """Each strike of the writer's ``copy`` as :data:`MARKS` at its start and its end, the text
    between no longer struck (see above)."""
    found: list[tuple[int, int]] = []
    block = copy.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontStrikeOut():
                start, end = fragment.position(), fragment.position() + fragment.length()
                if found and found[-1][1] == start:
                    start = found.pop()[0]
                found.append((start, end))
            it += 1
        block = block.next()
    cursor = QTextCursor(copy)
    for start, end in reversed(found):
        outer = _outer(copy, start, end)
        for position, length, fmt in _fragments(copy, start, end):
            fmt.clearProperty(QTextFormat.Property.FontStrikeOut)  # (as the text around it, a link's)
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        for at in (end, start):
            if _glued(copy, at, after=True):  # (the next fragment starts with it, in its format)
                cursor.setPosition(at + 1)
                fmt = cursor.charFormat()  # (the character's before the cursor)
                cursor.setPosition(at)
                cursor.insertText(GLUE, fmt)
            cursor.setPosition(at)
            cursor.insertText(_glued(copy, at) + MARKS, outer)


def _glued(copy: QTextDocument, at: int, after: bool = False) -> str:
    """GLUE where the text before (``after``: at) ``at`` is no space: the writer may start a
    new line before a fragment in another format (``markdown_stand_ins``), which joined again
    became a space ("*~*~~" was saved "*~* ~~", "**~~ประเทศไทย" "**~~ ประเทศไทย")."""
    block = copy.findBlock(at)
    if after:
        inside = at < block.position() + block.length() - 1
        return GLUE if inside and not copy.characterAt(at).isspace() else ""
    return GLUE if at > block.position() and not copy.characterAt(at - 1).isspace() else ""


def _fragments(copy: QTextDocument, start: int, end: int) -> list[tuple[int, int, QTextCharFormat]]:
    """(position, length, format) of the fragments of the block at ``start`` up to ``end``."""
    out = []
    it = copy.findBlock(start).begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.position() < end and fragment.position() + fragment.length() > start:
            out.append((fragment.position(), fragment.length(), fragment.charFormat()))
        it += 1
    return out


def _outer(copy: QTextDocument, start: int, end: int) -> QTextCharFormat:
    """The format of the stand-ins of a strike from ``start`` to ``end``: the looks its text has
    all through (bold, italic), and a link's format if a link holds it and goes on past it
    (a link as long as the strike is inside it: "~~[a](x)~~")."""
    formats = [fmt for _position, _length, fmt in _fragments(copy, start, end)]
    first = formats[0]
    kept = {
        p for p in _OUTER if first.hasProperty(p) and all(f.property(p) == first.property(p) for f in formats)
    }
    block = copy.findBlock(start)
    cursor = QTextCursor(copy)
    around = []
    if start > block.position():
        cursor.setPosition(start)  # (the format of the character before)
        around.append(cursor.charFormat())
    if end < block.position() + block.length() - 1:
        cursor.setPosition(end + 1)
        around.append(cursor.charFormat())
    linked = first.isAnchor() and QTextFormat.Property.AnchorHref in kept
    if linked and any(f.isAnchor() and f.anchorHref() == first.anchorHref() for f in around):
        out = QTextCharFormat(first)
        out.clearProperty(QTextFormat.Property.FontStrikeOut)
        return out
    out = QTextCharFormat()
    for prop in kept - set(_LINK) - struck_order.left_off(formats, around):
        out.setProperty(prop, first.property(prop))
    return out


def written(markdown: str) -> str:
    """The writer's Markdown with each :data:`MARKS` its "~~"."""
    return markdown.replace(MARKS, "~~") if MARKS in markdown else markdown
