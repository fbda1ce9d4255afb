"""File → Import…: a Word document, a news article or a contact list, previewed before anything is written.

Each proposed item is a row with a tick (accept or drop) and can be edited
(Edit… or a double click); items already in the library are shown, unticked,
so the user sees that nothing will be duplicated. For an article the year (if
the article gives none) and the source (the article's own attribution
offered) are asked in the dialog itself. Import writes what is ticked, in one
transaction; Cancel writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefbook.exchange.proposals import EXISTING, Proposal, Proposed, apply_proposal
from briefbook.invisible import visible_controls
from briefbook.library import Library
from briefbook.ui.background import run_busy
from briefbook.ui.labels import choice_label, field_label, kind_label
from briefbook.ui.messages import user_message

IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "Exchange", "Documents, articles and contact lists (*.docx *.txt *.html *.htm *.csv *.vcf);;All files (*)"
)
KINDS = ("talking-points", "statements", "people")
# The fields the Edit dialog offers per kind (the ones an import fills in).
EDITABLE = {
    "topic": ("title",),
    "talking_point": ("kind", "question", "text"),
    "statement": ("speaker_name", "date", "source", "text"),
    "person": ("name", "position", "country", "notes"),
    "organisation": ("name", "acronym"),
}


def guess_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".vcf", ".vcard", ".tsv"):
        return "people"
    if suffix in (".html", ".htm", ".txt"):
        return "statements"
    return "talking-points"


def choose_import_file(parent: QWidget) -> Path | None:
    """Ask which file to import (patched in tests)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Exchange", "Import"),
        "",
        QCoreApplication.translate("Exchange", IMPORT_FILTER),
    )
    return Path(path) if path else None


def run_import(window) -> None:
    path = choose_import_file(window)
    if path is None:
        return
    dialog = ImportDialog(window, path)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def propose_in_background(
    library_path: Path, path: Path | None, kind: str, parent: QWidget | None, *, text: str | None = None
) -> Proposal:
    """Read the file (or pasted ``text``) on a worker thread, with a connection of its own (reads only)."""
    from briefbook.exchange.imports import propose, propose_text

    def work() -> Proposal:
        with Library.open(library_path, backup=False, read_only=True) as lib:
            if path is None:
                return propose_text(lib, text or "")
            return propose(lib, path, kind)

    return run_busy(
        work, parent, QCoreApplication.translate("Exchange", "Reading the file…") if parent else ""
    )


