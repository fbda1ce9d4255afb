"""Screen readers: every input of the window, each editor, the composer and the export dialog is named
and described (asked through Qt's accessibility layer), and labels point at the inputs themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from briefbook.demo.loader import load_demo
from briefbook.library import Book, Library
from briefbook.ui import i18n
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.labels import KIND_ORDER
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.a11y import Input, undescribed, unnamed, walk


@pytest.fixture
def demo_window(qtbot, library: Library, library_path):
    load_demo(library)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    assert win.open_library(library_path)
    win.show()
    yield win
    win.close()


def _every_screen(window: MainWindow):
    """(what, inputs) for every view with its first item open in the editor, then the export dialog."""
    for kind in (*KIND_ORDER, "search"):
        view = window.show_view(kind)
        if kind == "search":
            view.search("lừa đảo")
        elif hasattr(view, "select") and view.model.rowCount():
            view.select(view.model.record_at(0).id)
        QApplication.processEvents()
        yield kind, walk(window)
    from briefbook.ui.backups_dialog import BackupsDialog
    from briefbook.ui.editors.pickers import ItemPicker
    from briefbook.ui.preferences import PreferencesDialog

    for what, make in (
        ("preferences", lambda: PreferencesDialog(window.settings, window)),
        ("picker", lambda: ItemPicker(window.context, "organisation", window)),
        ("backups", lambda: BackupsDialog(window)),
    ):
        other = make()
        other.show()
        yield what, walk(other)
        other.close()
        other.deleteLater()
    yield "help", walk(window.show_help())
    book = window.model.library.list(Book)[0]
    dialog = ExportDialog(window.context, book, False)
    dialog.show()
    try:
        yield "export dialog", walk(dialog)
    finally:
        dialog.close()
        dialog.deleteLater()


def _labels_point_at_inputs(root: QWidget) -> list[str]:
    wrong = []
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and (
            buddy.focusProxy() is not None or isinstance(getattr(buddy, "input", None), QWidget)
        ):
            wrong.append(f"{label.text()!r} -> {buddy.objectName() or type(buddy).__name__}")
    return wrong


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_input_is_named_and_described(qtbot, demo_window, language) -> None:
    i18n.apply_language(language)
    counted: list[Input] = []
    for what, found in _every_screen(demo_window):
        assert found, what
        assert unnamed(found) == [], what
        assert undescribed(found) == [], what
        assert _labels_point_at_inputs(demo_window) == [], what
        counted += found
    kinds = {type(i.widget).__name__ for i in counted}
    assert {"QLineEdit", "QComboBox", "MarkdownEdit", "QTableView", "QCheckBox", "QPushButton"} <= kinds
    assert len({id(i.widget) for i in counted}) > 150  # the walk saw the editors, not just the window


def test_names_follow_the_language(qtbot, demo_window) -> None:
    view = demo_window.show_view("person")
    view.select(view.model.record_at(0).id)
    name_input = view.editor.field("name").input
    i18n.apply_language("en")
    QApplication.processEvents()
    assert (name_input.accessibleName(), view.table.accessibleName()) == ("Name (as written)", "People")
    i18n.apply_language("vi")
    QApplication.processEvents()  # LanguageChange reaches the widgets as posted events
    assert name_input.accessibleName() not in ("", "Name (as written)")
    assert view.table.accessibleName() not in ("", "People")


def test_tab_goes_from_the_list_through_every_field_of_the_editor(qtbot, demo_window) -> None:
    for kind in ("person", "talking_point", "meeting"):
        view = demo_window.show_view(kind)
        view.select(view.model.record_at(0).id)
        wanted = {
            id(w.input)
            for w in view.editor.form.fields.values()
            if w.input.focusPolicy() & Qt.FocusPolicy.TabFocus
        }
        chain, widget = [], view.table.nextInFocusChain()
        while widget is not view.table and len(chain) < 2000:  # the order Tab follows
            chain.append(id(widget))
            widget = widget.nextInFocusChain()
        assert wanted <= set(chain), kind
