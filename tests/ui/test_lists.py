"""Lists a desk officer works in all evening: fitted columns, wrapping tooltips, numbers, new items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QHeaderView

from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.ui import main_window, preferences
from tests.ui.conftest import settle


def select(window, kind: str, item_id: str):
    """Show ``kind`` read afresh (the test wrote through its own connection) and select the item."""
    view = window.show_view(kind)
    view.refresh()
    assert view.select(item_id)
    return view


def test_the_text_column_stretches_and_the_others_fit_their_content(qtbot, window, library, filled) -> None:
    view = window.show_view("talking_point")
    settle(qtbot)
    header = view.table.horizontalHeader()
    text = view.model.column_of("text")
    assert header.sectionResizeMode(text) == QHeaderView.ResizeMode.Stretch
    assert not header.stretchLastSection()
    for field in ("status", "classification", "kind"):
        column = view.model.column_of(field)
        assert header.sectionSize(column) >= view.table.sizeHintForColumn(column)
        assert header.sectionSize(column) >= header.sectionSizeHint(column)  # the header is not cut off


def test_long_cells_have_tooltips_qt_wraps_and_short_ones_none(qtbot, window, library, filled) -> None:
    long = "Việt Nam <kiên quyết> & chống lừa đảo " * 10
    point = library.add(TalkingPoint(topic_id=filled["topic"].id, text=long))
    view = select(window, "talking_point", point.id)
    row = view.model.row_of(point.id)
    tip = view.model.index(row, view.model.column_of("text")).data(Qt.ItemDataRole.ToolTipRole)
    assert GuiQt.mightBeRichText(tip) and "&lt;kiên quyết&gt; &amp;" in tip  # rich text: wrapped, escaped
    status = view.model.index(row, view.model.column_of("status")).data(Qt.ItemDataRole.ToolTipRole)
    assert status is None


def test_a_new_topics_points_are_numbered_1_2_3_in_the_order_shown(qtbot, window, library, filled) -> None:
    topic = library.add(Topic(title="Chủ đề mới"))
    old_topic = filled["topic"].id
    old = [library.add(TalkingPoint(topic_id=old_topic, text=f"cũ {i}")) for i in range(3)]
    moved = [library.add(TalkingPoint(topic_id=old_topic, text=f"mới {i}")) for i in range(3)]
    for point in moved:  # as when points made in the wrong topic are moved to the right one
        library.update(TalkingPoint, point.id, topic_id=topic.id)
    library.delete(TalkingPoint, old[1].id)  # a gap in the stored positions: 1, 2, 4
    window.show_view("talking_point").refresh()
    window.show_view("talking_point", topic.id)
    view = window.current_view()
    settle(qtbot)
    column = view.model.column_of("position")
    numbers = [view.model.index(r, column).data() for r in range(view.model.rowCount())]
    assert numbers == ["1", "2", "3"]
    assert [view.model.record_at(r).text for r in range(3)] == ["mới 0", "mới 1", "mới 2"]
    view.filters.clear()  # all topics: each topic numbered from 1
    settle(qtbot)
    shown = [(view.model.record_at(r).topic_id, view.model.index(r, column).data()) for r in range(6)]
    assert [n for t, n in shown if t == topic.id] == ["1", "2", "3"]
    assert [n for t, n in shown if t == old_topic] == ["1", "2", "3"]


def test_a_new_item_takes_the_topic_or_event_in_view(qtbot, window, library: Library, filled) -> None:
    library.add(Topic(title="A first topic, alphabetically"))
    other = library.add(Topic(title="Tội phạm mạng"))
    point = library.add(TalkingPoint(topic_id=other.id, text="Đang làm việc ở đây"))
    window.show_view("talking_point")
    view = window.current_view()
    view.filters.clear()
    select(window, "talking_point", point.id)
    window.actions["new_item"].trigger()
    assert library.get(TalkingPoint, view.editor.item_id).topic_id == other.id
    event = library.add(Event(title="Hội nghị Viêng Chăn"))
    meeting = library.add(Meeting(event_id=event.id, title="Song phương với Lào"))
    select(window, "meeting", meeting.id)
    window.current_view().filters.set_choice("event_id", None)
    window.actions["new_item"].trigger()
    assert library.get(Meeting, window.current_view().editor.item_id).event_id == event.id


def test_new_points_take_the_default_drafted_by_from_preferences(
    qtbot, window, library, filled, monkeypatch
) -> None:
    def accept(settings, parent):
        dialog = preferences.PreferencesDialog(settings, parent)
        dialog.drafted_by.setText("  Vụ Hợp tác   quốc tế ")
        dialog.apply()
        return True

    monkeypatch.setattr(main_window, "edit_preferences", accept)
    window.actions["preferences"].trigger()
    assert window.settings.drafted_by == "Vụ Hợp tác quốc tế"
    window.show_view("talking_point", filled["topic"].id)
    window.actions["new_item"].trigger()
    assert library.get(TalkingPoint, window.current_view().editor.item_id).drafted_by == "Vụ Hợp tác quốc tế"


def test_the_organisation_picker_creates_a_missing_organisation(qtbot, window, library, filled, monkeypatch):
    from briefbook.library import Organisation, Person
    from briefbook.ui.editors import pickers

    def pick(parent, context, kind, exclude=()):
        dialog = pickers.ItemPicker(context, kind, parent, exclude)
        qtbot.addWidget(dialog)
        assert not dialog.create_button.isEnabled()  # nothing typed yet
        dialog.search.setText("  Bộ Ngoại giao   Lào ")
        assert dialog.create_button.isEnabled() and "Bộ Ngoại giao Lào" in dialog.create_button.text()
        dialog.create_button.click()
        return dialog.chosen_id

    monkeypatch.setattr(pickers, "pick_item", pick)
    view = select(window, "person", filled["person"].id)
    view.editor.field("organisation_id").choose()
    [made] = [o for o in library.list(Organisation) if o.name == "Bộ Ngoại giao Lào"]
    assert library.get(Person, filled["person"].id).organisation_id == made.id
    assert "Bộ Ngoại giao Lào" in view.editor.field("organisation_id").input.text()
    window.actions["undo"].trigger()  # the link
    window.actions["undo"].trigger()  # the new organisation
    assert library.count(Organisation) == 0


def test_the_editor_header_is_one_line_that_does_not_repeat_the_title(qtbot, window, library, filled) -> None:
    view = select(window, "topic", filled["topic"].id)
    header = view.editor.title
    height = header.height()
    assert "Công ước Hà Nội" not in header.text() and "Topic" in header.text()
    field = view.editor.field("title")
    field.input.setText("Một tiêu đề rất dài " * 12)
    field.flush()
    settle(qtbot)
    assert library.get(Topic, filled["topic"].id).title.startswith("Một tiêu đề rất dài")
    assert header.height() == height and not header.wordWrap()
    assert "Một tiêu đề rất dài" not in header.text()
