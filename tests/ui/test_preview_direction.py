"""The book's preview lays out each paragraph in the direction the PDF and the Word file give it.

Qt's own rule (the first letter with a direction) showed a Vietnamese paragraph that begins
with an Arabic name from the right, and a list item of the same kind with its bullet at the
right, where the printed book (bidi_text.reads_from_right, b0e456d / fc69119) starts them at
the left; an Arabic statement, also one quoting Latin letters, reads from the right in both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.document.model import Document, ListBlock, ListItem, Metadata, Paragraph, Run
from briefbook.render.bidi_text import reads_from_right

AR_NAME = "عبد الله بن زايد"
TEXTS = {
    AR_NAME + " gặp Bộ trưởng Ngoại giao tại Hà Nội": False,
    "\u200fAhmed nói hợp tác là then chốt": False,
    "قال الوزير إن ASEAN و UNODC شريكان": True,
    "Việt Nam ủng hộ hợp tác": False,
}


def _directions(document: Document) -> dict[str, bool]:
    from briefbook.ui.preview_document import build_document

    out = {}
    shown = build_document(document)  # (kept: its blocks are read below)
    block = shown.begin()
    while block.isValid():
        if block.text().strip():
            out[block.text()] = block.textDirection() == Qt.LayoutDirection.RightToLeft
        block = block.next()
    return out


def test_paragraphs_and_list_items_read_as_in_print(qapp) -> None:
    paragraphs = [Paragraph([Run(t)]) for t in TEXTS]
    items = ListBlock([ListItem([Run(t)]) for t in TEXTS])
    shown = _directions(Document(Metadata(title="Sổ tay", language="vi"), [*paragraphs, items]))
    for text, rtl in TEXTS.items():
        assert reads_from_right(text) is rtl  # the printed book's rule
        assert shown[text] is rtl, text
