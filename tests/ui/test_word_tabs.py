"""Tabs pasted from Word stay tabs: in the stored text, in the editor reopened, in the DOCX.

Word puts a tab on the clipboard as ``<span style='mso-tab-count:1'>`` holding the
no-break spaces that fill the gap on its ruler; Qt read those, so "Tên:<Tab>Lê Anh Tuấn"
was stored as ten no-break spaces, and the DOCX printed them where Word had a tab stop.
A tab at a paragraph's start is four spaces to CommonMark: stored bare, the book printed
the paragraph as code. It is stored ``&#9;``, as a space there is ``&#32;``.
"""

from __future__ import annotations

from docx import Document as WordDocument
from pypdf import PdfReader
from PySide6.QtCore import QMimeData

from briefbook.assemble.markdown import blocks
from briefbook.document.model import Document, Metadata, Origin, Paragraph
from briefbook.library import TalkingPoint
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template
from tests.ui.test_markdown_literals import _reopened


def _tab(count: int, spaces: int) -> str:
    """One tab run as Word puts it on the clipboard."""
    return f"<span style='mso-tab-count:{count}'>{'&nbsp;' * spaces} </span>"


WORD_HTML = (
    "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body lang=VI><!--StartFragment-->"
    f"<p class=MsoNormal>Tên:{_tab(1, 10)}Lê Anh Tuấn<o:p></o:p></p>"
    f"<p class=MsoNormal>Chức vụ:{_tab(2, 15)}Thứ trưởng<o:p></o:p></p>"
    f"<p class=MsoNormal>{_tab(1, 7)}Đoạn thụt vào bằng Tab<o:p></o:p></p>"
    "<!--EndFragment--></body></html>"
)
LINES = ["Tên:\tLê Anh Tuấn", "Chức vụ:\t\tThứ trưởng", "\tĐoạn thụt vào bằng Tab"]


def _book_paragraphs(stored: str) -> list[str]:
    found = blocks(stored, origin=Origin("Public"))
    assert all(isinstance(b, Paragraph) and b.style == "body" for b in found), found  # (no code)
    return ["".join(r.text for r in b.runs) for b in found]


def _docx_paragraphs(stored: str, tmp_path) -> list[str]:
    document = Document(Metadata(title="Tabs", banner="PUBLIC"), blocks(stored, origin=Origin("Public")))
    target = render_docx(document, load_template("formal-a4"), tmp_path / "book.docx")
    return [p.text for p in WordDocument(str(target)).paragraphs]  # (python-docx reads <w:tab/> as "\t")


def _pdf_lines(stored: str, tmp_path) -> list[str]:
    """The PDF's text layer, a line each, its no-break spaces read as spaces."""
    document = Document(Metadata(title="Tabs", banner="PUBLIC"), blocks(stored, origin=Origin("Public")))
    target = render_pdf(document, load_template("formal-a4"), tmp_path / "book.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    return text.replace("\u00a0", " ").split("\n")


def _paste(field, html: str | None, text: str) -> None:
    field.edit.selectAll()
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    mime.setText(text)
    field.edit.insertFromMimeData(mime)
    field.flush()


def test_tabs_pasted_from_word_are_stored_reopened_and_printed(qtbot, window, library, filled, tmp_path):
    view = window.show_view("talking_point")
    assert view.select(filled["point"].id)
    field = view.editor.field("text")
    _paste(field, WORD_HTML, "\n".join(LINES))
    assert field.edit.toPlainText().split("\n") == LINES
    stored = library.get(TalkingPoint, filled["point"].id).text
    assert _book_paragraphs(stored) == LINES, stored
    reopened = _reopened(qtbot, stored)
    assert reopened.toPlainText().split("\n") == LINES
    assert reopened.markdown() == stored
    printed = _docx_paragraphs(stored, tmp_path)
    assert all(line in printed for line in LINES), printed
    # The PDF has no tab stops: a tab takes four spaces' width (it printed as one, or none)
    printed = _pdf_lines(stored, tmp_path)
    assert all(line.replace("\t", "    ") in printed for line in LINES), printed


def test_a_tab_at_a_pasted_lines_start_is_not_code(qtbot, window, library, filled):
    view = window.show_view("talking_point")
    assert view.select(filled["point"].id)
    field = view.editor.field("text")
    _paste(field, None, "Trước\n\tthụt vào bằng Tab")
    stored = library.get(TalkingPoint, filled["point"].id).text
    assert _book_paragraphs(stored) == ["Trước", "\tthụt vào bằng Tab"], stored
    assert _reopened(qtbot, stored).toPlainText() == "Trước\n\tthụt vào bằng Tab"
