"""The item models, called directly: data(), headerData(), lazy fetching, filters, drops."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor, QUndoStack

from briefbook.library import Library, TalkingPoint, Topic
from briefbook.library.records import SearchHit
from briefbook.ui.cell_text import plain_summary
from briefbook.ui.columns import TalkingPointColumn
from briefbook.ui.context import UiContext
from briefbook.ui.delegates import SNIPPET_ROLE, badge_colour, snippet_html
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.search_service import Searcher
from briefbook.ui.search_view import HIT_ROLE, SearchResultsModel
from briefbook.ui.settings import Settings
from briefbook.ui.table_model import ID_ROLE, MIME_IDS, VALUE_ROLE, RecordTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def context(qapp, library: Library):
    model = LibraryModel(library)
    searcher = Searcher(model)
    yield UiContext(model, QUndoStack(), Settings(), searcher)
    searcher.shutdown()


def points_model(context) -> RecordTableModel:
    model = RecordTableModel(context, "talking_point")
    model.sort(model.column_of("position"))
    return model


def test_headers_are_the_translated_field_labels(context, filled):
    model = points_model(context)
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header == ["No.", "Text", "Topic", "Kind", "Status", "Classification", "Language"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(99, Qt.Orientation.Horizontal) is None


def test_data_shows_labels_and_keeps_values(context, filled):
    model = points_model(context)
    assert model.rowCount() == 1
    row = 0

    def cell(column, role=DISPLAY):
        return model.data(model.index(row, column), role)

    assert cell(TalkingPointColumn.TEXT) == "Việt Nam kiên quyết chống lừa đảo trực tuyến."
    assert cell(TalkingPointColumn.TOPIC_ID) == "Công ước Hà Nội"
    assert cell(TalkingPointColumn.KIND) == "Key message"
    assert cell(TalkingPointColumn.KIND, VALUE_ROLE) == "key_message"
    assert cell(TalkingPointColumn.STATUS) == "Draft"
    assert cell(TalkingPointColumn.CLASSIFICATION) == "Public"
    assert cell(TalkingPointColumn.LANGUAGE) == "Vietnamese"
    assert cell(TalkingPointColumn.TEXT, ID_ROLE) == filled["point"].id
    assert cell(TalkingPointColumn.TEXT, Qt.ItemDataRole.DecorationRole) is None
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(5, 0)) is None


def test_tables_of_every_kind_answer(context, filled):
    for kind in ("event", "meeting", "person", "organisation", "topic", "statement", "book"):
        model = RecordTableModel(context, kind)
        model.reload()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                value = model.data(model.index(row, column))
                assert value is None or isinstance(value, str)
    people = RecordTableModel(context, "person")
    people.sort(people.column_of("name"))
    assert [people.data(people.index(r, 0)) for r in range(2)] == ["Lê Anh Tuấn", "สีหศักดิ์ พวงเกตุแก้ว"]


def test_rows_are_fetched_lazily_in_pages(qtbot, context, library):
    topic = library.add(Topic(title="Nhiều luận điểm"))
    with library.transaction():
        for i in range(450):
            library.add(
                TalkingPoint(topic_id=topic.id, text=f"Luận điểm {i}", status=("draft", "cleared")[i % 2])
            )
    model = points_model(context)
    assert model.rowCount() == 200 and model.total == 450
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=20_000)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 450, timeout=20_000)
    assert not model.canFetchMore()
    listed = library.list("talking_point", order_by="position")
    assert [model.record_at(r).id for r in range(450)] == [p.id for p in listed]
    model.set_filter(where={"status": "cleared"})
    assert model.total == 225 and model.rowCount() == 200


def test_sorting_asks_the_library(context, library, filled):
    library.add(TalkingPoint(topic_id=filled["topic"].id, text="A point", status="cleared"))
    model = points_model(context)
    model.sort(model.column_of("status"), Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, TalkingPointColumn.STATUS)) == "Draft"
    model.sort(model.column_of("status"), Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, TalkingPointColumn.STATUS)) == "Cleared"


def test_filtering_by_words_uses_the_search_off_the_gui_thread(qtbot, context, filled):
    model = points_model(context)
    model.set_filter(text="lua dao")
    qtbot.waitUntil(lambda: not model.searching)
    assert model.rowCount() == 1
    model.set_filter(text="lua dao", where={"status": "cleared"})
    qtbot.waitUntil(lambda: not model.searching)
    assert model.rowCount() == 0
    model.set_filter(text="", where={})
    assert model.rowCount() == 1


def test_a_drop_asks_for_the_new_order_of_the_topic(context, library, filled):
    topic = filled["topic"]
    second = library.add(TalkingPoint(topic_id=topic.id, text="Second"))
    third = library.add(TalkingPoint(topic_id=topic.id, text="Third"))
    model = points_model(context)
    asked = []
    model.reorder_requested.connect(lambda t, old, new: asked.append((t, old, new)))
    data = QMimeData()
    data.setData(MIME_IDS, json.dumps([third.id]).encode())
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    first = filled["point"].id
    assert asked == [(topic.id, [first, second.id, third.id], [third.id, first, second.id])]
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert asked[-1][2] == [second.id, third.id, first]


def test_no_drag_and_drop_when_not_in_topic_order(context, filled):
    model = points_model(context)
    model.sort(model.column_of("status"))
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    data = QMimeData()
    data.setData(MIME_IDS, b"[]")
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_search_results_model_and_snippets(qapp):
    model = SearchResultsModel()
    hit = SearchHit("talking_point", "id1", "Tiêu đề", "chống <b>[lừa] [đảo]</b> & co", 1.0)
    model.set_hits([hit])
    index = model.index(0, 0)
    assert model.data(index) == "Tiêu đề"
    assert model.data(index, SNIPPET_ROLE) == hit.snippet
    assert model.data(index, HIT_ROLE) is hit
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None
    html = snippet_html(hit.snippet)
    assert "&lt;b&gt;" in html and "&amp; co" in html  # escaped first...
    assert html.count("<b style=") == 2 and ">lừa</b>" in html  # ...then the matches marked


def test_badges_have_colour_and_text(qapp):
    levels = ["Public", "Internal", "Confidential", "Secret"]
    assert badge_colour("status", "draft") != badge_colour("status", "cleared")
    assert badge_colour("classification", "Secret", levels) == QColor("#b71c1c")
    assert badge_colour("classification", "Public", levels) != badge_colour(
        "classification", "Secret", levels
    )


def test_plain_summary_drops_markdown():
    assert plain_summary("**Bold** and [a link](https://x.org)\n\n- second") == "Bold and a link"
    assert plain_summary("x" * 300, limit=10) == "x" * 10 + "…"


def test_dates_in_tables_have_four_digit_years() -> None:
    from PySide6.QtCore import QLocale

    from briefbook.ui.table_model import format_date

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("vi_VN"))
        assert format_date("2025-12-17") == "17/12/2025"
        assert format_date("2025-12-17T09:00") == "17/12/2025 09:00"
        QLocale.setDefault(QLocale("en_US"))
        assert format_date("2025-12-17").endswith("2025")
        assert format_date("not a date") == "not a date"
    finally:
        QLocale.setDefault(previous)


def test_every_search_hit_is_as_high_as_the_next_and_painting_builds_each_snippet_once(qapp):
    """Showing a result list lays out no row (uniform sizes); a row's snippet document is kept."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QListView, QStyleOptionViewItem

    from briefbook.ui.delegates import SnippetDelegate

    model = SearchResultsModel()
    model.set_hits(
        [
            SearchHit("talking_point", f"id{i}", "Tiêu đề " * i, "chống [lừa] [đảo] " * (i + 1), 1.0)
            for i in range(5)
        ]
    )
    view = QListView()
    view.setModel(model)
    delegate = SnippetDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    sizes = {delegate.sizeHint(option, model.index(i, 0)).height() for i in range(5)}
    assert len(sizes) == 1
    image = QImage(600, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option.rect = view.rect().adjusted(0, 0, 0, -view.rect().height() + 60)
    for _ in range(3):
        for i in range(5):
            delegate.paint(painter, option, model.index(i, 0))
    painter.end()
    assert len(delegate._documents) == 5


def test_a_statement_linked_to_a_person_names_the_speaker(context, library: Library, qtbot):
    from briefbook.library import Person, Statement
    from briefbook.ui.columns import StatementColumn
    from briefbook.ui.editors.pickers import ItemPicker

    person = library.add(Person(name="ທອງລຸນ ສີສຸລິດ"))
    library.add(Statement(speaker_id=person.id, speaker_name="", date="2026-07-20", text="ຮ່ວມມື"))
    model = RecordTableModel(context, "statement")
    model.reload()
    assert model.data(model.index(0, StatementColumn.SPEAKER_NAME), DISPLAY) == "ທອງລຸນ ສີສຸລິດ"
    picker = ItemPicker(context, "statement")
    qtbot.addWidget(picker)
    assert picker.list.item(0).text() == "ທອງລຸນ ສີສຸລິດ, 20/07/2026: ຮ່ວມມື"


def test_scrolling_reads_the_next_page_on_the_search_thread(qtbot, context, library, monkeypatch):
    """fetchMore only asks: the rows come from the search thread, after the last row shown."""
    import threading

    from briefbook.library import Library

    topic = library.add(Topic(title="T"))
    with library.transaction():
        for i in range(300):
            library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i % 37}"))
    model = RecordTableModel(context, "talking_point")
    model.sort(model.column_of("text"))
    assert model.rowCount() == 200
    threads: list[str] = []
    real = Library.page

    def page(self, kind, **options):
        threads.append(threading.current_thread().name)
        assert options["after"] is not None  # from the last row shown, never an OFFSET
        return real(self, kind, **options)

    monkeypatch.setattr(Library, "page", page)
    model.fetchMore()
    model.fetchMore()  # asked again while the page is on its way: one read
    assert model.rowCount() == 200  # nothing read here
    qtbot.waitUntil(lambda: model.rowCount() == 300, timeout=20_000)
    assert threads == ["briefbook-search"]
    expected = [p.id for p in library.list("talking_point", order_by="text")]
    assert [model.record_at(r).id for r in range(300)] == expected


