"""A table's next page is asked once the rows scrolled into view are painted, not alongside the paint.

The page is read by the search thread, whose Python holds the GIL that each of the
paint's calls into Python (about 1,500 a repaint) then waits for. The tests check the
order of what happens, never how long it takes (the figures are in ``bench/table_actions.py``).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from briefbook.library import Library
from briefbook.ui.after_paint import AfterPaint
from briefbook.ui.search_service import Searcher
from tests.ui.big_library import build_big_library
from tests.ui.conftest import main_window_on

pytestmark = pytest.mark.rows_in_flight


class Paints(QObject):
    def __init__(self, widget: QWidget, seen: list[str]) -> None:
        super().__init__(widget)
        self.seen = seen
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append("paint")
        return False


def test_a_call_after_paint_runs_after_the_paint_asked_for_and_after_a_queued_call(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)
    seen: list[str] = []
    Paints(widget, seen)
    later = AfterPaint(widget)
    widget.update()
    later.call(lambda: seen.append("after paint"))
    QTimer.singleShot(0, lambda: seen.append("single shot"))
    qtbot.waitUntil(lambda: "after paint" in seen)
    assert seen.index("paint") < seen.index("after paint")
    assert seen.index("single shot") < seen.index("after paint")


def test_without_a_paint_waiting_the_call_runs_at_the_next_turn(qtbot):
    holder = QObject()
    calls: list[int] = []
    later = AfterPaint(holder)
    later.call(lambda: calls.append(1))
    later.call(lambda: calls.append(2))
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1, 2])


@pytest.fixture
def window(qtbot, tmp_path):
    with main_window_on(qtbot, build_big_library(tmp_path / "pages.briefbook", 1_000, 4)) as win:
        yield win


def test_the_next_page_is_asked_after_the_rows_scrolled_into_view_are_painted(qtbot, window, monkeypatch):
    seen: list[str] = []
    request_read = Searcher.request_read

    def watched(self, channel, read):
        if channel.endswith(":more"):
            seen.append("asked")
        return request_read(self, channel, read)

    monkeypatch.setattr(Searcher, "request_read", watched)
    view = window.show_view("talking_point")
    qtbot.waitUntil(lambda: view.model.rowCount() == 200 and not view.model.searching)
    qtbot.wait(50)
    Paints(view.table.viewport(), seen)
    seen.clear()
    view.table.scrollToBottom()  # the rows at the end come into view, and Qt asks for more
    qtbot.waitUntil(lambda: view.model.rowCount() == 400)
    assert "asked" in seen and "paint" in seen
    assert seen.index("paint") < seen.index("asked")


def test_a_new_selection_and_the_walk_down_to_an_item_are_asked_after_the_window_painted(
    qtbot, window, monkeypatch
):
    """A topic chosen in the sidebar (the rows read again) and an item selected further down
    (the pages walked): the window paints what the click changed before the search thread reads."""
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []
    request_read = Searcher.request_read

    def watched(self, channel, read, **options):
        ticket = request_read(self, channel, read, **options)
        if channel.startswith("table:talking_point"):
            seen.append("asked")  # (sent to the search thread now, or once the window painted)
            if options.get("after") is not None:
                options["after"](lambda: seen.append("sent"))
        return ticket

    monkeypatch.setattr(Searcher, "request_read", watched)
    view = window.show_view("talking_point")
    qtbot.waitUntil(lambda: view.model.rowCount() == 200 and not view.model.searching)
    qtbot.wait(50)
    paints = Paints(QApplication.instance(), seen)
    seen.clear()
    window.sidebar.setCurrentItem(window.sidebar.items["talking_point"].child(1))
    qtbot.waitUntil(lambda: not view.model.searching and bool(view.model.where))
    assert "sent" in seen and "paint" in seen[: seen.index("sent")]
    with Library.open(window.model.library.path, backup=False, read_only=True) as other:
        target = other.page("talking_point", order_by="topic_id", limit=1_000).records[-1]
    window.sidebar.setCurrentItem(window.sidebar.items["talking_point"])
    qtbot.waitUntil(lambda: not view.model.searching and not view.model.where)
    seen.clear()
    assert not view.select(target.id)
    qtbot.waitUntil(lambda: view.model.row_of(target.id) >= 0)
    assert "sent" in seen and "paint" in seen[: seen.index("sent")]
    paints.deleteLater()
