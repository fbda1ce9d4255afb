"""Lists pasted from Word keep their nesting: Word sends each item as a paragraph whose
bullet ("·", "o", "1.", "a)") is typed text, not as <ul>/<ol> (found on the walk-through:
a sub-list became loose paragraphs with a stray "o" in front)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from PySide6.QtCore import QMimeData

from briefbook.library import TalkingPoint
from briefbook.ui.editors.rich_text import markdown_from_html


def word_item(level: int, marker: str, text: str, *, comment_form: bool = False) -> str:
    """One list paragraph as Word puts it on the clipboard."""
    font = "Symbol" if marker == "·" else '"Courier New"' if marker == "o" else "Calibri"
    start, end = (
        ("<!--[if !supportLists]-->", "<!--[endif]-->")
        if comment_form
        else ("<![if !supportLists]>", "<![endif]>")
    )
    return (
        f"<p class=MsoListParagraphCxSpMiddle style='margin-left:{36 * level}pt;text-indent:-18pt;"
        f"mso-list:l0 level{level} lfo1'>{start}<span style='font-family:{font}'>"
        f"<span style='mso-list:Ignore'>{marker}<span style='font:7.0pt \"Times New Roman\"'>"
        f"&nbsp;&nbsp;&nbsp; </span></span></span>{end}{text}</p>"
    )


WORD_HTML = (
    "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body lang=VI><!--StartFragment-->"
    "<p class=MsoNormal><b>Việt Nam hoan nghênh</b> vai trò của Lào:</p>"
    + word_item(1, "·", "Kết nối đường sắt Viêng Chăn – Hà Nội;")
    + word_item(2, "o", "nghiên cứu khả thi năm 2027;")
    + word_item(2, "o", "vốn ODA &lt;10 triệu USD&gt;;")
    + word_item(1, "·", "Hợp tác với <i>ສອນໄຊ ສີພັນດອນ</i>.")
    + "<p class=MsoNormal>Các bước tiếp theo:</p>"
    + word_item(1, "1.", "Ký biên bản;", comment_form=True)
    + word_item(2, "a)", "bản tiếng Lào;", comment_form=True)
    + word_item(1, "2.", "Họp nhóm công tác.", comment_form=True)
    + "<!--EndFragment--></body></html>"
)

EXPECTED = (
    "**Việt Nam hoan nghênh** vai trò của Lào:\n\n"
    "- Kết nối đường sắt Viêng Chăn – Hà Nội;\n"
    "  - nghiên cứu khả thi năm 2027;\n"
    "  - vốn ODA \\<10 triệu USD>;\n"
    "- Hợp tác với *ສອນໄຊ ສີພັນດອນ*.\n\n"
    "Các bước tiếp theo:\n\n"
    "1. Ký biên bản;\n"
    "   1. bản tiếng Lào;\n"
    "2. Họp nhóm công tác."
)


def html_of(markdown: str) -> str:
    """What the book's CommonMark reader makes of it (Qt's writer pads "1.  ", the same list)."""
    return MarkdownIt("commonmark").render(markdown)


def test_word_lists_become_nested_markdown_lists(qapp):
    assert markdown_from_html(WORD_HTML) == EXPECTED


def test_a_word_list_pasted_into_a_talking_point_is_stored_nested(qtbot, window, library, filled):
    view = window.show_view("talking_point")
    assert view.select(filled["point"].id)
    field = view.editor.field("text")
    field.edit.selectAll()
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    mime.setText("the plain text Word also sends")
    field.edit.insertFromMimeData(mime)
    field.flush()
    stored = library.get(TalkingPoint, filled["point"].id).text
    assert html_of(stored) == html_of(EXPECTED)
    assert html_of(EXPECTED).count("<ul>") == 2 and html_of(EXPECTED).count("<ol>") == 2
    assert "`o`" not in stored and "o  " not in stored
