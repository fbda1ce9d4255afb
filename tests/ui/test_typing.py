"""Typing never makes the window wait: what the user types or chooses is read off the GUI thread.

The table's filter, its combos, the search field and the Ctrl+K palette each ask the
search thread (``Searcher``); the window only shows the newest answer. These tests
watch *which thread* reads the library, never how long it takes.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from briefbook.library import TalkingPoint
from tests.ui.conftest import rows_arrived


@pytest.fixture
def gui_reads(monkeypatch, window):
    """The kinds ``Library.list`` / ``search`` were asked for on the GUI thread, by the window's library."""
    library = window.model.library
    calls: list[tuple[str, str]] = []
    for name in ("list", "search", "count"):
        original = getattr(library, name)

        def watched(*args, _original=original, _name=name, **kwargs):
            if threading.current_thread() is threading.main_thread():
                kind = args[0] if args and _name != "search" else kwargs.get("kinds")
                calls.append((_name, getattr(kind, "KIND", kind)))
            return _original(*args, **kwargs)

        monkeypatch.setattr(library, name, watched)
    return calls


def points_view(window, library, filled):
    library.add(TalkingPoint(topic_id=filled["topic"].id, text="Hợp tác quốc tế", status="cleared"))
    view = window.show_view("talking_point")
    view.model.reload()  # added through another connection: the window was not told
    rows_arrived(view)
    assert view.model.rowCount() == 2
    return view


def test_emptying_the_filter_lists_the_table_off_the_gui_thread(qtbot, window, library, filled, gui_reads):
    view = points_view(window, library, filled)
    view.filters.text.setText("hop tac")
    qtbot.waitUntil(lambda: view.model.text == "hop tac" and not view.model.searching, timeout=60_000)
    assert view.model.rowCount() == 1
    gui_reads.clear()
    view.filters.text.clear()  # the clear button, or Backspace to the end: every row again
    qtbot.waitUntil(lambda: view.model.text == "" and not view.model.searching, timeout=60_000)
    assert view.model.rowCount() == 2 and view.model.total == 2
    assert "2 items" in view.status.text()
    assert ("list", "talking_point") not in gui_reads and ("count", "talking_point") not in gui_reads


def test_a_combo_the_user_chooses_is_read_off_the_gui_thread(qtbot, window, library, filled, gui_reads):
    view = points_view(window, library, filled)
    combo = view.filters.combos["status"]
    gui_reads.clear()
    combo.setCurrentIndex(combo.findData("cleared"))
    combo.activated.emit(combo.currentIndex())  # what a click on the entry sends
    qtbot.waitUntil(lambda: view.model.where == {"status": "cleared"} and not view.model.searching)
    assert view.model.rowCount() == 1
    assert view.model.record_at(0).text == "Hợp tác quốc tế"
    assert ("list", "talking_point") not in gui_reads


def test_a_page_overtaken_by_a_later_choice_is_never_shown(qtbot, window, library, filled):
    view = points_view(window, library, filled)
    combo = view.filters.combos["status"]
    combo.setCurrentIndex(combo.findData("cleared"))
    combo.activated.emit(combo.currentIndex())  # asked off the GUI thread...
    view.filters.clear()  # ...and overtaken at once by code that clears the filter
    rows_arrived(view)
    assert view.model.rowCount() == 2 and not view.model.searching
    qtbot.wait(300)  # the worker's answer, if it came, must have been dropped
    assert view.model.rowCount() == 2 and view.model.where == {}


@pytest.mark.rows_in_flight
def test_showing_an_item_opens_it_at_once_and_selects_its_row_when_it_arrives(qtbot, window, library, filled):
    """Showing an item (from search or the palette) clears the filter, opens it in the editor at
    once, and selects its row when the rows, read off the GUI thread, arrive."""
    view = points_view(window, library, filled)
    combo = view.filters.combos["status"]
    combo.setCurrentIndex(combo.findData("cleared"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.model.searching)
    view.open_item(filled["point"].id)  # hidden by the filter
    assert view.model.where == {} and view.editor.item_id == filled["point"].id
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and not view.model.searching)
    assert view.table.currentIndex().row() == view.model.row_of(filled["point"].id) >= 0
    assert view.table.selectionModel().selectedRows()[0].row() == view.model.row_of(filled["point"].id)


