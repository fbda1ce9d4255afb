"""The composer's Changes tab, 'briefbook book changes' and a copy's changes page compare with
the same copy: the last one of the same kind (its ceiling, for sharing or not), through one
function (exchange.copy_changes.changes_since_copy). The tab and the command compared with the last
export of any kind: after a Public copy for sharing, the Confidential book's tab said "since
version 2", called the Confidential topic and point new and missed the edit, where its next
copy's page says what changed since version 1."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PySide6.QtGui import QUndoStack

from briefbook.assemble import assemble
from briefbook.cli.main import _register, cli
from briefbook.exchange.copy_changes import book_changes
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Library, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.ui.composer.changes_panel import ChangesPanel
from briefbook.ui.context import UiContext
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings

_register()


def _two_kinds(library: Library, filled: dict, tmp_path: Path) -> Book:
    """v1 Confidential (the book's ceiling), then an edit, then v2 Public for sharing."""
    secret_topic = library.add(Topic(title="Hồi hương qua Mae Sot", classification="Confidential"))
    library.add(
        TalkingPoint(
            topic_id=secret_topic.id,
            text="ສະບາຍດີ: quá cảnh.",
            status="cleared",
            classification="Confidential",
        )
    )
    library.link_topic(filled["meeting"].id, secret_topic.id)
    library.update(TalkingPoint, filled["point"].id, status="cleared", classification="Public")
    book = new_book(library, filled["event"].id, ceiling="Confidential", title="Sổ tay")
    export_book(library, book.id, tmp_path / "v1.pdf", ExportOptions(formats=("pdf",)))
    library.update(TalkingPoint, filled["point"].id, text="Việt Nam kiên quyết chống lừa đảo qua mạng.")
    export_book(
        library,
        book.id,
        tmp_path / "v2.pdf",
        ExportOptions(formats=("pdf",), ceiling="Public", releasable=True),
    )
    return library.get(Book, book.id)


def test_the_tab_the_command_and_the_page_compare_with_the_same_copy(
    qapp, library: Library, filled: dict, tmp_path: Path
) -> None:
    book = _two_kinds(library, filled, tmp_path)
    # What the next Confidential copy's page will say, through the one function.
    page = book_changes(library, book.id, ceiling="Confidential")
    assert page.since_version == 1 and not page.added and not page.removed
    assert [e.item_id for e in page.edited] == [filled["point"].id]
    # The window's tab, given the composer's assembly (the book's ceiling, not for sharing).
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    panel = ChangesPanel(context)
    try:
        panel.set_document(book.id, assemble(library, book), False)
        panel.refresh()
        assert panel.changes is not None
        assert panel.changes.since_version == 1, panel.heading.text()
        assert not panel.changes.added and [e.item_id for e in panel.changes.edited] == [filled["point"].id]
        assert "version 1" in panel.heading.text()
    finally:
        panel.deleteLater()
    # The command line, with no option: the book's ceiling, not for sharing; and the Public copy.
    run = CliRunner().invoke
    said = run(cli, ["--library", str(library.path), "book", "changes", book.id]).output
    assert said.startswith("Since version 1 ") and "~ edited" in said and "+ added" not in said, said
    shared = [
        "--library",
        str(library.path),
        "book",
        "changes",
        book.id,
        "--ceiling",
        "Public",
        "--for-sharing",
    ]
    assert "Nothing has changed" in run(cli, shared).output
    internal_public = run(cli, shared[:-1]).output
    assert "There is no earlier copy of this book at Public: everything in it is new." in internal_public
