"""A long text just shown whole is laid out by the editor a bounded piece at a time
(``ui/editors/layout_steps``), not left to Qt's own steps, which double up to 200,000
characters (a 1 MB list: the last ones held the window 60-110 ms each). The layout reaches
the end with every block broken into lines (a block Qt passes over as laid out with no line
shows nothing), and nothing of the text, its undo history or its modified state changes.

What Qt lays out by itself between two slices (its own steps, a paint) depends on the
machine's load, so each slice is measured from where the layout had got to when it began
(the first block with no line), not from the top."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from briefbook.ui.editors import layout_steps
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.test_long_text import VIETNAMESE
from tests.ui.test_long_text_one_list import one_list


def laid_out_to(document: QTextDocument) -> int:
    """Where the layout has got to: the first block with no line (Qt lays out from the top)."""
    block = document.firstBlock()
    while block.isValid() and (block.layout().lineCount() or not block.isVisible()):
        block = block.next()
    return block.position() if block.isValid() else document.characterCount()


def laid_out_whole(document: QTextDocument) -> None:
    """Every block is broken into lines, and the text is as tall as laid out at once."""
    assert laid_out_to(document) == document.characterCount()
    copy = document.clone()
    copy.documentLayout().setPaintDevice(document.documentLayout().paintDevice())  # (its DPI)
    copy.setTextWidth(document.textWidth())
    copy.documentLayout().blockBoundingRect(copy.lastBlock())  # (lays the copy out whole)
    assert document.size().height() == copy.size().height()


def _record_slices(monkeypatch, then=None) -> list[tuple[int, int, int]]:
    """Each slice of the editor's: (where the layout had got to, where the slice asked it to
    reach, where it got to); ``then(n)`` after the n-th slice."""
    slices = []
    real = layout_steps.LayoutSteps.step

    def step(self):
        before = laid_out_to(self.document)
        real(self)
        slices.append((before, self.at, laid_out_to(self.document)))
        if then is not None:
            then(len(slices))

    monkeypatch.setattr(layout_steps.LayoutSteps, "step", step)
    return slices


def _bounded(slices: list[tuple[int, int, int]], first: int) -> None:
    """Each slice laid the text out up to where it asked, a bounded piece beyond where the
    layout had got to (the first slice of a new width: from the top)."""
    worked = [(before, asked, after) for before, asked, after in slices if after > before]
    assert worked, "laid out by Qt's own steps alone"
    assert worked[0][1] - worked[0][0] <= first
    assert all(after >= asked for _, asked, after in worked)
    assert all(after - before <= layout_steps.MOST for before, _, after in worked)


def _shown(qtbot, text: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    edit.set_markdown(text)
    return edit


def _until_laid_out(qtbot, edit: MarkdownEdit) -> None:
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    last = edit.document().lastBlock()
    qtbot.waitUntil(lambda: last.layout().lineCount() > 0, timeout=60_000)
    qtbot.waitUntil(lambda: edit._laying_out is not None and not edit._laying_out.running(), timeout=60_000)


def test_a_long_list_shown_whole_is_laid_out_by_the_editor_in_bounded_pieces(qtbot, monkeypatch) -> None:
    text = one_list(VIETNAMESE, 150_000, numbered=False)
    slices = _record_slices(monkeypatch)
    changes = []
    edit = _shown(qtbot, text)
    edit.loaded.connect(lambda: edit.document().contentsChange.connect(lambda *c: changes.append(c)))
    _until_laid_out(qtbot, edit)
    _bounded(slices, layout_steps.FIRST)
    document = edit.document()
    laid_out_whole(document)
    assert not changes  # (no text marked as changed)
    assert edit.markdown() == text
    assert not document.isModified() and not document.isUndoAvailable()


def test_a_key_typed_while_a_long_list_is_laid_out_leaves_none_of_it_blank(qtbot, monkeypatch) -> None:
    """A change made while Qt lays a text out makes it take the rest as laid out, with no
    line (in any QTextEdit): the editor's slices lay it out still, a bounded piece at a time."""
    text = one_list(VIETNAMESE, 150_000, numbered=False)
    edit = None

    def type_a_key(n: int) -> None:
        if n == 1:  # (between the first slice and the second)
            cursor = QTextCursor(edit.document())
            cursor.setPosition(len("Việt"))
            cursor.insertText("x")

    slices = _record_slices(monkeypatch, type_a_key)
    edit = _shown(qtbot, text)
    _until_laid_out(qtbot, edit)
    _bounded(slices, layout_steps.FIRST)
    laid_out_whole(edit.document())
    assert edit.document().isModified()


def test_a_long_list_laid_out_again_at_a_new_width_is_laid_out_from_the_top_in_pieces(
    qtbot, monkeypatch
) -> None:
    """At a new width Qt lays all of the text out again from the top: the editor's slices start
    from the top again (asked further on, Qt laid out everything up to there at once)."""
    text = one_list(VIETNAMESE, 150_000, numbered=True)
    edit = _shown(qtbot, text)
    _until_laid_out(qtbot, edit)
    laid_out_whole(edit.document())
    before = edit.markdown()
    slices = _record_slices(monkeypatch)
    edit.resize(450, 300)  # (the resize event, and the slices' start, come before it returns)
    assert edit._laying_out.running()
    qtbot.waitUntil(lambda: not edit._laying_out.running(), timeout=60_000)
    assert slices[0][1] <= layout_steps.MOST  # (from the top: its old lines are no layout)
    _bounded(slices[1:], layout_steps.MOST)
    assert slices[-1][1] == edit.document().characterCount() - 1
    laid_out_whole(edit.document())
    assert edit.markdown() == before and not edit.document().isModified()
