"""Choosing a linked item: a searchable picker dialog, and the field that uses it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefbook.errors import NotFound
from briefbook.library.records import record_type
from briefbook.text import clean_line
from briefbook.ui.accessibility import keyboard_help, make_accessible, set_name
from briefbook.ui.context import UiContext
from briefbook.ui.editors.fields import FieldWidget
from briefbook.ui.labels import display_name, kind_label
from briefbook.ui.undo import run
from briefbook.ui.undo_items import AddItem

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Kinds the picker can create, named as typed: (field, button text).
CREATABLE = {
    "organisation": ("name", QT_TRANSLATE_NOOP("ItemPicker", "&New organisation “%1”")),
    "topic": ("title", QT_TRANSLATE_NOOP("ItemPicker", "&New topic “%1”")),
    "person": ("name", QT_TRANSLATE_NOOP("ItemPicker", "&New person “%1”")),
}


class ItemPicker(QDialog):
    """Type to search items of one kind; Enter or double-click chooses."""

    def __init__(self, context: UiContext, kind: str, parent: QWidget | None = None, exclude=()):
        super().__init__(parent)
        self.setObjectName("itemPicker")
        self.context, self.kind, self.exclude = context, kind, set(exclude)
        self.setWindowTitle(self.tr("Choose: %1").replace("%1", kind_label(kind).lower()))
        self.resize(480, 420)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Type part of a name (accents are optional):"), self)
        self.search = QLineEdit(self)
        self.search.setObjectName("pickerSearch")
        self.search.setClearButtonEnabled(True)
        self.hint.setBuddy(self.search)
        self.list = QListWidget(self)
        self.list.setObjectName("pickerList")
        buttons = QDialogButtonBox(self)
        self._created: str | None = None
        self.create_button = None
        if kind in CREATABLE:  # what is missing can be made here, named as typed
            self.create_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
            self.create_button.setObjectName("pickerCreate")
            self.create_button.clicked.connect(self.create)
            self.search.textChanged.connect(self._update_create)
        self.choose_button = buttons.addButton(self.tr("Choose"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (self.hint, self.search, self.list, buttons):
            layout.addWidget(widget)
        # Each key asks the search thread at once (there was a 150 ms pause, then a search on
        # this thread): only the newest answer is shown, so typing never makes the window wait.
        self._channel = f"picker:{id(self)}"
        self._ticket = 0
        self._asking = False
        if context.searcher is not None:
            context.searcher.found.connect(self._found)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self.accept)
        self.list.itemDoubleClicked.connect(self.accept)
        self.refresh()
        self._update_create()
        set_name(self.list, kind_label(kind, plural=True), keyboard_help(self.list))
        make_accessible(self)

    def refresh(self) -> None:
        """Fill the list now, on this thread (at the start, and for Enter before an answer came)."""
        text = self.search.text().strip()
        if self.context.searcher is not None:
            self.context.searcher.forget(self._channel)  # read here now: a pending answer is stale
        self._ticket = 0  # one already on its way is dropped when it comes
        self._asking = False
        self._show(_found_items(self.context.library, self.kind, text))

    def _typed(self) -> None:
        searcher = self.context.searcher
        if searcher is None:
            self.refresh()
            return
        kind, text = self.kind, self.search.text().strip()
        self._asking = True
        self._ticket = searcher.request_read(
            self._channel, lambda library, _current: _found_items(library, kind, text)
        )

    def _found(self, channel: str, ticket: int, found: object) -> None:
        if channel != self._channel or ticket != self._ticket:
            return
        self._asking = False
        if isinstance(found, Exception):  # the same search on this thread says what is wrong
            self.refresh()
            return
        self._show(found)  # type: ignore[arg-type]

    def _show(self, found: list[tuple[str, str]]) -> None:
        self.list.clear()
        for item_id, title in found:
            if item_id in self.exclude:
                continue
            item = QListWidgetItem(title)
            item.setData(ID_ROLE, item_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def accept(self) -> None:
        if self._asking:  # Enter before the answer to the last key: choose among what was typed
            self.refresh()
        super().accept()

    def _update_create(self) -> None:
        if self.create_button is None:
            return
        name = clean_line(self.search.text())  # as the library will store it
        self.create_button.setEnabled(bool(name) and not self.context.model.read_only)
        label = CREATABLE[self.kind][1]
        text = QCoreApplication.translate("ItemPicker", label)
        self.create_button.setText(text.replace("%1", name if len(name) <= 40 else name[:40] + "…"))
        self.create_button.setToolTip(
            self.tr("Add it to the library with this name and choose it (Undo takes it back)")
        )

    def create(self) -> None:
        """Make a new item named as typed (an organisation the person works for) and choose it."""
        name = clean_line(self.search.text())  # as the library will store it
        if not name or self.kind not in CREATABLE:
            return
        field = CREATABLE[self.kind][0]
        record = record_type(self.kind)(**{field: name})
        command = run(self.context.stack, AddItem(self.context.model, record))
        self._created = command.item_id
        self.accept()

    @property
    def chosen_id(self) -> str | None:
        if self._created:
            return self._created
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None


def _found_items(library, kind: str, text: str) -> list[tuple[str, str]]:
    """(id, name) of the items of ``kind`` matching ``text`` (all of them, the first 500, if empty)."""
    if text:
        return [(h.id, h.title) for h in library.search(text, kinds=(kind,), limit=100, snippets=False)]
    return [(r.id, display_name(r)) for r in library.list(kind, limit=500)]


def pick_item(parent: QWidget, context: UiContext, kind: str, exclude=()) -> str | None:
    """Ask the user for an item of ``kind``; None when cancelled (patched in tests)."""
    dialog = ItemPicker(context, kind, parent, exclude)
    try:
        return dialog.chosen_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class RefField(FieldWidget):
    """A link to one item (an organisation, a topic, an event, a speaker), chosen with the picker."""

    REVERT_ON_ERROR = True

    def __init__(self, field: str, kind: str, context: UiContext, optional: bool, parent=None):
        super().__init__(field, parent)
        self.kind, self.context, self.optional = kind, context, optional
        self._set_input(QLineEdit(self))
        self.input.setReadOnly(True)
        self.choose_button = QToolButton(self)
        self.choose_button.setObjectName(f"choose_{field}")
        self.choose_button.clicked.connect(self.choose)
        self.row.addWidget(self.choose_button)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName(f"clear_{field}")
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setVisible(optional)
        self.row.addWidget(self.clear_button)
        self.setFocusProxy(self.choose_button)
        self.input.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retranslate()

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose…"))
        self.choose_button.setToolTip(self.tr("Choose from the library"))
        self.clear_button.setText(self.tr("Clear"))
        self.input.setPlaceholderText(self.tr("(none)"))
        self._show_name()

    def _coerce(self, value):
        return value or None

    def _show(self, value) -> None:
        self._show_name()

    def _show_name(self) -> None:
        if not self._loaded or not self.context.model.is_open:
            self.input.setText("")
            return
        try:
            self.input.setText(display_name(self.context.library.get(self.kind, self._loaded)))
        except NotFound:
            self.input.setText(self.tr("(no longer in the library)"))
        self.input.setCursorPosition(0)
        self.input.setToolTip(self.input.text())

    def set_read_only(self, read_only: bool) -> None:
        self.choose_button.setEnabled(not read_only)
        self.clear_button.setEnabled(not read_only)

    def choose(self) -> None:
        chosen = pick_item(self, self.context, self.kind)
        if chosen and chosen != self._loaded:
            self.committed.emit(self.field, chosen)

    def clear(self) -> None:
        if self._loaded:
            self.committed.emit(self.field, None)
