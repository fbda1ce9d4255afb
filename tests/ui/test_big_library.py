"""A library of 50,000 talking points works in pages, with where= and the FTS index.

How fast is measured in bench/ (startup.py, search.py), never here: a loaded machine
would make a timing assertion fail for no fault of the code.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefbook.collation import sorted_vi
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.big_library import NEEDLE, build_big_library
from tests.ui.conftest import rows_arrived


@pytest.fixture(scope="session")
def big_library_path(tmp_path_factory):
    return build_big_library(tmp_path_factory.mktemp("big") / "big.briefbook")


@pytest.fixture
def big_window(qtbot, big_library_path):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    assert win.open_library(big_library_path)
    win.show()
    yield win
    win.close()


def test_opens_at_once_and_fetches_in_pages(qtbot, big_window):
    view = big_window.show_view("talking_point")
    assert view.model.total == 50_000
    assert view.model.rowCount() == view.model.PAGE
    view.model.fetchMore()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 * view.model.PAGE, timeout=60_000)
    assert big_window.sidebar.items["talking_point"].childCount() == 50


def test_filters_use_the_index_not_python(qtbot, big_window):
    view = big_window.show_view("talking_point")
    view.filters.set_choice("status", "cleared")
    rows_arrived(view)
    assert view.model.total == 16_666 and view.model.rowCount() == view.model.PAGE
    view.filters.clear()
    view.filters.text.setText("xyzzy")
    qtbot.waitUntil(lambda: view.model.text == "xyzzy" and not view.model.searching, timeout=60_000)
    assert view.model.rowCount() == 1 and view.model.record_at(0).text == NEEDLE
    view.filters.text.setText("lua dao")  # matches every row: the best are shown, the window never waits
    qtbot.waitUntil(lambda: view.model.text == "lua dao" and not view.model.searching, timeout=60_000)
    assert view.model.rowCount() == view.model.SEARCH_LIMIT


def test_sorting_and_a_topic_in_order(qtbot, big_window):
    view = big_window.show_view("talking_point")
    view.table.sortByColumn(
        view.model.column_of("status"), view.table.horizontalHeader().sortIndicatorOrder()
    )
    topic_item = big_window.sidebar.items["talking_point"].child(0)
    big_window.sidebar.setCurrentItem(topic_item)
    assert view.model.total == 1000 and view.model.can_reorder()
    positions = [view.model.record_at(r).position for r in range(5)]
    assert positions == [1, 2, 3, 4, 5]


def test_the_first_table_is_read_once_in_its_order(qtbot, big_library_path, monkeypatch):
    """Setting the table up, showing it and sorting it by its default column read the library once."""
    from briefbook.library import Library

    calls: list[tuple] = []
    real = Library.page

    def counted(self, kind, **options):
        calls.append((kind, options.get("order_by"), options.get("descending")))
        return real(self, kind, **options)

    monkeypatch.setattr(Library, "page", counted)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    assert win.open_library(big_library_path)
    view = win.show_view("talking_point")
    pages = [c for c in calls if c[0] == "talking_point" and c[1] != "position"]  # not the numbering
    assert pages == [("talking_point", "topic_id", False)]
    assert view.model.rowCount() == view.model.PAGE
    view.table.sortByColumn(
        view.model.column_of("status"), view.table.horizontalHeader().sortIndicatorOrder()
    )
    qtbot.waitUntil(lambda: view.model.sorted_by == ("status", False), timeout=60_000)
    pages = [c[1] for c in calls if c[0] == "talking_point" and c[1] != "position"]
    assert pages == ["topic_id", "status"]  # a new order: read again, once (on the search thread)
    win.close()


def test_a_header_click_sorts_on_the_search_thread(qtbot, big_window, monkeypatch):
    """The rows in the new order are read off the GUI thread and shown when they arrive."""
    import threading

    from briefbook.library import Library

    view = big_window.show_view("talking_point")
    threads: list[str] = []
    real = Library.page

    def page(self, kind, **options):
        threads.append(threading.current_thread().name)
        return real(self, kind, **options)

    monkeypatch.setattr(Library, "page", page)
    view.table.sortByColumn(view.model.column_of("text"), Qt.SortOrder.AscendingOrder)
    assert threads == []  # nothing read on the GUI thread
    qtbot.waitUntil(lambda: view.model.sorted_by == ("text", False), timeout=60_000)
    assert threads == ["briefbook-search"]
    shown = [view.model.record_at(r).text for r in range(view.model.rowCount())]
    assert shown == sorted_vi(shown) and view.model.rowCount() == view.model.PAGE
    first = real(big_window.context.library, "talking_point", order_by="text", limit=3)
    assert [view.model.record_at(r).id for r in range(3)] == [p.id for p in first.records]


def test_fitting_the_columns_measures_the_rows_on_screen_only(qtbot, big_library_path, monkeypatch):
    """Counted, never timed: each fitted column asked the size of all 200 rows loaded (Qt takes
    the number of rows to measure for a column from the horizontal header; it was set on the
    vertical one), 8 ms of the first table at 50,000 points."""
    from briefbook.ui.delegates import BadgeDelegate

    asked: list[int] = []
    size_hint = BadgeDelegate.sizeHint

    def counting(self, option, index):
        asked.append(index.row())
        return size_hint(self, option, index)

    # before the window makes its delegates (PySide keeps a wrapper's Python override once called)
    monkeypatch.setattr(BadgeDelegate, "sizeHint", counting)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.open_library(big_library_path)
    window.show()
    view = window.show_view("talking_point")
    rows_arrived(view)
    assert view.model.rowCount() == view.model.PAGE
    asked.clear()
    view.fit_columns()
    table = view.table
    last = table.rowAt(table.viewport().height() - 1)
    assert 0 < last < view.model.PAGE - 1
    assert asked and max(asked) <= last + 1  # the rows on screen (and the one cut at the bottom)
    assert set(range(last + 1)) <= set(asked)
