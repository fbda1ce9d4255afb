"""One widget per kind of field. Each shows a value, says when it was edited
(``committed(field, value)``) and can show a problem in plain words below itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from briefbook.library.rules import normalise_date
from briefbook.ui.editors.wheel import WheelSafeComboBox, WheelSafeSpinBox
from briefbook.ui.labels import choice_label, level_label

ERROR_STYLE = "border: 1px solid #c62828; border-radius: 2px;"


class FieldWidget(QWidget):
    """Base: an input plus an error line. Subclasses build ``self.input``.

    ``REVERT_ON_ERROR``: a value picked from a list goes back to the stored one
    when the library refuses it (see :func:`refuse`); typed text stays.
    """

    committed = Signal(str, object)
    REVERT_ON_ERROR = False

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self._loaded: Any = None
        self._refused_text: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"error_{field}")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def _set_input(self, widget: QWidget) -> None:
        self.input = widget
        widget.setObjectName(f"field_{self.field}")
        self.row.addWidget(widget, 1)
        self.setFocusProxy(widget)

    # -- value -------------------------------------------------------------------------

    def set_value(self, value: Any, force: bool = False) -> None:
        """Show the stored ``value``; an unsaved edit stays unless the stored value changed (or ``force``)."""
        value = self._coerce(value)
        if not force and self.is_dirty() and value == self._loaded:
            return
        if force or value != self._loaded:
            # (the same stored value shown again, as when the window catches up with another
            # window's change, keeps what was said: "your change was not saved" stays)
            self.set_error(None)
        self._loaded = value
        self._show(value)

    def _coerce(self, value: Any) -> Any:
        return value

    def _show(self, value: Any) -> None:
        """Put ``value`` in the input (subclasses)."""

    def value(self) -> Any:
        return self._loaded

    def is_dirty(self) -> bool:
        return self.value() != self._loaded

    def overtaken_by(self, stored: Any) -> bool:
        """An edit not saved here was typed over a stored value that ``stored`` has replaced
        since (another window's edit): shown, ``stored`` would take its place unsaid."""
        stored = self._coerce(stored)
        if stored is None and isinstance(self._loaded, str):
            stored = ""
        return self.is_dirty() and stored != self._loaded and stored != self.value()

    def flush(self) -> None:
        """Send a pending edit now (before switching items, before closing)."""
        if self.is_dirty():
            self._commit()
        elif self._refused_text is not None and self.input.text() != self._refused_text:
            # A refused entry typed back to the value stored ("2025/12/17" refused, then
            # "2025-12-17"): nothing to save, and nothing wrong any more. The message stayed,
            # and the text as typed, since nothing was saved and so nothing was said.
            self.set_value(self._loaded, force=True)

    def _commit(self) -> None:
        self.committed.emit(self.field, self.value())

    def set_read_only(self, read_only: bool) -> None:
        """Show the value but take no typing (the library cannot be changed); text stays selectable."""
        if hasattr(self.input, "setReadOnly"):
            self.input.setReadOnly(read_only)
        else:
            self.input.setEnabled(not read_only)

    # -- problems -------------------------------------------------------------------------

    def set_error(self, message: str | None) -> None:
        # What a one-line field held when its entry was refused (flush takes the refusal back
        # when it is changed to mean the stored value again).
        self._refused_text = self.input.text() if message and isinstance(self.input, QLineEdit) else None
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.input.setStyleSheet(ERROR_STYLE if message else "")

    @property
    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def retranslate(self) -> None:
        """Labels inside the widget; the value is shown again by the form."""


def leave_to_window(event, can_undo: bool, can_redo: bool) -> bool:
    """A text box with nothing of its own to undo (or redo) lets Ctrl+Z (Ctrl+Y) reach the
    window's Undo (Redo). Just after New, Ctrl+Z in the new item's title did nothing: the
    box took the key for its own, empty, undo list. True: the key was left to the window."""
    if (event.matches(QKeySequence.StandardKey.Undo) and not can_undo) or (
        (
            event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination() == QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y)
        )
        and not can_redo
    ):
        event.ignore()
        return True
    return False


def refuse(widget: FieldWidget, target: FieldWidget, stored: Any, message: str) -> None:
    """Say at the field why an edit was not saved, and never show a value that is not stored.

    A value picked from a list (a kind, a level, a linked item) goes back to
    the stored one: the list offers it again with one click, and a combo box
    showing an unsaved choice would look saved. Typed text stays, marked, so the
    user can correct it without typing it again. Nothing opens a dialog, so
    moving the focus never brings the message back as a window.
    """
    if widget.REVERT_ON_ERROR:
        widget.set_value(stored, force=True)
        message = QCoreApplication.translate("FieldWidget", "%1 The saved value is shown again.").replace(
            "%1", message
        )
    target.set_error(message)


class LineField(FieldWidget):
    """One line of text, saved on Enter or when focus leaves; Escape takes back what was typed.

    Escape puts the saved value back (and clears a refusal such as "too long")
    while there is an unsaved or refused edit; otherwise it goes on to the window
    or dialog as usual (a dialog still closes on Escape).
    """

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(field, parent)
        self._set_input(QLineEdit(self))
        self.input.setClearButtonEnabled(True)
        self.input.editingFinished.connect(self.flush)
        self.input.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.input
            and event.type() == QEvent.Type.ShortcutOverride
            and leave_to_window(event, self.input.isUndoAvailable(), self.input.isRedoAvailable())
        ):
            return True
        if (
            watched is self.input
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and not self.input.isReadOnly()
            and (self.is_dirty() or self.error)
        ):
            self.set_value(self._loaded, force=True)
            return True
        return super().eventFilter(watched, event)

    def _coerce(self, value: Any) -> str:
        return "" if value is None else str(value)

    def _show(self, value: str) -> None:
        if self.input.text() != value:
            self.input.setText(value)
            self.input.setCursorPosition(0)

    def value(self) -> str:
        return self.input.text()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.input.setClearButtonEnabled(not read_only)