class ImportDialog(QDialog):
    """The preview of one import: a file's, or (``path`` None) pasted ``text`` read as an article."""

    def __init__(self, window, path: Path | None, kind: str | None = None, *, text: str | None = None):
        super().__init__(window)
        self.setObjectName("importDialog")
        self.window_ = window
        self.path = path
        self.text = text
        self.proposal: Proposal | None = None
        self.written: dict[str, int] | None = None
        if path is None:
            self.setWindowTitle(self.tr("Import pasted text"))
            kind = "statements"  # pasted text is an article: statements only, as on the command line
        else:
            self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self.resize(900, 560)
        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        for key, label in zip(
            KINDS, (self.tr("Talking points"), self.tr("Prior statements"), self.tr("People")), strict=True
        ):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(KINDS.index(kind or guess_kind(path)))  # type: ignore[arg-type]
        self.kind.setEnabled(path is not None)
        self.kind.currentIndexChanged.connect(self.reload)
        self.year = QSpinBox()
        self.year.setObjectName("importYear")
        self.year.setRange(1945, 2100)
        self.year.setValue(2025)
        self.date = QLineEdit()
        self.date.setObjectName("importDate")
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.source = QLineEdit()
        self.source.setObjectName("importSource")
        self.questions = QWidget()
        form = QFormLayout(self.questions)
        form.setContentsMargins(0, 0, 0, 0)
        self.year_label, self.date_label = (
            QLabel(self.tr("Year (the article gives none):")),
            QLabel(self.tr("Date:")),
        )
        form.addRow(self.year_label, self.year)
        form.addRow(self.date_label, self.date)
        form.addRow(self.tr("Source of the statements:"), self.source)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importItems")
        self.tree.setHeaderLabels([self.tr("Import"), self.tr("Kind"), self.tr("Item"), self.tr("Note")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 110)
        self.tree.setColumnWidth(1, 120)
        self.tree.setColumnWidth(2, 470)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_current())
        self.tree.itemChanged.connect(self._ticked)
        self.messages = QLabel()
        self.messages.setObjectName("importMessages")
        self.messages.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        edit = QPushButton(self.tr("&Edit…"))
        edit.setObjectName("importEdit")
        edit.clicked.connect(self.edit_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importApply")
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("The file holds:") if path is not None else self.tr("The text holds:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.questions)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.messages)
        bottom = QHBoxLayout()
        bottom.addWidget(edit)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.reload()

    # -- reading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        from briefbook.errors import BriefBookError

        kind = self.kind.currentData()
        library = self.window_.model.library
        try:
            self.proposal = propose_in_background(library.path, self.path, kind, self, text=self.text)
        except BriefBookError as exc:
            self.proposal = None
            self.tree.clear()
            self.messages.setText(user_message(exc))
            self.summary.setText("")
            self.import_button.setEnabled(False)
            self.questions.setVisible(False)
            return
        self.import_button.setEnabled(True)
        questions = self.proposal.questions
        self.questions.setVisible(kind == "statements")
        self.year_label.setVisible("year" in questions)
        self.year.setVisible("year" in questions)
        if questions.get("year"):
            self.year.setValue(int(questions["year"]))
        self.date_label.setVisible("date" in questions)
        self.date.setVisible("date" in questions)
        self.source.setText(questions.get("source", ""))
        self.messages.setText("\n".join(user_message(m) for m in self.proposal.messages))
        self.fill()

    def fill(self) -> None:
        assert self.proposal is not None
        self.tree.blockSignals(True)
        self.tree.clear()
        for item in self.proposal.items:
            row = QTreeWidgetItem(
                [
                    self._action(item),
                    kind_label(item.kind),
                    _detail(item),
                    user_message(item.note) if item.note else "",
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.record.id)
            flags = row.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if item.action == EXISTING:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            row.setFlags(flags)
            row.setCheckState(
                0,
                Qt.CheckState.Checked
                if item.accepted and item.action != EXISTING
                else Qt.CheckState.Unchecked,
            )
            row.setToolTip(2, _detail(item, full=True))
            self.tree.addTopLevelItem(row)
        self.tree.blockSignals(False)
        self._summarise()

    def _action(self, item: Proposed) -> str:
        return {"new": self.tr("new"), "merge": self.tr("merge"), "existing": self.tr("already here")}[
            item.action
        ]

    def _ticked(self, row: QTreeWidgetItem, column: int) -> None:
        item = self._item(row)
        if item is not None and column == 0:
            item.accepted = row.checkState(0) == Qt.CheckState.Checked
            self._summarise()

    def _summarise(self) -> None:
        if self.proposal is None:
            return
        counts = self.proposal.counts()
        self.summary.setText(
            self.tr("%1 new, %2 to merge, %3 already in the library, %4 dropped.")
            .replace("%1", str(counts["new"]))
            .replace("%2", str(counts["merge"]))
            .replace("%3", str(counts["existing"]))
            .replace("%4", str(counts["dropped"]))
        )

    def _item(self, row: QTreeWidgetItem | None) -> Proposed | None:
        if row is None or self.proposal is None:
            return None
        wanted = row.data(0, Qt.ItemDataRole.UserRole)
        return next((i for i in self.proposal.items if i.record.id == wanted), None)

    def rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]

    # -- editing and writing -------------------------------------------------------------------------

    def edit_current(self) -> None:
        row = self.tree.currentItem()
        item = self._item(row)
        if item is None or item.action == EXISTING:
            return
        changes = edit_proposed(self, item)
        if changes:
            assert self.proposal is not None
            self.proposal.edit(item, **changes)
            row.setText(2, _detail(item))
            row.setToolTip(2, _detail(item, full=True))

    def apply(self) -> None:
        from briefbook.errors import BriefBookError
        from briefbook.exchange.articles import answer
        from briefbook.ui import error_hook

        if self.proposal is None:
            return
        if self.kind.currentData() == "statements":
            year = self.year.value() if "year" in self.proposal.questions else None
            answer(self.proposal, year=year, date=self.date.text().strip(), source=self.source.text())
        try:
            self.written = apply_proposal(self.window_.model.library, self.proposal)
        except BriefBookError as exc:
            error_hook.show_message(self, self.tr("Import"), user_message(exc))
            return
        self.window_.model.notify_elsewhere()
        self.accept()


def edit_proposed(parent: QWidget, item: Proposed) -> dict[str, str]:
    """Edit a proposed item's main fields in a small dialog; the changes (empty if cancelled)."""
    dialog = QDialog(parent)
    dialog.setObjectName("importEditItem")
    dialog.setWindowTitle(QCoreApplication.translate("Exchange", "Edit before importing"))
    form = QFormLayout(dialog)
    editors: dict[str, QLineEdit | QPlainTextEdit] = {}
    for name in EDITABLE.get(item.kind, ()):
        value = str(getattr(item.record, name) or "")
        if name in item.record.MARKDOWN:
            widget: QLineEdit | QPlainTextEdit = QPlainTextEdit(value)
        else:
            widget = QLineEdit(value)
        widget.setObjectName(f"edit_{name}")
        editors[name] = widget
        form.addRow(field_label(item.kind, name) + ":", widget)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return {}
        out = {}
        for name, widget in editors.items():
            value = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            if value != str(getattr(item.record, name) or ""):
                out[name] = value
        return out
    finally:
        dialog.deleteLater()


def _detail(item: Proposed, *, full: bool = False) -> str:
    record = item.record
    if record.KIND == "statement":
        text = f"{record.speaker_name or '?'} ({record.date or '—'}): {record.text}"  # type: ignore[attr-defined]
    elif record.KIND == "talking_point":
        question = f"{record.question} → " if record.question else ""  # type: ignore[attr-defined]
        text = f"[{choice_label(record.kind)}] {question}{record.text}"  # type: ignore[attr-defined]
    elif record.KIND == "person" and record.position:  # type: ignore[attr-defined]
        text = f"{record.display_name} — {record.position}"  # type: ignore[attr-defined]
    else:
        text = record.display_name
    text = visible_controls(" ".join(text.split()) if not full else text)
    return text if full or len(text) <= 160 else text[:159] + "…"
