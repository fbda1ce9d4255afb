"""The window asks before a delete takes other items with it, and never writes over another window's edit."""

from __future__ import annotations

from briefbook.library import Book, Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.ui import i18n


def test_deleting_an_event_with_a_book_asks_and_no_keeps_it(window, dialogs, library, filled):
    new_book(library, filled["event"].id)
    view = window.show_view("event")
    assert view.select(filled["event"].id)
    dialogs.delete_answer = False
    window.actions["delete"].trigger()
    assert len(dialogs.delete_questions) == 1
    assert "1 meeting" in dialogs.delete_questions[0] and "1 book" not in dialogs.delete_questions[0]
    assert f"its book “{library.list(Book)[0].title}” is deleted with it" in dialogs.delete_questions[0]
    assert library.count(Event) == 1 and library.count(Book) == 1
    dialogs.delete_answer = True
    window.actions["delete"].trigger()
    assert library.count(Event) == 0 and library.count(Book) == 0 and library.count(Meeting) == 0
    assert [e.kind for e in library.deleted_items()] == ["event"]
    window.actions["undo"].trigger()
    assert library.count(Event) == 1 and library.count(Book) == 1
    assert library.deleted_items() == []


def test_deleting_a_talking_point_does_not_ask(window, dialogs, library, filled):
    view = window.show_view("talking_point")
    assert view.select(filled["point"].id)
    window.actions["delete"].trigger()
    assert dialogs.delete_questions == [] and library.count(TalkingPoint) == 0


def test_an_edit_over_another_windows_change_is_refused_and_theirs_shown(
    qtbot, window, dialogs, library, filled, library_path
):
    topic = filled["topic"]
    view = window.show_view("topic")
    assert view.select(topic.id)
    field = view.editor.field("title")
    field.input.setText("Của tôi lần một")
    field.flush()
    field.input.setText("Của tôi lần hai")  # two edits of my own in a row: both saved
    field.flush()
    assert library.get(Topic, topic.id).title == "Của tôi lần hai"
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, title="Của cửa sổ khác")
    field.input.setText("Của tôi lần ba")
    field.flush()
    assert library.get(Topic, topic.id).title == "Của cửa sổ khác"  # not written over
    assert "changed in another window or program" in field.error and "Của cửa sổ khác" in field.error
    assert field.input.text() == "Của cửa sổ khác"  # the other version is shown
    window.actions["undo"].trigger()  # undo of "lần hai" would write over theirs: refused too
    assert library.get(Topic, topic.id).title == "Của cửa sổ khác"
    assert dialogs.messages and "changed in another window" in dialogs.messages[-1][1]


def test_deleting_several_rows_is_one_undo_step_named_in_the_windows_language(
    qtbot, window, dialogs, library, filled
):
    library.add(TalkingPoint(topic_id=filled["topic"].id, text="Điểm thứ hai"))
    for language, words in (("en", "Delete 2 items"), ("vi", "Xoá 2 mục")):
        i18n.apply_language(language)
        try:
            view = window.show_view("talking_point")
            view.refresh()
            qtbot.waitUntil(lambda v=view: v.model.rowCount() == 2, timeout=60_000)  # bounds a broken test
            view.table.selectAll()
            assert len(view.selected_ids()) == 2
            window.actions["delete"].trigger()
            assert library.count(TalkingPoint) == 0
            assert words in window.actions["undo"].text()  # one step, named in the window's language
            assert "item(s)" not in window.actions["undo"].text()
            window.actions["undo"].trigger()
            assert library.count(TalkingPoint) == 2
        finally:
            i18n.apply_language("en")


def test_the_refusal_of_an_edit_over_another_windows_change_stays_when_the_window_catches_up(
    qtbot, window, dialogs, library, filled, library_path
):
    """The window reads the library again once the focus leaves the field (live_refresh): that
    reload wiped the refusal, so an edit typed while another process changed the item vanished
    without a word (its text replaced by theirs, the message gone)."""
    topic = filled["topic"]
    view = window.show_view("topic")
    assert view.select(topic.id)
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, title="Của cửa sổ khác", background="Nền của cửa sổ khác")
    title, background = view.editor.field("title"), view.editor.field("background")
    title.input.setText("Của tôi")
    title.flush()
    assert "changed in another window or program" in title.error
    window.model.notify_elsewhere()  # what the watcher does once the user leaves the field
    qtbot.wait(50)
    assert title.input.text() == "Của cửa sổ khác"
    assert "changed in another window or program" in (title.error or "")
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, background="Nền lần hai của cửa sổ khác")
    background.edit.selectAll()
    background.edit.insertPlainText("Nền của tôi")  # (typed: the document is modified)
    background.flush()
    assert "changed in another window or program" in (background.error or "")
    window.model.notify_elsewhere()
    qtbot.wait(50)
    assert "changed in another window or program" in (background.error or "")
    assert library.get(Topic, topic.id).background == "Nền lần hai của cửa sổ khác"


def test_the_text_of_a_refused_edit_is_kept_and_said_where(
    qtbot, window, dialogs, library, filled, library_path
):
    """An edit refused because another window changed the item first showed theirs: what the
    user typed was gone. A text with a history keeps it as an earlier version (History… shows
    it, Restore brings it back); a one-line field's message quotes it."""
    topic = filled["topic"]
    view = window.show_view("topic")
    assert view.select(topic.id)
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, title="Tiêu đề khác", background="Nền của cửa sổ khác")
    background = view.editor.field("background")
    background.edit.selectAll()
    background.edit.insertPlainText("Nền của tôi: ສະຖານທູດ ລາວ")  # (typed: the document is modified)
    background.flush()
    assert "changed in another window or program" in background.error
    assert "History…" in background.error
    kept = [r.value for r in library.revisions(Topic, topic.id, "background")]
    assert kept and kept[0] == "Nền của tôi: ສະຖານທູດ ລາວ"
    assert library.get(Topic, topic.id).background == "Nền của cửa sổ khác"  # theirs stays current
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, title="Tiêu đề lần hai")
    title = view.editor.field("title")
    title.input.setText("Tiêu đề của tôi")
    title.flush()
    assert "«Tiêu đề của tôi»" in title.error
