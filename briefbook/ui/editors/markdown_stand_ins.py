"""What Qt's Markdown writer is given in place of the characters it writes wrong, and how
its Markdown is written back (:mod:`briefbook.ui.editors.markdown_writer` writes with it).

Qt's writer escapes Markdown's characters only where it guesses they would act: a "`"
inside a word, a "*" or "[" after another one, a ">" at a paragraph's start, a "- " or
"1. " its 80-column wrapping puts at a line's start are written bare, and the text read
back differs from what the editor showed (a code span, emphasis, a quote, a list). So
each such character of the text is given to the writer as a private-use stand-in
(:data:`STAND_IN`), which the writer leaves alone, and written back escaped
(:func:`written_back`): always where it can act anywhere in a line, only at the start of
a line's text where it acts only there ("-", "+", "=", "12.").

Two more stand-ins tell the writer's own line breaks from the user's. A line break typed
with Shift+Enter (U+2028 in the block) is written by Qt as a bare newline, which the
joining of wrapped lines (``normalise_markdown``) cannot tell from a wrap: it reaches the
writer as :data:`BREAK` and is written back as a hard break ("\\" at the line's end, read
as one by the book and by :func:`read_markdown`). And where two parts of one word have
different formats ("Vi" + "ệt" pasted in another format), Qt's writer may start a new
line before the second part, where the text had no space: that part starts with
:data:`GLUE` (code too), and a new line the writer put before it is taken out again
(joined with a space, the word had gained one).
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

from briefbook.ui.editors.loose_lists import LOOSE, LOOSE_ITEM

MARK = "\ue000"  # a private-use character (a document holding one keeps the one call)
GLUE = "\ue0f0"  # starts a part of a word in another format than the part before it
BREAK = "\ue0f1"  # a line break typed (U+2028, Shift+Enter)
LINE_BREAK = "\u2028"
ROOM = "\ue0f2"  # after a space given to the writer inside a long run with no space (Thai)
SPACE = "\ue0f3"  # each space after a space (a run of them typed): the writer wraps at none of them
LEAD = "\ue0f4"  # a space at a paragraph's start or after a line break typed: written "&#32;"
LEADING_SPACE = "&#32;"
LEAD_TAB = "\ue0f6"  # a tab there (a Word paragraph indented with Tab, a pasted line): "&#9;"
LEADING_TAB = "&#9;"
_RUN = 60  # characters with no space the writer is given at most in a row

# Characters that act anywhere in a line (escaped wherever they are), that act at the
# start of a word or line ("#" also closes a heading, ">" "~" open a quote or a fence:
# escaped at every word start), and that act only at the start of a line's text.
_ANYWHERE = "\\`*_]<&"
_WORD_START = "~"
LINE_START_MARKS = "#>-+="  # act at a line's start (a heading, a quote, a list, an underline)
NUMBER_ENDS = ".)"  # after a number at a line's start ("12.", "12)"): a numbered list
_LINE_START = LINE_START_MARKS + NUMBER_ENDS
STAND_IN = {c: chr(0xE001 + n) for n, c in enumerate(_ANYWHERE + _WORD_START + _LINE_START)}
_STANDS_FOR = {v: c for c, v in STAND_IN.items()}
OURS = re.compile("[\ue000-\ue0ff]")  # a text holding one is written as Qt writes it
ACTS = re.compile(
    # anywhere, where it can act: a "\\" before punctuation, "`", "*", "_", a "]" that
    # would close a link ("](", "]["), a "<" that would open a tag or an address, an "&"
    # that spells an entity; "[NFR]", "R&D", "a | b", "x < y" are text as they stand
    r"\\(?=[!-/:-@\[-`{-~])|[`*_]|\](?=[(\[])|<(?=[A-Za-z/!?])"
    r"|&(?=(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)"
    # at a word's start (the writer's 80-column wrapping may put it at a line's start)
    rf"|(?:^|(?<=\s))(?:[{re.escape(_WORD_START + LINE_START_MARKS)}]"
    rf"|\d{{1,9}}(?P<number>[{re.escape(NUMBER_ENDS)}]))"
)
# A link's definition ("[x]: address") at the start of a paragraph: its "]" is escaped too.
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]*(?P<close>\]):")
# The start of a line's text: after its indent and the writer's own quote and list marks.
_LINE_HEAD = re.compile(r"(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*\d{0,9}")
_STAND_INS = re.compile("[" + "".join(STAND_IN.values()) + "]")
_PLACEHOLDER = re.compile("[\ue100-\uf8ff]")  # (code_looks' and link_looks' placeholders)
_SUBSTITUTE = {**STAND_IN, LINE_BREAK: BREAK, " ": SPACE}  # (" ": only one after a space)
# A new line (and its indent) the writer put before a glued part of a word, or between the
# opening marks of its format and it ("**" + newline + "ệt**"); a code's backticks only last
# (else "a" + blank line + "`~~`c": the code read as marks, the two paragraphs joined).
_GLUED = re.compile(rf"\n[ \t]*(?P<marks>(?:\*{{1,3}}|_{{1,3}}|~~|\[)*`*){GLUE}")
# A break typed at a paragraph's end: "\\" there is a backslash, not a break (CommonMark),
# so the breaks are followed by TRAILING, a no-break space: the book prints the empty line
# the break made, and read_markdown takes it out again (it was dropped: the text changed).
# An item of a tight list ends where the next item's line starts (END_OF_ITEM): a break at
# its end was written "- một\\" + newline + "- hai", which the book printed "một\\" and Qt
# read as one item holding the next one's text. TRAILING is then the item's lazy last line.
END_OF_ITEM = r"\n[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t\n]|$)"
_BREAK_AT_END = re.compile(
    rf"(?P<breaks>{BREAK}+)(?P<marks>(?:\*{{1,3}}|_{{1,3}}|~~|`+)?)(?=\n\n|\n?$|{END_OF_ITEM})"
)
TRAILING = "&nbsp;"
# Qt's writer drops a character where it breaks a run of more than a line with no space in
# it after a wrap ("การลงทุนและการ" lost its "แ" for a space): such a run (Thai, Lao, Khmer
# have no spaces between words) is given a space every _RUN characters, followed by ROOM,
# and both (or the wrap made at that space) are taken out again.
# (a line break typed is no space to the writer: it is BREAK there, and Qt's own turned into a
# newline does not start its count of columns again; "ViệtViệt…" after one lost an "ệ")
LONG_RUN = re.compile(rf"(?:\S|{LINE_BREAK}){{{_RUN + 1},}}")
_ROOM = re.compile(rf"(?:\n[ \t]*| ){ROOM}")
# Several spaces typed in a row: Qt's writer wrapping in them kept some at the line's end
# and dropped one, or all those it would have put at the next line's start (in
# QTextMarkdownWriter, a line begun past the limit skips its spaces), and the join made them
# one. Each space after a space is given to it as SPACE, which it never wraps at; a wrap at
# the run's first space is a space again.
_RUN_OF_SPACES = re.compile(r"(?<= ) ")
# Spaces at a paragraph's start (or a line's, after a break typed) are dropped by CommonMark
# (and four of them make code): the book printed the text without them and the editor
# opened it so, or as code. Written as "&#32;" (a space both readers keep: the book decodes
# it, read_markdown gives it to Qt's reader, which drops it, as LEAD), they are kept. A tab
# there (one is four spaces to CommonMark: the line was printed as code) is "&#9;" (LEAD_TAB).
_LEADING = re.compile(rf"(?:^|(?<={LINE_BREAK}))[ \t]+")
# _TRAILING_SPACES: spaces at a paragraph's end are dropped by CommonMark too (and by Qt's
# writer): a stored "a&#32;" (a space the book prints, as Word keeps one) opened as "a " and
# was saved "a", a change no one made. They are written "&#32;" as the leading ones are.
_WRAPPED_RUN = re.compile(rf"(?<=[^\n{BREAK}])\n[ \t]*(?={SPACE})")  # (not a paragraph's start)
# And a wrap the writer put after such a run (before a fragment it cannot break, a link:
# "[a](u)  " + newline + "[b](u)"): the join of wrapped lines drops the spaces at a line's
# end and puts one, so two spaces typed between two links were saved as one. The run is
# the line's end only at a wrap (at a paragraph's end its spaces are "&#32;"): the next
# line goes on after it, its quote marks and indent the wrap's.
_RUN_WRAPPED = re.compile(rf"(?<={SPACE})\n(?:[ \t]*>)*[ \t]*(?=\S)")
# A piece of a paragraph that ends in spaces (typed at the end of a piece the editor opened)
# reaches the writer's copy as the spaces and MARK, the piece joined on by a space: the
# writer wrapping at the last of those spaces dropped it, and the join of the wrapped line
# made "cao " + newline + MARK one space where the editor showed two. Those spaces are given
# to it as SPACE (never wrapped at), and a wrap it may still put before MARK (a fragment of
# its own) is taken out with the MARK (not after an empty piece, or a break typed: as before).
WRAP_BEFORE_MARK = re.compile(rf"(?<=[^\n{BREAK}])\n[ \t]*{MARK}\n\n")
# A break typed, and the wrap the writer may have put after it (at a space after it).
_BREAK = re.compile(rf"{BREAK}(?:\n[ \t]*)?")


def places(document: QTextDocument, mark: str) -> list[int]:
    """The positions (Qt's) of each ``mark`` in ``document``, in order: where a stand-in read
    with the text is to be acted on (``link_bounds.SEAM``, ``link_inside.START``)."""
    found, out = document.find(mark), []
    while not found.isNull():
        out.append(found.selectionStart())
        found = document.find(mark, found)
    return out


def stand_in(document: QTextDocument, continued: bool = False, coded: bool = True) -> None:
    """Put each character of ``document``'s text that Markdown could act on by its stand-in,
    in its format, each line break typed by :data:`BREAK`, and :data:`GLUE` before each part
    of a word in another format than the part before; code and a bare address (written
    ``<https://…>``) keep theirs. Each fragment holding one is written again whole (a
    cursor's edit per character took 40 µs: 0.56 s for the 14,000 of a 1 MB point).

    ``continued``: ``document`` is a run of the editor's blocks whose last one is a piece
    its paragraph goes on from (``markdown_units`` joins the next run to it): its spaces at
    the end are inside the paragraph, written by that join, not as a paragraph's end.
    ``coded``: some format of the text is code (``code_looks.holds_styled_code``, which the
    writer asks of the editor's document before making the copy); when it is not, nothing
    after code or inside it needs a stand-in, and its spaces and wraps are not looked for."""
    cursor = QTextCursor(document)
    edits = []
    block = document.begin()
    while block.isValid():
        if _code_block(block):  # (the writer writes code's lines as they are: nothing acts there)
            block = block.next()
            continue
        text = block.text()
        at = [
            m.start("number") if m.group("number") else m.start()
            for m in ACTS.finditer(text)
            if m.group() != "_" or not _inside_word(text, m.start())
        ]
        if "~" in text:
            at = sorted({*at, *_tildes(block, text)})
        definition = _DEFINITION.match(text)
        if definition:
            at = sorted({*at, definition.start("close")})
        if LINE_BREAK in text:
            at = sorted({*at, *(n for n, char in enumerate(text) if char == LINE_BREAK)})
        if "  " in text:
            at = sorted({*at, *(m.start() for m in _RUN_OF_SPACES.finditer(text))})
        if " " in text and (coded or _PLACEHOLDER.search(text)):  # (a wrap just after code: glued_at)
            at = sorted({*at, *(n for n in _after_code(block) if text[n : n + 1] == " ")})
        lead = {n for m in _LEADING.finditer(text) for n in range(m.start(), m.end())}
        if lead and _piece(block):  # (its first spaces follow the space it is joined by)
            lead = {n for n in lead if n >= len(text) - len(text.lstrip(" \t"))}
            at = sorted({*at, *range(len(text) - len(text.lstrip(" \t")))})
        if text.endswith(MARK) and text[-2:-1] == " ":  # (see WRAP_BEFORE_MARK)
            at = sorted({*at, *range(len(text[:-1].rstrip(" ")), len(text) - 1)})
        ends = not _continued(block) and not (continued and not block.next().isValid())
        if text.endswith(" ") and text.strip(" ") and ends:
            # (see _TRAILING_SPACES; the last piece of a long paragraph opened in pieces ends
            # it too: its spaces were dropped there, and a piece whose paragraph goes on has
            # them inside, where they were also written "&#32;" and then joined on: doubled)
            lead |= set(range(len(text.rstrip(" ")), len(text)))
        if lead:
            at = sorted({*at, *lead})
        glued = glued_at(block)
        room = {
            m.start() + n for m in LONG_RUN.finditer(text) for n in range(_RUN, m.end() - m.start(), _RUN)
        }
        if at or glued or room or (coded and wrapped_code(block)):
            edits += _fragment_edits(block, text, at, glued, room, lead)
        block = block.next()
    for position, length, replaced, fmt in reversed(edits):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replaced, fmt)


def _tildes(block: QTextBlock, text: str) -> set[int]:
    """The tildes of ``block`` that could make a pair the book strikes with (``struck``): each
    but the last of a run ("~~" typed is written "\\~~"), and one beside a strike's start or
    end, where the writer puts its "~~" ("a" struck, "~b": "~~a~~~b" was read "a~" struck)."""
    edges, before = set(), False
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        struck = fragment.charFormat().fontStrikeOut()
        if struck != before:
            edges |= {fragment.position() - block.position() - 1, fragment.position() - block.position()}
        before = struck
        it += 1
    if before:
        edges.add(len(text) - 1)
    return {n for n, char in enumerate(text) if char == "~" and (n in edges or text[n + 1 : n + 2] == "~")}


def _continued(block: QTextBlock) -> bool:
    """The paragraph goes on in the next block (a piece ``long_text`` opened): its spaces at
    the end are the cut's, followed by the rest of the paragraph."""
    following = block.next()
    return following.isValid() and _piece(following)


def _piece(block: QTextBlock) -> bool:
    """``block`` is a piece of the paragraph before it: in a copy being written, after a
    block ending in the marker; in the editor's document, a piece it opened (``long_text``)."""
    from briefbook.ui.editors.long_text import continues

    previous = block.previous()
    return previous.isValid() and (previous.text().endswith(MARK) or continues(block))


def _code_block(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    return fmt.hasProperty(QTextFormat.Property.BlockCodeFence) or fmt.hasProperty(
        QTextFormat.Property.BlockCodeLanguage
    )


def _after_code(block: QTextBlock) -> set[int]:
    """Offsets in ``block`` of what follows code: a fragment after code, a character after a
    placeholder of code written by ``code_looks`` (it may share its fragment's format)."""
    out: set[int] = set()
    it, code_before = block.begin(), False
    while not it.atEnd():
        if code_before:
            out.add(it.fragment().position() - block.position())
        code_before = _code_fragment(it.fragment())
        it += 1
    if _PLACEHOLDER.search(block.text()):
        out |= {m.end() for m in _PLACEHOLDER.finditer(block.text())}
    return out


def _code_fragment(fragment) -> bool:
    """Code, or a placeholder of code at the end of ``fragment``."""
    return fragment.charFormat().fontFixedPitch() or _PLACEHOLDER.match(fragment.text()[-1:]) is not None


def glued_at(block: QTextBlock) -> set[int]:
    """Offsets in ``block`` of the fragments that go on a word the fragment before began (no
    white space on either side of where they meet), code's too. Code is written between
    backticks, so a space at its edge is inside them: the text after "`Việt  `" goes on its
    word (a wrap there, joined again, gained a space), and a space after code is given to
    the writer as SPACE (a line ending in "` `" was joined on as a mark opened there: the
    space lost); and a line break typed begins no word, but the writer's wrap before it
    became a space before the break ("*Việt* \\")."""
    out: set[int] = set()
    text, base = block.text(), block.position()
    it = block.begin()
    code_before = False
    while not it.atEnd():
        start = it.fragment().position() - base
        code = it.fragment().charFormat().fontFixedPitch()
        if code_before or (
            0 < start < len(text)
            and not text[start - 1].isspace()
            and (code or not text[start].isspace() or text[start] == LINE_BREAK)
        ):
            out.add(start)
        code_before = _code_fragment(it.fragment())
        it += 1
    return out


def _fragment_edits(
    block: QTextBlock,
    text: str,
    at: list[int],
    glued: set[int],
    room: set[int] | None = None,
    lead: set[int] | None = None,
) -> list[tuple]:
    """(position, length, text with stand-ins, format) of each fragment of ``block`` holding
    one of the offsets ``at``, starting at one of ``glued`` or holding one of ``room`` (a
    space and :data:`ROOM` go before it); bare-address fragments are left out."""
    room = room or set()
    edits = []
    base, wanted = block.position(), iter(at)
    offset = next(wanted, None)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        start = fragment.position() - base
        stop = start + fragment.length()
        fmt = fragment.charFormat()
        code = fmt.fontFixedPitch()  # (its text is written as it is: the glue and room go in)
        kept = code and len(text) > _RUN  # (code the writer may wrap: see wrapped_code)
        if code:
            inside = [start, *range(start + _RUN, stop, _RUN)] if kept else []  # (see wrapped_code)
        else:
            inside = sorted(n for n in room if start < n < stop)
        spaced = kept and " " in text[start:stop]
        chars: list[str] | None = list(text[start:stop]) if start in glued or inside or spaced else None
        while offset is not None and offset < stop:
            if chars is None:
                chars = list(text[start:stop])
            if not code:
                char = text[offset]
                chars[offset - start] = _lead(char) if lead and offset in lead else _SUBSTITUTE[char]
            offset = next(wanted, None)
        if chars is None or (fmt.isAnchor() and fmt.anchorHref() == fragment.text()):
            continue
        if spaced:
            chars = [SPACE if char == " " else char for char in chars]
        for n in reversed(inside):
            chars.insert(n - start, " " + ROOM)
        if start in glued and not (code and text[start] == "`"):  # (a code's own padding)
            chars.insert(0, GLUE)
        edits.append((fragment.position(), fragment.length(), "".join(chars), fmt))
    return edits


def wrapped_code(block: QTextBlock) -> bool:
    """``block`` holds code the writer may wrap: a code span holding a space, or longer than
    ``_RUN``, in a block longer than that. Qt's writer wraps inside a code span as in text,
    and the join of the wrapped lines made a run of spaces in it one and took a line of it
    starting "~~~`" or "```" for a fence; where it breaks a run with no space after one, it
    drops a character ("ViệtViệt" lost a "V"). So the spaces of such code are given to it as
    SPACE and a space and ROOM go in at its start and every ``_RUN`` characters (both taken
    out again): the writer breaks at those only (at its start, not before its backtick, which
    it may write before the new line: "`" + newline + " Việt`" gained a space)."""
    if block.length() <= _RUN + 1:
        return False
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.charFormat().fontFixedPitch() and (fragment.length() > _RUN or " " in fragment.text()):
            return True
        it += 1
    return False


def _lead(char: str) -> str:
    return LEAD_TAB if char == "\t" else LEAD


def _inside_word(text: str, at: int) -> bool:
    """The "_" at ``at`` is in a run of them between two letters or digits ("scene_setter"):
    CommonMark never takes it for emphasis, so it is written as it is."""
    start, end = at, at + 1
    while start > 0 and text[start - 1] == "_":
        start -= 1
    while end < len(text) and text[end] == "_":
        end += 1
    return start > 0 and end < len(text) and _letter(text[start - 1]) and _letter(text[end])


def _letter(char: str) -> bool:
    """Neither white space nor punctuation (CommonMark's reading of a mark's neighbours)."""
    return not char.isspace() and unicodedata.category(char)[0] not in "PSZC"


def written_back(markdown: str) -> str:
    """The writer's Markdown with each stand-in its character again, escaped where it acts;
    a part of a word on the line of the part before it, a line break typed a hard break, a
    loose list's items apart."""
    if LOOSE in markdown:
        markdown = LOOSE_ITEM.sub(lambda m: "\n\n" + m["mark"], markdown).replace(LOOSE, "")
    if ROOM in markdown:
        markdown = _ROOM.sub("", markdown)
    if SPACE in markdown:
        markdown = _RUN_WRAPPED.sub("", _WRAPPED_RUN.sub(" ", markdown)).replace(SPACE, " ")
    if LEAD in markdown:
        markdown = markdown.replace(LEAD, LEADING_SPACE)
    if LEAD_TAB in markdown:
        markdown = markdown.replace(LEAD_TAB, LEADING_TAB)
    if GLUE in markdown:
        markdown = _GLUED.sub(r"\g<marks>", markdown).replace(GLUE, "")
    if BREAK in markdown:
        markdown = _BREAK.sub("\\\\\n", _BREAK_AT_END.sub(_breaks_at_end, markdown))
    lines = []
    for line in markdown.split("\n"):
        if _STAND_INS.search(line):
            head = _LINE_HEAD.match(line).end()
            if head < len(line) and _STANDS_FOR.get(line[head], "x") in _LINE_START:
                line = line[:head] + "\\" + _STANDS_FOR[line[head]] + line[head + 1 :]
            line = _STAND_INS.sub(_back, line)
        lines.append(line)
    return "\n".join(lines)


def _breaks_at_end(match: re.Match) -> str:
    return match["marks"] + "\\\n" * len(match["breaks"]) + TRAILING


def _back(match: re.Match) -> str:
    char = _STANDS_FOR[match.group()]
    return char if char in _LINE_START else "\\" + char
