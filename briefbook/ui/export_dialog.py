"""The export dialog: formats, file, template, ceiling, drafts, sharing, password; progress and Cancel.

This module holds the choices (what the dialog offers, what the user picked, the note
under the file name); running the export and showing how it ended is
:mod:`~briefbook.ui.export_run`'s, and the save dialog and opening the files are
:mod:`~briefbook.ui.export_files`'. The dialog is not modal: the user can keep working.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefbook.assemble import release_title
from briefbook.errors import BriefBookError
from briefbook.export import ExportOptions, export_ceilings
from briefbook.library import Book
from briefbook.render.template import available_templates
from briefbook.ui.accessibility import make_accessible
from briefbook.ui.context import UiContext
from briefbook.ui.export_files import ask_export_path, documents_folder
from briefbook.ui.export_run import ExportRunMixin
from briefbook.ui.export_target import preview_target, safe_file_name
from briefbook.ui.labels import choice_label, level_label

if TYPE_CHECKING:
    from briefbook.ui.workers import ExportJob

FORMAT_CHOICES = (("pdf", "docx"), ("pdf",), ("docx",), ("pdf",), ("pdf",))
CARD_CHOICES = (None, None, None, "A5", "A6")  # the last two: a card per meeting for the car


class ExportDialog(ExportRunMixin, QDialog):
    """Export one book. ``exported(paths)``, ``export_failed(message)``, ``export_cancelled()`` at the end."""

    exported = Signal(list)
    export_failed = Signal(str)
    export_cancelled = Signal()

    def __init__(
        self, context: UiContext, book: Book, releasable: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.context, self.book = context, book
        self.job: ExportJob | None = None
        self.written: list[Path] = []
        self._close_when_done = False
        self.levels = _offered_ceilings(context, book)
        self.resize(600, 0)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        self.formats = self._combo("exportFormats")
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.browse_button = QPushButton(self)
        self.browse_button.setObjectName("exportBrowse")
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.files_note = QLabel(self)
        self.files_note.setObjectName("exportFiles")
        self.files_note.setWordWrap(True)
        self.files_note.setStyleSheet("color: #5f6368;")
        self.template = self._combo("exportTemplate")
        self.ceiling = self._combo("exportCeiling")
        self.drafts = self._combo("exportDrafts")
        self.language = self._combo("exportLanguage")
        self.sharing = QCheckBox(self)
        self.sharing.setObjectName("exportSharing")
        self.sharing.setChecked(releasable)
        self.changes_page = QCheckBox(self)
        self.changes_page.setObjectName("exportChangesPage")
        self.password = QLineEdit(self)
        self.password.setObjectName("exportPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.allow_printing = QCheckBox(self)
        self.allow_printing.setObjectName("exportAllowPrinting")
        self.allow_printing.setChecked(True)
        self.labels: dict[str, QLabel] = {}
        for key, widget in (
            ("formats", self.formats),
            ("path", path_row),
            ("template", self.template),
            ("ceiling", self.ceiling),
            ("drafts", self.drafts),
            ("language", self.language),
            ("sharing", self.sharing),
            ("changes", self.changes_page),
            ("password", self.password),
            ("printing", self.allow_printing),
        ):
            label = QLabel(self)
            self.labels[key] = label
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
            else:
                label.setBuddy(self.path_edit)
            form.addRow(label, widget)
        layout.addLayout(form)
        layout.addWidget(self.files_note)  # under the form: a wrapped label gets all its lines here
        self.stage = QLabel(self)
        self.stage.setObjectName("exportStage")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.message = QLabel(self)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("exportOpen")
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("exportShowFolder")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportStart")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("exportCancel")
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self._fill()
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        self.open_button.clicked.connect(self._open_first)
        self.folder_button.clicked.connect(self.show_folder)
        self.formats.currentIndexChanged.connect(self._update_state)
        self.ceiling.currentIndexChanged.connect(self._follow_title)
        self.path_edit.textChanged.connect(self._update_state)
        self.password.textChanged.connect(self._update_state)
        self.retranslate()
        self._set_running(False)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        return combo

    # -- the choices ---------------------------------------------------------------------------

    def _fill(self) -> None:
        book = self.book
        templates = available_templates()
        if book.template and book.template not in templates:
            templates.append(book.template)
        for name in templates:
            self.template.addItem(name, name)
        self.template.setCurrentIndex(max(0, self.template.findData(book.template)))
        # No "no ceiling" entry: a book without one starts at the lowest level (exports least).
        for level in self.levels:
            self.ceiling.addItem(level_label(level), level)
        self.ceiling.setCurrentIndex(max(0, self.ceiling.findData(book.ceiling or "")))
        for value in Book.CHOICES["drafts"]:
            self.drafts.addItem(choice_label(value), value)
        self.drafts.setCurrentIndex(max(0, self.drafts.findData(book.drafts)))
        for value in Book.CHOICES["language"]:
            self.language.addItem(choice_label(value), value)
        self.language.setCurrentIndex(max(0, self.language.findData(book.language)))
        for _ in FORMAT_CHOICES:
            self.formats.addItem("")
        settings = self.context.settings
        folder = getattr(settings, "export_folder", None) if settings is not None else None
        if folder is None or not Path(folder).is_dir():
            folder = documents_folder()
        self._base_folder = Path(folder)
        self._named = safe_file_name(self.file_title())  # the name this dialog gave the file
        self.path_edit.setText(str(Path(folder) / (self._named + ".pdf")))

    def _follow_title(self, *_args) -> None:
        """A file named by the dialog after the book's title follows the ceiling chosen: its name
        leaves with the copy, and a title naming an event above the ceiling gives way to a plain
        one (release_title). A name the user typed or browsed to is theirs and is kept."""
        path = Path(self.path_edit.text().strip())
        named = safe_file_name(self.file_title())
        if path.stem == self._named and named != self._named:
            self._named = named
            self.path_edit.setText(str(path.with_name(named + path.suffix)))
        self._update_state()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export “%1”").replace("%1", self.book.title))
        texts = {
            "formats": self.tr("&Formats:"),
            "path": self.tr("&Save as:"),
            "template": self.tr("&Template:"),
            "ceiling": self.tr("&Highest classification:"),
            "drafts": self.tr("&Drafts:"),
            "language": self.tr("Book &language:"),
            "sharing": "",
            "changes": "",
            "password": self.tr("PDF pass&word:"),
            "printing": "",
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        for i, text in enumerate(
            (
                self.tr("PDF and Word (DOCX)"),
                self.tr("PDF only"),
                self.tr("Word (DOCX) only"),
                self.tr("Cards for the car, one A5 page per meeting (PDF)"),
                self.tr("Cards for the car, one A6 page per meeting (PDF)"),
            )
        ):
            self.formats.setItemText(i, text)
        self.browse_button.setText(self.tr("&Browse…"))
        self.sharing.setText(self.tr("F&or sharing (leave out passages not for release)"))
        self.changes_page.setText(self.tr("Add a page: &changes since the last export"))
        self.password.setPlaceholderText(self.tr("optional: readers must type it to open the PDF"))
        self.allow_printing.setText(self.tr("Allow &printing of the protected PDF"))
        self.open_button.setText(self.tr("&Open"))
        self.folder_button.setText(self.tr("Show in &folder"))
        self.export_button.setText(self.tr("&Export"))
        self._update_state()
        make_accessible(self)

    def chosen_formats(self) -> tuple[str, ...]:
        return FORMAT_CHOICES[max(0, self.formats.currentIndex())]

    def base_folder(self) -> Path:
        """Where a bare file name goes: the folder the dialog started in."""
        return self._base_folder

    def chosen_cards(self) -> str | None:
        """ "A5" or "A6" when the cards for the car are chosen instead of the book."""
        return CARD_CHOICES[max(0, self.formats.currentIndex())]

    def target(self) -> Path | None:
        """The file the typed text names so far (never raises: the note under the field follows it)."""
        found = self.targets()
        return found[0] if found else None

    def targets(self) -> list[Path]:
        return preview_target(
            self.path_edit.text(), self.file_title(), self.chosen_formats(), self._base_folder
        )

    def file_title(self) -> str:
        """The title a file name may carry at the chosen ceiling (never a Secret event's title)."""
        return release_title(self.context.library, self.book, self.ceiling.currentData() or None)

    def options(self) -> ExportOptions:
        ceiling = self.ceiling.currentData() or None  # never "everything": export refuses none
        return ExportOptions(
            formats=self.chosen_formats(),
            template=self.template.currentData(),
            ceiling=ceiling,
            drafts=self.drafts.currentData(),
            language=self.language.currentData(),
            password=self.password.text() or None,
            # Printing is refused only in a protected PDF (the box is greyed out without a password).
            allow_printing=self.allow_printing.isChecked() or not self.password.text(),
            releasable=self.sharing.isChecked(),
            changes_page=self.changes_page.isChecked(),
            cards=self.chosen_cards(),
        )

    def browse(self) -> None:
        target = self.target() or documents_folder() / (safe_file_name(self.file_title()) + ".pdf")
        path = ask_export_path(self, target, self.chosen_formats())
        if path is not None:
            if path.suffix.lower() not in (".pdf", ".docx"):
                path = path.with_name(path.name + "." + self.chosen_formats()[0])
            self.path_edit.setText(str(path))

    def _update_state(self, *_args) -> None:
        pdf = "pdf" in self.chosen_formats()
        self.password.setEnabled(pdf and not self._running())
        self.allow_printing.setEnabled(pdf and bool(self.password.text()) and not self._running())
        self._clear_path_error()
        targets = self.targets()
        if not targets:
            self.files_note.setText(self.tr("Choose where to save the book: a file name, or a folder."))
            return
        names = ", ".join(p.name for p in targets)
        note = self.tr("Writes %1 in %2.").replace("%1", names).replace("%2", str(targets[0].parent))
        existing = {p for p in targets if p.exists()}
        if existing and existing <= set(self.written):  # this dialog's own export, just written
            note += " " + self.tr("Exporting again replaces the files just written.")
        elif existing:
            note += " " + self.tr("A file of that name is there already; the export replaces it.")
        self.files_note.setText(note)

    def _path_error(self, message: str) -> None:
        """A problem with the "Save as" field: said under it, the field marked, the focus put there."""
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(message)
        self.path_edit.setStyleSheet("border: 1px solid #b3261e; border-radius: 2px;")
        self.path_edit.setFocus()

    def _clear_path_error(self) -> None:
        if self.path_edit.styleSheet():
            self.path_edit.setStyleSheet("")
            self.message.setText("")
            self.message.setStyleSheet("")


def _offered_ceilings(context: UiContext, book: Book) -> list[str]:
    """The ceilings the dialog offers: none above the book's own (the export refuses those)."""
    try:
        return export_ceilings(context.library, book)
    except BriefBookError:  # a ceiling the library does not know: the export says so plainly
        return context.library.classification_levels()
