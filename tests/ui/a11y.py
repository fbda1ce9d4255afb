"""What a screen reader is told about each input: its accessible name and description.

Qt's accessibility layer (``QAccessible.queryAccessibleInterface``) is asked, as
Orca or NVDA would ask it, so a label whose buddy is the input counts, and a
label pointing at a wrapper widget does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTabBar, QTabWidget, QWidget


@dataclass
class Input:
    """One keyboard-reachable widget; its name and description are asked when read."""

    widget: QWidget

    def _text(self, which: QAccessible.Text) -> str:
        interface = QAccessible.queryAccessibleInterface(self.widget)
        if interface is None:
            return ""
        if isinstance(self.widget, QTabBar) and which == QAccessible.Text.Description:
            tabs = [interface.child(i).text(which) for i in range(self.widget.count())]
            return " / ".join(tabs) if all(tabs) else ""  # each tab is described by itself
        return (interface.text(which) or "").strip()

    @property
    def name(self) -> str:
        return self._text(QAccessible.Text.Name)

    @property
    def description(self) -> str:
        return self._text(QAccessible.Text.Description)

    @property
    def where(self) -> str:
        chain, w = [], self.widget
        while w is not None and len(chain) < 4:
            chain.append(w.objectName() or type(w).__name__)
            w = w.parentWidget()
        return "/".join(reversed(chain))


def inputs(root: QWidget) -> list[Input]:
    """Every widget under ``root`` a user can reach with Tab (shown, enabled or not)."""
    QApplication.processEvents()
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:
            continue  # its proxy is the input
        if (
            isinstance(widget.parentWidget(), QAbstractScrollArea)
            and widget is widget.parentWidget().viewport()
        ):
            continue
        found.append(Input(widget))
    return found


def walk(root: QWidget) -> list[Input]:
    """:func:`inputs` of ``root`` with every page of its tab widgets shown in turn."""
    seen: dict[int, Input] = {id(i.widget): i for i in inputs(root)}
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(root):
            continue
        current = tabs.currentIndex()
        for page in range(tabs.count()):
            tabs.setCurrentIndex(page)
            for found in inputs(root):
                seen.setdefault(id(found.widget), found)
        tabs.setCurrentIndex(current)
    return list(seen.values())


def unnamed(found: list[Input]) -> list[str]:
    return [f"{i.where} ({type(i.widget).__name__})" for i in found if not i.name]


def undescribed(found: list[Input]) -> list[str]:
    return [f"{i.where} ({type(i.widget).__name__})" for i in found if not i.description]
