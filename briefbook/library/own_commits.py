"""Which of the library's changes this window made itself, on any of its connections.

A window has more than one connection to its library: its own, and the thread that stores
a long text (``Library.open(path, backup=False)``). ``PRAGMA data_version`` changes for a
connection whenever *another connection* commits, so the window's check read its own
background save as another window's edit and reloaded every view and the open editor.

Every write transaction of :class:`~briefbook.library.Library` raises the library's change
counter by one (``settings.changes``, :func:`briefbook.store.backup_schedule.bump_changes`),
inside the transaction, while it holds the write lock. So each commit, whoever made it,
takes the next number, and no two commits share one. The connections of one window share
one :class:`OwnCommits` and write their number into it *before* they commit (taken out
again if the commit fails). A check of the window reads the counter and ``data_version``
in one read transaction (the same snapshot): the numbers past the last check that are not
in the set are another process's commits (none past it: nothing was committed, whatever
``data_version`` says; a writer restarting the write-ahead log changes it before it
commits). Nothing depends on when the window hears of its thread's save, so a check that
falls between that commit and its completion, or one change of data_version folding ours
and theirs, cannot mistake one for the other.
"""

from __future__ import annotations

import threading


class OwnCommits:
    """Change-counter numbers committed by one window's connections (any thread adds)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._numbers: set[int] = set()

    def add(self, number: int) -> None:
        """``number`` is ours: called inside the write transaction that took it."""
        with self._lock:
            self._numbers.add(number)

    def discard(self, number: int) -> None:
        """The transaction that took ``number`` did not commit: the next writer takes it."""
        with self._lock:
            self._numbers.discard(number)

    def others_between(self, after: int, upto: int) -> bool:
        """A commit numbered in ``(after, upto]`` was not ours; the numbers up to ``upto`` are forgotten."""
        with self._lock:
            ours = sum(1 for n in self._numbers if after < n <= upto)
            self._numbers = {n for n in self._numbers if n > upto}
        return upto - after > ours

    def forget_up_to(self, upto: int) -> None:
        """Numbers a check has accounted for are not kept."""
        with self._lock:
            self._numbers = {n for n in self._numbers if n > upto}
