"""Another BriefBook window or process changed the library: this window catches up.

Two windows (or a window and ``briefbook`` on the command line) may work on one
library at once (see :mod:`briefbook.store.database`). SQLite says when another
connection has committed (``PRAGMA data_version``, read by
``Library.changed_elsewhere()``: one cheap query). The :class:`ElsewhereWatcher`
asks every :data:`INTERVAL_MS` while the window is the active one, and at once
when it becomes active again; after a change it tells every view to read the
library again (``LibraryModel.changed_elsewhere``), keeping tables' selections.

Never while the user is typing: a refresh then waits until the text field loses
the focus (or the next tick after that), so that nobody's half-written sentence
is replaced under their cursor. Typing in the search field or a table's filter
does not count: nothing there is overwritten by a refresh. Nor does the focus in a
field with nothing typed since it was saved: coming back to the window puts the
focus back in the field it left, and the refresh waited until an edit typed there
over the other window's text was refused, the only way it then showed.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar, QWidget

from briefbook.errors import BriefBookError
from briefbook.ui.notifier import LibraryModel

log = logging.getLogger("briefbook")

INTERVAL_MS = 2000
NOT_EDITING = ("filterBar_",)  # objectName prefixes of widgets whose text fields are not editors


TEXT_INPUTS = ("QLineEdit", "QTextEdit", "QPlainTextEdit", "QAbstractSpinBox")


def is_text_input(widget: QWidget) -> bool:
    """A widget the user types into (and that is not read-only).

    Told apart by ``inherits()``, Qt's own class names: naming the classes here made
    PySide build them (and their enums) for the window's first screen, which shows none.
    """
    if any(widget.inherits(name) for name in TEXT_INPUTS):
        return not widget.isReadOnly()
    return widget.inherits("QComboBox") and widget.isEditable()


def user_is_editing(window: QWidget) -> bool:
    """True while the focus is in a text field of an editor in ``window`` (not search or filters)
    holding an edit not saved yet."""
    focus = QApplication.focusWidget()
    if focus is None or focus.window() is not window or not is_text_input(focus):
        return False
    from briefbook.ui.editors.fields import FieldWidget  # (loaded with the first editor)

    widget: QWidget | None = focus
    while widget is not None and widget is not window:
        if isinstance(widget, QToolBar) or widget.objectName().startswith(NOT_EDITING):
            return False
        if isinstance(widget, FieldWidget):
            return widget.is_dirty()  # (an edit typed and not saved yet)
        widget = widget.parentWidget()
    return True


class ElsewhereWatcher(QObject):
    """Polls the open library for other connections' changes; ``check()`` looks now."""

    def __init__(self, window: QMainWindow, model: LibraryModel, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.window, self.model = window, model
        self.pending = False  # a change was seen, the refresh waits for the user to finish typing
        self.timer = QTimer(self)
        self.timer.setObjectName("elsewhereTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        model.library_opened.connect(self._library_opened)

    def check(self) -> bool:
        """Look for changes made elsewhere; True if the views were told to reload."""
        if not self.model.is_open:
            return False
        try:
            if self.model.library.changed_elsewhere():
                self.pending = True
        except (sqlite3.Error, BriefBookError) as error:  # busy or gone: the next tick tries again
            log.info("could not look for changes made elsewhere: %s", error)
            return False
        return self._refresh_if_idle()

    def _refresh_if_idle(self) -> bool:
        if not self.pending or not self.model.is_open or user_is_editing(self.window):
            return False
        self.pending = False
        self.model.notify_elsewhere()
        return True

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self.pending:
            QTimer.singleShot(0, self._refresh_if_idle)  # once the focus change has settled

    def _library_opened(self) -> None:
        self.pending = False  # a newly opened library is read afresh anyway

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.ActivationChange:
            if self.window.isActiveWindow():
                self.check()
                self.timer.start()
            else:
                self.timer.stop()
        return False

    def stop(self) -> None:
        self.timer.stop()
