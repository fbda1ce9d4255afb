"""A talking point that is one long list (a 1 MB report of thousands of short items), in the
book preview: shown item by item across turns of the event loop, in lists of at most
``preview_pieces.GROUP`` items that read as one list (same bullets, numbers going on), and
the preview keeps only the document it shows."""

from __future__ import annotations

import types

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QTextDocument, QTextListFormat

from briefbook.document.model import Document, ListBlock, ListItem, Metadata, Paragraph, Run
from briefbook.ui import preview, preview_pieces
from briefbook.ui.preview import BookPreview


def long_list(items: int, ordered: bool, nested_every: int = 0) -> ListBlock:
    rows = []
    for n in range(1, items + 1):
        children = None
        if nested_every and n % nested_every == 0:
            children = ListBlock([ListItem([Run(f"con {n}.{k}")]) for k in (1, 2)], ordered=False)
        rows.append(ListItem([Run(f"Mục {n}: hợp tác chống lừa đảo trực tuyến.")], children))
    return ListBlock(rows, ordered=ordered)


def book(*blocks) -> Document:
    return Document(Metadata(title="Sổ tay", language="vi"), [Paragraph([Run("Mở đầu.")], "body"), *blocks])


def shown(qtbot, document: Document) -> BookPreview:
    widget = BookPreview()
    qtbot.addWidget(widget)
    widget.resize(520, 600)
    widget.show()
    with qtbot.waitSignal(widget.ready, timeout=60_000):
        widget.show_document(document)
    return widget


def markers(doc: QTextDocument) -> list[tuple[str, str, int]]:
    """Each block of a list: its text, the marker shown before it, its level."""
    out, block = [], doc.begin()
    while block.isValid():
        listed = block.textList()
        if listed is not None:
            out.append((block.text(), listed.itemText(block), listed.format().indent()))
        block = block.next()
    return out


def test_a_long_numbered_list_is_numbered_on_across_its_lists(qtbot):
    items = 3 * preview_pieces.GROUP + 7
    widget = shown(qtbot, book(long_list(items, ordered=True, nested_every=50)))
    top = [(text, marker) for text, marker, level in markers(widget.browser.document()) if level == 1]
    assert top == [(f"Mục {n}: hợp tác chống lừa đảo trực tuyến.", f"{n}.") for n in range(1, items + 1)]
    nested = [(text, level) for text, _m, level in markers(widget.browser.document()) if level == 2]
    assert nested == [(f"con {n}.{k}", 2) for n in range(50, items + 1, 50) for k in (1, 2)]


def test_a_long_bulleted_list_keeps_its_bullets_and_text(qtbot):
    items = 2 * preview_pieces.GROUP + 1
    widget = shown(qtbot, book(long_list(items, ordered=False)))
    doc = widget.browser.document()
    styles, block = [], doc.begin()
    while block.isValid():
        if block.textList() is not None:
            styles.append(block.textList().format().style())
        block = block.next()
    assert styles == [QTextListFormat.Style.ListDisc] * items
    lines = widget.text().split("\n")
    assert lines[-items:] == [f"Mục {n}: hợp tác chống lừa đảo trực tuyến." for n in range(1, items + 1)]


@pytest.mark.parametrize("after", ["a short paragraph", "a long paragraph"])
def test_a_long_list_is_shown_item_by_item_across_turns_of_the_event_loop(qtbot, monkeypatch, after):
    """Each item is a step of the preview's time slices: a list of thousands of short items
    was added in one go (the 1 MB one-list point held the window 0.35-0.6 s; after a long
    paragraph, built in the document on screen, a 4,900-item list held it 476 s). The clock
    moves 1 ms at each reading, so each slice holds a few items whatever the machine."""
    clock = iter(range(10**9))
    monkeypatch.setattr(preview, "time", types.SimpleNamespace(perf_counter=lambda: next(clock) / 1000))
    widget = BookPreview()
    qtbot.addWidget(widget)
    widget.show()
    first = Paragraph(
        [Run("Mở đầu. " * (preview_pieces.LONG // 8 + 10 if after == "a long paragraph" else 1))], "body"
    )
    document = Document(Metadata(title="Sổ tay", language="vi"), [first, long_list(400, ordered=True)])
    listed = []  # list items in the document being built, after each slice

    def count() -> int:
        return len(markers(widget._builder.doc)) if widget._builder is not None else 400

    widget._timer.timeout.connect(lambda: listed.append(count()))  # (after the slice of that turn)
    with qtbot.waitSignal(widget.ready, timeout=60_000):
        widget.show_document(document)
        listed.append(count())
    steps = [b - a for a, b in zip([0, *listed], [*listed, 400], strict=True)]
    assert max(steps) <= 30, steps
    assert [m[1] for m in markers(widget.browser.document())] == [f"{n}." for n in range(1, 401)]


def test_the_preview_keeps_only_the_document_it_shows(qtbot):
    """The browser deletes only the document it made itself: each book shown stayed in memory."""
    widget = shown(qtbot, book(long_list(10, ordered=False)))
    for n in range(3):
        with qtbot.waitSignal(widget.ready, timeout=60_000):
            widget.show_document(book(Paragraph([Run(f"Lần {n}.")], "body")))
        widget.show_message("Chưa có sổ tay.")
    with qtbot.waitSignal(widget.ready, timeout=60_000):
        widget.show_document(book(Paragraph([Run("Cuối cùng.")], "body")))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert widget.browser.findChildren(QTextDocument) == [widget.browser.document()]
    assert "Cuối cùng." in widget.text()
