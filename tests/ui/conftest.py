"""GUI test fixtures: a main window on a small library, every modal dialog patched."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from briefbook.ui import (
    backups_dialog,
    delete_confirm,
    error_hook,
    help_window,
    i18n,
    library_recovery,
    main_window,
    window_actions,
)
from briefbook.ui.collection_view import CollectionView
from briefbook.ui.editors import editor, links, photo, pickers, rich_text
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings


class Dialogs:
    """What the patched dialogs were asked, and what they answer."""

    def __init__(self):
        self.messages: list[tuple[str, str]] = []
        self.pick: list[str | None] = []  # answers of the item picker, in order
        self.delete_questions: list[str] = []  # "delete with what belongs to it?" asked
        self.delete_answer = True

    def next_pick(self, *args, **kwargs):
        assert self.pick, "the item picker opened, but the test gave it no answer"
        return self.pick.pop(0)


def _unexpected(name):
    def fail(*args, **kwargs):
        raise AssertionError(f"a modal dialog opened in a test: {name}")

    return fail


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch, qapp) -> Dialogs:
    """No test can hang on a modal dialog: each is patched (to fail unless the test answers it)."""
    answers = Dialogs()
    monkeypatch.setattr(
        error_hook, "show_message", lambda parent, title, text: answers.messages.append((title, text))
    )
    monkeypatch.setattr(
        library_recovery, "tell", lambda parent, title, text: answers.messages.append((title, text))
    )
    monkeypatch.setattr(
        delete_confirm,
        "confirm_delete",
        lambda parent, title, text: answers.delete_questions.append(text) or answers.delete_answer,
    )
    monkeypatch.setattr(pickers, "pick_item", answers.next_pick)
    monkeypatch.setattr(links, "pick_item", answers.next_pick)
    for module, name in (
        (photo, "choose_photo_file"),
        (editor, "choose_revision"),
        (rich_text, "ask_link"),
        (window_actions, "ask_new_path"),
        (window_actions, "ask_open_path"),
        (main_window, "edit_preferences"),
        (library_recovery, "ask_open_backup"),
        (library_recovery, "ask_open_cleaned_copy"),
        (backups_dialog, "confirm_restore"),
        (backups_dialog, "show_backups"),
    ):
        monkeypatch.setattr(module, name, _unexpected(name))
    monkeypatch.setattr(help_window.QMessageBox, "about", _unexpected("about"))
    i18n.apply_language("en")
    yield answers
    i18n.apply_language("en")


def rows_arrived(view, timeout: float = 60.0) -> None:
    """Run the event loop until the rows ``view`` asked for are shown (the search thread read them).

    A collection's first load, a new filter, the reload after an edit and the pages walked
    down to an item are all read off the GUI thread, and a user sees them a moment later.
    """
    if not isinstance(view, CollectionView):
        return
    deadline = time.monotonic() + timeout
    while view.rows_pending:
        if time.monotonic() > deadline:
            raise AssertionError(f"the rows of {view.objectName()} did not arrive in {timeout} s")
        QCoreApplication.processEvents()
        time.sleep(0.002)  # lets the search thread run


@pytest.fixture(autouse=True)
def rows_arrive(request, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests look at a collection once its rows are on screen, as a user does.

    ``show_view`` and ``select`` return once the rows they asked for have arrived (and
    ``select`` says whether the item's row is selected then). Tests of the waiting itself
    (``@pytest.mark.rows_in_flight``) see the window as it is at once.
    """
    if request.node.get_closest_marker("rows_in_flight"):
        return
    show_view, select = MainWindow.show_view, CollectionView.select

    def shown(self, key: str, owner_id: str = ""):
        widget = show_view(self, key, owner_id)
        rows_arrived(widget)
        return widget

    def selected(self, item_id: str, open_editor: bool = True, fetch: bool = True) -> bool:
        if select(self, item_id, open_editor, fetch):
            return True
        rows_arrived(self)
        current = self.table.currentIndex()
        return current.isValid() and self.model.row_of(item_id) == current.row()

    monkeypatch.setattr(MainWindow, "show_view", shown)
    monkeypatch.setattr(CollectionView, "select", selected)


def _deleted(widget) -> None:
    """Close and really delete a widget now, so no thread or timer of it outlives its test."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@contextmanager
def main_window_on(qtbot, library_path: Path) -> Iterator[MainWindow]:
    """A shown main window on ``library_path``, deleted afterwards."""
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    assert win.open_library(library_path)
    win.show()
    try:
        yield win
    finally:
        _deleted(win)


@contextmanager
def shown_composer(qtbot, context, size: tuple[int, int]) -> Iterator:
    """A shown book composer once its first preview is ready; its preview thread stopped and
    the widget deleted afterwards."""
    from briefbook.ui.composer import BookComposer

    widget = BookComposer(context)
    qtbot.addWidget(widget)
    widget.resize(*size)
    with qtbot.waitSignal(widget.preview.ready, timeout=60_000):
        widget.show()
    try:
        yield widget
    finally:
        widget.analyzer.shutdown()
        _deleted(widget)


@pytest.fixture
def window(qtbot, filled, library_path: Path):
    """The main window on the ``filled`` library (the test's ``library`` sees its changes)."""
    with main_window_on(qtbot, library_path) as win:
        yield win


def settle(qtbot, ms: int = 50) -> None:
    qtbot.wait(ms)


@pytest.fixture
def screenshot_dir(tmp_path):
    """Where screenshot tests save their pictures: a temporary folder, so a test run never
    changes the checkout; ``BRIEFBOOK_SCREENSHOTS=docs/screenshots`` refreshes the README's."""
    import os
    from pathlib import Path

    chosen = os.environ.get("BRIEFBOOK_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def seeded(library):
    """A library holding one item of every kind, every field filled (tests.field_cases.seed)."""
    from tests.field_cases import seed

    return seed(library)


@pytest.fixture
def win(qtbot, seeded, library_path: Path):
    """The main window on the ``seeded`` library."""
    with main_window_on(qtbot, library_path) as window:
        yield window
