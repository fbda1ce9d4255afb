"""The book's own settings: title, template, ceiling, drafts, language, recipient, copy number…

Every edit is saved as it is made, as an undoable
:class:`~briefbook.ui.undo.UpdateFields`; what the library refuses is shown at
the field. "For sharing" is not stored in the book: it is how this preview,
its warnings and the next export are made (``sharing_changed``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from briefbook.errors import StaleEdit
from briefbook.library import Book
from briefbook.render.template import available_templates
from briefbook.ui.composer.commands import execute
from briefbook.ui.context import UiContext
from briefbook.ui.editors.field_saving import save_field
from briefbook.ui.editors.fields import ChoiceField, FieldWidget, LevelField, display_date
from briefbook.ui.editors.form import make_field
from briefbook.ui.editors.refused_edit import typed_words
from briefbook.ui.labels import field_label
from briefbook.ui.messages import user_message
from briefbook.ui.undo import UpdateFields

# The order of the form; any other field of a book (one added later) follows,
# except those edited elsewhere: the sections (the composer's tree) and the time
# of the last export (a fact the export records, shown under the form).
ORDER = (
    "event_id",
    "title",
    "subtitle",
    "template",
    "ceiling",
    "drafts",
    "language",
    "recipient",
    "copy_number",
    "issue_date",
    "drafted_by",
    "cleared_by",
    "author",
)
# The version is counted by exports (Library.record_export) and shown in the status line.
NOT_IN_FORM = ("sections", "last_export_at", "version")
FIELDS = tuple(
    [n for n in ORDER if n in Book.data_fields()]
    + [n for n in Book.data_fields() if n not in ORDER and n not in NOT_IN_FORM]
)


class TemplateField(ChoiceField):
    """The templates shipped in ``templates/`` (a stored name that is gone stays visible)."""

    def label(self, value: str) -> str:
        return value


class BookForm(QWidget):
    sharing_changed = Signal(bool)

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bookForm")
        self.context = context
        self.book: Book | None = None
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, FieldWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for name in FIELDS:
            widget = self._make(name)
            widget.committed.connect(self.commit)
            label = QLabel(self)
            label.setObjectName(f"label_{name}")
            label.setBuddy(widget)
            layout.addRow(label, widget)
            self.fields[name], self.labels[name] = widget, label
        self.sharing = QCheckBox(self)
        self.sharing.setObjectName("forSharing")
        self.sharing.toggled.connect(self.sharing_changed)
        layout.addRow("", self.sharing)
        self.status = QLabel(self)
        self.status.setObjectName("bookStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #5f6368;")
        layout.addRow("", self.status)
        self.retranslate()

    def _make(self, name: str) -> FieldWidget:
        if name == "template":
            return TemplateField(name, available_templates(), self)
        if name == "ceiling":
            levels = self.context.library.classification_levels() if self.context.model.is_open else []
            return LevelField(name, levels, allow_none=True, parent=self)
        if name in Book.CHOICES:
            return ChoiceField(name, Book.CHOICES[name], self)
        return make_field(self.context, "book", name, self)

    def retranslate(self) -> None:
        for name, label in self.labels.items():
            text = field_label("book", name)
            label.setText(f"{text} *" if name in Book.REQUIRED else text)
            self.fields[name].retranslate()
        self.labels["template"].setText(self.tr("Template"))
        self.labels["ceiling"].setText(self.tr("Highest classification"))
        self.labels["drafts"].setText(self.tr("Drafts"))
        self.labels["language"].setText(self.tr("Book language"))
        self.sharing.setText(self.tr("For sharing (leave out passages not for release)"))
        self.sharing.setToolTip(
            self.tr(
                "Preview, warnings, export and print leave out the passages marked not for release. "
                "Use it for a copy that leaves the ministry."
            )
        )
        if self.book is not None:
            self.load(self.book)

    @property
    def releasable(self) -> bool:
        return self.sharing.isChecked()

    def set_levels(self, levels: list[str]) -> None:
        ceiling = self.fields["ceiling"]
        if isinstance(ceiling, LevelField):
            ceiling.set_levels(levels)

    def load(self, book: Book | None, force: bool = False) -> None:
        """Show ``book`` as stored now. An edit not saved whose field another window or program
        changed meanwhile was replaced by theirs, unsaid (``set_value`` keeps an edit only
        while the stored value stays as opened): it is saved now against the book it was
        typed over, refused as the item editor's are (``RecordEditor._show_stored``), and
        theirs is shown with why and what was typed."""
        force = force or self.book is None or book is None or self.book.id != book.id
        overtaken = {} if force or book is None else self._overtaken(book)
        self.book = book
        self.setEnabled(book is not None)
        if book is None:
            return
        for name, widget in self.fields.items():
            widget.set_value(getattr(book, name), force or name in overtaken)
        for name, message in overtaken.items():
            self.fields[name].set_error(message)
        if book.version:
            text = self.tr("Version %1").replace("%1", str(book.version))
        else:
            text = self.tr("Not exported yet")
        self.status.setToolTip(
            self.tr(
                "The version goes up by one when the book is exported with something new since its "
                "last export. Editing alone, or exporting the same book again, does not change it."
            )
        )
        if book.last_export_at:
            when = display_date(book.last_export_at.replace("Z", "")[:16])
            text += " · " + self.tr("last exported %1 (UTC)").replace("%1", when)
        self.status.setText(text)

    def flush(self) -> None:
        for widget in self.fields.values():
            widget.flush()

    def _overtaken(self, book: Book) -> dict[str, str]:
        """For each field whose unsaved edit ``book`` overtakes: the edit saved against the
        book as it was opened (refused, another window changed it first), and what to say."""
        said: dict[str, str] = {}
        opened = self.book
        for name, widget in self.fields.items():
            if opened is None or not widget.overtaken_by(getattr(book, name)):
                continue
            typed = widget.value()
            refused: list[StaleEdit] = []
            command = UpdateFields(
                self.context.model, "book", opened.id, {name: getattr(opened, name)}, {name: typed},
                expected=opened.updated_at,
            )  # fmt: skip
            fault = self.tr(
                "This change could not be saved because of a problem in BriefBook (details in %1)."
            )
            save_field(lambda c=command: execute(self.context.stack, c), widget, self.fields, name,
                       getattr(opened, name), fault, on_stale=refused.append)  # fmt: skip
            if refused:
                kept = typed_words("" if typed is None else str(typed))
                said[name] = f"{user_message(refused[0])} {kept}"
        return said

    def commit(self, field: str, value: Any) -> None:
        book, widget = self.book, self.fields[field]
        if book is None:
            return
        old = getattr(book, field)
        if value == old:
            widget.set_error(None)
            return
        if field in Book.REQUIRED and not str(value or "").strip():
            widget.set_error(self.tr("%1 cannot be empty.").replace("%1", field_label("book", field)))
            return
        command = UpdateFields(self.context.model, "book", book.id, {field: old}, {field: value})
        fault = self.tr("This change could not be saved because of a problem in BriefBook (details in %1).")
        save_field(lambda: execute(self.context.stack, command), widget, self.fields, field, old, fault)
