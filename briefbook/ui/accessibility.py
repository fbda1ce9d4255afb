"""Names and descriptions for screen readers: every input says what it is and how to use it.

Qt names an input after the label whose buddy it is, so a label must point at
the input itself, not at the wrapper around it (a form's field widget, a
picker). :func:`name_inputs` makes each label's buddy the real input and gives
that input the label's words as its accessible name; :func:`describe_inputs`
gives every input that has none a description of how it is used from the
keyboard (its tooltip or placeholder first). Views call both from their
``retranslate``, so the words follow the language of the window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

_AUTO = "briefbookAutoDescription"  # set on descriptions this module wrote (rewritten on a language change)
_TAGS = re.compile(r"<[^>]+>")
# Widgets are told apart by their Qt class name (``inherits``), not ``isinstance``: naming a
# PySide class makes its Python type and each of its enums (about 0.3 ms an enum), and
# the text editors, spin boxes and tab bars named here are on no first screen.


def plain_label(text: str) -> str:
    """A label's words without its mnemonic ``&``, rich-text tags, a trailing colon or required star."""
    text = _TAGS.sub("", text or "").replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip("*").strip().rstrip(":：").strip()


def input_of(widget: QWidget) -> QWidget:
    """The widget that takes the typing: a field wrapper's ``input``, else its focus proxy."""
    seen = 0
    while seen < 5:
        inner = getattr(widget, "input", None)
        if isinstance(inner, QWidget):  # (QWidget's type exists before any window)
            widget = inner
        elif widget.focusProxy() is not None:
            widget = widget.focusProxy()
        else:
            break
        seen += 1
    return widget


def name_inputs(root: QWidget) -> None:
    """Point every label's buddy under ``root`` at the input itself, named with the label's words."""
    from PySide6.QtWidgets import QAbstractItemView, QGroupBox  # (made here, not at start-up)

    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None:
            continue
        target = input_of(buddy)
        if target is not buddy:
            label.setBuddy(target)  # Qt finds a label for an input by this link
        name = plain_label(label.text())
        if name:
            target.setAccessibleName(name)
            proxy = buddy.focusProxy()
            if proxy is not None and proxy is not target and proxy.inherits("QAbstractButton"):
                # a picker: the label's key goes to its button, which says what it chooses
                proxy.setAccessibleName(f"{name}: {plain_label(proxy.text()).rstrip('…')}")
    for box in root.findChildren(QGroupBox):  # a list in a titled box is named by the title
        title = plain_label(box.title())
        for view in box.findChildren(QAbstractItemView):
            if title and not view.accessibleName():
                view.setAccessibleName(title)


def set_name(widget: QWidget, name: str, description: str = "") -> None:
    """Name an input that has no label (a list, a preview); ``description`` says how to use it."""
    widget.setAccessibleName(plain_label(name))
    if description:
        widget.setAccessibleDescription(description)
        widget.setProperty(_AUTO, False)


def keyboard_help(widget: QWidget) -> str:
    """How ``widget`` is used from the keyboard, in the window's language."""
    if widget.inherits("QTextBrowser"):
        return QCoreApplication.translate(
            "Accessibility", "Read only. The arrow keys and Page Up/Page Down scroll; Tab moves on."
        )
    if widget.inherits("QTextEdit") or widget.inherits("QPlainTextEdit"):
        return QCoreApplication.translate(
            "Accessibility",
            "Text with formatting: Ctrl+B bold, Ctrl+I italic; Tab moves on.",
        )
    if widget.inherits("QLineEdit"):
        if widget.isReadOnly():
            return QCoreApplication.translate("Accessibility", "Read only.")
        return QCoreApplication.translate("Accessibility", "Type the text; Tab moves on.")
    if widget.inherits("QComboBox"):
        return QCoreApplication.translate("Accessibility", "The arrow keys choose; Alt+Down opens the list.")
    if widget.inherits("QAbstractSpinBox"):
        return QCoreApplication.translate(
            "Accessibility", "Type a number, or change it with the Up and Down arrow keys."
        )
    if widget.inherits("QCheckBox") or widget.inherits("QRadioButton"):
        return QCoreApplication.translate("Accessibility", "Space ticks or unticks it.")
    if widget.inherits("QAbstractButton"):
        return QCoreApplication.translate("Accessibility", "Space presses it.")
    if widget.inherits("QTabBar"):
        return QCoreApplication.translate(
            "Accessibility", "The Left and Right arrow keys, or Ctrl+Tab, change the page."
        )
    if widget.inherits("QAbstractItemView"):
        return QCoreApplication.translate(
            "Accessibility",
            "The arrow keys move; Enter opens; the Menu key or Shift+F10 shows what can be done.",
        )
    if widget.inherits("QAbstractScrollArea"):
        return QCoreApplication.translate(
            "Accessibility", "Tab moves between what it holds; the arrow keys scroll."
        )
    return QCoreApplication.translate("Accessibility", "Tab moves on.")


def describe_inputs(root: QWidget) -> None:
    """A description for every keyboard-reachable widget under ``root`` that has none of its own."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        if widget.inherits("QTabBar"):  # a reader describes each tab by its tooltip
            for tab in range(widget.count()):
                if not widget.tabToolTip(tab):
                    widget.setTabToolTip(tab, keyboard_help(widget))
            continue
        if widget.accessibleDescription() and widget.property(_AUTO) is not True:
            continue  # the code gave it one
        hint = widget.toolTip() if widget.inherits("QAbstractButton") else ""
        if widget.inherits("QLineEdit") and widget.placeholderText():
            hint = widget.placeholderText()
        text = keyboard_help(widget)
        hint = plain_label(hint).rstrip(" .…")
        widget.setAccessibleDescription(f"{hint}. {text}" if hint else text)
        widget.setProperty(_AUTO, True)


def make_accessible(root: QWidget) -> None:
    """:func:`name_inputs` then :func:`describe_inputs` (call at the end of ``retranslate``)."""
    name_inputs(root)
    describe_inputs(root)
