"""Exchange conflicts side by side: this library's version and the package's; keep mine, take theirs, or edit.

The list on the left holds every unresolved conflict; the two panes show each
field of both versions, the fields that differ first and marked. Edit starts
from my version's text with theirs shown beside it; what is stored is a new
version made from both, so the colleague's library takes it at the next
exchange.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefbook.errors import BriefBookError
from briefbook.exchange.content import item_content, stored_record
from briefbook.exchange.resolve import EDIT, KEEP_MINE, TAKE_THEIRS, resolve
from briefbook.library.records import RECORD_TYPES
from briefbook.library.sync import StoredConflict
from briefbook.ui import error_hook
from briefbook.ui.labels import choice_label, field_label, kind_label, level_label
from briefbook.ui.messages import user_message

_HIDDEN = {"position", "version", "last_export_at", "sections"}


def show_conflicts(window) -> None:
    dialog = ConflictDialog(window)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def ask_edited_text(parent: QWidget, mine: str, theirs: str) -> str | None:
    """The text the user writes from both versions (patched in tests); None if cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName("conflictEdit")
    dialog.setWindowTitle(QCoreApplication.translate("Exchange", "Edit from both versions"))
    layout = QVBoxLayout(dialog)
    panes = QHBoxLayout()
    editor = QPlainTextEdit(mine)
    editor.setObjectName("conflictEditText")
    other = QPlainTextEdit(theirs)
    other.setReadOnly(True)
    panes.addWidget(editor)
    panes.addWidget(other)
    layout.addWidget(
        QLabel(QCoreApplication.translate("Exchange", "Yours (edit it) — and theirs, for reference:"))
    )
    layout.addLayout(panes)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(800, 400)
    try:
        return editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class ConflictDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("conflictDialog")
        self.window_ = window
        self.setWindowTitle(self.tr("Exchange conflicts"))
        self.resize(1000, 560)
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.currentRowChanged.connect(self.show_current)
        self.mine = QTextBrowser()
        self.mine.setObjectName("conflictMine")
        self.theirs = QTextBrowser()
        self.theirs.setObjectName("conflictTheirs")
        self.mine_label, self.theirs_label = (
            QLabel(self.tr("Mine (this library)")),
            QLabel(self.tr("Theirs (the package)")),
        )
        panes = QSplitter(Qt.Orientation.Horizontal)
        for label, browser in ((self.mine_label, self.mine), (self.theirs_label, self.theirs)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(browser)
            panes.addWidget(box)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.list)
        main.addWidget(panes)
        main.setSizes([260, 740])
        self.keep = QPushButton(self.tr("Keep &mine"))
        self.keep.setObjectName("conflictKeepMine")
        self.take = QPushButton(self.tr("Take &theirs"))
        self.take.setObjectName("conflictTakeTheirs")
        self.edit = QPushButton(self.tr("&Edit…"))
        self.edit.setObjectName("conflictEdit")
        self.keep.clicked.connect(lambda: self.settle(KEEP_MINE))
        self.take.clicked.connect(lambda: self.settle(TAKE_THEIRS))
        self.edit.clicked.connect(lambda: self.settle(EDIT))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.empty = QLabel(self.tr("No conflicts: every exchanged item agrees."))
        buttons = QHBoxLayout()
        for b in (self.keep, self.take, self.edit):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(main, 1)
        layout.addLayout(buttons)
        self.conflicts: list[StoredConflict] = []
        self.reload()

    def reload(self) -> None:
        library = self.window_.model.library
        self.conflicts = library.conflicts()
        self.list.clear()
        for c in self.conflicts:
            record = stored_record(library, c.kind, c.item_id)
            title = record.display_name if record is not None else self.tr("(deleted here)")
            entry = QListWidgetItem(f"{kind_label(c.kind)}: {title}")
            entry.setToolTip(title)
            self.list.addItem(entry)
        has = bool(self.conflicts)
        self.empty.setVisible(not has)
        for b in (self.keep, self.take, self.edit):
            b.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)
        else:
            self.mine.clear()
            self.theirs.clear()

    def current(self) -> StoredConflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def show_current(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        library = self.window_.model.library
        record = stored_record(library, conflict.kind, conflict.item_id)
        mine = item_content(library, record)["fields"] if record is not None else None
        theirs = conflict.item.get("fields") if conflict.item else None
        kind = conflict.kind
        self.mine.setHtml(_fields_html(kind, mine, theirs, self.tr("Deleted in this library.")))
        self.theirs.setHtml(_fields_html(kind, theirs, mine, self.tr("Deleted in the package.")))
        self.theirs_label.setText(
            self.tr("Theirs (from %1)").replace("%1", conflict.package or self.tr("the package"))
        )

    def settle(self, choice: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        library = self.window_.model.library
        edited = None
        if choice == EDIT:
            cls = RECORD_TYPES[conflict.kind]
            name = _main_field(cls)
            record = stored_record(library, conflict.kind, conflict.item_id)
            mine = str(getattr(record, name, "") or "") if record is not None else ""
            theirs = str((conflict.item.get("fields") or {}).get(name, "")) if conflict.item else ""
            text = ask_edited_text(self, mine, theirs)
            if text is None:
                return
            edited = {name: text}
        try:
            resolve(library, conflict.item_id, choice, edited)
        except BriefBookError as exc:
            error_hook.show_message(self, self.tr("Exchange conflicts"), user_message(exc))
            return
        self.window_.model.notify_elsewhere()
        self.reload()


def _main_field(cls) -> str:
    for name in ("text", "background", "biography", "scene_setter", "purpose", "description"):
        if name in cls.field_names():
            return name
    return cls.TITLE_FIELDS[0]


def _fields_html(kind: str, fields: dict | None, other: dict | None, deleted: str) -> str:
    if fields is None:
        return f"<p><i>{html.escape(deleted)}</i></p>"
    other = other or {}
    rows = []
    names = [n for n in fields if n not in _HIDDEN and not n.endswith("_id")]
    names.sort(key=lambda n: (fields.get(n) == other.get(n), n))  # what differs first
    for name in names:
        value = fields.get(name)
        if value in ("", None):
            continue
        differs = other is not None and other.get(name) != value
        text = html.escape(_shown(name, value)).replace("\n", "<br>")
        style = ' style="background:#fff3c4"' if differs else ""
        label = html.escape(field_label(kind, name))
        rows.append(f"<tr{style}><td valign='top'><b>{label}</b></td><td>{text}</td></tr>")
    return "<table cellpadding='4'>" + "".join(rows) + "</table>"


def _shown(name: str, value: object) -> str:
    """A stored value as the window shows it: a choice or level by its label, not its identifier."""
    if name == "classification":
        return level_label(str(value))
    if name in ("kind", "status", "role", "language", "drafts"):
        return choice_label(str(value))
    return str(value)
