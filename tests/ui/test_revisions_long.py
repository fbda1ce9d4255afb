"""The history of a talking point holding a whole report (1 MB): the earlier versions' dialog
opens a long version a piece at a time, as the editor does, and restores it whole."""

from __future__ import annotations

import pytest

from briefbook.library import TalkingPoint, Topic
from briefbook.ui.revisions import RevisionsDialog
from tests.ui.test_long_text import THAI, VIETNAMESE, report


def _point_with_history(library, text: str) -> TalkingPoint:
    topic = library.add(Topic(title="ความร่วมมือ — hợp tác"))
    point = library.add(TalkingPoint(topic_id=topic.id, kind="key_message", text=text, status="draft"))
    library.update(TalkingPoint, point.id, text="Bản ngắn.")  # the report is now a version
    library.update(TalkingPoint, point.id, text="Bản ngắn, sửa lại.")
    return point


def test_a_long_version_is_shown_in_pieces_whole_and_another_chosen_meanwhile_stops_it(qtbot, library):
    text = report(THAI, 999_000)
    point = _point_with_history(library, text)
    revisions = library.revisions(TalkingPoint, point.id, "text")
    assert [r.value for r in revisions] == ["Bản ngắn.", text]
    dialog = RevisionsDialog(revisions, "talking_point", "text")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preview.toPlainText() == "Bản ngắn."
    assert dialog.list.item(1).text().endswith(text[:60] + "…")  # its line: the start of it
    dialog.list.setCurrentRow(1)
    assert dialog.opening  # not laid out at once
    dialog.list.setCurrentRow(0)  # another version chosen before it is whole
    assert not dialog.opening and dialog.preview.toPlainText() == "Bản ngắn."
    qtbot.wait(50)
    assert dialog.preview.toPlainText() == "Bản ngắn."  # no piece of the long one comes later
    with qtbot.waitSignal(dialog.shown, timeout=120_000):
        dialog.list.setCurrentRow(1)
    document = dialog.preview.document()
    assert document.blockCount() > 100
    assert dialog.preview.toPlainText().replace("\n", " ") == text
    assert dialog.chosen.value == text


@pytest.fixture
def window_on_history(qtbot, library, library_path):
    from tests.ui.conftest import main_window_on

    text = report(VIETNAMESE, 999_000)
    point = _point_with_history(library, text)
    with main_window_on(qtbot, library_path) as window:
        yield window, point, text


def test_a_long_version_restored_from_the_window_is_the_whole_text(
    qtbot, library, window_on_history, monkeypatch
):
    from briefbook.ui.editors import editor as editor_module

    window, point, text = window_on_history
    seen = {}

    def choose(parent, context, kind, item_id, name):
        dialog = RevisionsDialog(context.library.revisions(kind, item_id, name), kind, name, parent)
        dialog.list.setCurrentRow(1)
        qtbot.waitUntil(lambda: not dialog.opening, timeout=120_000)
        seen["preview"] = dialog.preview.toPlainText().replace("\n", " ")
        chosen = dialog.chosen
        dialog.deleteLater()
        return chosen

    monkeypatch.setattr(editor_module, "choose_revision", choose)
    view = window.show_view("talking_point")
    assert view.select(point.id)
    field = view.editor.field("text")
    field.buttons["history"].click()
    assert seen["preview"] == text
    assert library.get(TalkingPoint, point.id).text == text
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=120_000)
    assert field.edit.markdown() == text