def test_the_palette_searches_at_the_first_key(qtbot, window, monkeypatch):
    """No pause after a key (a newer key drops the search before it): nothing waits 120 ms."""
    palette = window.quick_jump()
    palette.popup()
    asked: list[str] = []
    request = window.searcher.request
    monkeypatch.setattr(
        window.searcher,
        "request",
        lambda channel, text, **kw: asked.append(text) or request(channel, text, **kw),
    )
    qtbot.keyClicks(palette.edit, "s")
    assert asked == ["s"]  # asked while the key was handled, no timer in between
    qtbot.keyClicks(palette.edit, "ihasak")
    assert asked[-1] == "sihasak"
    qtbot.waitUntil(lambda: palette.list.count() > 0, timeout=60_000)
    assert "Sihasak" in palette.list.item(0).text() or "สีหศักดิ์" in palette.list.item(0).text()
    qtbot.keyClick(palette.edit, Qt.Key.Key_Escape)


def test_an_emptied_palette_stays_empty(qtbot, window):
    palette = window.quick_jump()
    palette.popup()
    qtbot.keyClicks(palette.edit, "sihasak")
    palette.edit.clear()  # before the answer came: it is not wanted any more
    qtbot.wait(300)
    assert palette.list.count() == 0


def test_the_item_picker_searches_off_the_gui_thread(qtbot, window, filled, gui_reads):
    from briefbook.ui.editors.pickers import ItemPicker

    picker = ItemPicker(window.context, "person", window)
    qtbot.addWidget(picker)
    assert picker.list.count() == 2  # every person, listed when it opens
    gui_reads.clear()
    qtbot.keyClicks(picker.search, "sihasak")
    qtbot.waitUntil(lambda: picker.list.count() == 1, timeout=60_000)
    assert picker.list.item(0).text().startswith("สีหศักดิ์ พวงเกตุแก้ว")
    assert not [call for call in gui_reads if call[0] == "search"]  # every key asked the search thread


def test_enter_before_the_answer_chooses_among_what_was_typed(qtbot, window, filled):
    from briefbook.ui.editors.pickers import ItemPicker

    picker = ItemPicker(window.context, "person", window)
    qtbot.addWidget(picker)
    assert picker.list.currentItem().text() != "สีหศักดิ์ พวงเกตุแก้ว"  # first of all, before typing
    qtbot.keyClicks(picker.search, "sihasak")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # at once: the answer may not have come
    assert picker.chosen_id == filled["thai"].id


def test_search_results_beyond_the_first_screenful_get_their_extracts(
    qtbot, window, library, filled, monkeypatch
):
    from briefbook.ui import search_view

    monkeypatch.setattr(search_view, "MARKED_FIRST", 1)
    for i in range(4):
        library.add(TalkingPoint(topic_id=filled["topic"].id, text=f"Điểm {i}: chống lừa đảo ở Viêng Chăn."))
    view = window.show_view("search")
    view.search("lua dao")
    qtbot.waitUntil(lambda: not view.searching and view.model.rowCount() >= 5, timeout=60_000)
    qtbot.waitUntil(lambda: all(h.snippet for h in view.model.hits), timeout=60_000)
    every = {h.id: h.snippet for h in library.search("lua dao", limit=200)}
    assert {h.id: h.snippet for h in view.model.hits} == every
    assert all("[" in s for s in every.values())


def test_extracts_of_an_older_search_never_reach_a_newer_one(qtbot, window, library, filled, monkeypatch):
    from briefbook.ui import search_view

    monkeypatch.setattr(search_view, "MARKED_FIRST", 0)
    for i in range(3):
        library.add(TalkingPoint(topic_id=filled["topic"].id, text=f"Điểm {i}: hợp tác chống lừa đảo."))
    view = window.show_view("search")
    view.search("lua dao")
    qtbot.waitUntil(lambda: not view.searching, timeout=60_000)
    view.search("hop tac")  # at once: the extracts asked for "lua dao" are dropped
    qtbot.waitUntil(lambda: not view.searching and all(h.snippet for h in view.model.hits), timeout=60_000)
    assert all("[" in h.snippet and "[lừa" not in h.snippet for h in view.model.hits)
    assert {h.id: h.snippet for h in view.model.hits} == {
        h.id: h.snippet for h in library.search("hop tac", limit=200)
    }
