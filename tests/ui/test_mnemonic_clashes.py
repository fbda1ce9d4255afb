"""No two controls of the main window, or of any dialog, answer the same Alt+letter, in English and
in Vietnamese: every view, every tab of the composer, every dialog the window opens, and the
items of each menu and of the lists' right-click menus.

Found: in the composer, Alt+M (vi) went to both "Tài liệu &mới" (new book) and "Thê&m"
(add a section), and the other clashes this test lists on the code before it; in the File
menu, "E&xport book…" and "Import pasted te&xt…" shared X, Edit's "&Undo" and "D&uplicate" U,
and so did a list's right-click "D&uplicate" and "Move &up".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from briefbook.demo.loader import load_demo
from briefbook.library import Book, Library
from briefbook.ui import i18n
from briefbook.ui.composer.meeting_panel import ChoiceList
from briefbook.ui.labels import KIND_ORDER
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.conftest import _deleted
from tests.ui.mnemonics import clashes, menu_clashes, menu_item_clashes, mnemonics


@pytest.fixture
def demo_window(qtbot, library: Library, library_path: Path):
    load_demo(library)
    win = MainWindow(Settings())
    win.resize(1400, 900)
    assert win.open_library(library_path)
    win.show()
    win.install_extensions()
    yield win
    composer = win.views.get("book")
    if composer is not None:
        composer.analyzer.shutdown()
    _deleted(win)


def _screens(qtbot, window: MainWindow):
    """(what, widget) for every view of the window with its first item in the editor, each tab
    and kind of section of the composer, and every dialog."""
    for kind in KIND_ORDER:
        view = window.show_view(kind)
        if kind != "book":
            qtbot.waitUntil(lambda v=view: v.model.rowCount() > 0, timeout=30_000)  # read off the GUI thread
            assert view.select(view.model.record_at(0).id)
        QApplication.processEvents()
        yield kind, window
    window.show_view("search").search("lừa đảo")
    QApplication.processEvents()
    yield "search", window
    composer = window.show_view("book")
    for i in range(composer.tabs.count()):
        composer.tabs.setCurrentIndex(i)
        for row in range(composer.model.rowCount()):  # each kind of section's contents
            section = composer.model.index(row, 0)
            for index in (section, composer.model.index(0, 0, section)):  # and its first item
                if index.isValid():
                    composer.tree.setCurrentIndex(index)
                    QApplication.processEvents()
                    yield f"composer tab {i}, section {row}", window
    yield from _dialogs(window)


def _dialogs(window: MainWindow):
    from briefbook.exchange.packages import export_package
    from briefbook.library.revisions import Revision  # noqa: F401  (its type, for the dialog)
    from briefbook.ui.backups_dialog import BackupsDialog
    from briefbook.ui.composer.book_bar import CopyBookDialog
    from briefbook.ui.composer.new_book_dialog import NewBookDialog
    from briefbook.ui.composer.text_section import TextSectionDialog
    from briefbook.ui.editors.pickers import ItemPicker
    from briefbook.ui.exchange.conflict_view import ConflictDialog
    from briefbook.ui.exchange.import_preview import ImportDialog
    from briefbook.ui.exchange.package_export import PackageExportDialog
    from briefbook.ui.exchange.package_preview import PackageDialog, plan_in_background
    from briefbook.ui.exchange.paste_text import PasteTextDialog
    from briefbook.ui.export_dialog import ExportDialog
    from briefbook.ui.preferences import PreferencesDialog
    from briefbook.ui.quick_jump import QuickJump
    from briefbook.ui.revisions import RevisionsDialog

    library = window.model.library
    book = library.list(Book)[0]
    package = Path(library.path).parent / "gói.bbpkg"
    export_package(library, [book.event_id], package)
    makers = {
        "package": lambda: PackageDialog(window, plan_in_background(library.path, package, window)),
        "export": lambda: ExportDialog(window.context, book, False),
        "preferences": lambda: PreferencesDialog(window.settings, window),
        "picker": lambda: ItemPicker(window.context, "organisation", window),
        "backups": lambda: BackupsDialog(window),
        "new book": lambda: NewBookDialog(library, book.event_id, "vi", window),
        "copy book": lambda: CopyBookDialog(library, book, window),
        "text section": lambda: TextSectionDialog("Ghi chú", window),
        "paste text": lambda: PasteTextDialog(window),
        "package export": lambda: PackageExportDialog(window, library, book.event_id),
        "import": lambda: ImportDialog(
            window, None, text="Lập trường của Việt Nam\n\n- Điểm một\n- Điểm hai"
        ),
        "conflicts": lambda: ConflictDialog(window),
        "revisions": lambda: RevisionsDialog([], "person", "biography", window),
        "quick jump": lambda: QuickJump(window.context, window),
    }
    for what, make in makers.items():
        dialog: QWidget = make()
        dialog.show()
        QApplication.processEvents()
        try:
            yield what, dialog
        finally:
            dialog.close()
            dialog.deleteLater()
    yield "help", window.show_help()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_two_controls_share_an_alt_letter(qtbot, demo_window, language) -> None:
    i18n.apply_language(language)
    QApplication.processEvents()
    found: dict[str, str] = {}  # each clash once, with the first screen that shows it
    keys: dict[str, int] = {}  # how many Alt letters each screen has (the walk saw them)
    for what, root in _screens(qtbot, demo_window):
        keys[what] = len(mnemonics(root))
        for clash in clashes(root):
            found.setdefault(clash, what)
    for clash in menu_clashes(demo_window):
        found.setdefault(clash, "menus")
    for kind in (*KIND_ORDER, "search"):  # each list's right-click menu
        view = demo_window.show_view(kind)
        item_menu = getattr(view, "item_menu", None)
        if item_menu is not None:
            for clash in menu_item_clashes(item_menu.menu(), f"{kind}'s item menu"):
                found.setdefault(clash, kind)
    for clash in menu_item_clashes(demo_window.sidebar.item_menu.menu(), "the sidebar's item menu"):
        found.setdefault(clash, "sidebar")
    composer = demo_window.show_view("book")  # the composer's right-click menus
    composer.tabs.setCurrentIndex(1)  # a brief's choices show there
    briefs = 0
    for row in range(composer.model.rowCount()):
        section = composer.model.index(row, 0)
        for index in (section, composer.model.index(0, 0, section)):
            if not index.isValid():
                continue
            menu = composer.sections_panel.context_menu(index)
            for clash in menu_item_clashes(menu, "the sections' menu"):
                found.setdefault(clash, f"composer, section {row}")
            if composer.meeting_panel.isVisibleTo(composer):
                for choices in composer.meeting_panel.findChildren(ChoiceList):
                    if choices.list.count():
                        briefs += 1
                        menu = choices.context_menu(choices.list.item(0))
                        for clash in menu_item_clashes(menu, "a brief's menu"):
                            found.setdefault(clash, f"composer, section {row}")
    assert keys["book"] > 15, str(keys)  # the composer's bar, sections and tabs were seen
    assert all(keys[what] >= 1 for what in ("export", "package", "new book", "preferences", "import")), keys
    assert briefs > 0  # a meeting brief's menus were seen
    assert not found, "\n".join(f"{what}: {clash}" for clash, what in found.items())
