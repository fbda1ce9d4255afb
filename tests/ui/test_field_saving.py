"""A field's save is refused by one rule in the item editor and in the book form (editors.field_saving).

Each had its own copy of the three refusals; the book form's fault path had no test.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.library import Library
from briefbook.ui.composer import book_form
from briefbook.ui.editors import editor, field_saving


def _type(qtbot, field, text: str) -> None:
    field.input.setFocus()
    field.input.selectAll()
    field.input.setText(text)
    qtbot.keyClick(field.input, Qt.Key.Key_Return)


def test_a_fault_saving_the_books_title_is_said_at_the_field(
    qtbot, dialogs, win, library, seeded, monkeypatch
):
    book = seeded["book"]
    composer = win.show_view("book")
    composer.set_book(book.id)
    title = composer.form.fields["title"]
    real = Library.update

    def broken(self, kind, item_id, /, **changes):
        if "title" in changes:
            raise RuntimeError("simulated fault")
        return real(self, kind, item_id, **changes)

    monkeypatch.setattr(Library, "update", broken)
    _type(qtbot, title, "Sổ tay ວຽງຈັນ")
    assert library.get("book", book.id).title == book.title
    assert "could not be saved because of a problem in BriefBook" in title.error
    assert title.input.text() == "Sổ tay ວຽງຈັນ"  # typed text stays, marked, to correct it
    assert not dialogs.messages


def test_a_rule_of_the_library_is_said_at_the_book_field(qtbot, dialogs, win, library, seeded):
    book = seeded["book"]
    composer = win.show_view("book")
    composer.set_book(book.id)
    title = composer.form.fields["title"]
    _type(qtbot, title, "x" * 5000)
    assert library.get("book", book.id).title == book.title
    assert title.error and not dialogs.messages


def test_both_forms_save_by_the_one_rule() -> None:
    assert book_form.save_field is editor.save_field is field_saving.save_field
