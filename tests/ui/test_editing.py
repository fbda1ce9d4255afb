"""Editing as a user does: every edit saved at once, and every change undoable."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QMimeData, Qt

from briefbook.library import Event, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.ui.editors import editor as editor_module
from briefbook.ui.editors import photo as photo_module
from briefbook.ui.editors.rich_text import markdown_from_html, normalise_markdown
from tests.ui.conftest import rows_arrived


def select(window, kind, item_id):
    view = window.show_view(kind)
    assert view.select(item_id)
    assert view.editor.item_id == item_id
    return view


def undo(window):
    window.actions["undo"].trigger()


def redo(window):
    window.actions["redo"].trigger()


def type_into(qtbot, line_edit, text):
    """Type ``text`` and press Enter (QTest types ASCII only: the text is inserted, Enter is a key)."""
    line_edit.setFocus()
    line_edit.selectAll()
    line_edit.insert(text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_edit_a_talking_point_then_undo_and_redo(qtbot, window, library, filled):
    point = filled["point"]
    view = select(window, "talking_point", point.id)
    text = view.editor.field("text")
    text.edit.moveCursor(text.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(text.edit, " ")
    text.edit.textCursor().insertText("Thêm câu mới.")
    text.flush()  # what focus-out or the pause in typing does
    edited = library.get(TalkingPoint, point.id).text
    assert edited == "Việt Nam kiên quyết chống **lừa đảo** trực tuyến. Thêm câu mới."
    status = view.editor.field("status")
    status.input.setCurrentIndex(status.input.findData("cleared"))
    status.input.activated.emit(status.input.currentIndex())
    assert library.get(TalkingPoint, point.id).status == "cleared"
    assert view.model.data(view.model.index(0, view.model.column_of("status"))) == "Cleared"

    undo(window)
    assert library.get(TalkingPoint, point.id).status == "draft"
    assert status.value() == "draft"
    undo(window)
    assert library.get(TalkingPoint, point.id).text == point.text
    assert "Thêm câu mới" not in text.edit.toPlainText()
    redo(window)
    assert library.get(TalkingPoint, point.id).text == edited
    assert "Thêm câu mới" in text.edit.toPlainText()
    assert window.actions["undo"].text().startswith("&Undo")


def test_required_field_and_bad_values_are_shown_at_the_field(qtbot, window, library, filled):
    view = select(window, "event", filled["event"].id)
    title = view.editor.field("title")
    type_into(qtbot, title.input, " ")
    title.input.clear()
    title.flush()
    assert title.error == "Title cannot be empty."
    assert library.get(Event, filled["event"].id).title == filled["event"].title
    start = view.editor.field("start_date")
    type_into(qtbot, start.input, "31/02/2025")
    assert "17/12/2025" in start.error
    type_into(qtbot, start.input, "17/12/2025")
    assert start.error == ""
    assert library.get(Event, filled["event"].id).start_date == "2025-12-17"
    assert start.input.text() == "17/12/2025"


def test_a_value_the_library_refuses_is_shown_at_its_field(qtbot, window, library, filled):
    view = select(window, "person", filled["person"].id)
    name = view.editor.field("name")
    type_into(qtbot, name.input, "x" * 400)
    assert "too long" in name.error
    assert name.input.styleSheet()  # the red border
    assert library.get(Person, filled["person"].id).name == "Lê Anh Tuấn"


def test_delete_and_undo_brings_everything_back(qtbot, window, library, filled):
    view = select(window, "event", filled["event"].id)
    window.actions["delete"].trigger()
    assert library.count(Event) == 0 and library.count(Meeting) == 0
    assert view.model.rowCount() == 0 and view.editor.item_id is None  # its row goes at once
    undo(window)
    assert library.get(Meeting, filled["meeting"].id).title == "Phiên khai mạc"
    assert [p.person.id for p in library.participants(filled["meeting"].id)] == [filled["thai"].id]
    rows_arrived(view)
    assert view.model.rowCount() == 1
    redo(window)
    assert library.count(Event) == 0


def test_deleting_a_topic_with_points_explains_why_not(window, dialogs, library, filled):
    select(window, "topic", filled["topic"].id)
    window.actions["delete"].trigger()
    assert dialogs.messages and "still has talking points" in dialogs.messages[0][1]
    assert library.count(Topic) == 1


def test_new_item_is_created_in_the_chosen_topic_and_undone(qtbot, window, library, filled):
    window.show_view("talking_point", filled["topic"].id)
    window.actions["new_item"].trigger()
    view = window.current_view()
    created = library.get(TalkingPoint, view.editor.item_id)
    assert created.topic_id == filled["topic"].id and created.text == "New talking point"
    undo(window)
    assert library.count(TalkingPoint) == 1


def test_link_a_participant_change_role_and_undo(qtbot, window, dialogs, library, filled):
    meeting = filled["meeting"].id
    view = select(window, "meeting", meeting)
    panel = view.editor.form.panels[0]
    dialogs.pick.append(filled["person"].id)
    panel.add_button.click()
    people = {p.person.id: p.role for p in library.participants(meeting)}
    assert people == {filled["thai"].id: "counterpart", filled["person"].id: "counterpart"}
    assert panel.table.rowCount() == 2
    combo = panel.table.cellWidget(1, 0 + 1)
    combo.setCurrentIndex(combo.findData("delegation"))
    combo.activated.emit(combo.currentIndex())
    assert {p.person.id: p.role for p in library.participants(meeting)}[filled["person"].id] == "delegation"
    undo(window)
    assert {p.person.id: p.role for p in library.participants(meeting)}[filled["person"].id] == "counterpart"
    undo(window)
    assert [p.person.id for p in library.participants(meeting)] == [filled["thai"].id]
    assert panel.table.rowCount() == 1
    panel.table.selectRow(0)
    panel.remove_button.click()
    assert library.participants(meeting) == []
    undo(window)
    assert library.participants(meeting)[0].role == "counterpart"


def test_delegation_topics_and_speaker(qtbot, window, dialogs, library, filled):
    view = select(window, "event", filled["event"].id)
    delegation = view.editor.form.panels[0]
    dialogs.pick.append(filled["thai"].id)
    delegation.add_button.click()
    assert len(library.delegation(filled["event"].id)) == 2
    statement = library.add(Statement(text="Một phát biểu"))
    view = select(window, "statement", statement.id)
    topics = view.editor.form.panels[0]
    dialogs.pick.append(filled["topic"].id)
    topics.add_button.click()
    assert [t.id for t in library.statement_topics(statement.id)] == [filled["topic"].id]
    dialogs.pick.append(filled["thai"].id)
    view.editor.field("speaker_id").choose_button.click()
    stored = library.get(Statement, statement.id)
    assert stored.speaker_id == filled["thai"].id and stored.speaker_name == "สีหศักดิ์ พวงเกตุแก้ว"
    undo(window)
    undo(window)
    assert library.statement_topics(statement.id) == []
    assert library.get(Statement, statement.id).speaker_id is None


def test_reorder_by_drag_and_drop_and_undo(qtbot, window, library, filled):
    topic = filled["topic"].id
    second = library.add(TalkingPoint(topic_id=topic, text="Thứ hai"))
    third = library.add(TalkingPoint(topic_id=topic, text="Thứ ba"))
    view = window.show_view("talking_point", topic)
    model = view.model
    assert model.can_reorder() and model.rowCount() == 3
    mime = model.mimeData([model.index(2, 0)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0).parent())
    order = [p.id for p in library.list(TalkingPoint, where={"topic_id": topic}, order_by="position")]
    assert order == [third.id, filled["point"].id, second.id]
    rows_arrived(view)
    assert model.record_at(0).id == third.id
    undo(window)
    order = [p.id for p in library.list(TalkingPoint, where={"topic_id": topic}, order_by="position")]
    assert order == [filled["point"].id, second.id, third.id]
    rows_arrived(view)
    assert model.record_at(0).id == filled["point"].id


def _jpeg(size=(60, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def test_create_a_person_with_a_photo(qtbot, window, monkeypatch, library, tmp_path):
    view = window.show_view("person")
    window.actions["new_item"].trigger()
    person_id = view.editor.item_id
    type_into(qtbot, view.editor.field("name").input, "Nguyễn Thị Mai")
    assert library.get(Person, person_id).name == "Nguyễn Thị Mai"
    picture = tmp_path / "mai.jpg"
    picture.write_bytes(_jpeg())
    monkeypatch.setattr(photo_module, "choose_photo_file", lambda parent: str(picture))
    panel = view.editor.form.photo
    panel.choose_button.click()
    assert library.photo(person_id) is not None
    assert not panel.picture.pixmap().isNull() and panel.remove_button.isEnabled()
    not_a_picture = tmp_path / "notes.txt"
    not_a_picture.write_text("hello")
    monkeypatch.setattr(photo_module, "choose_photo_file", lambda parent: str(not_a_picture))
    panel.choose_button.click()
    assert panel.error_label.text() == "This file is not a picture BriefBook can read, or it is damaged."
    undo(window)  # the photo
    assert library.photo(person_id) is None


def test_photo_dropped_or_pasted(qtbot, window, library, filled, tmp_path):
    view = select(window, "person", filled["person"].id)
    panel = view.editor.form.photo
    mime = QMimeData()
    from PySide6.QtGui import QImage

    image = QImage(40, 50, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkBlue)
    mime.setImageData(image)
    from briefbook.ui.editors.photo import image_bytes

    panel.set_photo(image_bytes(mime))
    assert library.photo(filled["person"].id)
    qapp_clipboard = qtbot  # noqa: F841 (the clipboard is shared: set it, then paste)
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setImage(image)
    panel.paste_button.click()
    assert panel.error_label.text() == ""


def test_paste_from_word_keeps_bold_lists_links_and_drops_the_rest(qapp):
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        '<h1>Tiêu đề</h1><p style="font-family:Arial;color:red"><b>Đậm</b> và <i>nghiêng</i> '
        '<a href="https://mofa.gov.vn">liên kết</a> a &lt; b\x07</p>'
        '<img src="file:///tmp/x.png"><ul><li>một</li><li>hai</li></ul>'
        "<table><tr><td>ô 1</td><td>ô 2</td></tr></table></body></html>"
    )
    markdown = markdown_from_html(html)
    assert "**Tiêu đề**" in markdown
    assert "**Đậm** và *nghiêng* [liên kết](https://mofa.gov.vn) a < b" in markdown
    assert "- một\n- hai" in markdown
    assert "ô 1 – ô 2" in markdown
    assert "png" not in markdown and "Arial" not in markdown and "\x07" not in markdown
    assert normalise_markdown("one\ntwo\n\n- a\n- b\n") == "one two\n\n- a\n- b"


def test_paste_into_the_editor(qtbot, window, library, filled):
    view = select(window, "topic", filled["topic"].id)
    field = view.editor.field("background")
    mime = QMimeData()
    mime.setHtml('<p><b>Quan trọng</b> <span style="color:red">đỏ</span></p>')
    field.edit.moveCursor(field.edit.textCursor().MoveOperation.End)
    field.edit.insertFromMimeData(mime)
    plain = QMimeData()
    plain.setText(" tab\there\x00")
    field.edit.insertFromMimeData(plain)
    field.flush()
    stored = library.get(Topic, filled["topic"].id).background
    assert "**Quan trọng**" in stored and "\x00" not in stored and "color" not in stored


def test_revisions_restore_and_undo(qtbot, window, monkeypatch, library, filled):
    topic = filled["topic"].id
    library.update(Topic, topic, background="Phiên bản hai")
    library.update(Topic, topic, background="Phiên bản ba")
    view = select(window, "topic", topic)
    field = view.editor.field("background")
    shown = {}

    def choose(parent, context, kind, item_id, name):
        from briefbook.ui.revisions import RevisionsDialog  # (the editor loads it when asked)

        dialog = RevisionsDialog(context.library.revisions(kind, item_id, name), kind, name, parent)
        shown["rows"] = dialog.list.count()
        shown["preview"] = dialog.preview.toPlainText()
        dialog.list.setCurrentRow(1)
        chosen = dialog.chosen
        dialog.deleteLater()
        return chosen

    monkeypatch.setattr(editor_module, "choose_revision", choose)
    field.buttons["history"].click()
    assert shown == {"rows": 2, "preview": "Phiên bản hai"}
    assert library.get(Topic, topic).background == "Hợp tác ở Đông Nam Á"
    assert field.edit.toPlainText() == "Hợp tác ở Đông Nam Á"
    undo(window)
    assert library.get(Topic, topic).background == "Phiên bản ba"


def test_pending_edit_is_saved_when_the_window_closes(qtbot, window, library, filled):
    view = select(window, "person", filled["person"].id)
    field = view.editor.field("country")
    field.input.setText("Việt Nam")  # typed, never left the field
    window.close()
    from briefbook.library import Library

    with Library.open(library.path) as fresh:
        assert fresh.get(Person, filled["person"].id).country == "Việt Nam"


def test_every_editor_has_every_field(window, filled):
    from briefbook.library.records import RECORD_TYPES
    from briefbook.ui.collection_view import CollectionView
    from briefbook.ui.editors.form import HIDDEN

    for kind, cls in RECORD_TYPES.items():
        view = window.show_view(kind)
        if not isinstance(view, CollectionView):  # the Books view is the composer's
            continue
        items = view.model.record_at(0)
        if items is None:
            continue
        view.select(items.id)
        expected = [f for f in cls.data_fields() if (kind, f) not in HIDDEN]
        assert list(view.editor.form.fields) == expected, kind
        for name, label in view.editor.form.labels.items():
            assert label.text(), name


def test_the_person_editor_lists_their_meetings_with_us(qtbot, window, library, filled):
    view = select(window, "person", filled["thai"].id)
    panel = next(p for p in view.editor.form.panels if p.objectName() == "meetingsPanel")
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts == ["Phiên khai mạc (Counterpart)"]  # undated: title and role
    library.update(Meeting, filled["meeting"].id, starts_at="2025-12-17T09:00")
    view = select(window, "person", filled["person"].id)
    panel = next(p for p in view.editor.form.panels if p.objectName() == "meetingsPanel")
    assert panel.list.item(0).text() == "No meetings yet."
    view = select(window, "person", filled["thai"].id)
    panel = next(p for p in view.editor.form.panels if p.objectName() == "meetingsPanel")
    assert panel.list.item(0).text() == "17/12/2025 — Phiên khai mạc (Counterpart)"
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.list.itemActivated.emit(panel.list.item(0))
    assert opened.args == ["meeting", filled["meeting"].id]


def test_the_date_fields_read_dates_as_the_library_does():
    # One reading of a typed date: what the editor accepts, the Library stores.
    from briefbook.library import rules
    from briefbook.ui.editors import fields

    assert fields.normalise_date is rules.normalise_date
