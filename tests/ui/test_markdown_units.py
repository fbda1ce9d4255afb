"""A long text's Markdown kept per unit (``briefbook.ui.editors.markdown_units``) is, after
any run of edits, the Markdown the editor wrote whole before (``markdown_writer.to_markdown``
of all of it): the same string where the text is paragraphs only, the same text and marks
read back where it also holds lists and headings.

The sizes are made tiny (a text is long from 0 characters, opened in pieces from 300, cut
every 40), so that a few hundred characters hold many units, and edits meet their edges.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextListFormat

from briefbook.ui.editors import long_text, markdown_units, markdown_writer
from briefbook.ui.editors.rich_text import FEATURES, MarkdownEdit, normalise_markdown
from tests.ui.rich_text_runs import runs

WORDS = "Việt Nam đánh giá cao hội nghị 2025 ประเทศไทย ความร่วมมือ اجتمع الوفد Hanoi Convention".split()


@pytest.fixture
def tiny(monkeypatch):
    monkeypatch.setattr(markdown_units, "LONG", 0)
    monkeypatch.setattr(long_text, "LONG", 300)
    monkeypatch.setattr(markdown_writer, "PIECE", 40)


def _paragraph(rng: random.Random, words: int, marks: bool) -> str:
    out = []
    for _ in range(words):
        word = rng.choice(WORDS)
        if marks and rng.random() < 0.1:
            word = rng.choice([f"**{word}**", f"*{word}*", f"[{word}](https://example.org/)"])
        out.append(word)
    return "Việt " + " ".join(out)


def _opened(qtbot, markdown: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown(markdown)
    qtbot.waitUntil(lambda: not edit.loading, timeout=20_000)
    return edit


def _whole(document: QTextDocument) -> str:
    """What the editor saved before: all of the text written at once."""
    return normalise_markdown(markdown_writer.to_markdown(document, FEATURES))


def _seen(document: QTextDocument) -> list[tuple]:
    """What the editor shows, as :func:`runs` reads it back from Markdown: the pieces of a
    paragraph one paragraph, joined by a space; no empty paragraph, none starting or ending
    in spaces."""
    paragraphs: list[list[tuple]] = []
    block = document.begin()
    while block.isValid():
        if not paragraphs or not long_text.continues(block):
            paragraphs.append([])
        else:
            paragraphs[-1].append((" ", False, False, "", False))  # the space it was cut at: plain
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            key = (fmt.fontWeight() > 400, fmt.fontItalic(), fmt.anchorHref(), fmt.fontFixedPitch())
            paragraphs[-1].append((it.fragment().text(), *key))
            it += 1
        block = block.next()
    out: list[tuple] = []
    for number, paragraph in enumerate(paragraphs):
        merged: list[list] = []
        for text, *key in paragraph:
            if merged and merged[-1][1:] == key:
                merged[-1][0] += text
            else:
                merged.append([text, *key])
        if merged:
            merged[0][0] = merged[0][0].lstrip()
            merged[-1][0] = merged[-1][0].rstrip()
        out += [(run[0], number, *run[1:]) for run in merged if run[0]]
    return _renumbered(out)


def _texts(found: list[tuple]) -> list[str]:
    paragraphs: dict[int, str] = {}
    for text, number, *_rest in found:
        paragraphs[number] = paragraphs.get(number, "") + text
    return list(paragraphs.values())


def _renumbered(found: list[tuple]) -> list[tuple]:
    numbers: dict[int, int] = {}
    return [(t, numbers.setdefault(n, len(numbers)), *rest) for t, n, *rest in found]


def _empty_joined(document: QTextDocument) -> bool:
    """A piece emptied or split off empty: the whole text's writer dropped the paragraph
    break after it (the empty block vanished, and the space it was joined by took its place)."""
    block = document.begin()
    while block.isValid():
        if not block.text() and long_text.continues(block):
            return True
        block = block.next()
    return False


def _read_back(markdown: str) -> list[tuple]:
    document = QTextDocument()
    document.setMarkdown(markdown, FEATURES)
    return runs(document)


def _edit_once(rng: random.Random, document: QTextDocument, lists: bool) -> None:
    cursor = QTextCursor(document)
    end = document.characterCount() - 1
    at = rng.randint(0, end)
    cursor.setPosition(at)
    what = rng.choice(
        ["type", "type", "enter", "delete", "bold", "space", *(["list", "heading"] if lists else [])]
    )
    # (typed plain: typed after a bold word it would be bold, and Qt writes a bold that ends in
    # a space as asterisks the reader shows, with the old writer as with the new)
    if what == "type":
        cursor.insertText(rng.choice(WORDS) + rng.choice(["", " "]), QTextCharFormat())
    elif what == "space":
        cursor.insertText(rng.choice([" ", "  "]), QTextCharFormat())
    elif what == "enter":
        cursor.insertBlock()
    elif what == "delete":
        cursor.setPosition(min(end, at + rng.randint(1, 60)), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    elif what == "bold":  # a word, as a double click selects it (Qt writes no bold that starts with a space)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        cursor.mergeCharFormat(fmt)
    elif what == "list":
        cursor.createList(rng.choice([QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListDecimal]))
    else:
        fmt = cursor.blockFormat()
        fmt.setHeadingLevel(2)
        cursor.setBlockFormat(fmt)


# seeds 21, 233 and 283: two spaces typed where a unit's first line wrapped were kept as a
# hard break (a paragraph split in two); 29 and 142: a piece joined to an empty block after a
# numbered item became a lazy line of the item; 249: a word typed into a bold word
# ("Vi" + "nghị" + "ệt") gained a space where the writer started a line before its last part;
# 165: two spaces typed between two parts of a link were saved as one where the writer wrapped
# after them; 227: a paragraph of one space before a piece gained one (test_typed_spaces_kept)
@pytest.mark.parametrize("seed", [*range(12), 21, 165, 227, 233, 249, 283])
def test_edits_of_a_text_opened_in_pieces_save_what_the_whole_text_wrote(qtbot, tiny, seed: int) -> None:
    rng = random.Random(seed)
    markdown = "\n\n".join(_paragraph(rng, rng.randint(60, 140), marks=seed % 2 == 1) for _ in range(3))
    edit = _opened(qtbot, markdown)
    document = edit.document()
    assert document.blockCount() > 10  # in pieces, each of them a unit
    assert edit.markdown() == markdown == _whole(document)
    for _ in range(25):
        _edit_once(rng, document, lists=False)
        saved = edit.markdown()
        if not _empty_joined(document):
            assert saved == _whole(document)
        else:  # the paragraphs the editor shows, each with its text
            assert _texts(_renumbered(_read_back(saved))) == _texts(_seen(document))


# 90: a space typed at the end of a piece was dropped by the whole text's writer where it wrapped
# at it (test_typed_spaces_kept)
@pytest.mark.parametrize("seed", [*range(8), 29, 90, 142])
def test_edits_that_make_lists_and_headings_save_the_same_text_and_marks(qtbot, tiny, seed: int) -> None:
    rng = random.Random(100 + seed)
    parts = [_paragraph(rng, rng.randint(60, 120), marks=True) for _ in range(3)]
    parts.insert(1, "- một\n- hai **đậm**\n  - ba")
    parts.insert(3, "## Tiêu đề *nghiêng*\n\n1. một\n2. hai")
    edit = _opened(qtbot, "\n\n".join(parts))
    document = edit.document()
    for _ in range(20):
        _edit_once(rng, document, lists=True)
        if not _empty_joined(document):
            assert _read_back(edit.markdown()) == _read_back(_whole(document))


def test_a_save_writes_again_only_the_units_an_edit_changed(qtbot, tiny, monkeypatch) -> None:
    rng = random.Random(5)
    edit = _opened(qtbot, "\n\n".join(_paragraph(rng, 120, marks=True) for _ in range(3)))
    qtbot.waitUntil(lambda: edit.kept.writer.missing(markdown_units.units(edit.document())) == 0)
    written = []
    real = markdown_writer.write_range
    monkeypatch.setattr(markdown_writer, "write_range", lambda *a, **k: written.append(a[1]) or real(*a, **k))
    before = edit.markdown()
    assert written == []  # every unit was written ahead, in slices, once the text was open
    cursor = edit.document().find("Nam")
    cursor.insertText("Namm")
    after = edit.markdown()
    assert len(written) == 1 and after == before.replace("Nam", "Namm", 1)


def test_a_save_soon_of_an_edit_of_every_unit_waits_for_the_slices_and_saves_it_whole(
    qtbot, tiny, monkeypatch
) -> None:
    from briefbook.ui.editors.rich_text import MarkdownField

    rng = random.Random(9)
    text = "\n\n".join(_paragraph(rng, 120, marks=False) for _ in range(3))
    monkeypatch.setattr(markdown_units, "QUICK", 100)
    field = MarkdownField("text")
    qtbot.addWidget(field)
    field.set_value(text)
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=20_000)
    saved = []
    field.committed.connect(lambda name, value: saved.append(value))
    cursor = QTextCursor(field.edit.document())
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextCharFormat()
    fmt.setFontItalic(True)
    cursor.mergeCharFormat(fmt)  # every unit changed
    field.save_soon()
    assert saved == []  # not at once: written in slices first
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    assert saved == [_whole(field.edit.document())]
    assert _texts(_read_back(saved[0])) == text.split("\n\n")


def test_writing_the_markdown_lays_out_nothing_and_says_no_change(qtbot) -> None:
    """Qt lays out all of a shown text up to where a cursor is put: writing the units of a
    long text just after the window was resized laid all of it out again at once (0.1-0.4 s
    for 1 MB of Thai). The end of the text stays unlaid until Qt's own layout, a part at a
    time, reaches it; and the writing changes nothing, says nothing."""
    from tests.ui.test_long_text import THAI, report

    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(700, 300)
    edit.show()
    edit.set_markdown(report(THAI, 200_000))
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    document = edit.document()
    last = document.lastBlock()
    qtbot.waitUntil(lambda: last.layout().lineCount() > 0)  # (Qt lays the opened text out a part at a time)
    edit.resize(500, 300)  # laid out again at the new width, from the start, a part at a time
    assert last.layout().lineCount() == 0  # (not yet)
    changed = []
    edit.textChanged.connect(lambda: changed.append(1))
    undo = document.isUndoAvailable()
    edit.kept.writer.forget()
    assert edit.markdown()  # every unit written, a cursor put at each
    assert last.layout().lineCount() == 0  # not laid out by the writing
    assert changed == [] and document.isUndoAvailable() == undo and not document.isModified()


def _one_list(rng: random.Random, items: int, numbered: bool, loose: bool) -> str:
    """A report that is one list: items of plain and marked words, some with nested items or
    (``loose``) a paragraph of their own below them; numbered from 1 or another number."""
    start = rng.choice([1, 1, 3, 9]) if numbered else 0
    out = []
    for number in range(items):
        mark = f"{start + number}. " if numbered else "- "
        pad = " " * len(mark)
        out.append(mark + _paragraph(rng, rng.randint(2, 12), marks=True))
        if rng.random() < 0.15:
            out.append(pad + "- " + _paragraph(rng, rng.randint(2, 6), marks=False))
            out.append(pad + "- " + _paragraph(rng, rng.randint(2, 6), marks=True))
        elif loose and rng.random() < 0.05:
            out.append("\n" + pad + _paragraph(rng, rng.randint(2, 8), marks=False) + "\n")
    return "\n".join(out)


def _list_edit(rng: random.Random, document: QTextDocument) -> None:
    cursor = QTextCursor(document)
    at = rng.randint(0, document.characterCount() - 1)
    cursor.setPosition(at)
    what = rng.choice(["type", "enter", "enter", "delete", "bold", "indent", "unlist", "relist", "join"])
    if what == "type":
        cursor.insertText(rng.choice(WORDS) + rng.choice(["", " "]), QTextCharFormat())
    elif what == "enter":  # a new item (or paragraph) after this one, or an empty one
        cursor.movePosition(
            rng.choice([QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveOperation.NoMove])
        )
        cursor.insertBlock()
        if rng.random() < 0.5:
            cursor.insertText(rng.choice(WORDS), QTextCharFormat())
    elif what == "delete":
        end = document.characterCount() - 1
        cursor.setPosition(min(end, at + rng.randint(1, 80)), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    elif what == "bold":
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        cursor.mergeCharFormat(fmt)
    elif what == "indent":  # the item nested one level deeper (Tab in a word processor)
        listed = cursor.currentList()
        if listed is not None:
            fmt = QTextListFormat(listed.format())
            fmt.setIndent(listed.format().indent() + 1)
            fmt.setStyle(QTextListFormat.Style.ListCircle)
            listed.remove(cursor.block())
            cursor.createList(fmt)
    elif what == "unlist":  # the bullet button pressed again on the item
        listed = cursor.currentList()
        if listed is not None:
            listed.remove(cursor.block())
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
    elif what == "relist":
        cursor.createList(rng.choice([QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListDecimal]))
    else:  # backspace at an item's start: joined to the one before
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.deletePreviousChar()


@pytest.mark.parametrize("seed", range(16))
def test_a_text_that_is_one_list_saves_item_by_item_what_the_whole_text_wrote(qtbot, tiny, seed: int) -> None:
    """A 1 MB report that is one bulleted or numbered list was one unit: each save wrote all
    of it again (0.4 s). It is written item by item now, each item numbered by its place; after
    any run of edits (items added, joined, nested, taken out of the list) the Markdown is the
    very string the whole text's writer wrote. (A list with a paragraph of an item's own is
    "loose" for Qt's writer, known only to a writer of all of it: it stays one unit.)"""
    rng = random.Random(1000 + seed)
    loose = seed % 4 == 3
    edit = _opened(qtbot, _one_list(rng, rng.randint(20, 40), numbered=seed % 2 == 1, loose=loose))
    document = edit.document()
    assert loose or sum(u.item for u in markdown_units.units(document)) > 10  # cut item by item
    assert edit.markdown() == _whole(document)
    for _ in range(30):
        _list_edit(rng, document)
        assert edit.markdown() == _whole(document)


