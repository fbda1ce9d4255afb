"""The exchange windows and the newer core messages in Vietnamese: no English word left.

Import preview, package preview and conflict view are opened in English and in
Vietnamese; every text a user reads on them (title, labels, buttons, column
headers, tree rows, the panes' field names) must differ, except what comes
from the library or the file itself.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from briefbook.library import Event, Library, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.ui import i18n
from briefbook.ui.exchange import package_preview
from briefbook.ui.exchange.conflict_view import ConflictDialog
from briefbook.ui.exchange.import_preview import IMPORT_FILTER, ImportDialog
from briefbook.ui.exchange.package_preview import PackageDialog, plan_in_background
from briefbook.ui.messages import user_message
from tests.ui.test_exchange_dialogs import ARTICLE, _conflicting
from tests.ui.test_language import library_strings

_NOT_WORDS = {"", "BriefBook", "VOV"}


def _rows(item: QTreeWidgetItem, columns: tuple[int, ...]) -> list[str]:
    out = [item.text(c) for c in columns]
    for n in range(item.childCount()):
        out += _rows(item.child(n), columns)
    return out


def _texts(dialog: QWidget, data_columns: tuple[int, ...] = (2,)) -> set[str]:
    """What the user reads on ``dialog``, without the columns that show the items' own text."""
    found = {dialog.windowTitle()}
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.add(widget.text())
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            found.update(header.text(c) for c in range(header.columnCount()))
            shown = tuple(c for c in range(widget.columnCount()) if c not in data_columns)
            for n in range(widget.topLevelItemCount()):
                found.update(_rows(widget.topLevelItem(n), shown))
    return {t for t in found if t.strip() and any(ch.isalpha() for ch in t)}


def _english_left(english: set[str], vietnamese: set[str], data: set[str]) -> set[str]:
    same = {t for t in english & vietnamese if t not in _NOT_WORDS and t not in data}
    return {t for t in same if not re.fullmatch(r"[\w.-]+\.(txt|bbpkg)", t)}


def test_import_preview_is_all_vietnamese(window, library, qtbot) -> None:
    def opened() -> tuple[set[str], ImportDialog]:
        dialog = ImportDialog(window, ARTICLE)
        qtbot.addWidget(dialog)
        return _texts(dialog) | set(dialog.messages.text().split("\n")), dialog

    i18n.apply_language("en")
    english, dialog = opened()
    assert "new person" in english  # the article names people the library does not hold
    assert any("captions, bylines and headings" in t for t in english)
    i18n.apply_language("vi")
    try:
        vietnamese, dialog = opened()
        assert _english_left(english, vietnamese, library_strings(library)) == set()
        assert "nhân vật mới" in vietnamese
        assert any("không được lấy làm phát biểu" in t for t in vietnamese)
        assert dialog.windowTitle().startswith("Nhập ")
    finally:
        i18n.apply_language("en")


def test_package_preview_and_conflict_view_are_all_vietnamese(
    window, library, filled, qtbot, tmp_path
) -> None:
    package = _conflicting(library, filled, tmp_path)
    library.update(TalkingPoint, filled["point"].id, kind="press_line")

    def preview() -> set[str]:
        dialog = PackageDialog(window, plan_in_background(library.path, package, window))
        qtbot.addWidget(dialog)
        return _texts(dialog)

    def conflicts() -> tuple[set[str], str]:
        dialog = ConflictDialog(window)
        qtbot.addWidget(dialog)
        panes = dialog.mine.toPlainText() + "\n" + dialog.theirs.toPlainText()
        return _texts(dialog), panes

    i18n.apply_language("en")
    english = preview()
    dialog = PackageDialog(window, plan_in_background(library.path, package, window))
    qtbot.addWidget(dialog)
    dialog.apply()
    english_view, english_panes = conflicts()
    i18n.apply_language("vi")
    try:
        vietnamese = preview()
        vietnamese_view, panes = conflicts()
        data = library_strings(library)
        assert _english_left(english, vietnamese, data) == set()
        assert _english_left(english_view, vietnamese_view, data) == set()
        assert "Press line" in english_panes and "key_message" not in english_panes
        assert "press_line" not in panes and "Text" not in panes
        assert "Nội dung" in panes and "Tiếng Việt" in panes and "\nvi\n" not in panes
        assert QCoreApplication.translate("Exchange", package_preview.PACKAGE_FILTER).startswith(
            "Gói dữ liệu"
        )
        assert QCoreApplication.translate("Exchange", IMPORT_FILTER).startswith("Văn bản")
    finally:
        i18n.apply_language("en")


def test_the_new_core_messages_come_out_in_vietnamese(qapp) -> None:
    english = {
        "new person": "nhân vật mới",
        "7 captions, bylines and headings were not taken as statements.": "7 chú thích ảnh",
        "No reported or quoted speech was found in bai.txt.": "Không tìm thấy",
        "ghi.csv: 'Top' is not a level here; imported as Secret.": "không phải là độ mật",
        "2 meetings": "2 cuộc gặp",
        "1 statement's speaker": "1 phát biểu mất người phát biểu",
        "x.docx is not a Word document (.docx); BriefBook cannot read it.": "không phải là văn bản Word",
        "There is no package file at /tmp/b.bbpkg.": "Không có tệp gói dữ liệu",
        "left out the trigger 'wipe'": "đã bỏ trigger 'wipe'",
        "Talking point “Giữ kín” is Confidential, above the ceiling (Internal); left out.": (
            "có độ mật Mật, cao hơn mức tối đa (Nội bộ)"
        ),
        "This talking point was changed in another window or program (at 2026-12-01 10:00 UTC) after you "
        "started editing it, so your change was not saved. The other version: text: «Bản khác». "
        "Look at it, then make your change again.": "Phiên bản kia: Nội dung: «Bản khác»",
    }
    i18n.apply_language("vi")
    try:
        for text, start in english.items():
            out = user_message(text)
            assert start in out, (text, out)
            assert out != text
    finally:
        i18n.apply_language("en")
    # English keeps the core's own words (the templates say "This item", "meeting(s)").
    for text in english:
        assert user_message(text) == text


def test_the_delete_question_and_a_refused_edit_in_vietnamese(window, dialogs, library, filled, library_path):
    i18n.apply_language("vi")
    try:
        new_book(library, filled["event"].id)
        assert window.show_view("event").select(filled["event"].id)
        dialogs.delete_answer = False
        window.actions["delete"].trigger()
        question = dialogs.delete_questions[0]  # it names the book by its title
        assert "1 cuộc gặp" in question and "tài liệu “Tài liệu chuẩn bị: " in question
        assert "xóa" not in question.lower()  # one spelling in one question (xoá, as the window writes it)
        assert "meeting" not in question and library.count(Event) == 1
        topic = filled["topic"]
        view = window.show_view("topic")
        assert view.select(topic.id)
        with Library.open(library_path, backup=False) as other:
            other.update(Topic, topic.id, title="Của cửa sổ khác")
        field = view.editor.field("title")
        field.input.setText("Của tôi")
        field.flush()
        assert field.error.startswith("Mục này đã được sửa ở một cửa sổ hoặc chương trình khác")
        assert "Tiêu đề: «Của cửa sổ khác»" in field.error and "title" not in field.error
    finally:
        i18n.apply_language("en")
