"""Full-text search off the GUI thread, so typing in a big library never freezes the window.

One worker thread with its own read connection to the library file (SQLite in
WAL mode lets it read while the window writes). Each consumer (a table's
filter, the search view, the quick-jump palette) asks on its own *channel*;
only the newest request of a channel is run, and only its answer is delivered.
A search still running when a newer one of its channel arrives (the next key
typed) is interrupted (``sqlite3.Connection.interrupt``, safe from any thread):
the worker moves on to the newer one at once instead of finishing a stale one.

Besides searches, a consumer can ask for any read of the library on the worker
(:meth:`Searcher.request_read`): a table's filter changed by the user lists its
first page there, because sorting 75,000 talking points by topic takes 30 to
130 ms, more than the window may wait.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from briefbook.ui.notifier import LibraryModel

if TYPE_CHECKING:
    import queue

    from briefbook.library import Library

_STOP = object()


class Searcher(QObject):
    """``found(channel, ticket, hits)`` answers :meth:`request` (errors: ``hits`` is the exception)."""

    found = Signal(str, int, object)

    def __init__(self, model: LibraryModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._queue: queue.Queue | None = None  # made with the first read sent to the worker
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._running: tuple[str, int] | None = None  # the (channel, ticket) the worker runs now
        self._connection = None  # the worker's sqlite3 connection, to interrupt a stale search

    def request(
        self,
        channel: str,
        text: str,
        *,
        kinds: tuple[str, ...] | None = None,
        limit: int = 50,
        snippets: bool | int = True,
    ) -> int:
        """Search ``text``; the answer arrives later through ``found`` with the returned ticket.

        ``snippets=False``: hits without their marked extracts (a list that shows titles
        only); a number: only that many of the best are marked (see ``Library.search``).
        A table's filter asks for its hits ready to show instead (``table_reads.hit_rows``).
        """

        def search(library: Library, _current: Callable[[], bool]) -> object:
            return library.search(text, kinds=kinds, limit=limit, snippets=snippets)

        return self.request_read(channel, search)

    def request_read(
        self,
        channel: str,
        read: Callable[[Library, Callable[[], bool]], Any],
        *,
        after: Callable[[Callable[[], None]], None] | None = None,
    ) -> int:
        """Run ``read(library, current)`` on the worker; its result arrives through ``found``.

        ``read`` gets the worker's own read-only :class:`Library` and ``current()``, which
        says whether its answer is still wanted (no newer request on ``channel``). It must
        only read: the worker's connection is read-only. ``after``: hands the worker the
        read later (``AfterPaint.call``: once the window has painted), the ticket being
        the request's from now on (a newer request or ``forget`` drops it meanwhile).
        """
        ticket = next(self._tickets)
        self._latest[channel] = ticket
        self._interrupt(channel)
        path = getattr(self.model.library, "path", None)
        if path is None:  # a library without a file (not from the app): answer on this thread
            self._answer(channel, ticket, self.model.library, read)
            return ticket

        def send() -> None:
            if not self.is_current(channel, ticket):
                return  # overtaken before it was sent
            if self._queue is None:
                import queue  # here: it and heapq (2.7 M instructions) are no part of the first screen

                self._queue = queue.Queue()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="briefbook-search", daemon=True)
                self._thread.start()
            self._queue.put((channel, ticket, Path(path), read))

        if after is None:
            send()
        else:
            after(send)
        return ticket

    def forget(self, channel: str) -> None:
        """Drop what ``channel`` asked for (its answer is not wanted any more: read on this thread)."""
        self._latest[channel] = next(self._tickets)
        self._interrupt(channel)

    def is_current(self, channel: str, ticket: int) -> bool:
        return self._latest.get(channel) == ticket

    def _interrupt(self, channel: str) -> None:
        with self._lock:
            if self._running is not None and self._running[0] == channel and self._connection is not None:
                self._connection.interrupt()  # overtaken: its answer would be dropped anyway

    def shutdown(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout=5)
        self._thread = None

    # -- the worker thread ------------------------------------------------------

    def _answer(self, channel: str, ticket: int, library: Library, read: Callable) -> None:
        try:
            hits: object = read(library, lambda: self.is_current(channel, ticket))
        except Exception as error:  # delivered to the consumer, which reports it
            hits = error
        if self.is_current(channel, ticket):
            self.found.emit(channel, ticket, hits)

    def _work(self) -> None:
        from briefbook.library import Library

        library: Library | None = None
        opened: Path | None = None
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                channel, ticket, path, read = item
                if not self.is_current(channel, ticket):
                    continue  # a newer request of the same channel is waiting
                if opened != path:
                    if library is not None:
                        self._forget_connection()
                        library.close()
                    # Its own read-only connection: a search never writes and never makes a backup.
                    library, opened = Library.open(path, backup=False, read_only=True), path
                with self._lock:
                    self._running, self._connection = (channel, ticket), library.db.conn
                try:
                    self._answer(channel, ticket, library, read)
                finally:
                    with self._lock:
                        self._running = None
        except Exception as error:  # cannot open the file: tell whoever asked last
            for channel, ticket in list(self._latest.items()):
                self.found.emit(channel, ticket, error)
        finally:
            if library is not None:
                self._forget_connection()
                library.close()

    def _forget_connection(self) -> None:
        with self._lock:
            self._connection = None
