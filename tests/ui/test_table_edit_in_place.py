"""An edit that moves a row (another topic, or a filter it no longer meets) moves that row alone.

The rows shown are not read again: the search thread reads where the item goes now (a
few one-row reads) and the numbers of the two topics' rows, and the table moves, keeps
or drops that one row. What the user sees is what reading every row again would show:
each test compares the table with the library's own order and numbers, and checks the
selection, the scroll position and the count. No test times anything (the figures are
in ``bench/table_actions.py``).
"""

from __future__ import annotations

import random
import threading

import pytest
from PySide6.QtCore import QItemSelectionModel

from briefbook.library import Library
from tests.ui.big_library import build_big_library
from tests.ui.conftest import main_window_on

pytestmark = pytest.mark.rows_in_flight

POINTS, TOPICS = 1_200, 6  # 200 points a topic: a page of 200 rows ends at a topic's end


@pytest.fixture(scope="module")
def points_library(tmp_path_factory):
    return build_big_library(tmp_path_factory.mktemp("moves") / "moves.briefbook", POINTS, TOPICS)


@pytest.fixture
def window(qtbot, points_library, tmp_path):
    copy = tmp_path / "copy.briefbook"
    copy.write_bytes(points_library.read_bytes())
    with main_window_on(qtbot, copy) as win:
        yield win


@pytest.fixture
def rows_read(monkeypatch):
    """How many rows each ``Library.page`` of talking points the search thread read from the
    first row asked for: a next page (read after a cursor) is not counted, nor the tests' own
    reads of the library's order (on this thread)."""
    limits: list[int] = []
    page = Library.page

    def watched(self, kind, **options):
        here = threading.current_thread() is threading.main_thread()
        if getattr(kind, "KIND", kind) == "talking_point" and not here and options.get("after") is None:
            limits.append(options.get("limit", 200))
        return page(self, kind, **options)

    monkeypatch.setattr(Library, "page", watched)
    return limits


def shown_points(qtbot, window, rows: int = 200):
    view = window.show_view("talking_point")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view.model.searching)
    for _ in range(POINTS // 200 + 2):  # a page a scroll (a table that stops fetching fails below)
        if view.model.rowCount() >= rows:
            break
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda: not view.model._fetching and not view.model.searching)
    assert view.model.rowCount() >= rows
    return view


def settled(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view.model.searching and not view.model._fetching)


def ids_shown(view) -> list[str]:
    return [view.model.id_at(r) for r in range(view.model.rowCount())]


def truth(window, view, count: int) -> list[str]:
    """The first ``count`` ids of the table's selection and order, as the library lists them."""
    field, descending = view.model.sorted_by
    where = view.model.where or None
    page = window.model.library.page(
        "talking_point", where=where, order_by=field, descending=descending, limit=max(1, count)
    )
    return [r.id for r in page.records][:count]


def assert_as_if_read_again(window, view) -> None:
    """The rows, their order, their numbers, topic names and the count are what a reload shows."""
    shown = ids_shown(view)
    assert len(set(shown)) == len(shown)  # no row twice
    assert shown == truth(window, view, len(shown))
    library = window.model.library
    numbers = library.point_numbers(shown)
    model = view.model
    for row, item_id in enumerate(shown):
        record = model.record_at(row)
        assert model.display(record, "position") == str(numbers[item_id])
        assert record.topic_id == library.get("talking_point", item_id).topic_id
        assert model.row_of(item_id) == row
    assert model.total == library.count("talking_point", where=model.where or None)
    assert f"{model.total} items" in view.status.text().replace(",", "")


def selected_ids(view) -> set[str]:
    return {view.model.id_at(i.row()) for i in view.table.selectionModel().selectedRows()}


def in_view(view, item_id: str) -> bool:
    rect = view.table.visualRect(view.model.index(view.model.row_of(item_id), 1))
    return rect.isValid() and view.table.viewport().rect().intersects(rect)


def test_a_point_given_another_topic_moves_alone_renumbered_selected_and_in_view(
    qtbot, window, dialogs, rows_read
):
    view = shown_points(qtbot, window, 1_000)
    loaded = view.model.rowCount()
    point = view.model.record_at(950)
    assert view.select(point.id)
    number = window.model.library.point_numbers([point.id])[point.id]
    topics = {t.id: t.title for t in window.model.library.list("topic")}
    other = view.model.record_at(250).topic_id  # a topic listed earlier: the row moves up
    assert other != point.topic_id
    rows_read.clear()
    dialogs.pick.append(other)
    view.editor.field("topic_id").choose_button.click()
    row = view.model.row_of(point.id)
    assert view.model.display(view.model.record_at(row), "topic_id") == topics[other]  # at once
    settled(qtbot, view)
    assert rows_read and max(rows_read) == 1  # one-row reads: the 1,000 rows were not read again
    assert view.model.rowCount() == loaded
    assert_as_if_read_again(window, view)
    new_row = view.model.row_of(point.id)
    assert new_row < 950 and view.model.record_at(new_row).topic_id == other
    assert selected_ids(view) == {point.id} and view.editor.item_id == point.id
    assert view.table.currentIndex().row() == new_row and in_view(view, point.id)
    # Undo gives it its topic and its place in it back (not last, as a move to a topic puts it).
    window.context.stack.undo()
    settled(qtbot, view)
    assert view.model.record_at(view.model.row_of(point.id)).topic_id == point.topic_id
    assert window.model.library.get("talking_point", point.id).position == point.position
    assert window.model.library.point_numbers([point.id])[point.id] == number
    assert max(rows_read, default=1) == 1
    assert_as_if_read_again(window, view)
    assert selected_ids(view) == {point.id} and in_view(view, point.id)


