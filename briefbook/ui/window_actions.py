"""What the main window's menu actions do: libraries, undo, items, search, help.

A mixin of :class:`~briefbook.ui.main_window.MainWindow`, kept apart so that the
window module holds only its layout and views.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from briefbook.errors import NotFound
from briefbook.ui.item_menu import linked_id
from briefbook.ui.library_files import ask_new_path, ask_open_path, demo_library_path, ensure_demo_library

if TYPE_CHECKING:  # the library (and sqlite-utils) load after the window is shown
    from briefbook.library import Library
    from briefbook.ui.quick_jump import QuickJump


class WindowActions:
    """Needs ``settings``, ``model``, ``undo_stack``, ``actions``, ``views``, ``show_view`` of the window."""

    # -- libraries -----------------------------------------------------------------------

    def open_library(self, path: str | Path, *, read_only: bool = False) -> bool:
        """Open the library at ``path`` in this window; False (and a message) if it cannot be opened.

        A damaged file is offered its newest good backup, a file from a newer BriefBook
        is refused untouched (:mod:`briefbook.ui.library_recovery`); ``read_only`` opens
        it for reading only (as happens by itself when the file is not writable).
        """
        # Loaded with the library, after the first table is shown (its backup messages: 2 ms).
        from briefbook.ui.library_recovery import open_library_file

        path = Path(path)
        library = open_library_file(self, path, read_only=read_only)
        if library is None:
            return False
        self.flush()
        self.undo_stack.clear()
        self.model.set_library(library)
        self._back_up_when_opened(library)
        self.settings.last_library = path.resolve()
        self.settings.add_recent_library(path)
        self._show_library_name()
        if not self.current_key:
            last = self.settings.last_view
            self.show_view(last if last in self.factories else "talking_point")
        elif hasattr(self.current_view(), "activate"):
            self.current_view().activate()
        return True

    def _back_up_when_opened(self, library: Library) -> None:
        """The backup on open, when one is due, on a thread of its own: the first table never waits for it.

        ``Library.backup_if_due`` uses connections of its own, none of the window's.
        The thread is not a daemon: quitting waits for a backup under way to finish.
        """
        if library.read_only:
            return
        self.open_backup = threading.Thread(
            target=library.backup_if_due, args=("open",), name="backup-on-open"
        )
        self.open_backup.start()

    def close_library(self) -> None:
        """Save pending edits and close every connection of this window to the library file."""
        self.flush()
        self.searcher.shutdown()
        for widget in self.views.values():
            analyzer = getattr(widget, "analyzer", None)  # the composer's preview thread
            if analyzer is not None:
                analyzer.shutdown()
        self.undo_stack.clear()
        self.model.set_library(None)
        self._show_library_name()

    def show_backups(self) -> None:
        """File → Backups…: list, make and restore backups of the open library."""
        from briefbook.ui import backups_dialog  # loads the store: only when asked for

        backups_dialog.show_backups(self)

    def new_library(self) -> None:
        from briefbook.library import Library

        path = ask_new_path(self)
        if path is not None:
            Library.create(path).close()
            self.open_library(path)

    def choose_library(self) -> None:
        path = ask_open_path(self)
        if path is not None:
            self.open_library(path)

    def open_demo_library(self) -> None:
        self.open_library(ensure_demo_library(demo_library_path()))

    def _fill_recent_menu(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        for i, path in enumerate(self.settings.recent_libraries[:9], start=1):
            action = menu.addAction(f"&{i} {path.name}  ({path.parent})")
            action.setObjectName(f"action_recent_{i}")
            action.triggered.connect(partial(self.open_library, path))
        if menu.isEmpty():
            menu.addAction(self.tr("(no recent libraries)")).setEnabled(False)
        else:  # as Word's "Clear unpinned items": the files stay where they are
            menu.addSeparator()
            clear = menu.addAction(self.tr("&Clear this list"))
            clear.setObjectName("action_recent_clear")
            clear.triggered.connect(self.settings.clear_recent_libraries)

    def _show_library_name(self, shown: Path | None = None) -> None:
        """The open library's name in the title and status bar (``shown``: a file shown before it opens)."""
        path = self.model.library.path if self.model.is_open else shown
        self.setWindowTitle(f"{path.name} — BriefBook" if path else "BriefBook")
        self.library_label.setText(self.tr("Library: %1").replace("%1", str(path)) if path else "")

    # -- editing -------------------------------------------------------------------------------

    def flush(self) -> None:
        """Save every pending edit (before switching library, before closing, before undo)."""
        for widget in self.views.values():
            if hasattr(widget, "flush"):
                widget.flush()

    def store_before_closing(self) -> bool:
        """Every pending edit saved, the long texts being stored waited for with the window
        already gone; False (the window shown again) if one of them was refused.

        Closing waited for a long text under way with the window still on screen (0.2-0.7 s
        for a 1 MB point) and nothing for the user to do meanwhile. The window now hides at
        once; the process still waits here, so the text is stored and committed before it
        exits. A refusal (another window changed the item, the text too long) is said at the
        field, with the text kept: the window comes back and stays open, as Word does not
        close over a document it could not save."""
        self._flush_handing_on()
        writes = self.model.writes  # (background_save.queue_of: made with the first editor)
        if writes is None or not writes.busy():
            return True
        pending, shown = writes.writes(), self.isVisible()
        self.hide()
        writes.wait()
        if not any(write.error is not None for write in pending):
            return True
        if shown:
            self.show()
        return False

    def _flush_handing_on(self) -> None:
        """Pending edits saved; a long text's handed to its thread, not waited for."""
        for widget in self.views.values():
            if hasattr(widget, "flush"):
                if hasattr(widget, "editor"):  # (a list with its editor)
                    widget.flush(wait=False)
                else:
                    widget.flush()

    def undo(self) -> None:
        self._flush_for_step()
        self.undo_stack.undo()

    def redo(self) -> None:
        self._flush_for_step()
        self.undo_stack.redo()

    def _flush_for_step(self) -> None:
        """Pending edits saved before an undo or redo, without waiting for the long texts being
        stored: a step joins their queue after them (``UpdateFields``). Only an edit not yet on
        the undo stack (still being stored) is waited for, so that the step is the one after it."""
        self._flush_handing_on()
        writes = self.model.writes  # (background_save.queue_of: made with the first editor)
        if writes is not None:
            writes.wait(until=lambda: not writes.holds_edits())

    def new_item(self) -> None:
        widget = self.current_view()
        if widget is not None and hasattr(widget, "new_item"):
            widget.new_item()

    def duplicate_items(self) -> None:
        widget = self.current_view()
        if widget is not None and hasattr(widget, "duplicate_selected"):
            widget.duplicate_selected()

    def delete_items(self) -> None:
        widget = self.current_view()
        if widget is not None and hasattr(widget, "delete_selected"):
            widget.delete_selected()

    # -- finding ---------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_field.text().strip()
        if not self.model.is_open:
            return
        if not text:  # emptied: the results shown go too (and an answer on its way is dropped)
            if self.current_key == "search":
                self.current_view().search("")
            return
        if (item_id := linked_id(text)) is not None:  # a pasted link to an item: open it
            try:
                record = self.model.library.find(item_id)
            except NotFound:
                pass
            else:
                self.open_item(record.KIND, record.id)
                return
        self.show_view("search").search(text)

    def quick_jump(self) -> QuickJump:
        if self._quick_jump is None:
            from briefbook.ui.quick_jump import QuickJump  # on the first Ctrl+K, not at start

            self._quick_jump = QuickJump(self.context, self)
            self._quick_jump.jump.connect(self.open_item)
        return self._quick_jump

    def show_quick_jump(self) -> None:
        if self.model.is_open:
            self.quick_jump().popup()

    def show_about(self) -> None:
        """Help → About: what BriefBook is, and its version."""
        from briefbook.ui.help_window import show_about

        show_about(self)

    def show_help(self):
        """F1: the offline help page, in a window of its own beside this one."""
        from briefbook.ui.help_window import HelpWindow

        if getattr(self, "_help", None) is None:
            self._help = HelpWindow(self)
        self._help.show_page()
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()
        return self._help
