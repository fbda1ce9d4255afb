"""The word-by-word diff of an item's text between two copies, in the words its reader sees.

An export records each item's text as written (Markdown, its lines kept: ``changes.item_text``);
the "changes since version N" page, the composer's Changes tab and ``briefbook book changes``
show what changed in it. Each text is read here as the book reads it
(:func:`briefbook.assemble.markdown.blocks`): a list item is its number or bullet as the book
draws it ("2.", "b.", "•", "–", "·"), a link its text, ``\\[`` a bracket, ``**ủng hộ**`` the
words "ủng hộ" in bold. Words are compared with their look, so a word made bold, italic, a
link or code (`` `x` ``, printed in the monospace font) is a change even in an edit that
changes other words too, and it is shown in words, never in asterisks or backticks. Why not
the raw Markdown, or the text collapsed to one line and read: the raw text quoted asterisks and
link addresses, and the collapsed one read a numbered item as "-".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Iterable

from briefbook.document.model import ListBlock, Paragraph, Run, Table
from briefbook.markdown_plain import READ_WHOLE_UP_TO

# A word: (as it is shown, what it is compared by). A list's marker is compared by what it is
# (a bullet, or a number, at its depth), so an item put in above does not renumber every later
# item as a change; it is shown as the book numbers it now.
Word = tuple[str, Hashable]

FIELDS = "\x1e"  # between two fields of a recorded text (read apart: two lists stay two lists)
_SPACE = re.compile(r"(\s+)")
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # ASCII punctuation, which Markdown may act on


def literal(text: str) -> str:
    """A one-line field (a name, a title: never Markdown) written so that Markdown reads it as
    its characters, for a recorded text that is read as Markdown (a title "R&D *2024*" is
    those characters, not an italic)."""
    # A function, not the template r"\\\1": Python 3.11 expands a template in Python at each match.
    return _PUNCTUATION.sub(_escaped, " ".join(text.split()))


def _escaped(match: re.Match) -> str:
    """The punctuation matched, after a backslash (Markdown's escape)."""
    return "\\" + match.group()


def reader_words(text: str) -> list[Word]:
    """The words a reader sees in ``text`` (Markdown; fields :data:`FIELDS` apart, each read on
    its own), each with what it is compared by.

    A text beyond :data:`~briefbook.markdown_plain.READ_WHOLE_UP_TO` characters has only its
    escapes read (a 1 MB point read whole took seconds), as its search extract does."""
    if len(text) > READ_WHOLE_UP_TO:
        from briefbook.markdown_escapes import read_escapes

        return [(w, w) for w in read_escapes(text).split()]
    from briefbook.assemble.markdown import blocks

    out: list[Word] = []
    for part in text.split(FIELDS):
        for block in blocks(part):
            _block_words(block, 0, out)
    return out


def reading(text: str) -> str:
    """What a reader of the book finds in ``text`` (Markdown; fields :data:`FIELDS` apart): its
    words in their looks, a link's address too, a list's markers, blocks apart. Two texts
    the book prints alike read the same however they are spelled ("_x_" and "*x*": Qt's writer
    respells the one as the other), so a respelling is no edit (``changes.compare``)."""
    if len(text) > READ_WHOLE_UP_TO:
        return " ".join(text.split())
    from briefbook.assemble.markdown import blocks

    out: list[Word] = []
    for part in text.split(FIELDS):
        for block in blocks(part):
            out.append(("", type(block).__name__))
            _block_words(block, 0, out, addresses=True)
        out.append(("", FIELDS))
    return repr([key for _, key in out])


def _block_words(block: object, depth: int, out: list[Word], addresses: bool = False) -> None:
    """The words of one block, in reading order (a list's markers as the book draws them)."""
    from briefbook.assemble.markdown_flat import marker

    if isinstance(block, Paragraph):
        _run_words(block.runs, out, addresses)
    elif isinstance(block, ListBlock):
        for n, item in enumerate(block.items, start=1):
            out.append((marker(block.ordered, depth, n).strip(), ("marker", block.ordered, depth)))
            _run_words(item.runs, out, addresses)
            if item.children is not None:
                _block_words(item.children, depth + 1, out, addresses)
            for part in item.more:  # (later paragraphs under the item, its lists one level in)
                _block_words(part, depth + 1, out, addresses)
    elif isinstance(block, Table):
        for row in [*block.header, *block.rows]:
            out += [("", "row")] * addresses  # (the reading keeps a table's shape)
            for cell in row:
                out += [("", "cell")] * addresses
                for paragraph in cell:
                    _run_words(paragraph.runs, out, addresses)


def _run_words(runs: Iterable[Run], out: list[Word], addresses: bool = False) -> None:
    """The words of a paragraph's runs: a word is cut at white space, not where its look
    changes ("Hà**Nội**" is one word, compared with both looks). ``addresses``: a link's
    look is its address (else only that it is one)."""
    shown: list[str] = []
    looks: list[tuple] = []
    for run in runs:
        look = (run.bold, run.italic, run.link if addresses else bool(run.link), run.code, run.strike)
        for part in _SPACE.split(run.text):
            if not part:
                continue
            if part.isspace():
                if shown:
                    out.append(("".join(shown), tuple(looks)))
                    shown, looks = [], []
            else:
                shown.append(part)
                looks.append((part, *look))
    if shown:
        out.append(("".join(shown), tuple(looks)))


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The words removed and added between two texts, with the unchanged stretches between
    (as the new text shows them: a list renumbered reads as it is numbered now).

    Where the words and their look are the same and only what a reader does not see changed (a
    link's address), the diff is of the raw texts: it shows what changed rather than nothing.
    """
    a, b = reader_words(old), reader_words(new)
    keys_a, keys_b = [k for _, k in a], [k for _, k in b]
    if keys_a == keys_b and old != new:
        a = [(w, w) for w in old.split()]
        b = [(w, w) for w in new.split()]
        keys_a, keys_b = [k for _, k in a], [k for _, k in b]
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=keys_a, b=keys_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(w for w, _ in b[j1:j2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(w for w, _ in a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(w for w, _ in b[j1:j2])))
    return out
