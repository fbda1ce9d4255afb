"""File → Backups…: the open library's backups, "Back up now" and "Restore…".

The list is read from the backups folder beside the library (newest first; a
backup being written is never listed). Making a backup and restoring one run
off the GUI thread (:func:`briefbook.ui.background.run_busy`). Restoring asks
first, backs the current library up, replaces it and reopens it in the window
(:func:`briefbook.ui.library_recovery.restore_into_window`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefbook.errors import BriefBookError
from briefbook.library import Library
from briefbook.store.backup import (
    KEEP_DAYS,
    KEEP_LAST,
    BackupInfo,
    backup_folder,
    backup_library,
    list_backups,
)
from briefbook.ui import error_hook
from briefbook.ui.accessibility import make_accessible, set_name
from briefbook.ui.background import run_busy
from briefbook.ui.backup_labels import reason_text, size_text, time_text
from briefbook.ui.backup_messages import backup_message
from briefbook.ui.library_recovery import backup_time_of, restore_into_window

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def confirm_restore(parent: QWidget, title: str, text: str, restore_label: str, cancel_label: str) -> bool:
    """Ask before a restore; True to go ahead (patched in tests)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(restore_label, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(cancel_label, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def show_backups(window) -> None:
    """Open the Backups window over ``window`` (the main window) and wait until it is closed."""
    if not window.model.is_open:
        return
    dialog = BackupsDialog(window)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


class BackupsDialog(QDialog):
    """The backups of ``window``'s library; ``window`` is the main window (restore reopens it)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("backupsDialog")
        self.main_window = window
        self.library_path = Path(window.model.library.path)
        self.backups: list[BackupInfo] = []
        self.resize(720, 400)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("backupsIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("backupsFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setStyleSheet("color: #555;")
        layout.addWidget(self.folder_label)
        self.table = QTreeWidget(self)
        self.table.setObjectName("backupsTable")
        self.table.setColumnCount(3)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setObjectName("backupsStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreBackup")
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("openBackupsFolder")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeBackups")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_button.clicked.connect(error_hook.guarded(self.back_up_now))
        self.restore_button.clicked.connect(error_hook.guarded(self.restore_selected))
        self.folder_button.clicked.connect(self.open_folder)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_: self.restore_button.click())
        self.retranslate()
        self.reload()
        problem = window.model.library.backup_problem
        if problem:
            self.show_status(backup_message(problem), error=True)

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups of %1").replace("%1", self.library_path.name))
        self.intro.setText(
            self.tr(
                "BriefBook backs the library up when it is opened and every %1 minutes while you work. "
                "The last %2 backups are kept, plus one a day for %3 days; the ones you make and the "
                "copies made before a restore are kept for %3 days."
            )
            .replace("%1", str(round(Library.backup_interval / 60)))
            .replace("%2", str(KEEP_LAST))
            .replace("%3", str(KEEP_DAYS))
        )
        self.folder_label.setText(self.tr("Folder: %1").replace("%1", str(backup_folder(self.library_path))))
        self.table.setHeaderLabels([self.tr("Made on"), self.tr("Size"), self.tr("Why")])
        self._size_columns()
        self.backup_button.setText(self.tr("Back &up now"))
        self.backup_button.setToolTip(self.tr("Make a backup of the library as it is now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.restore_button.setToolTip(
            self.tr("Put the selected backup in place of the library (the library is backed up first)")
        )
        self.folder_button.setText(self.tr("Open the &folder"))
        self.folder_button.setToolTip(self.tr("Show the backups folder in the file manager"))
        self.close_button.setText(self.tr("&Close"))
        current = self.selected()
        self._fill(current.path if current else None)
        set_name(self.table, self.tr("Backups"))
        make_accessible(self)

    def _size_columns(self) -> None:
        """Room for the widest date and size, with air between the columns."""
        metrics, header = self.table.fontMetrics(), self.table.headerItem()
        samples = (
            [time_text(dt.datetime(2026, 12, 28, 23, 58, tzinfo=dt.UTC)), header.text(0)],
            ["999.9 MB", header.text(1)],
        )
        for column, texts in enumerate(samples):
            self.table.setColumnWidth(column, max(metrics.horizontalAdvance(t) for t in texts) + 32)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c62828;" if error else "")

    # -- the list ----------------------------------------------------------------------------------

    def reload(self, select: Path | None = None) -> None:
        """Read the backups folder again; select ``select`` (or keep the selection)."""
        current = self.selected()
        keep = select or (current.path if current else None)
        self.backups = list_backups(self.library_path)
        self._fill(keep)
        if not self.backups:
            self.show_status(
                self.tr("There are no backups of this library yet. Make one with “Back up now”.")
            )

    def _fill(self, keep: Path | None = None) -> None:
        self.table.clear()
        for info in self.backups:
            item = QTreeWidgetItem([time_text(info.created), size_text(info.size), reason_text(info.reason)])
            item.setData(0, PATH_ROLE, str(info.path))
            item.setToolTip(0, str(info.path))
            self.table.addTopLevelItem(item)
            if keep is not None and info.path == keep:
                self.table.setCurrentItem(item)
        if self.table.currentItem() is None and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        item = self.table.currentItem()
        if item is None:
            return None
        path = Path(item.data(0, PATH_ROLE))
        return next((b for b in self.backups if b.path == path), None)

    def _update_buttons(self) -> None:
        read_only = self.main_window.model.read_only
        self.restore_button.setEnabled(self.selected() is not None and not read_only)
        if read_only:
            self.restore_button.setToolTip(
                self.tr("This library is read-only here: a backup cannot be restored into it.")
            )

    # -- actions -------------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        self.main_window.flush()  # an edit still being typed belongs in the backup
        path = self.library_path
        try:
            made = run_busy(lambda: backup_library(path, reason="manual"), self, self.tr("Backing up…"))
        except BriefBookError as error:
            self.show_status(backup_message(error), error=True)
            return
        library = self.main_window.model.library
        library.last_backup, library.backup_problem = made, None
        self.reload(select=made)
        info = self.selected()
        size = size_text(info.size) if info else ""
        self.show_status(
            self.tr("Backed up: %1 (%2).").replace("%1", backup_time_of(path, made)).replace("%2", size)
        )

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or self.main_window.model.read_only:
            return
        when = time_text(info.created)
        question = self.tr(
            "Replace the library with the backup from %1?\n\n"
            "The library as it is now is backed up first, so you can come back to it. "
            "Changes made after %1 will no longer be in the library, and Undo starts afresh."
        ).replace("%1", when)
        if not confirm_restore(
            self, self.tr("Restore a backup"), question, self.tr("&Restore"), self.tr("Cancel")
        ):
            return
        try:
            previous = restore_into_window(self.main_window, info.path)
        except BriefBookError as error:
            self.reload()
            self.show_status(backup_message(error), error=True)
            return
        self.reload(select=info.path)
        text = self.tr("The library is now as it was on %1.").replace("%1", when)
        if previous is not None:
            text += " " + self.tr(
                "The library as it was just before is kept as the backup of %1 (“Before a restore”)."
            ).replace("%1", backup_time_of(self.library_path, previous))
        self.show_status(text)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup_folder(self.library_path))))
