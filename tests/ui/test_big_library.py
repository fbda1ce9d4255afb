"""A library of 50,000 talking points stays responsive: pages, where=, and the FTS index."""

from __future__ import annotations

import time

import pytest

from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.big_library import NEEDLE, build_big_library


@pytest.fixture(scope="session")
def big_library_path(tmp_path_factory):
    return build_big_library(tmp_path_factory.mktemp("big") / "big.briefbook")


@pytest.fixture
def big_window(qtbot, big_library_path):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    started = time.perf_counter()
    assert win.open_library(big_library_path)
    win.show()
    win.opened_in = time.perf_counter() - started
    yield win
    win.close()


def test_opens_at_once_and_fetches_in_pages(qtbot, big_window):
    view = big_window.show_view("talking_point")
    assert big_window.opened_in < 2.0
    assert view.model.total == 50_000
    assert view.model.rowCount() == view.model.PAGE
    started = time.perf_counter()
    view.model.fetchMore()
    assert view.model.rowCount() == 2 * view.model.PAGE
    assert time.perf_counter() - started < 0.5
    assert big_window.sidebar.items["talking_point"].childCount() == 50


def test_filters_use_the_index_not_python(qtbot, big_window):
    view = big_window.show_view("talking_point")
    started = time.perf_counter()
    view.filters.set_choice("status", "cleared")
    assert time.perf_counter() - started < 0.5
    assert view.model.total == 16_666 and view.model.rowCount() == view.model.PAGE
    view.filters.clear()
    view.filters.text.setText("xyzzy")
    qtbot.waitUntil(lambda: view.model.text == "xyzzy" and not view.model.searching, timeout=5000)
    assert view.model.rowCount() == 1 and view.model.record_at(0).text == NEEDLE
    view.filters.text.setText("lua dao")  # matches every row: the best are shown, the window never waits
    started = time.perf_counter()
    qtbot.waitUntil(lambda: view.model.text == "lua dao" and not view.model.searching, timeout=10000)
    assert view.model.rowCount() == view.model.SEARCH_LIMIT
    assert time.perf_counter() - started < 5


def test_sorting_and_a_topic_in_order(qtbot, big_window):
    view = big_window.show_view("talking_point")
    started = time.perf_counter()
    view.table.sortByColumn(
        view.model.column_of("status"), view.table.horizontalHeader().sortIndicatorOrder()
    )
    assert time.perf_counter() - started < 1.0
    topic_item = big_window.sidebar.items["talking_point"].child(0)
    big_window.sidebar.setCurrentItem(topic_item)
    assert view.model.total == 1000 and view.model.can_reorder()
    positions = [view.model.record_at(r).position for r in range(5)]
    assert positions == [1, 2, 3, 4, 5]
