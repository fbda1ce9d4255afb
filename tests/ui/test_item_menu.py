"""Right-click menus on the lists, duplicate, copy a link, Alt+Up/Down: all undoable."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from briefbook.library import Event, Library, Meeting, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book
from tests.ui.conftest import settle
from tests.ui.test_lists import select


def _texts(menu) -> list[str]:
    return [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if not a.isSeparator()]


def _points(library: Library, topic_id: str) -> list[str]:
    return [p.text for p in library.list(TalkingPoint, where={"topic_id": topic_id}, order_by="position")]


def test_every_list_has_a_context_menu(qtbot, window, library, filled) -> None:
    for kind in ("event", "meeting", "person", "organisation", "topic", "talking_point", "statement"):
        view = window.show_view(kind)
        settle(qtbot, 10)
        assert view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        if view.model.rowCount():
            view.table.selectRow(0)
            menu = view.item_menu.popup(view.table.visualRect(view.model.index(0, 0)).center())
            texts = _texts(menu)
            menu.close()
            assert {"Open", "Duplicate", "Copy a link to the item", "Delete"} <= set(texts), kind
            assert ("Move up" in texts) == (kind == "talking_point")
            assert ("Duplicate for next year (dates a year on)" in texts) == (kind == "event")
    window.open_item("statement", filled["statement"].id)
    search = window.show_view("search")
    search.search("Chia sẻ")
    qtbot.waitUntil(lambda: not search.searching, timeout=5000)
    assert search.model.rowCount()
    menu = search.item_menu.popup(QPoint(5, 5))
    assert {"Open", "Duplicate", "Copy a link to the item", "Delete"} <= set(_texts(menu))
    menu.close()


def test_duplicate_from_the_menu_and_undo(qtbot, window, library, filled) -> None:
    view = select(window, "topic", filled["topic"].id)
    view.item_menu.actions["duplicate"].trigger()
    copies = [t for t in library.list(Topic) if t.title == "Công ước Hà Nội (copy)"]
    assert len(copies) == 1 and view.editor.item_id == copies[0].id
    assert _points(library, copies[0].id) == _points(library, filled["topic"].id)
    window.actions["undo"].trigger()
    assert library.count(Topic) == 1 and library.count(TalkingPoint) == 1
    window.actions["redo"].trigger()
    assert library.count(Topic) == 2 and library.count(TalkingPoint) == 2


def test_ctrl_d_duplicates_an_event_for_next_year_with_its_meetings_and_book(qtbot, window, library, filled):
    library.update(Event, filled["event"].id, start_date="2025-12-17", title="Hội nghị Bangkok 2025")
    new_book(library, filled["event"].id, language="vi")
    view = select(window, "event", filled["event"].id)
    view.item_menu.actions["duplicate_next_year"].trigger()
    copy = library.get(Event, view.editor.item_id)
    assert (copy.title, copy.start_date) == ("Hội nghị Bangkok 2026", "2026-12-17")
    assert [m.title for m in library.list(Meeting, where={"event_id": copy.id})] == ["Phiên khai mạc"]
    assert library.count("book", where={"event_id": copy.id}) == 1
    window.actions["undo"].trigger()
    assert library.count(Event) == 1 and library.count(Meeting) == 1 and library.count("book") == 1
    select(window, "event", filled["event"].id)
    window.actions["duplicate"].trigger()  # Ctrl+D: the same dates, the title marked as a copy
    assert library.count(Event) == 2
    assert {e.title for e in library.list(Event)} == {"Hội nghị Bangkok 2025", "Hội nghị Bangkok 2025 (copy)"}


def test_alt_up_and_down_reorder_talking_points_undoably(qtbot, window, library, filled) -> None:
    topic = filled["topic"].id
    library.add(TalkingPoint(topic_id=topic, text="Hai"))
    third = library.add(TalkingPoint(topic_id=topic, text="Ba"))
    before = _points(library, topic)
    window.show_view("talking_point").refresh()
    window.show_view("talking_point", topic)
    view = window.current_view()
    assert view.select(third.id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _points(library, topic) == [before[0], "Ba", "Hai"]
    qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _points(library, topic) == ["Ba", before[0], "Hai"]
    qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first
    assert _points(library, topic) == ["Ba", before[0], "Hai"]
    assert view.editor.item_id == third.id  # the point stays chosen as it moves
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _points(library, topic) == [before[0], "Ba", "Hai"]
    for _ in range(3):  # three moves (the one past the top did nothing)
        window.actions["undo"].trigger()
    assert _points(library, topic) == before
    column = view.model.column_of("position")
    assert [view.model.index(r, column).data() for r in range(3)] == ["1", "2", "3"]


def test_copy_a_link_and_paste_it_in_the_search_field_to_open_the_item(qtbot, window, library, filled):
    view = select(window, "meeting", filled["meeting"].id)
    view.table.setFocus()
    qtbot.keyClick(
        view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    link = QGuiApplication.clipboard().text()
    assert link == f"briefbook:{filled['meeting'].id}"
    window.show_view("person")
    window.search_field.setText(link)
    window.run_search()
    assert window.current_key == "meeting" and window.current_view().editor.item_id == filled["meeting"].id
    assert library.find(link).id == filled["meeting"].id  # the CLI takes the link too (show, edit...)


def test_enter_opens_the_item_in_its_editor(qtbot, window, library, filled) -> None:
    view = select(window, "person", filled["person"].id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.editor.isAncestorOf(QApplication.focusWidget())


def test_search_results_show_dates_as_the_tables_do(qtbot, window, library, filled) -> None:
    from briefbook.ui import i18n

    i18n.apply_language("vi")
    library.add(Statement(speaker_name="Phạm Thu Hằng", date="2025-11-06", text="Họp báo thường kỳ"))
    search = window.show_view("search")
    search.search("hop bao")
    qtbot.waitUntil(lambda: not search.searching, timeout=5000)
    title = search.model.index(0, 0).data()
    assert "06/11/2025" in title and "2025-11-06" not in title


def test_the_sidebar_events_and_topics_have_the_menu_too(qtbot, window, library, filled) -> None:
    sidebar = window.sidebar
    event_entry = sidebar.items["event"].child(0)
    sidebar.setCurrentItem(event_entry)
    menu = sidebar.item_menu.popup(sidebar.visualItemRect(event_entry).center())
    assert "Duplicate for next year (dates a year on)" in _texts(menu)
    menu.close()
    sidebar.item_menu.actions["open"].trigger()
    assert window.current_key == "event" and window.current_view().editor.item_id == filled["event"].id
    sidebar.setCurrentItem(sidebar.items["event"].child(0))
    sidebar.item_menu.actions["duplicate"].trigger()
    assert library.count(Event) == 2
    assert sidebar.items["event"].childCount() == 2  # the copy is listed
    sidebar.setCurrentItem(sidebar.items["person"])  # a collection, not an item: nothing to act on
    sidebar.item_menu.update_actions()
    assert not sidebar.item_menu.actions["duplicate"].isEnabled()
    sidebar.item_menu.actions["delete"].trigger()
    assert library.count(Event) == 2


def test_an_editors_participants_and_topics_open_from_their_menu(qtbot, window, library, filled) -> None:
    view = select(window, "meeting", filled["meeting"].id)
    participants, topics = view.editor.form.panels
    participants.table.setCurrentCell(0, 0)
    menu = participants.popup_menu(None)
    assert {"Open", "Copy a link to the item", "Remove from this list"} <= set(_texts(menu))
    menu.close()
    participants.menu_actions["copy_link"].trigger()
    assert QGuiApplication.clipboard().text() == f"briefbook:{filled['thai'].id}"
    participants.menu_actions["open"].trigger()
    assert window.current_key == "person" and window.current_view().editor.item_id == filled["thai"].id
    view = select(window, "meeting", filled["meeting"].id)
    topics = view.editor.form.panels[1]
    topics.list.setCurrentRow(0)
    topics.menu_actions["open"].trigger()
    assert window.current_key == "topic" and window.current_view().editor.item_id == filled["topic"].id
    view = select(window, "meeting", filled["meeting"].id)
    topics = view.editor.form.panels[1]
    topics.list.setCurrentRow(0)
    topics.menu_actions["remove"].trigger()
    assert library.meeting_topics(filled["meeting"].id) == []


def test_the_panels_menu_speaks_vietnamese(qtbot, window, library, filled) -> None:
    from briefbook.ui import i18n

    view = select(window, "meeting", filled["meeting"].id)
    i18n.apply_language("vi")
    QApplication.processEvents()
    participants = view.editor.form.panels[0]
    assert participants.menu_actions["remove"].text() == "&Bỏ khỏi danh sách này"
    assert view.item_menu.actions["duplicate"].text().startswith("&Nhân bản")