class ReadOnlyField(LineField):
    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(field, parent)
        self.input.setReadOnly(True)
        self.input.setClearButtonEnabled(False)
        self.input.setFrame(False)
        self.input.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def is_dirty(self) -> bool:
        return False

    def set_read_only(self, read_only: bool) -> None:
        """Always read-only."""


class IntField(FieldWidget):
    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(field, parent)
        self._set_input(WheelSafeSpinBox(self))
        self.input.setRange(0, 1_000_000)
        self.input.editingFinished.connect(self.flush)

    def _coerce(self, value: Any) -> int:
        return int(value or 0)

    def _show(self, value: int) -> None:
        self.input.setValue(value)

    def value(self) -> int:
        return self.input.value()


class ChoiceField(FieldWidget):
    """A fixed list of values shown with translated labels."""

    REVERT_ON_ERROR = True

    def __init__(self, field: str, options: tuple[str, ...] | list[str], parent: QWidget | None = None):
        super().__init__(field, parent)
        self._set_input(WheelSafeComboBox(self))
        self.options = list(options)
        self._fill()
        self.input.activated.connect(lambda _i: self.flush())

    def label(self, value: str) -> str:
        return choice_label(value)

    def _fill(self) -> None:
        current = self.input.currentData()
        self.input.clear()
        for option in self.options:
            self.input.addItem(self.label(option), option)
        if current is not None:
            self.input.setCurrentIndex(max(0, self.input.findData(current)))

    def set_options(self, options: list[str]) -> None:
        self.options = list(options)
        self._fill()

    def _coerce(self, value: Any) -> str:
        return "" if value is None else str(value)

    def _show(self, value: str) -> None:
        if value not in self.options:  # a value stored before the list changed
            self.options.append(value)
            self._fill()
        self.input.setCurrentIndex(self.input.findData(value))

    def value(self) -> str:
        data = self.input.currentData()
        return "" if data is None else data

    def retranslate(self) -> None:
        self._fill()


class LevelField(ChoiceField):
    """Classification levels of the open library (``allow_none``: a book's ceiling may be empty)."""

    def __init__(self, field: str, levels: list[str], allow_none: bool = False, parent=None):
        self.allow_none = allow_none
        super().__init__(field, ([""] if allow_none else []) + list(levels), parent)

    def label(self, value: str) -> str:
        return level_label(value) if value else self.tr("No ceiling: choose one to export")

    def set_levels(self, levels: list[str]) -> None:
        self.set_options(([""] if self.allow_none else []) + list(levels))


def display_date(value: str) -> str:
    """An ISO date (and time) as a Vietnamese or British reader writes it: 17/12/2025 09:00."""
    try:
        iso = normalise_date(value, with_time=True)
    except ValueError:
        return value
    if not iso:
        return ""
    day = f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
    return f"{day} {iso[11:16]}" if len(iso) > 10 else day


class DateField(LineField):
    """A date (or date and time) typed as 17/12/2025 or 2025-12-17, or picked on a calendar.

    Shown day/month/year; stored as ISO (2025-12-17, 2025-12-17T09:00).
    """

    def __init__(self, field: str, with_time: bool = False, parent: QWidget | None = None):
        super().__init__(field, parent)
        self.with_time = with_time
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName(f"calendar_{field}")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.calendar_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.calendar_button.setMenu(menu)
        self.row.addWidget(self.calendar_button)
        self.retranslate()

    def retranslate(self) -> None:
        example = self.tr("e.g. 17/12/2025 09:00") if self.with_time else self.tr("e.g. 17/12/2025")
        self.input.setPlaceholderText(example)
        self.calendar_button.setText(self.tr("Calendar"))
        self.calendar_button.setToolTip(self.tr("Pick the date on a calendar"))

    def _show(self, value: str) -> None:
        super()._show(display_date(value))
        day = QDate.fromString(value[:10], "yyyy-MM-dd")
        if day.isValid():
            self.calendar.setSelectedDate(day)

    def value(self) -> str:
        try:
            return normalise_date(self.input.text(), self.with_time)
        except ValueError:
            return self.input.text()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.calendar_button.setEnabled(not read_only)

    def _picked(self, day: QDate) -> None:
        time = self.input.text().replace("T", " ").partition(" ")[2] if self.with_time else ""
        self.input.setText(day.toString("dd/MM/yyyy") + (f" {time}" if time else ""))
        self.calendar_button.menu().hide()
        self.flush()

    def _commit(self) -> None:
        try:
            value = normalise_date(self.input.text(), self.with_time)
        except ValueError:
            if self.with_time:
                self.set_error(
                    self.tr("Write a date such as 17/12/2025, with a time if you like: 17/12/2025 09:00.")
                )
            else:
                self.set_error(self.tr("Write a date such as 17/12/2025 (day/month/year) or 2025-12-17."))
            return
        self.committed.emit(self.field, value)
