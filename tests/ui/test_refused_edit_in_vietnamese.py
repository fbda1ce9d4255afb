"""The words of an edit refused as stale are translated in the Vietnamese window.

They moved from the editor (context RecordEditor) to ``refused_edit`` (context
RefusedEdit) with the code that says them; the .ts context moved with them."""

from __future__ import annotations

from briefbook.library import Library, Topic
from briefbook.ui import i18n


def test_the_vietnamese_window_says_where_a_refused_edit_is_kept(
    qtbot, window, dialogs, library, filled, library_path
):
    topic = filled["topic"]
    view = window.show_view("topic")
    assert view.select(topic.id)
    i18n.apply_language("vi")
    try:
        with Library.open(library_path, backup=False) as other:
            other.update(Topic, topic.id, title="ຫົວຂໍ້ອື່ນ", background="Nền của cửa sổ khác")
        background = view.editor.field("background")
        background.edit.selectAll()
        background.edit.insertPlainText("Nền của tôi: ສະຖານທູດ ລາວ")
        background.flush()
        assert "Văn bản của bạn vẫn được giữ: Lịch sử… hiển thị nó" in background.error
        title = view.editor.field("title")
        with Library.open(library_path, backup=False) as other:
            other.update(Topic, topic.id, title="ຫົວຂໍ້ ສອງ")
        typed = "Tiêu đề của tôi " + "x" * 300
        title.input.setText(typed)
        title.flush()
        assert f"Nội dung bạn đã gõ: «{typed[:200]}…»." in title.error  # (quoted up to 200 characters)
    finally:
        i18n.apply_language("en")
