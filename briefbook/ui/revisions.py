"""Earlier versions of a text field: a list, a preview, and "Restore" (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefbook.library import Revision
from briefbook.ui.columns import plain_summary
from briefbook.ui.dates import local_time
from briefbook.ui.editors.rich_text import FEATURES
from briefbook.ui.labels import field_label


class RevisionsDialog(QDialog):
    def __init__(self, revisions: list[Revision], kind: str, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("revisionsDialog")
        self.revisions = revisions
        self.setWindowTitle(self.tr("Earlier versions: %1").replace("%1", field_label(kind, field)))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        splitter = QSplitter(self)
        self.list = QListWidget(splitter)
        self.list.setObjectName("revisionList")
        self.preview = QTextBrowser(splitter)
        self.preview.setObjectName("revisionPreview")
        self.preview.setOpenExternalLinks(False)
        splitter.setSizes([260, 500])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("Restore this version"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for revision in revisions:
            item = QListWidgetItem(f"{local_time(revision.created_at)}\n{plain_summary(revision.value, 60)}")
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._show)
        if revisions:
            self.hint.setText(
                self.tr(
                    "Each version is the text as it was before a change, newest first. "
                    "Restoring one keeps the current text as a version too."
                )
            )
            self.list.setCurrentRow(0)
        else:
            self.hint.setText(self.tr("There are no earlier versions of this text yet."))
            self.restore_button.setEnabled(False)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.revisions):
            self.preview.document().setMarkdown(self.revisions[row].value, FEATURES)

    @property
    def chosen(self) -> Revision | None:
        row = self.list.currentRow()
        return self.revisions[row] if 0 <= row < len(self.revisions) else None
