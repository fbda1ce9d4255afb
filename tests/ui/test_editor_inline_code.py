"""Inline code in the window: the editor shows it in a fixed-pitch font, as it shows bold and
italic, and stores it back with its backticks, so that the book prints it in the monospace font
(``tests/render/test_inline_code_font.py``); the book's preview shows it fixed-pitch too. Qt's
own Markdown reader and writer do the editor's part (that test passes on the code before the
code mark, and keeps it so); the preview's fails there (a run had no code mark).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from tests.ui.rich_text_runs import runs
from tests.ui.test_markdown_literals import _reopened

TEXT = "Nhắc lại số `HĐ-2026/ĐN-07`, mã `ສົມພອນ-42 ภาษาไทย` và *nghiêng* `Mã-Đậm` cuối"


def _fixed_pitch_texts(document) -> list[str]:
    """The text of each run of ``document`` shown in a fixed-pitch font."""
    return [text for text, *_look, code in runs(document) if code]


def test_code_is_shown_fixed_pitch_and_stored_with_its_backticks(qtbot) -> None:
    edit = _reopened(qtbot, TEXT)
    assert _fixed_pitch_texts(edit.document()) == ["HĐ-2026/ĐN-07", "ສົມພອນ-42 ภาษาไทย", "Mã-Đậm"]
    assert edit.markdown() == TEXT
    cursor = QTextCursor(edit.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " them")
    assert edit.markdown() == TEXT + " them"


def test_the_books_preview_shows_code_fixed_pitch(qtbot) -> None:
    from briefbook.document.model import Document, Metadata, Origin, Paragraph, Run
    from briefbook.ui.preview_document import build_document

    runs = [Run("Số "), Run("HĐ-2026/ĐN-07", code=True), Run(" cuối")]
    document = Document(Metadata(title="x"), [Paragraph(runs, origin=Origin("Public"))])
    assert _fixed_pitch_texts(build_document(document)) == ["HĐ-2026/ĐN-07"]
