"""A struck-through word is kept struck when a talking point is opened and saved untouched.

The editor's reader was given CommonMark with tables only, so "~~ສົມພອນ~~" was read as
text with tildes, and the writer escaped the first tilde at the word's start: saved
untouched, the point held "\\~~ສົມພອນ~~", which the book prints as tildes, not struck.
"""

from __future__ import annotations

from tests.ui.test_markdown_literals import _reopened


def test_a_struck_name_is_saved_as_it_was_written(qtbot) -> None:
    stored = "Gặp ~~ສົມພອນ ວົງສາ~~ tại Viêng Chăn, **đã** hoãn."
    edit = _reopened(qtbot, stored)
    assert edit.toPlainText() == "Gặp ສົມພອນ ວົງສາ tại Viêng Chăn, đã hoãn."  # (shown struck)
    edit.document().setModified(True)  # (opened and saved: the writer runs)
    assert edit.markdown() == stored


def test_tildes_typed_as_text_stay_text(qtbot) -> None:
    stored = r"Khoảng \~5 km tới nhà ประเทศไทย, a~~b~~c"
    edit = _reopened(qtbot, stored)
    assert edit.toPlainText() == "Khoảng ~5 km tới nhà ประเทศไทย, a~~b~~c"
    edit.document().setModified(True)
    assert edit.markdown() == stored