def test_a_page_read_for_another_order_is_dropped(qtbot, context, library):
    topic = library.add(Topic(title="T"))
    with library.transaction():
        for i in range(450):
            library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i}"))
    model = RecordTableModel(context, "talking_point")
    model.sort(model.column_of("text"))
    model.fetchMore()
    model.sort(model.column_of("text"), Qt.SortOrder.DescendingOrder)  # before the page came
    qtbot.wait(300)  # the old order's page arrives after the new order's rows: dropped
    assert model.rowCount() == 200
    expected = [p.id for p in library.list("talking_point", order_by="text", descending=True)]
    assert [model.record_at(r).id for r in range(model.rowCount())] == expected[: model.rowCount()]
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=20_000)
    assert [model.record_at(r).id for r in range(400)] == expected[:400]


def test_a_page_sorted_by_text_is_numbered_without_reading_each_topic(qtbot, context, library, monkeypatch):
    from briefbook.library import Library

    topics = [library.add(Topic(title=f"T{i}")) for i in range(4)]
    with library.transaction():
        for i in range(300):
            library.add(TalkingPoint(topic_id=topics[i % 4].id, text=f"Điểm {i % 50}"))
    model = RecordTableModel(context, "talking_point")
    model.sort(model.column_of("text"))
    model.background = True
    model.sort(model.column_of("text"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.sorted_by == ("text", True), timeout=20_000)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 300, timeout=20_000)
    read: list[dict] = []
    monkeypatch.setattr(Library, "ids", lambda self, kind, **options: read.append(options) or [])
    shown = [model.data(model.index(r, model.column_of("position"))) for r in range(300)]
    assert read == []  # the numbers came with the pages
    expected = {}
    for topic in topics:
        points = library.list("talking_point", where={"topic_id": topic.id}, order_by="position")
        expected |= {p.id: str(i) for i, p in enumerate(points, start=1)}
    assert shown == [expected[model.record_at(r).id] for r in range(300)]


def test_multidata_sets_or_clears_every_role_of_the_span_it_is_given(context, filled):
    """Qt's delegate passes one span to every cell it paints: an entry multiData left alone kept
    the cell before's value, so the "No." column's right alignment moved the text column's short
    texts (and every column after) against the right edge of their cells."""
    from PySide6.QtCore import QModelRoleData

    model = points_model(context)
    roles = (
        DISPLAY,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
    )
    span = [QModelRoleData(int(role)) for role in roles]  # one span, cell after cell
    for entry in span[3:]:
        entry.setData("left over")
    model.multiData(model.index(0, TalkingPointColumn.POSITION), span)
    assert span[1].data() == model.data(model.index(0, TalkingPointColumn.POSITION), roles[1]) is not None
    for column in range(model.columnCount()):
        model.multiData(model.index(0, column), span)
        for entry, role in zip(span, roles, strict=True):
            assert entry.data() == model.data(model.index(0, column), role), (column, role)
    model.multiData(model.index(7, 0), span)  # a row that is not there: nothing left over
    assert [entry.data() for entry in span] == [None] * len(roles)
