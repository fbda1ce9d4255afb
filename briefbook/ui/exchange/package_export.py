"""File → Export package…: an event or a book, at a ceiling, for sharing or not, to one package file.

The window's counterpart of ``briefbook package export (EVENT_ID | BOOK_ID |
--items ID,...) --ceiling LEVEL [--for-sharing]``. The event or book in view
is chosen by default; the items selected in the list shown (meetings, people,
points...) can be chosen instead. The ceiling is one of the library's levels
(read back through the library's one level parser); there is no "no ceiling"
entry, and a new choice starts at the lowest level, so the default exports least.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from briefbook.errors import BriefBookError, ValidationError
from briefbook.library import Book, Event, Library, Meeting
from briefbook.ui import error_hook
from briefbook.ui.labels import level_label
from briefbook.ui.messages import user_message
from briefbook.ui.sidebar import OWNER_ROLE


@dataclass
class PackageChoice:
    """What the dialog chose: the event's or book's id (or the items selected in a list), the
    ceiling (a level's name), for sharing."""

    roots: list[str]
    ceiling: str
    for_sharing: bool


def in_view(window) -> str:
    """The id of the book or event the window shows ("" if none): the composer's book, the
    event (or the event of the meeting) selected in a list, or the event chosen in the sidebar."""
    view = window.current_view() if hasattr(window, "current_view") else None
    book = getattr(view, "book", None)
    if isinstance(book, Book):
        return book.id
    kind = getattr(view, "kind", "")
    ids = view.selected_ids() if kind and hasattr(view, "selected_ids") else []
    library = window.model.library
    if ids and kind in ("event", "book"):
        return ids[0]
    if ids and kind == "meeting" and library.exists("meeting", ids[0]):
        return library.get(Meeting, ids[0]).event_id
    sidebar = getattr(window, "sidebar", None)
    item = sidebar.currentItem() if sidebar is not None else None
    owner = item.data(0, OWNER_ROLE) if item is not None else None
    if owner and library.exists("event", owner):
        return owner
    return ""


def selected_items(window) -> list[str]:
    """The items selected in the list shown, when they are not events or books (``--items``)."""
    view = window.current_view() if hasattr(window, "current_view") else None
    kind = getattr(view, "kind", "")
    if not kind or kind in ("event", "book") or not hasattr(view, "selected_ids"):
        return []
    return list(view.selected_ids())


ITEMS = "\x00items"  # the combo's data for "the items selected in the list" (never an id)


class PackageExportDialog(QDialog):
    def __init__(self, window, library: Library, selected: str = "", items: list[str] | None = None):
        super().__init__(window)
        self.setObjectName("packageExportDialog")
        self.library = library
        self.items = list(items or [])
        self.setWindowTitle(self.tr("Export package"))
        self.levels = library.classification_levels()
        self.what = QComboBox()
        self.what.setObjectName("packageWhat")
        for event in library.list(Event, order_by="start_date", descending=True):
            self.what.addItem(self.tr("Event: %1").replace("%1", event.title), event.id)
        for book in library.list(Book, order_by="title"):
            self.what.addItem(self.tr("Book: %1").replace("%1", book.title), book.id)
        if self.items:
            label = self.tr("The %1 items selected in the list").replace("%1", str(len(self.items)))
            self.what.addItem(label, ITEMS)
        self.ceiling = QComboBox()
        self.ceiling.setObjectName("packageCeiling")
        for level in self.levels:  # no "no ceiling" entry
            self.ceiling.addItem(level_label(level), level)
        self.sharing = QCheckBox(self.tr("For &sharing: leave out passages and items marked not for release"))
        self.sharing.setObjectName("packageForSharing")
        self.what.currentIndexChanged.connect(self._chosen)
        form = QFormLayout()
        form.addRow(self.tr("&Export:"), self.what)
        form.addRow(self.tr("&Highest classification:"), self.ceiling)
        form.addRow("", self.sharing)
        note = QLabel(
            self.tr(
                "The package holds the chosen event or book with everything it needs (meetings, "
                "people, topics, points, statements); nothing above the ceiling is in the file."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("E&xport…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("packageExportApply")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.what.setCurrentIndex(max(0, self.what.findData(selected)))
        self._chosen()

    def _chosen(self) -> None:
        """A book brings its own ceiling; anything else starts at the lowest level (exports least)."""
        root = self.what.currentData()
        ceiling = ""
        if root and self.library.exists("book", root):
            ceiling = self.library.get(Book, root).ceiling
        index = self.ceiling.findData(ceiling) if ceiling else -1
        self.ceiling.setCurrentIndex(max(0, index))

    def choice(self) -> PackageChoice:
        ceiling = self.library.parse_level(self.ceiling.currentData(), what="ceiling")
        what = self.what.currentData()
        roots = self.items if what == ITEMS else [what] if what else []
        return PackageChoice(roots, ceiling, self.sharing.isChecked())


def ask_package_choice(
    window, library: Library, selected: str, items: list[str] | None = None
) -> PackageChoice | None:
    """Ask what to export (patched in tests); None if cancelled."""
    dialog = PackageExportDialog(window, library, selected, items)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def suggested_name(library: Library, choice: PackageChoice) -> str:
    """A file name from the title, unless the item is above the ceiling (its title stays home)."""
    if len(choice.roots) != 1:
        return "package.bbpkg"
    item = library.find(choice.roots[0])
    if isinstance(item, Book):
        from briefbook.assemble.book import release_title

        title = release_title(library, item, choice.ceiling)
    else:
        try:
            shown = library.level_rank(item.classification) <= library.level_rank(choice.ceiling)
        except ValidationError:
            shown = False
        title = item.display_name if shown else "package"
    cleaned = "".join(c for c in title if c not in '\\/:*?"<>|\n\r\t').strip()[:60]
    return f"{cleaned or 'package'}.bbpkg"


def run_package_export(window) -> None:
    """Ask what, at which ceiling and for whom; then the file; then write it."""
    from briefbook.exchange.packages import export_package
    from briefbook.ui.exchange.package_preview import choose_package_target

    library = window.model.library
    if not library.count(Event):
        error_hook.show_message(
            window,
            QCoreApplication.translate("Exchange", "Export package"),
            QCoreApplication.translate("Exchange", "The library has no event to share."),
        )
        return
    choice = ask_package_choice(window, library, in_view(window), selected_items(window))
    if choice is None or not choice.roots:
        return
    target = choose_package_target(window, suggested_name(library, choice))
    if target is None:
        return
    try:
        report = export_package(
            library, choice.roots, Path(target), ceiling=choice.ceiling, for_sharing=choice.for_sharing
        )
    except BriefBookError as exc:
        error_hook.show_message(
            window, QCoreApplication.translate("Exchange", "Export package"), user_message(exc)
        )
        return
    text = (
        QCoreApplication.translate("Exchange", "Wrote %1: %2 items.")
        .replace("%1", str(report.path))
        .replace("%2", str(report.items))
    )
    if report.left_out:
        text += "\n" + QCoreApplication.translate("Exchange", "Left out: %1").replace(
            "%1", "; ".join(user_message(m) for m in report.left_out[:10])
        )
    error_hook.show_message(window, QCoreApplication.translate("Exchange", "Export package"), text)
