"""Qt's own dialogs (file, print, page setup) speak Vietnamese in the Vietnamese window.

Qt ships no Vietnamese: resources/translations/qt_vi.ts holds ours. Each dialog is
opened in English and in Vietnamese; no word a user reads may stay the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)

from briefbook.ui import i18n
from briefbook.ui.library_files import _filter

_NOT_WORDS = {"...", "1 (1x1)", "2 (2x1)", "4 (2x2)", "6 (2x3)", "9 (3x3)", "16 (4x4)", "mm", "A4"}


def _texts(dialog: QWidget) -> set[str]:
    QApplication.processEvents()
    out = {dialog.windowTitle()}
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        if not widget.isVisibleTo(dialog):
            continue
        out |= {widget.toolTip(), widget.accessibleName()}
        if isinstance(widget, (QLabel, QAbstractButton)):
            out.add(widget.text())
        if isinstance(widget, QComboBox):
            out |= {widget.itemText(i) for i in range(widget.count())}
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            out |= {str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())}
    return {t for t in out if t and any(ch.isalpha() for ch in t) and t not in _NOT_WORDS}


def _file_dialogs(folder: str):
    for mode in (
        QFileDialog.FileMode.AnyFile,
        QFileDialog.FileMode.ExistingFile,
        QFileDialog.FileMode.Directory,
    ):
        dialog = QFileDialog(None, "", folder, _filter(None))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(mode)
        if mode == QFileDialog.FileMode.AnyFile:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        yield dialog


def _print_dialog(printer: QPrinter) -> QPrintDialog:
    dialog = QPrintDialog(printer)  # the printer must outlive the dialog
    dialog.show()
    for button in dialog.findChildren(QPushButton):
        if ">>" in button.text():
            button.click()  # the options: copies, pages, duplex...
    return dialog


def _every_page(dialog: QWidget) -> set[str]:
    seen = _texts(dialog)
    for tabs in dialog.findChildren(QTabWidget):
        for page in range(tabs.count()):
            tabs.setCurrentIndex(page)
            seen |= _texts(dialog)
    return seen


def test_file_and_print_dialogs_are_in_vietnamese(qtbot, tmp_path) -> None:
    shown = {}
    for language in ("en", "vi"):
        i18n.apply_language(language)
        QApplication.processEvents()
        texts = []
        for dialog in _file_dialogs(str(tmp_path)):
            dialog.show()
            texts.append(_every_page(dialog))
            dialog.close()
        printer = QPrinter()
        printing = _print_dialog(printer)
        texts.append(_every_page(printing))
        printing.close()
        printing.deleteLater()
        QApplication.processEvents()
        del printer
        shown[language] = texts
    for english, vietnamese in zip(shown["en"], shown["vi"], strict=True):
        left = sorted((english & vietnamese) - {str(tmp_path), tmp_path.name})
        assert left == [], left
        assert len(english) > 8  # the dialog really showed its words
