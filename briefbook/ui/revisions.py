"""Earlier versions of a text field: a list, a preview, and "Restore" (undoable).

A version may be the 1 MB report a user pasted into one talking point: its preview opens a
piece at a time, as the editor opens it (``editors.long_text``; laid out at once it held
the window 0.4-0.8 s), is then laid out a slice at a time as the editor lays it out
(``editors.layout_steps``: shown whole, Qt laid it out in its own growing steps, the last of
them 50-90 ms each), and its line in the list reads only the start of it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from shiboken6 import isValid

from briefbook.library import Revision
from briefbook.ui import preview_pieces
from briefbook.ui.cell_text import plain_summary
from briefbook.ui.dates import local_time
from briefbook.ui.editors import layout_steps, long_text
from briefbook.ui.editors.markdown_text import read_markdown
from briefbook.ui.editors.rich_text import FEATURES
from briefbook.ui.labels import field_label

SUMMARY_SOURCE = 4000  # characters of a version read for its line in the list (it shows 60)


class RevisionsDialog(QDialog):
    """``shown``: the chosen version's preview is whole (a long one opens in pieces)."""

    shown = Signal()

    def __init__(self, revisions: list[Revision], kind: str, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._loader: long_text.PieceLoader | None = None
        self._laying_out: layout_steps.LayoutSteps | None = None  # (a long version shown whole)
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
            summary = plain_summary(revision.value[:SUMMARY_SOURCE], 60)
            item = QListWidgetItem(f"{local_time(revision.created_at)}\n{summary}")
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
        if self._laying_out is not None:
            self._laying_out.stop()
            self._laying_out.deleteLater()
            self._laying_out = None
        if self._loader is not None:  # another version chosen while one was opening
            self._loader.cancel()
            self._loader.deleteLater()
            self._loader = None
        if not 0 <= row < len(self.revisions):
            return
        value = self.revisions[row].value or ""
        self._loader = long_text.open_in_pieces(
            value, self.preview.document(), FEATURES, self, group=preview_pieces.GROUP
        )
        if self._loader is None:
            read_markdown(self.preview.document(), value, FEATURES)  # (struck as the book strikes)
            self.shown.emit()
            return
        self._loader.finished.connect(self._whole)
        self._loader.start()

    def _whole(self) -> None:
        if self._loader is not None:
            old = self.preview.document()
            self._loader.document.setParent(self.preview)
            self.preview.setDocument(self._loader.document)  # (built whole off screen: long_text)
            if isValid(old) and old.parent() is self.preview:  # (Qt deletes its first one itself)
                old.deleteLater()
            self._loader.deleteLater()
            self._loader = None
            self._laying_out = layout_steps.LayoutSteps(self.preview.document(), self)
            self._laying_out.start()
        self.shown.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._laying_out is not None and event.oldSize().width() != event.size().width():
            self._laying_out.start(fresh=False)  # (Qt lays all of it out again, from the top)

    @property
    def opening(self) -> bool:
        """The preview is still being filled with a long version's pieces."""
        return self._loader is not None

    @property
    def chosen(self) -> Revision | None:
        row = self.list.currentRow()
        return self.revisions[row] if 0 <= row < len(self.revisions) else None
