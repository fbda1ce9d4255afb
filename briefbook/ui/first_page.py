"""The first table filled before the library loads: what a start shows first.

Opening the library at start costs about 70 ms (sqlite-utils and the library layer
load, the file is checked), and the first table waited for it. Now, in the first
turn after the window is shown, the view the window opens with is built and its
first page read through :class:`~briefbook.library.first_page.FirstPageReader`
(the Library's own queries over a read-only ``sqlite3`` connection); the full open
follows in the next turn, after that page is painted, and reads the same rows again.

A file the full open could refuse, back up or migrate is never read here (see
:mod:`briefbook.store.quick_open`): it waits for the full open and its message, as
before. Until the library is open the rows are for looking only: choosing one opens
nothing, no next page is fetched, and the editing actions stay disabled.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from briefbook.ui import error_hook
from briefbook.ui.labels import KIND_ORDER

if TYPE_CHECKING:
    from briefbook.ui.main_window import MainWindow

log = logging.getLogger("briefbook")


def start_view(window: MainWindow) -> str:
    """The view a start opens with (as :meth:`WindowActions.open_library` chooses it)."""
    last = window.settings.last_view
    return last if last in window.factories else "talking_point"


def show_first_page(window: MainWindow, path: Path) -> bool:
    """Show the start view with its first page read from ``path``; False if that waits for the open."""
    key = start_view(window)
    if window.model.is_open or window.current_key or key not in KIND_ORDER:
        return False
    from briefbook.library.first_page import FirstPageReader

    reader = FirstPageReader.open(path)
    if reader is None:
        return False
    try:
        with reader:
            view = window.show_view(key)
            view.show_first_page(reader)
            view.filters.refresh_options(reader)  # "Topic: all"...: as the open fills them
            window.sidebar.refresh_children(reader)  # the events under "Events"
            window.sidebar.select_key(key)
            window._show_library_name(path)
    except Exception as error:  # the full open reads the file next, and says what is wrong with it
        error_hook.setup_logging()
        log.info("the first page of %s was not read before the open: %s", path, error)
        forget_first_page(window)
        return False
    return True


def forget_first_page(window: MainWindow) -> None:
    """The library did not open after all: the view shown with its first page goes (as if never shown)."""
    if window.model.is_open or not window.current_key:
        return
    key, window.current_key = window.current_key, ""
    widget = window.views.pop(key, None)
    if widget is not None:
        window.view_stack.removeWidget(widget)
        widget.deleteLater()
    window.sidebar.refresh_children()
    window.sidebar.select_key("")
    window._show_library_name()
    window._update_edit_actions()