def test_an_item_added_to_a_numbered_list_numbers_the_items_after_it_again(qtbot, tiny) -> None:
    edit = _opened(qtbot, "\n".join(f"{n}. mục {n}" for n in range(3, 30)))
    edit.markdown()
    cursor = edit.document().find("mục 5")
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock()
    cursor.insertText("mới")
    saved = edit.markdown()
    assert saved == _whole(edit.document())
    assert "5. mục 5\n6. mới\n7. mục 6\n" in saved and saved.endswith("30. mục 29")


def test_another_text_shown_is_opened_again_not_looked_for_in_the_editors_history(qtbot, tiny) -> None:
    """Only an undo or redo of the window's stack steps the editor's own history: another item
    shown (or another window's change) is opened as before, without stepping the history of
    the text shown until then (a waste of two writes of a 1 MB text's Markdown)."""
    from briefbook.ui.editors.rich_text import MarkdownField
    from briefbook.ui.undo import LibraryCommand

    rng = random.Random(11)
    first, second = (" ".join(_paragraph(rng, 120, marks=False) for _ in range(3)) for _ in range(2))
    field = MarkdownField("text")
    qtbot.addWidget(field)
    field.set_value(first)
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=20_000)
    document = field.edit.document()
    QTextCursor(document).insertText("Mới ")
    stepped = []
    real_undo = document.undo
    document.undo = lambda: stepped.append("undo") or real_undo()
    field.set_value(second, force=True)  # another item
    assert stepped == []
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=20_000)
    assert field.value() == second
    QTextCursor(field.edit.document()).insertText("Mới ")
    edited = field.value()
    assert edited != second
    field.set_value(edited)  # saved: the library's text came back
    LibraryCommand.stepping = True  # the window's undo of that edit
    try:
        field.set_value(second)
    finally:
        LibraryCommand.stepping = False
    assert not field.edit.loading and field.value() == second  # a step back, not opened again


def test_a_save_soon_finds_a_long_texts_units_in_slices_first(qtbot, tiny, monkeypatch) -> None:
    """Cutting a 1 MB list of 5,000 items into units took 60-80 ms at every save after the
    pause in typing; a save that cannot find them at once (here: never) finds them a few
    blocks at a time between turns of the event loop, then saves the same text."""
    from briefbook.ui.editors.rich_text import MarkdownField

    rng = random.Random(13)
    monkeypatch.setattr(markdown_units, "QUICK_MS", 0)
    monkeypatch.setattr(markdown_units, "STEP", 4)
    field = MarkdownField("text")
    qtbot.addWidget(field)
    field.set_value(_one_list(rng, 40, numbered=True, loose=False))
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=20_000)
    saved = []
    field.committed.connect(lambda name, value: saved.append(value))
    cursor = QTextCursor(field.edit.document())
    cursor.insertText("Mới")
    cursor.insertBlock()  # (a block more: the units are found again; a key typed keeps them)
    field.save_soon()
    assert saved == [] and field.edit.kept.parts is None  # not at once: found in slices
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    assert saved == [_whole(field.edit.document())]
    assert saved[0].split("\n")[0].endswith("Mới")
