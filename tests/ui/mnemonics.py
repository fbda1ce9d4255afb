"""Finding Alt+letter clashes: two controls of one window (or dialog) with the same mnemonic.

Qt lets a mnemonic be shared (Alt+letter then cycles between them), but a desk officer
who presses Alt+M expects one thing to happen, as in Word. Only what can take the key
counts: a visible button, check box, group box or tab, a label with a buddy (a label
without one has nowhere to send the focus), and the menu bar's titles; within a menu,
its items (:func:`menu_clashes`). Widgets on
another page of a tab widget are not visible, so their keys are not active.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QMenu, QTabWidget, QWidget


def key(text: str) -> str:
    return QKeySequence.mnemonic(text).toString().upper()


def mnemonics(root: QWidget) -> list[tuple[str, str, str]]:
    """(key, text, what) of every control of ``root`` that Alt+key reaches now."""
    found: list[tuple[str, str, str]] = []

    def add(text: str, what: str) -> None:
        if key(text):
            found.append((key(text), text, what))

    if isinstance(root, QMainWindow) and root.menuBar() is not None:
        for action in root.menuBar().actions():
            add(action.text(), "menu")
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.buddy() is not None:
            add(label.text(), "label")
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root):
            add(button.text(), type(button).__name__)
    for box in root.findChildren(QGroupBox):
        if box.isVisibleTo(root) and box.isCheckable():
            add(box.title(), "group box")
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            for i in range(tabs.count()):
                if tabs.isTabVisible(i):
                    add(tabs.tabText(i), "tab")
    return found


def clashes(root: QWidget) -> list[str]:
    """Each key that more than one control of ``root`` holds, with their texts."""
    by_key: dict[str, list[str]] = {}
    for k, text, what in mnemonics(root):
        by_key.setdefault(k, []).append(f"{text!r} ({what})")
    return [f"{k}: {', '.join(texts)}" for k, texts in sorted(by_key.items()) if len(texts) > 1]


def menu_item_clashes(menu: QMenu, path: str) -> list[str]:
    """Two items of ``menu`` (or of one of its submenus) with the same letter: the letter pressed
    in the open menu then cycles instead of choosing."""
    out: list[str] = []
    by_key: dict[str, list[str]] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if key(action.text()):
            by_key.setdefault(key(action.text()), []).append(repr(action.text()))
        if action.menu() is not None:
            out += menu_item_clashes(action.menu(), f"{path} → {action.text()}")
    out += [f"{path}: {k}: {', '.join(v)}" for k, v in sorted(by_key.items()) if len(v) > 1]
    return out


def menu_clashes(window: QMainWindow) -> list[str]:
    """Clashes within each menu of the menu bar (:func:`menu_item_clashes`)."""
    out: list[str] = []
    for action in window.menuBar().actions():
        if action.menu() is not None:
            out += menu_item_clashes(action.menu(), action.text())
    return out
