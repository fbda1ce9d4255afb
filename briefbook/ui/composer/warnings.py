"""The preflight warnings beside the section tree, each a click away from the item it is about.

The core writes its warnings in English; :func:`warning_text`
(:mod:`briefbook.ui.composer.preflight_messages`) shows them in the UI's language.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from briefbook.assemble import PreflightWarning
from briefbook.ui.composer.preflight_messages import warning_text

__all__ = ["ID_ROLE", "KIND_ROLE", "PreflightList", "warning_text"]

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class PreflightList(QWidget):
    """``item_requested(kind, item_id)`` when the user activates a warning about an item."""

    item_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preflightPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.heading = QLabel(self)
        self.heading.setObjectName("preflightHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("preflightList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.heading.setBuddy(self.list)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        self.warnings: list[PreflightWarning] = []
        self._pending = True
        self._state = "checked"  # or "no_book", "failed": then there is nothing checked to show
        self._last: tuple[str, str] = ("", "")
        self._last_at = 0.0
        self.retranslate()

    def retranslate(self) -> None:
        state = getattr(self, "_state", "checked")
        self.show_warnings(self.warnings, pending=self._pending)
        self._state = state
        self._heading()

    @property
    def pending(self) -> bool:
        """The book changed and the warnings are being worked out again."""
        return self._pending

    def show_pending(self) -> None:
        """The book changed: the list is about to be worked out again."""
        self._pending = True
        self._state = "checked"
        self._heading()

    def show_no_book(self) -> None:
        """No book is chosen: nothing was checked (it must not say the book is ready)."""
        self.show_warnings([])
        self._state = "no_book"
        self._heading()

    def show_failed(self) -> None:
        """The book could not be assembled (the preview says why): it is not ready."""
        self.show_warnings([])
        self._state = "failed"
        self._heading()

    def show_warnings(self, warnings: list[PreflightWarning], pending: bool = False) -> None:
        self.warnings = list(warnings)
        self._pending = pending
        self._state = "checked"
        self.list.clear()
        style = self.style()
        warn_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        info_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for warning in self.warnings:
            item = QListWidgetItem(warning_text(warning))
            item.setData(KIND_ROLE, warning.kind)
            item.setData(ID_ROLE, warning.item_id)
            serious = warning.code in (
                "above_ceiling",
                "left_out_with_topic",
                "draft_omitted",
                "missing_item",
                "deleted_item",
                "empty_section",
                "other_event",
            )
            item.setIcon(warn_icon if serious else info_icon)
            if warning.item_id:
                item.setToolTip(self.tr("Click to open this item in its editor."))
            self.list.addItem(item)
        self._heading()

    def _heading(self) -> None:
        count = len(self.warnings)
        if self._state == "no_book":
            text = self.tr("Before you export: no book chosen yet.")
        elif self._state == "failed":
            text = self.tr("Before you export: the book could not be checked (the preview says why).")
        elif self._pending and not count:
            text = self.tr("Before you export: checking…")
        elif count == 0:
            text = self.tr("Before you export: nothing to check, the book is ready.")
        else:
            text = self.tr("Before you export, check these (%1):").replace("%1", str(count))
        self.heading.setText(text)

    def _activated(self, item: QListWidgetItem) -> None:
        kind, item_id = item.data(KIND_ROLE), item.data(ID_ROLE)
        now = time.monotonic()
        if self._last == (kind, item_id) and now - self._last_at < 0.5:
            return  # a click that also activates (some styles): one request
        self._last, self._last_at = (kind, item_id), now
        if kind and item_id:
            self.item_requested.emit(kind, item_id)