def test_the_other_rows_selected_stay_selected_and_the_top_row_stays_on_top(qtbot, window):
    view = shown_points(qtbot, window, 600)
    view.table.scrollTo(view.model.index(500, 0), view.table.ScrollHint.PositionAtTop)
    qtbot.wait(50)
    top = view.table.indexAt(view.table.viewport().rect().topLeft()).row()
    chosen = [view.model.id_at(r) for r in (top + 2, top + 3, top + 5)]
    selection = view.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for item_id in chosen:
        selection.setCurrentIndex(view.model.index(view.model.row_of(item_id), 0), flags)
    assert view.editor.item_id == chosen[-1] and selected_ids(view) == set(chosen)
    top_id = view.model.id_at(top)
    moved = view.model.record_at(top + 3)  # selected, not the one open: moved by another view's edit
    first = view.model.record_at(0).topic_id
    window.model.library.update("talking_point", moved.id, topic_id=first)
    window.model.notify("talking_point", moved.id, "updated")
    settled(qtbot, view)
    assert_as_if_read_again(window, view)
    assert view.model.row_of(moved.id) < top  # (last of the first topic: above the rows in view)
    assert selected_ids(view) == set(chosen) and view.editor.item_id == chosen[-1]
    assert view.model.id_at(view.table.indexAt(view.table.viewport().rect().topLeft()).row()) == top_id


def test_a_row_moved_past_the_rows_shown_comes_back_with_its_page_once(qtbot, window, rows_read):
    view = shown_points(qtbot, window, 400)  # two topics' points
    point = view.model.record_at(10)
    last_topic = window.model.library.page("talking_point", order_by="topic_id", limit=POINTS).records[-1]
    assert view.select(point.id)
    rows_read.clear()
    view.editor.commit("topic_id", last_topic.topic_id)
    settled(qtbot, view)
    assert max(rows_read, default=1) == 1
    assert view.model.row_of(point.id) == -1 and view.model.rowCount() == 399  # on a later page now
    assert_as_if_read_again(window, view)
    assert view.editor.item_id == point.id  # still open
    shown_all = shown_points(qtbot, window, POINTS)
    assert ids_shown(shown_all) == truth(window, view, POINTS)  # once, in its new place (the last)
    assert view.model.row_of(point.id) == POINTS - 1


def test_under_a_filter_a_row_that_leaves_it_goes_and_the_count_follows(qtbot, window, rows_read):
    view = shown_points(qtbot, window)
    view.filters.set_choice("status", "draft")
    settled(qtbot, view)
    drafts = view.model.total
    point = view.model.record_at(3)
    assert view.select(point.id)
    rows_read.clear()
    view.editor.commit("status", "cleared")
    settled(qtbot, view)
    assert max(rows_read, default=1) == 1
    assert view.model.row_of(point.id) == -1 and view.model.total == drafts - 1
    assert_as_if_read_again(window, view)
    assert f"{drafts - 1} items" in view.status.text().replace(",", "")
    # A row that now meets the filter comes into its place among the rows shown.
    view.editor.commit("status", "draft")
    settled(qtbot, view)
    assert view.model.row_of(point.id) == 3 and view.model.total == drafts
    assert_as_if_read_again(window, view)


@pytest.mark.parametrize(
    "order", [("topic_id", False), ("topic_id", True), ("position", False), ("text", False), ("status", True)]
)
def test_any_number_of_moves_in_any_order_show_what_reading_again_shows(qtbot, window, order):
    """Random points given random topics, in every order the header gives: after each edit the
    table is what a reload would show, and scrolled to its end it lists every point once."""
    seed = random.Random(f"{order}")
    view = shown_points(qtbot, window)
    field, descending = order
    view.model.set_filter(order=order)
    settled(qtbot, view)
    shown_points(qtbot, window, seed.choice([200, 400, 600]))
    topics = [t.id for t in window.model.library.list("topic")]
    for _ in range(8):
        point = view.model.record_at(seed.randrange(view.model.rowCount()))
        assert view.select(point.id)
        view.editor.commit("topic_id", seed.choice([t for t in topics if t != point.topic_id]))
        settled(qtbot, view)
        assert view.model.sorted_by == (field, descending)
        assert_as_if_read_again(window, view)
    shown_points(qtbot, window, POINTS)
    assert ids_shown(view) == truth(window, view, POINTS)
