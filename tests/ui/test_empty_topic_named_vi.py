"""The preflight line naming a topic with nothing to print reads in Vietnamese in the window
(tests/assemble/test_empty_topic_named.py says when it is named)."""

from __future__ import annotations

from briefbook.assemble import preflight
from briefbook.library import Library, Topic
from briefbook.library.books import new_book
from briefbook.ui import i18n
from briefbook.ui.composer.warnings import warning_text


def test_the_window_says_it_in_vietnamese(qapp, library: Library, filled: dict) -> None:
    empty = library.add(Topic(title="Bảo hộ công dân"))
    library.link_topic(filled["meeting"].id, empty.id)
    book = new_book(library, filled["event"].id, title="Sổ tay", language="vi")
    (warning,) = [w for w in preflight(library, book) if w.code == "topic_without_content"]
    try:
        i18n.apply_language("vi")
        said = warning_text(warning)
    finally:
        i18n.apply_language("en")
    assert said == (
        "Chủ đề “Bảo hộ công dân” chưa có luận điểm hay thông tin nền nào để in; chủ đề này bị bỏ ra."
    )
