"""A collection's table reads nothing on the GUI thread: first load, topic, edit, select, stale answers.

Each test watches *which thread* reads the library (``Library.page`` / ``count`` /
``list``) and what the user then sees (rows, selection, the row in view), never how
long anything takes (the figures are in ``bench/tables.py``). They see the window as
it is at once (``rows_in_flight``): the rows arrive a moment after the action.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel

from briefbook.collation import sort_key
from briefbook.library import Library
from briefbook.ui.delegates import BadgeDelegate
from briefbook.ui.sidebar import OWNER_ROLE
from tests.ui.big_library import build_big_library
from tests.ui.conftest import main_window_on

pytestmark = pytest.mark.rows_in_flight

POINTS, TOPICS = 1_200, 4


@pytest.fixture(scope="module")
def points_library(tmp_path_factory):
    return build_big_library(tmp_path_factory.mktemp("points") / "points.briefbook", POINTS, TOPICS)


@pytest.fixture
def library_copy(points_library, tmp_path):
    copy = tmp_path / "copy.briefbook"
    copy.write_bytes(points_library.read_bytes())
    return copy


@pytest.fixture
def gui_reads(monkeypatch):
    """The (method, kind) of every ``Library`` read of rows made on the GUI thread."""
    calls: list[tuple[str, str]] = []
    for name in ("page", "count", "list", "ids"):
        original = getattr(Library, name)

        def watched(self, kind, *args, _original=original, _name=name, **kwargs):
            if threading.current_thread() is threading.main_thread():
                calls.append((_name, getattr(kind, "KIND", kind)))
            return _original(self, kind, *args, **kwargs)

        monkeypatch.setattr(Library, name, watched)
    return calls


@pytest.fixture
def window(qtbot, library_copy):
    with main_window_on(qtbot, library_copy) as win:
        yield win


def points_read(gui_reads) -> list[tuple[str, str]]:
    return [call for call in gui_reads if call[1] == "talking_point"]


def shown_points(qtbot, window):
    view = window.show_view("talking_point")
    qtbot.waitUntil(lambda: view.model.rowCount() == view.model.PAGE and not view.model.searching)
    return view


def in_view(view, row: int) -> bool:
    rect = view.table.visualRect(view.model.index(row, 1))
    return rect.isValid() and view.table.viewport().rect().intersects(rect)


def selected_id(view) -> str | None:
    rows = view.table.selectionModel().selectedRows()
    return view.model.record_at(rows[0].row()).id if len(rows) == 1 else None


def scroll_down_to(qtbot, view, rows: int) -> None:
    """Scroll to the end again and again, as a user does, until ``rows`` rows are loaded."""
    while view.model.rowCount() < rows:
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda: not view.model._fetching)


def test_the_first_load_is_read_on_the_search_thread(qtbot, window, gui_reads):
    view = window.show_view("talking_point")
    # (Whether the rows are there yet when show_view returns depends on the machine's load:
    # the window may have run its event loop while the search thread read them. Who read
    # them is what this test checks, below.)
    qtbot.waitUntil(lambda: view.model.rowCount() == view.model.PAGE)
    assert view.model.total == POINTS and f"{POINTS} items" in view.status.text().replace(",", "")
    assert view.model.sorted_by == ("topic_id", False)
    assert points_read(gui_reads) == []


def test_a_topic_from_the_sidebar_is_read_once_off_the_gui_thread_in_its_order(
    qtbot, window, gui_reads, monkeypatch
):
    view = shown_points(qtbot, window)
    orders: list[str | None] = []
    page = Library.page

    def counted(self, kind, **options):
        orders.append(options.get("order_by"))
        return page(self, kind, **options)

    monkeypatch.setattr(Library, "page", counted)
    topic_item = window.sidebar.items["talking_point"].child(1)
    window.sidebar.setCurrentItem(topic_item)
    qtbot.waitUntil(lambda: not view.model.searching and "topic_id" in view.model.where)
    topic_id = topic_item.data(0, OWNER_ROLE)
    assert view.model.where == {"topic_id": topic_id}
    assert view.model.total == POINTS // TOPICS and view.model.can_reorder()
    assert [view.model.display(view.model.record_at(r), "position") for r in range(4)] == ["1", "2", "3", "4"]
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == view.model.column_of("position")
    assert orders == ["position"]  # one read, in the topic's order: not the old order first
    assert points_read(gui_reads) == []


def test_after_an_edit_the_edited_row_stays_selected_and_in_view(qtbot, window, gui_reads, dialogs):
    view = shown_points(qtbot, window)
    scroll_down_to(qtbot, view, 1_000)
    loaded = view.model.rowCount()
    row = 950
    point = view.model.record_at(row)
    assert view.select(point.id)
    top_before = view.table.indexAt(view.table.viewport().rect().topLeft()).row()
    assert in_view(view, row)
    gui_reads.clear()
    other = next(t for t in window.model.library.list("topic") if t.id != point.topic_id)
    dialogs.pick.append(other.id)
    view.editor.field("topic_id").choose_button.click()  # renumbered in both topics: read again
    assert window.model.library.get("talking_point", point.id).topic_id == other.id
    qtbot.waitUntil(lambda: not view.model.searching and view.model.rowCount() >= loaded)
    assert points_read(gui_reads) == []
    assert selected_id(view) == point.id and view.editor.item_id == point.id
    new_row = view.model.row_of(point.id)
    assert in_view(view, new_row)
    if new_row == row:  # unmoved (its new topic's place): the view has not moved either
        assert view.table.indexAt(view.table.viewport().rect().topLeft()).row() == top_before


def test_a_new_item_is_selected_when_its_row_arrives(qtbot, window, gui_reads):
    view = shown_points(qtbot, window)
    gui_reads.clear()
    window.actions["new_item"].trigger()
    new_id = view.editor.item_id
    assert new_id and window.model.library.get("talking_point", new_id)  # open in the editor at once
    qtbot.waitUntil(lambda: selected_id(view) == new_id)
    assert in_view(view, view.model.row_of(new_id))
    assert view.model.total == POINTS + 1
    assert points_read(gui_reads) == []


def test_select_walks_down_to_a_row_on_the_search_thread(qtbot, window, gui_reads):
    view = shown_points(qtbot, window)
    with Library.open(window.model.library.path, backup=False, read_only=True) as other:
        target = other.page("talking_point", order_by="topic_id", limit=1_000).records[-1]
    gui_reads.clear()
    assert not view.select(target.id)  # not loaded yet: the editor shows it at once...
    assert view.editor.item_id == target.id
    qtbot.waitUntil(lambda: selected_id(view) == target.id)  # ...and its row when it comes
    assert view.model.row_of(target.id) == 999 and in_view(view, 999)
    assert points_read(gui_reads) == []


def test_a_row_the_user_chose_meanwhile_wins(qtbot, window):
    view = shown_points(qtbot, window)
    with Library.open(window.model.library.path, backup=False, read_only=True) as other:
        target = other.page("talking_point", order_by="topic_id", limit=1_000).records[-1]
    view.select(target.id)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.table.selectionModel().setCurrentIndex(view.model.index(3, 0), flags)  # a click meanwhile
    qtbot.waitUntil(lambda: not view.model._fetching)
    qtbot.wait(100)
    assert selected_id(view) == view.model.record_at(3).id == view.editor.item_id


def test_a_selection_overtaken_by_a_newer_one_is_never_shown(qtbot, window):
    view = shown_points(qtbot, window)
    shown: list[dict] = []
    view.model.loaded.connect(lambda: shown.append(view.model.where))
    view.filters.set_choice("status", "cleared")  # read off the GUI thread...
    view.filters.set_choice("status", "draft")  # ...and overtaken at once
    qtbot.waitUntil(lambda: not view.model.searching)
    qtbot.wait(300)  # the first answer, if it came, must have been dropped
    assert shown == [{"status": "draft"}]
    statuses = {view.model.record_at(r).status for r in range(view.model.rowCount())}
    assert statuses == {"draft"} and view.model.total == POINTS // 3


def test_a_deleted_row_goes_at_once(qtbot, window, dialogs):
    view = shown_points(qtbot, window)
    point = view.model.record_at(5)
    assert view.select(point.id)
    window.actions["delete"].trigger()
    assert view.model.row_of(point.id) == -1  # before the reload's answer
    qtbot.waitUntil(lambda: not view.model.searching)
    assert view.model.row_of(point.id) == -1 and view.model.total == POINTS - 1


def test_each_badge_is_drawn_once_however_often_its_cells_are_painted(qtbot, window):
    view = shown_points(qtbot, window)
    delegate = view.table.itemDelegateForColumn(view.model.column_of("status"))
    assert isinstance(delegate, BadgeDelegate)
    view.table.viewport().repaint()
    drawn = len(delegate._badges)
    assert 1 <= drawn <= 3  # draft, for clearance, cleared: however many rows show them
    for _ in range(3):
        view.table.viewport().repaint()
    assert len(delegate._badges) == drawn


def test_select_right_after_the_table_asked_for_its_next_page(qtbot, window):
    """The view asks for the next page, and in the same turn code selects an item further down:
    the walk down to it is not overtaken by that page (its row was never selected)."""
    view = shown_points(qtbot, window)
    with Library.open(window.model.library.path, backup=False, read_only=True) as other:
        target = other.page("talking_point", order_by="topic_id", limit=1_000).records[-1]
    view.model.fetchMore()
    assert not view.select(target.id)
    qtbot.waitUntil(lambda: selected_id(view) == target.id)
    assert view.model.row_of(target.id) == 999 and in_view(view, 999)
    assert view.kept.wanted is None


def test_an_edit_made_while_the_rows_are_on_their_way_is_shown_when_they_come(qtbot, window):
    """A new topic is named at once, before the reload its creation asked for has come back."""
    view = window.show_view("topic")
    qtbot.waitUntil(lambda: view.model.rowCount() == TOPICS and not view.model.searching)
    window.actions["new_item"].trigger()
    assert view.model.searching  # the rows with the new topic are on their way
    field = view.editor.field("title")
    field.input.setText("ການຕໍ່ຕ້ານການສໍ້ໂກງອອນລາຍ")
    field.flush()
    qtbot.waitUntil(lambda: not view.model.searching and view.model.rowCount() == TOPICS + 1)
    titles = [view.model.record_at(r).title for r in range(view.model.rowCount())]
    assert "ການຕໍ່ຕ້ານການສໍ້ໂກງອອນລາຍ" in titles and "New topic" not in titles
    assert selected_id(view) == view.editor.item_id


def test_a_text_filter_shows_its_hits_numbered_and_in_order_reading_nothing_on_the_gui_thread(
    qtbot, window, gui_reads
):
    """Typing in the filter: the hits of every topic come sorted by topic and numbered by the
    search thread; painting them reads nothing (each topic's numbers were read on the GUI
    thread at the first paint, 25-50 ms of a key's wait on 100,000 items)."""
    view = shown_points(qtbot, window)
    model = view.model
    gui_reads.clear()
    view.filters.text.setText("mã 13")
    qtbot.waitUntil(lambda: model.text == "mã 13" and not model.searching, timeout=60_000)
    view.table.viewport().repaint()  # what the user sees: the rows painted, numbers included
    number = model.column_of("position")
    shown = [(model.record_at(r), model.index(r, number).data()) for r in range(model.rowCount())]
    assert points_read(gui_reads) == []
    assert len({record.topic_id for record, _ in shown}) == TOPICS
    # Each topic's points have positions 1, 2, 3...: a point's number is its position.
    assert [text for record, text in shown] == [str(record.position) for record, _ in shown]
    topics = [model.index(r, model.column_of("topic_id")).data() for r in range(model.rowCount())]
    assert topics == sorted(topics, key=sort_key)
