"""Names are read from Markdown once: the changes page names a statement by its text as read,
and the preflight quotes a name as read, without reading its escapes a second time.

Found by a review: ``changes.recorded_name`` named a statement by the raw Markdown of its
first line ('**Thái Lan** cam kết [hợp tác](https://…)'), and the preflight's ``short()``
read Markdown escapes again on names already read as text, so a typed '\\[' lost its
backslash ('C:\\[Mật]' was quoted 'C:[Mật]').
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from briefbook.assemble import preflight
from briefbook.exchange.changes import recorded_name
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, Statement, TalkingPoint
from briefbook.library.books import new_book

SOURCE = "**Thái Lan** cam kết [hợp tác](https://unodc.org) chống \\*lừa đảo\\* 2\\. R\\&D"
READ = "Thái Lan cam kết hợp tác chống *lừa đảo* 2. R&D"


def test_a_statement_is_recorded_by_its_text_as_read() -> None:
    assert recorded_name(Statement(speaker_name="Ghada Waly", date="2026-11-01", text=SOURCE)) == (
        f"Ghada Waly, 2026-11-01: {READ}"
    )
    marked = Statement(date="2026-11-01", text="[NFR] Kín.\n\n**Công khai** sau.")
    assert recorded_name(marked) == "2026-11-01: Công khai sau."


def test_the_changes_page_names_a_new_statement_as_read(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book_id = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Secret").id
    options = ExportOptions(formats=("pdf",), ceiling="Internal")
    export_book(library, book_id, tmp_path / "v1.pdf", options)
    statement = library.add(Statement(speaker_name="Ghada Waly", date="2026-11-01", text=SOURCE))
    library.link_topic(statement.id, filled["topic"].id)
    export_book(library, book_id, tmp_path / "v2.pdf", ExportOptions(formats=("pdf",), ceiling="Internal",
                                                                    changes_page=True))  # fmt: skip
    words = " ".join(PdfReader(tmp_path / "v2.pdf").pages[2].extract_text().split())
    assert f"Phát biểu: Ghada Waly, 2026-11-01: {READ}" in words, words
    assert "**" not in words and "](" not in words


def test_the_preflight_keeps_a_typed_backslash(library: Library, filled: dict) -> None:
    text = "Thư mục C:\\\\[Mật] kín"  # typed 'C:\[Mật]': Markdown keeps the backslash escaped
    point = library.add(TalkingPoint(topic_id=filled["topic"].id, text=text, classification="Secret"))
    assert point.display_name == "Thư mục C:\\[Mật] kín"
    book = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Public")
    said = [w.message for w in preflight(library, book)]
    quoted = "Talking point “Thư mục C:\\[Mật] kín” is Secret, above the ceiling (Public); it is left out."
    assert quoted in said, said
