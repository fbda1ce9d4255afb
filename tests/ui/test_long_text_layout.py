"""A long text just shown whole is laid out by the editor a bounded piece at a time
(``ui/editors/layout_steps``), not left to Qt's own steps, which double up to 200,000
characters (a 1 MB list: the last ones held the window 60-110 ms each). The layout reaches
the end, and nothing of the text, its undo history or its modified state changes."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QTextDocument

from briefbook.ui.editors import layout_steps
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.test_long_text import VIETNAMESE
from tests.ui.test_long_text_one_list import one_list


def test_a_long_list_shown_whole_is_laid_out_by_the_editor_in_bounded_pieces(qtbot, monkeypatch) -> None:
    text = one_list(VIETNAMESE, 150_000, numbered=False)
    marked = []
    real = QTextDocument.markContentsDirty
    monkeypatch.setattr(
        QTextDocument,
        "markContentsDirty",
        lambda self, at, length: marked.append((at, length)) or real(self, at, length),
    )
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    edit.set_markdown(text)
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    document = edit.document()
    last = document.lastBlock()
    qtbot.waitUntil(lambda: last.layout().lineCount() > 0, timeout=60_000)
    qtbot.waitUntil(lambda: edit._laying_out is not None and not edit._laying_out.running(), timeout=60_000)
    assert marked, "laid out by Qt's own steps alone"
    places = [at for at, _ in marked]
    assert all(length == 0 for _, length in marked)  # (no text marked as changed)
    assert places == sorted(places) and places[0] <= layout_steps.FIRST
    assert all(b - a <= layout_steps.MOST for a, b in itertools.pairwise(places))
    assert edit.markdown() == text
    assert not document.isModified() and not document.isUndoAvailable()


def test_a_long_list_laid_out_again_at_a_new_width_is_laid_out_from_the_top_in_pieces(
    qtbot, monkeypatch
) -> None:
    """At a new width Qt lays all of the text out again from the top: the editor's slices start
    from the top again (asked further on, Qt laid out everything up to there at once)."""
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    text = one_list(VIETNAMESE, 150_000, numbered=True)
    edit.set_markdown(text)
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    qtbot.waitUntil(lambda: edit._laying_out is not None and not edit._laying_out.running(), timeout=60_000)
    before = edit.markdown()
    marked = []
    real = QTextDocument.markContentsDirty
    monkeypatch.setattr(
        QTextDocument,
        "markContentsDirty",
        lambda self, at, length: marked.append(at) or real(self, at, length),
    )
    edit.resize(450, 300)
    qtbot.waitUntil(lambda: not edit._laying_out.running(), timeout=60_000)
    assert marked and marked[0] <= layout_steps.MOST and marked[-1] == edit.document().characterCount() - 1
    assert all(0 < b - a <= layout_steps.MOST for a, b in itertools.pairwise(marked))
    assert edit.markdown() == before and not edit.document().isModified()
