"""Deleting a counterpart a book uses, in the window: the question names the meeting and the book by
title (it said "1 participant link"), and the composer's preflight then names who is gone."""

from __future__ import annotations

from briefbook.library import Person
from briefbook.library.books import new_book
from briefbook.ui import i18n


def _delete_thai(window, filled) -> None:
    view = window.show_view("person")
    assert view.select(filled["thai"].id)
    window.actions["delete"].trigger()


def test_the_question_names_the_meeting_and_the_book(window, dialogs, library, filled):
    book = new_book(library, filled["event"].id, title="Sổ tay Bangkok")
    dialogs.delete_answer = False
    _delete_thai(window, filled)
    [question] = dialogs.delete_questions
    assert "participant link" not in question
    assert "they take part in the meeting “Phiên khai mạc”" in question
    assert f"the book “{book.title}” shows them" in question
    assert library.count(Person) == 2  # "Cancel" keeps them


def test_the_question_is_in_vietnamese_in_the_vietnamese_window(window, dialogs, library, filled):
    new_book(library, filled["event"].id, title="Sổ tay Bangkok")
    dialogs.delete_answer = False
    i18n.apply_language("vi")
    _delete_thai(window, filled)
    [question] = dialogs.delete_questions
    assert "tham dự cuộc gặp “Phiên khai mạc”" in question
    assert "tài liệu “Sổ tay Bangkok” có người này" in question
    assert "they" not in question and "the book" not in question


def test_deleting_a_point_a_book_includes_asks_first(window, dialogs, library, filled):
    new_book(library, filled["event"].id, title="Sổ tay Bangkok")
    dialogs.delete_answer = False
    view = window.show_view("talking_point")
    assert view.select(filled["point"].id)
    window.actions["delete"].trigger()
    [question] = dialogs.delete_questions
    assert "the book “Sổ tay Bangkok” includes it" in question


def test_the_composer_names_the_counterpart_who_is_gone(qtbot, window, dialogs, library, filled):
    book = new_book(library, filled["event"].id, title="Sổ tay Bangkok")
    _delete_thai(window, filled)
    assert library.count(Person) == 1
    composer = window.show_view("book")
    qtbot.waitUntil(lambda: composer.book is not None, timeout=60_000)
    window.open_item("book", book.id)

    def named() -> bool:
        texts = [composer.warnings.list.item(i).text() for i in range(composer.warnings.list.count())]
        return any("“สีหศักดิ์ พวงเกตุแก้ว (Sihasak Phuangketkeow)” was in this book" in t for t in texts)

    qtbot.waitUntil(named, timeout=60_000)
    composer.analyzer.shutdown()


def test_the_question_says_what_becomes_of_their_statements(window, dialogs, library, filled):
    dialogs.delete_answer = False
    view = window.show_view("person")
    assert view.select(filled["person"].id)
    window.actions["delete"].trigger()
    [question] = dialogs.delete_questions
    assert "they made 1 prior statement: kept, no longer linked" in question
    assert "statement's speaker" not in question
    assert "they are in the delegation to “Hội nghị" in question
