"""Alt+letter opens the menu it says, in each language: no label, button or tab of the
window shares a letter with a menu title, and the labels of the window's fields have a
letter each. Found under Xvfb: in Vietnamese Alt+T went to "&Tìm kiếm:" (search) instead
of opening "&Tệp" (File), and in the composer Alt+S, Alt+X, Alt+G (vi) and Alt+E, Alt+V
(en) went to a label, button or tab instead of their menus."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

from briefbook.ui import i18n

VIEWS = ("event", "meeting", "person", "organisation", "topic", "talking_point", "statement", "book")


def key(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def shown_mnemonics(window) -> tuple[dict[str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    """The menu titles' keys; the field labels' (key, text); every other widget's (key, text)."""
    menus = {key(a.text()): a.text() for a in window.menuBar().actions() if key(a.text())}
    labels, others = [], []
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and key(label.text()):
            (labels if label.buddy() is not None else others).append((key(label.text()), label.text()))
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and key(button.text()):
            others.append((key(button.text()), button.text()))
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisibleTo(window):
            others += [
                (key(tabs.tabText(i)), tabs.tabText(i)) for i in range(tabs.count()) if key(tabs.tabText(i))
            ]
    return menus, labels, others


@pytest.mark.parametrize("language", ["vi", "en"])
def test_alt_letters_open_their_menus(qtbot, window, language):
    i18n.apply_language(language)
    qtbot.wait(10)  # the LanguageChange events are delivered
    for kind in VIEWS:
        window.show_view(kind)
        qtbot.wait(10)
        menus, labels, others = shown_mnemonics(window)
        assert len(menus) == len(window.menuBar().actions())
        taken = [(k, text, menus[k]) for k, text in labels + others if k in menus]
        assert not taken, f"{kind}: {taken}"
        keys = [k for k, _text in labels]
        clashes = sorted({(k, text) for k, text in labels if keys.count(k) > 1})
        assert not clashes, f"{kind}: {clashes}"
