"""The preflight warnings beside the section tree, each a click away from the item it is about.

The core writes its warnings in English; :func:`warning_text` shows the known
ones in the UI's language (by their ``code``), with the item's kind translated.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from briefbook.assemble import PreflightWarning
from briefbook.ui.columns import plain_summary
from briefbook.ui.labels import kind_label, level_label

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_QUOTED = r"“(.*)”"
# code -> (pattern of the core's message, translatable template; %1.. are the groups)
_TEMPLATES: dict[str, tuple[str, str]] = {
    "above_ceiling": (
        r"(.+) " + _QUOTED + r" is (.+), above the ceiling \((.+)\); it is left out\.",
        QT_TRANSLATE_NOOP("Preflight", "%1 “%2” is %3, above the ceiling (%4); it is left out."),
    ),
    "draft_omitted": (
        r"Talking point " + _QUOTED + r" is not cleared; left out\.",
        QT_TRANSLATE_NOOP("Preflight", "Talking point “%1” is not cleared; it is left out."),
    ),
    "draft_included": (
        r"Talking point " + _QUOTED + r" is not cleared yet\.",
        QT_TRANSLATE_NOOP("Preflight", "Talking point “%1” is not cleared yet; it is marked as a draft."),
    ),
    "meeting_without_points": (
        r"The meeting " + _QUOTED + r" has no talking points\.",
        QT_TRANSLATE_NOOP("Preflight", "The meeting “%1” has no talking points."),
    ),
    "empty_section": (
        r"The section " + _QUOTED + r" has nothing to show\.",
        QT_TRANSLATE_NOOP("Preflight", "The section “%1” has nothing to show; it is left out."),
    ),
    "person_without_photo": (
        r"(.+) has no photo\.",
        QT_TRANSLATE_NOOP("Preflight", "%1 has no photo."),
    ),
    "person_without_position": (
        r"(.+) has no position\.",
        QT_TRANSLATE_NOOP("Preflight", "%1 has no position."),
    ),
    "missing_item": (
        r"An item chosen for this book no longer exists.*",
        QT_TRANSLATE_NOOP(
            "Preflight", "An item chosen for this book no longer exists; it is left out. Choose again."
        ),
    ),
    "other_event": (
        r"(.+?) " + _QUOTED + r" belongs to another event \((.+)\), not to this book's event\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "%1 “%2” belongs to another event (%3), not to this book's event. Is it meant to be here?",
        ),
    ),
    "not_for_release": (
        r"Passages marked not for release are left out of this export\.",
        QT_TRANSLATE_NOOP("Preflight", "Passages marked not for release are left out (for sharing)."),
    ),
}


def warning_text(warning: PreflightWarning) -> str:
    """The warning in the UI's language (the core's words when it is not one we know)."""
    known = _TEMPLATES.get(warning.code)
    if known is None:
        return warning.message
    pattern, template = known
    match = re.fullmatch(pattern, warning.message, re.S)
    if match is None:
        return warning.message
    out = QCoreApplication.translate("Preflight", template)
    groups = list(match.groups())
    if warning.code == "other_event" and warning.kind and groups:
        groups[0] = kind_label(warning.kind)
    if warning.code == "above_ceiling" and len(groups) == 4:
        groups = [kind_label(warning.kind) if warning.kind else groups[0], groups[1]]
        groups += [level_label(match.group(3)), level_label(match.group(4))]
    for i, group in enumerate(groups, start=1):
        out = out.replace(f"%{i}", plain_summary(group, limit=100) if group else group)
    return out


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
        self._last: tuple[str, str] = ("", "")
        self._last_at = 0.0
        self.retranslate()

    def retranslate(self) -> None:
        self.show_warnings(self.warnings, pending=self._pending)

    @property
    def pending(self) -> bool:
        """The book changed and the warnings are being worked out again."""
        return self._pending

    def show_pending(self) -> None:
        """The book changed: the list is about to be worked out again."""
        self._pending = True
        self._heading()

    def show_warnings(self, warnings: list[PreflightWarning], pending: bool = False) -> None:
        self.warnings = list(warnings)
        self._pending = pending
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
                "draft_omitted",
                "missing_item",
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
        if self._pending and not count:
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
