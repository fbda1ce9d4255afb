"""Combo boxes and number boxes that a passing mouse wheel does not change.

An editor is a long scrolled form. Qt gives a wheel turn to whatever widget is
under the pointer, so scrolling down the form over "Classification" stepped a
meeting from Public to Secret and saved it (QComboBox emits ``activated`` on a
wheel turn) without the officer ever touching the field. These take the wheel
only once the user has clicked or tabbed into them; otherwise the form scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget


class WheelSafeComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn does not give it focus

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the scroll area around the form


class WheelSafeSpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()
