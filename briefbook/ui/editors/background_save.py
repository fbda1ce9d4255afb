"""A long text stored in the library off the GUI thread, one write at a time.

Storing the 1 MB report a user pasted into one talking point takes the library 0.2-0.6 s
(its full-text index of the whole text, the version it keeps, the commit): on the GUI
thread, the window stood still that long at every save after a pause in typing. So the
editor hands a text of more than :data:`BIG` characters to a thread of its own, with its
own connection to the file (``Library.open(backup=False)``, as the preview thread has);
SQLite releases Python's lock while it works, and the window goes on.

The rules that keep every edit, in order:

- one write at a time; an edit of the same field made while one is being stored waits
  for it and replaces any edit already waiting (the last wins), then is stored from what
  the first one left (its version, so that it is never taken for another window's);
- anything that needs the stored state first (closing the window or the library, undo and
  redo, coming back to the item, any other edit of the item: what calls the editor's
  ``flush``) waits for the writes to finish, the window painting meanwhile and the user's
  input held, and their results are taken in at once; switching to another item does not
  wait (the write goes on while it shows);
- a stored edit goes on the undo stack as if made on this thread (``UpdateFields``, its
  first redo skipped), and the window hears of it (``notify``) as of any other edit;
- a refusal (another window changed the item, the text too long) is handed back as the
  error the library raised, to be said where a save on this thread would say it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

BIG = 100_000  # characters: a text longer than this is stored off the GUI thread
POLL_MS = 5  # while waiting for a write: how often the window asks whether it is done


@dataclass
class Write:
    """``new`` for the fields of one item, from ``old``, expecting its version ``expected``."""

    path: Path
    kind: str
    item_id: str
    old: dict[str, Any]
    new: dict[str, Any]
    expected: str | None
    updated_at: str = ""  # the version it left (set once stored)
    error: BaseException | None = None
    record: Any = None  # the item as stored (update_elsewhere)


def wait_for(thread: threading.Thread, done: Callable[[], bool] | None = None) -> None:
    """Until ``thread`` ends (or ``done()``), the window going on meanwhile: its timers run and
    it repaints, and what the user types or clicks waits in the queue until then."""
    if not thread.is_alive() or QCoreApplication.instance() is None:
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(partial(_quit_when_done, loop, thread, done))
    poll.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    poll.stop()


def _quit_when_done(loop: QEventLoop, thread: threading.Thread, done: Callable[[], bool] | None) -> None:
    if not thread.is_alive() or (done is not None and done()):
        loop.quit()


def update_elsewhere(path: Path, kind: str, item_id: str, values: dict[str, Any], expected: str | None):
    """``Library.update`` of a long text on a thread with its own connection, the window going on
    meanwhile (:func:`wait_for`): an undo or redo of an edit of a 1 MB point, or a save that
    must be stored before what follows (an undo, a close), held the window 0.2-0.6 s. Returns
    the updated record, or raises the library's refusal here."""
    write = Write(path, kind, item_id, {}, dict(values), expected)
    thread = threading.Thread(target=_update, args=(write,), name="long-text-save")
    thread.start()
    wait_for(thread)
    thread.join()
    if write.error is not None:
        raise write.error
    return write.record


def _update(write: Write) -> None:  # on the thread
    from briefbook.library import Library

    try:
        with Library.open(write.path, backup=False) as library:
            write.record = library.update(
                write.kind, write.item_id, expected_updated_at=write.expected, **write.new
            )
    except BaseException as error:  # raised again on the GUI thread
        write.error = error


class BackgroundWrites(QObject):
    """The editor's writes of long texts; ``finished(write)`` on the GUI thread for each."""

    _arrived = Signal()

    def __init__(self, on_done: Callable[[Write], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_done = on_done
        self.current: Write | None = None
        self.waiting: Write | None = None
        self._thread: threading.Thread | None = None
        self._done: list[Write] = []
        self._lock = threading.Lock()
        self._arrived.connect(self._take_in)

    def busy(self, item_id: str | None = None) -> bool:
        """A write (of ``item_id``) is under way or waiting."""
        return any(
            w is not None and (item_id is None or w.item_id == item_id) for w in (self.current, self.waiting)
        )

    def submit(self, write: Write) -> None:
        """Store ``write`` now, or after the one under way (replacing one already waiting)."""
        if self.current is None:
            self._start(write)
        else:
            self.waiting = write

    def wait(self) -> None:
        """Until every write is stored or refused, each taken in (``on_done``) before returning.

        Meanwhile the window goes on (its timers run, it repaints: joining the thread held it
        still 0.3-1 s at an undo, a close or a switch back to the item); what the user types or
        clicks meanwhile waits in the queue until the writes are in, so that nothing acts on
        an item half stored."""
        while self._thread is not None:
            wait_for(self._thread, lambda: self._thread is None)  # (taken in meanwhile)
            if self._thread is not None:
                self._thread.join()
                self._take_in()

    def _start(self, write: Write) -> None:
        self.current = write
        self._thread = threading.Thread(target=self._store, args=(write,), name="long-text-save")
        self._thread.start()

    def _store(self, write: Write) -> None:  # on the thread
        from briefbook.library import Library

        try:
            with Library.open(write.path, backup=False) as library:
                updated = library.update(
                    write.kind, write.item_id, expected_updated_at=write.expected, **write.new
                )
                write.updated_at = updated.updated_at
        except BaseException as error:  # handed back to the GUI thread, said there
            write.error = error
        with self._lock:
            self._done.append(write)
        self._arrived.emit()  # (queued to the GUI thread)

    def _take_in(self) -> None:
        with self._lock:
            done, self._done = self._done, []
        for write in done:
            if self._thread is not None:
                self._thread.join()
                self._thread = None
            self.current = None
            following, self.waiting = self.waiting, None
            if following is not None:
                if write.error is None:  # from what the first one left
                    following.old = {k: write.new.get(k, v) for k, v in following.old.items()}
                    following.expected = write.updated_at
                self._start(following)
            self.on_done(write)
