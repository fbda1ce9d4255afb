"""An export into a folder names its files by the title the copy may show.

Found by a user's walk (review2): ``export BOOK -o out/ --ceiling Public`` of a book whose
event is Confidential wrote "Briefing book <the event's Confidential title>.pdf": the
file's name, which leaves with the copy, carried what its title and metadata leave out.
"""

from __future__ import annotations

from pathlib import Path

from briefbook.export import ExportOptions, export_book, safe_file_name
from briefbook.library import Event, Library, Meeting
from briefbook.library.books import new_book


def test_a_file_in_a_folder_is_not_named_by_an_event_above_the_ceiling(
    library: Library, tmp_path: Path
) -> None:
    event = library.add(Event(title="XYZZYEVENT Đàm phán kín", classification="Confidential"))
    library.add(Meeting(event_id=event.id, title="Phiên công khai", kind="plenary"))
    book = new_book(library, event.id, ceiling="Confidential", language="vi")
    out = tmp_path / "out"
    out.mkdir()
    options = ExportOptions(formats=("pdf", "docx"), ceiling="Public")
    written = export_book(library, book.id, f"{out}/", options)
    assert written and all("XYZZYEVENT" not in p.name for p in written), written
    assert all(p.parent == out for p in written)


def test_a_copy_that_may_show_the_event_is_named_by_it(library: Library, tmp_path: Path) -> None:
    event = library.add(Event(title="Hội nghị PLUGH", classification="Confidential"))
    library.add(Meeting(event_id=event.id, title="Phiên công khai", kind="plenary"))
    book = new_book(library, event.id, ceiling="Confidential", language="vi")
    written = export_book(library, book.id, f"{tmp_path}/", ExportOptions(formats=("pdf",)))
    assert [p.name for p in written] == [f"{safe_file_name(book.title)}.pdf"] and "PLUGH" in written[0].name
