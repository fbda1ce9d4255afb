"""The filter above a table: words (full-text search) and combos that become ``where=``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from briefbook.library.records import record_type
from briefbook.ui.accessibility import set_name
from briefbook.ui.columns import REFERENCES
from briefbook.ui.context import UiContext
from briefbook.ui.labels import choice_label, display_name, field_label, level_label

FILTERS: dict[str, tuple[str, ...]] = {
    "talking_point": ("topic_id", "kind", "status", "classification"),
    "meeting": ("event_id", "kind", "classification"),
    "person": ("organisation_id", "classification"),
    "organisation": ("kind",),
    "topic": ("classification",),
    "event": ("classification",),
    "statement": ("language", "classification"),
    "book": ("event_id",),
}
TYPING_PAUSE_MS = 0  # the table follows each key; the searcher drops a search a newer key overtook


class FilterBar(QWidget):
    """``edited``: the user typed or chose a filter; ``changed``: code set one (``set_choice``, ``clear``).

    The table reads the user's selections off the GUI thread (typing never waits) and
    the code's at once (it selects an item in them next).
    """

    changed = Signal()
    edited = Signal()

    def __init__(self, context: UiContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"filterBar_{kind}")
        self.context, self.kind = context, kind
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit(self)
        self.text.setObjectName("filterEdit")
        self.text.setClearButtonEnabled(True)
        layout.addWidget(self.text, 2)
        self.combos: dict[str, QComboBox] = {}
        for name in FILTERS.get(kind, ()):
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{name}")
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.activated.connect(lambda _i: self.edited.emit())
            layout.addWidget(combo, 1)
            self.combos[name] = combo
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.edited)
        self.text.textChanged.connect(self._timer.start)
        self.text.returnPressed.connect(self._now)
        self.retranslate()

    def _now(self) -> None:
        self._timer.stop()
        self.edited.emit()

    def retranslate(self) -> None:
        self.text.setPlaceholderText(self.tr("Filter by words (accents optional)…"))
        set_name(self.text, self.tr("Filter the list by words"))
        for name, combo in self.combos.items():
            set_name(combo, self.tr("Show only: %1").replace("%1", field_label(self.kind, name)))
        self.refresh_options()

    def refresh_options(self, source=None) -> None:
        """Fill the combos again (topics, events, levels may have changed).

        ``source``: where to read them before the library is open (at start, the
        :class:`~briefbook.library.first_page.FirstPageReader` of the first table).
        """
        if source is None and not self.context.model.is_open:
            return
        library = source if source is not None else self.context.library
        cls = record_type(self.kind)
        every = self.tr("all")
        for name, combo in self.combos.items():
            current = combo.currentData()
            combo.clear()
            combo.addItem(f"{field_label(self.kind, name)}: {every}", None)
            if name in REFERENCES:
                for record in library.list(REFERENCES[name]):
                    combo.addItem(display_name(record), record.id)
            elif name == "classification":
                for level in library.classification_levels():
                    combo.addItem(level_label(level), level)
            else:
                for option in cls.CHOICES.get(name, ()):
                    combo.addItem(choice_label(option), option)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)

    def where(self) -> dict[str, Any]:
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()}

    def words(self) -> str:
        return self.text.text().strip()

    def set_choice(self, name: str, value: Any, emit: bool = True) -> None:
        combo = self.combos.get(name)
        if combo is None:
            return
        index = combo.findData(value) if value is not None else 0
        if index < 0:
            self.refresh_options()
            index = max(0, combo.findData(value))
        combo.setCurrentIndex(index)
        if emit:
            self.changed.emit()

    def clear(self, emit: bool = True) -> None:
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self._timer.stop()
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        if emit:
            self.changed.emit()
