"""Vietnamese: the window retranslates at once, and no English is left on it."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import asdict
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTableView, QTreeWidget, QWidget

from briefbook.ui import i18n, main_window
from briefbook.ui.preferences import PreferencesDialog

TS = i18n.TRANSLATIONS_DIR / "briefbook_vi.ts"
ALLOWED = {"BriefBook", "•", "1.", "", "…"}


def visible_strings(root: QWidget) -> set[str]:
    """Every piece of interface text a user can see on ``root`` (menus included)."""
    found: set[str] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.add(widget.text())
        elif isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            found.update(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            found.update(
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
                if not widget.isColumnHidden(c)
            )
        elif isinstance(widget, QTreeWidget):
            found.update(widget.topLevelItem(i).text(0) for i in range(widget.topLevelItemCount()))
    for menu in root.menuBar().findChildren(QWidget):
        if hasattr(menu, "actions"):
            found.update(a.text() for a in menu.actions() if not a.isSeparator())
    found.update(m.title() for m in root.actions.menus.values())
    return {s for s in found if s.strip()}


def library_strings(library) -> set[str]:
    """Text that comes from the library itself (names, titles), the same in both languages."""
    out: set[str] = set()
    for kind in ("event", "meeting", "person", "organisation", "topic", "talking_point", "statement", "book"):
        for record in library.list(kind):
            out.update(str(v) for v in asdict(record).values())
            out.add(record.display_name)
    return out


def switch_language(window, monkeypatch, code: str) -> None:
    def accept(settings, parent):
        dialog = PreferencesDialog(settings, parent)
        dialog.language.setCurrentIndex(dialog.language.findData(code))
        dialog.apply()
        dialog.deleteLater()
        return True

    monkeypatch.setattr(main_window, "edit_preferences", accept)
    window.actions["preferences"].trigger()
    QCoreApplication.processEvents()  # Qt posts LanguageChange to every window


def test_switching_to_vietnamese_translates_the_whole_window(qtbot, window, monkeypatch, library, filled):
    views = {}
    for kind in ("talking_point", "meeting", "person"):
        view = window.show_view(kind)
        view.select(view.model.record_at(0).id)
        views[kind] = view
    english = set()
    for kind in views:
        window.show_view(kind)
        english |= visible_strings(window)
    switch_language(window, monkeypatch, "vi")
    assert window.settings.language == "vi"
    vietnamese = set()
    for kind in views:
        window.show_view(kind)
        vietnamese |= visible_strings(window)
    data = library_strings(library)
    untranslated = {s for s in english & vietnamese if s not in data and s not in ALLOWED}
    untranslated = {s for s in untranslated if not re.fullmatch(r"[\d\s/:.,()-]*", s)}
    assert untranslated == set()
    assert [m.title() for m in window.actions.menus.values()] == ["&Tệp", "&Sửa", "&Xem", "Trợ &giúp"]
    assert window.actions["undo"].text() == "&Hoàn tác" and window.actions["redo"].text() == "&Làm lại"
    sidebar = [window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())]
    assert sidebar == [
        "Sự kiện",
        "Cuộc gặp",
        "Nhân vật",
        "Tổ chức",
        "Chủ đề",
        "Luận điểm",
        "Phát biểu trước đây",
        "Tài liệu",
    ]
    model = window.show_view("talking_point").model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["STT", "Nội dung", "Chủ đề", "Loại", "Trạng thái", "Độ mật", "Ngôn ngữ"]
    assert model.data(model.index(0, model.column_of("status"))) == "Dự thảo"
    assert window.search_field.placeholderText().startswith("Tìm trong toàn bộ thư viện")

    switch_language(window, monkeypatch, "en")
    assert window.actions.menus["file"].title() == "&File"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Text"


def test_search_results_and_messages_in_vietnamese(qtbot, window, dialogs, filled):
    i18n.apply_language("vi")
    window.search_field.setText("lua dao")
    window.run_search()
    view = window.current_view()
    qtbot.waitUntil(lambda: not view.searching, timeout=60_000)
    assert view.heading.text().startswith(f"{view.model.rowCount()} kết quả cho")
    window.show_view("topic").select(filled["topic"].id)
    window.actions["delete"].trigger()
    assert dialogs.messages[-1][1].startswith("Chủ đề này vẫn còn luận điểm")


def test_every_string_has_a_vietnamese_translation():
    tree = ET.parse(TS)
    unfinished = [
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in tree.getroot().iter("context")
        for m in ctx.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []
    for name in ("briefbook_vi.qm", "briefbook_en.qm", "qt_vi.qm"):
        assert (i18n.TRANSLATIONS_DIR / name).stat().st_size > 100, name


def test_the_compiled_translations_are_those_of_the_sources(tmp_path):
    # Compare contents, not file times: a fresh clone writes files in any order.
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    for name in ("briefbook_vi", "briefbook_en", "qt_vi"):
        built = tmp_path / f"{name}.qm"
        subprocess.run(
            [str(lrelease), "-silent", str(i18n.TRANSLATIONS_DIR / f"{name}.ts"), "-qm", str(built)],
            check=True,
            capture_output=True,
        )
        committed = (i18n.TRANSLATIONS_DIR / f"{name}.qm").read_bytes()
        assert built.read_bytes() == committed, f"run resources/translations/build.sh ({name}.qm is stale)"


def test_qt_own_buttons_are_translated(qapp):
    from PySide6.QtCore import QCoreApplication

    i18n.apply_language("vi")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"
    assert QCoreApplication.translate("QWidgetTextControl", "&Paste") == "&Dán"
