"""The Markdown a text field keeps: Qt's reader given it as typed, and Qt's writer's output joined again.

Qt's Markdown writer wraps paragraphs at 80 columns (:func:`normalise_markdown` joins the
lines again). What a paste from Word or a web page keeps is :mod:`.html_paste`'s.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)

from briefbook.text import clean
from briefbook.ui.editors import loose_lists
from briefbook.ui.editors.markdown_stand_ins import (
    BREAK,
    END_OF_ITEM,
    LEAD,
    LEAD_TAB,
    LEADING_SPACE,
    LEADING_TAB,
    LINE_BREAK,
    LINE_START_MARKS,
    NUMBER_ENDS,
    TRAILING,
)

# CommonMark with pipe tables, as the book reads a text (assemble.markdown_parse): a point
# holding a table shows it as a grid and keeps it on save, where plain CommonMark made its
# rows one paragraph of pipes at the first edit. Qt names no flag for tables alone: 0x0100
# is md4c's MD_FLAG_TABLES, which MarkdownDialectGitHub holds with autolinks, strikethrough
# and task lists. The book reads no autolinks or task lists; it reads strike-through by
# markdown-it's rule, not md4c's (which strikes "~x~"), so md4c's flag stays off and the
# editor strikes where the book does (:mod:`~briefbook.ui.editors.struck`).
FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectCommonMark.value | 0x0100
)

# (a bare "-" or "14." line is an empty item: the writer escapes a mark its wrapping brings
# to a line's start, so joined to the line before it became a dash typed at that item's end)
# A "|" is not one: outside a table the writer wrote (see _table_lines), a line of the
# writer's that starts with "|" is where it wrapped "Lào | Campuchia" (kept apart, the text
# got a line break the user never typed, and its name ended before the "|").
_BLOCK_START = re.compile(r"^\s*([-*+](?:\s|$)|\d+[.)](?:\s|$)|#|>|```)")
# A rule (Qt writes "- - -", a pasted <hr>): the line after it is a paragraph of its own
# ("- - - ສົມພອນ" joined was read as three nested lists)
_RULE = re.compile(r"^ {0,3}(?P<mark>[-*_])(?:[ \t]*(?P=mark)){2,}[ \t]*$")
_TABLE_DELIMITER = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")  # "|---|:--:|", as Qt writes it
_BLANKS_BEFORE_TABLE = re.compile(r"\n{3,}(?=\|)")  # (the writer puts two blank lines there)
# Qt's writer wraps at 80 columns, and at two places it breaks where the text had no
# space: after a fragment's opening marks ("… *" + newline + "word*"), and before a
# fragment that does not fit ("**word**" + newline + "."). Joining those lines with a
# space lost the emphasis ("* word*" is not emphasis) or put a space before the stop.
_OPENED_AT_END = re.compile(r"\S\s+(?:\*{1,3}|_|~~|`+)$")  # (after a run of spaces too: "a  `" + "b`")
_CLOSED_AT_END = re.compile(r"(?:\S(?P<mark>\*{1,3}|_|~~|`+)|(?P<link>\]\([^()\s]*\)|<[^<>\s]+>))$")
_CLOSING_PUNCTUATION = re.compile(r"[.,;:!?)\]}…»”’%]")
# The escape the writer puts before a mark its wrapping brought to a line's start ("\\- ",
# "\\#", "\\>", "12\\."): joined into the paragraph again, the mark is text where it stands
# and the backslash would show (the table's summary, a message quoting the text).
_LINE_START_ESCAPE = re.compile(
    rf"^(?P<digits>\d{{1,9}})?\\(?P<mark>(?(digits)[{re.escape(NUMBER_ENDS)}]|[{re.escape(LINE_START_MARKS)}]))"
)


_BEFORE_BREAK = "\\!"  # (punctuation before a break, as its backslash is: see _read_markdown)
# A hard break: a line ending in an odd number of backslashes, a line of text after it (its
# spaces at the start are the break's: the book drops them, as CommonMark does), not one that
# ends the paragraph: a rule, a heading, a quote, a fence or a list item that can interrupt
# it ("a\\" + newline + "***" was read as one paragraph, the rule as text)
_HARD_BREAK = re.compile(
    r"(?<!\\)((?:\\\\)*)\\\n[ \t]*(?=\S)"
    r"(?!(?P<rule>[-*_])(?:[ \t]*(?P=rule)){2,}[ \t]*$"
    r"|#{1,6}(?:[ \t]|$)|>|```|~~~|[-*+][ \t]+\S|1[.)][ \t]+\S)",
    re.M,
)
# The breaks typed at a paragraph's (or a tight list item's) end, as the writer keeps them
# (markdown_stand_ins.TRAILING)
_BREAK_AT_END = re.compile(
    rf"(?<!\\)((?:\\\\)*)\\\n{re.escape(TRAILING)}(?=[ \t]*\n[ \t]*\n|[ \t]*\n?$|[ \t]*{END_OF_ITEM})"
)
# "&#32;" and "&#9;", a space and a tab as the book reads them (markdown_stand_ins.LEADING_SPACE,
# LEADING_TAB), not "\\&#32;" typed
_SPACE_ENTITY = re.compile(r"(?<!\\)((?:\\\\)*)&#(32|9);")
_BACKTICKS = re.compile(r"(?P<escapes>\\*)(?P<ticks>`+)")
_FENCE_OPEN = re.compile(r"^ *(?P<fence>`{3,}(?!.*`)|~{3,})")
_FENCE_CLOSE = re.compile(r"^ *(?P<fence>`{3,}|~{3,})[ \t]*$")


def read_markdown(document: QTextDocument, markdown: str, features) -> None:
    """:func:`_read_markdown`, each code span keeping the bold, italic or link around it
    (:mod:`~briefbook.ui.editors.code_looks`: Qt's reader dropped them), struck through where
    the book strikes (:mod:`~briefbook.ui.editors.struck`: md4c's own strike-through is not
    the book's), two links side by side two (:mod:`~briefbook.ui.editors.link_bounds`: Qt's
    reader made them one), a look written inside a link's brackets inside them
    (:mod:`~briefbook.ui.editors.link_inside`)."""
    from briefbook.ui.editors import astral, code_looks, link_bounds, link_inside, struck

    if astral.holds(markdown) and (stands := astral.mapping(markdown)) is not None:
        # (read with a one-unit stand-in for each: the steps below index Python text by Qt's positions)
        read_markdown(document, astral.hidden(markdown, stands), features)
        astral.put_back_in(document, stands)
        document.clearUndoRedoStacks()  # (the characters put back are no step of the history)
        return
    apart = link_inside.inside(link_bounds.apart(markdown))  # (links side by side, looks inside)
    read = struck.marked(apart)
    strikes = read is not apart  # (struck.marked gives the text itself where it strikes nothing)
    hidden, codes = code_looks.hidden(read)
    _read_markdown(document, hidden, features)
    if codes and not code_looks.put_back(document, codes):
        _read_markdown(document, read, features)
    if strikes:
        struck.strike(document)
    if apart is not markdown:
        link_bounds.seamed(document)
        link_inside.held(document, link_bounds.key)
    if codes or strikes or apart is not markdown:
        document.clearUndoRedoStacks()


def _read_markdown(document: QTextDocument, markdown: str, features) -> None:
    """``document.setMarkdown(markdown, features)``, a hard break kept a line break (U+2028).

    Qt's reader makes a new paragraph of a hard break ("\\" at a line's end), so a line
    break typed with Shift+Enter, stored as one (``markdown_stand_ins``), came back as a
    paragraph break, and the next save wrote it as one. Each is given to the reader as
    :data:`~markdown_stand_ins.BREAK` on the same line, which is then the line break, after
    an escaped "!" and before a space, which go with it: a "*" before the break is before
    punctuation there as it was before the break's backslash, and one that began the next
    line after white space, the book's reading ("Việt*" + "\\" + newline + "Việt*" is text,
    and so is a "*" alone after a break: next to BREAK alone md4c made italic of them). Code
    (a fenced block) is read as it is, and the breaks outside it as everywhere else (a text
    holding a fence was read whole as it was: its typed breaks came back as paragraphs)."""
    loose = loose_lists.may_be_loose(markdown)
    if loose:
        markdown = loose_lists.loose_marked(markdown)
    spaces = (LEADING_SPACE in markdown or LEADING_TAB in markdown) and not (
        LEAD in markdown or LEAD_TAB in markdown
    )
    if BREAK in markdown or ("\\\n" not in markdown and not spaces):
        document.setMarkdown(markdown, features)
        if loose:
            loose_lists.mark_loose_lists(document)
            document.clearUndoRedoStacks()
        return
    lines = markdown.split("\n")
    code = code_lines(lines)
    parts, start = [], 0
    for number in [*sorted(code), len(lines)]:
        if number > start:
            text = _BREAK_AT_END.sub(lambda m: m[1] + _BEFORE_BREAK + BREAK, "\n".join(lines[start:number]))
            text = _HARD_BREAK.sub(lambda m: m[1] + _BEFORE_BREAK + BREAK + " ", text)
            parts.append(_spaces_read(text) if spaces else text)
        if number < len(lines):
            parts.append(lines[number])
        start = number + 1
    document.setMarkdown("\n".join(parts), features)
    for stand_in, char in ((BREAK, LINE_BREAK), (LEAD, " "), (LEAD_TAB, "\t")):
        found = document.find(stand_in)
        while not found.isNull():
            if stand_in == BREAK:  # (with the "!" before it and the space after it, if there)
                fmt = found.charFormat()  # (the break's own: inside the italic it is in, if it is)
                end = found.selectionEnd() + (document.characterAt(found.selectionEnd()) == " ")
                found.setPosition(found.selectionStart() - 1)
                found.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                found.insertText(char, fmt)
            else:
                found.insertText(char)
            found = document.find(stand_in, found)
    if loose:
        loose_lists.mark_loose_lists(document)
    # (setMarkdown starts the history afresh; the stand-ins put back are no step of it: Ctrl+Z
    # just after opening showed a private-use character where a line break or space was)
    document.clearUndoRedoStacks()


def insert_markdown(cursor: QTextCursor, markdown: str, features) -> None:
    """``cursor.insertMarkdown(markdown, features)``, its "&#32;" and "&#9;" kept (outside code).

    Qt's reader drops a space or a tab spelled as an entity, as it drops them at a
    paragraph's start: a tab pasted from Word at a paragraph's start ("&#9;", from
    :func:`~.html_paste.markdown_from_html`) was lost. They are given to it as stand-ins and put back,
    in the paste's one step of the history. A paste holding code with a look (bold code,
    code in a link's text) is read as the editor reads a text (:func:`read_markdown`, which
    keeps the look: Qt's reader dropped it) and inserted as that document's fragment."""
    from briefbook.ui.editors import code_looks, struck

    if code_looks.hidden(markdown)[1] or struck.read(markdown) is not None:
        pasted = QTextDocument()
        read_markdown(pasted, markdown, features)
        cursor.insertFragment(QTextDocumentFragment(pasted))
        return
    if LEADING_SPACE not in markdown and LEADING_TAB not in markdown:
        cursor.insertMarkdown(markdown, features)
        return
    lines = markdown.split("\n")
    code = code_lines(lines)
    read = "\n".join(line if n in code else _spaces_read(line) for n, line in enumerate(lines))
    document = cursor.document()
    cursor.beginEditBlock()
    start = cursor.selectionStart()
    cursor.insertMarkdown(read, features)
    end = cursor.position()
    for stand_in, char in ((LEAD, " "), (LEAD_TAB, "\t")):
        found = document.find(stand_in, start)
        while not found.isNull() and found.selectionEnd() <= end:
            found.insertText(char)
            found = document.find(stand_in, found)
    cursor.endEditBlock()


def _spaces_read(text: str) -> str:
    """Each "&#32;" of ``text`` outside a code span as :data:`LEAD` (a space Qt's reader keeps).
    In a code span it is the six characters typed, as the book prints them: read as a space
    there, the editor showed a space and the next save stored one."""
    if "`" not in text:
        return _SPACE_ENTITY.sub(_lead, text)
    out, at = [], 0
    for start, end in code_spans(text):
        out += (_SPACE_ENTITY.sub(_lead, text[at:start]), text[start:end])
        at = end
    out.append(_SPACE_ENTITY.sub(_lead, text[at:]))
    return "".join(out)


def _lead(match: re.Match) -> str:
    return match[1] + (LEAD if match[2] == "32" else LEAD_TAB)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where the code spans of ``text`` are, backticks included, as CommonMark finds them: a
    run of backticks not escaped opens one, the next run of the same length closes it
    (within the paragraph); an opening run with no such close is text."""
    spans: list[tuple[int, int]] = []
    at = 0
    while (opening := _BACKTICKS.search(text, at)) is not None:
        start, ticks = opening.start("ticks"), opening["ticks"]
        if len(opening["escapes"]) % 2:  # "\`": that backtick is text, the rest may open
            start, ticks = start + 1, ticks[1:]
            if not ticks:
                at = opening.end()
                continue
        closing = re.compile(rf"(?<!`){ticks}(?!`)|\n[ \t]*\n").search(text, opening.end())
        if closing is None or closing.group().startswith("\n"):
            at = opening.end()
            continue
        spans.append((start, closing.end()))
        at = closing.end()
    return spans


def code_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines of fenced code blocks, their fences included: their text is
    the code's own, neither joined nor trimmed (a fence is at most three spaces in from its
    list item's text, as Qt's writer puts it; an unclosed one runs to the end)."""
    out: set[int] = set()
    opened: re.Match | None = None
    for number, line in enumerate(lines):
        if opened is None:
            opened = _FENCE_OPEN.match(line)
            if opened:
                out.add(number)
            continue
        out.add(number)
        closing = _FENCE_CLOSE.match(line)
        fence = opened["fence"]
        if closing and closing["fence"][0] == fence[0] and len(closing["fence"]) >= len(fence):
            opened = None
    return out


def normalise_markdown(markdown: str) -> str:
    """Qt's writer wraps paragraphs at 80 columns; join those lines again and trim.

    Each line is kept as its pieces and joined once at the end (adding each wrapped
    line to the paragraph so far copied it every time: minutes for a 1 MB paragraph)."""
    out: list[list[str]] = []
    lines = clean(markdown).split("\n")
    table = _table_lines(lines)
    code = code_lines(lines) if "```" in markdown or "~~~" in markdown else set()
    for number, line in enumerate(lines):
        if number in code or number - 1 in code:  # (code as it is; no text joins a fence)
            if number not in code and line.strip() and not line[0].isspace():
                out.append([""])  # (the writer puts a paragraph on the fence's next line)
            out.append([line if number in code else line.rstrip()])
            continue
        # (spaces at a line's end are where the writer wrapped a run of typed spaces, never a
        # hard break: Qt writes a line break as a bare newline, and reads "  \n" as a new
        # paragraph, so keeping them split the paragraph wherever the wrap fell on them)
        line = line.rstrip()
        previous = out[-1] if out else None
        if (
            previous is not None
            and number not in table
            and number - 1 not in table
            and (len(previous) > 1 or previous[0].strip())
            and line.strip()
            and not _BLOCK_START.match(line)
            and not (len(previous) == 1 and _RULE.match(previous[0]))
            and not _escaped_last(previous[-1] + "x")  # (a line ending in a lone "\\": a hard break)
        ):
            previous[-1] = end = previous[-1].rstrip()
            line = _LINE_START_ESCAPE.sub(_unescaped_start, line.strip(), count=1)
            glued = _OPENED_AT_END.search(end) or (_CLOSING_PUNCTUATION.match(line) and _closed_at_end(end))
            previous += ("" if glued else " ", line)
        else:
            out.append([line])
    joined = "\n".join("".join(pieces) for pieces in out).strip("\n")
    return _BLANKS_BEFORE_TABLE.sub("\n\n", joined) if table else joined


def _table_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines that are rows of a table the writer wrote: after a blank line,
    a row, the delimiter row, then every line that starts with "|" (it writes a row on one
    line, never wrapped). They are kept as they are."""
    rows: set[int] = set()
    for number in range(len(lines) - 1):
        if number in rows or (number and lines[number - 1].strip()):
            continue
        if lines[number].startswith("|") and _TABLE_DELIMITER.match(lines[number + 1].rstrip()):
            end = number + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            rows.update(range(number, end))
    return rows


def _unescaped_start(match: re.Match) -> str:
    return (match["digits"] or "") + match["mark"]


def _closed_at_end(line: str) -> bool:
    """``line`` ends in a closing mark, a link or an address the writer wrote (not one typed:
    "\\*", "\\](x)", "\\<b>" are text)."""
    found = _CLOSED_AT_END.search(line)
    return found is not None and not _escaped_last(line[: found.start(found.lastgroup) + 1])


def _escaped_last(text: str) -> bool:
    """The last character of ``text`` follows an odd number of backslashes: it is written as
    itself ("\\*" is a star typed, not a mark; "\\\\" a backslash typed, not a hard break)."""
    body = text[:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 1
