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
- an undo or redo of an edit of a long text (``UpdateFields``; ``SaveSections`` of a book
  whose sections hold one) joins the same queue, after what is already in it, and is never
  replaced: the window does not wait for it (it held the user's input 0.2-0.6 s at each
  undo of a 1 MB point); what an undo does once stored (the
  window hears of it, a refusal said) is done when it is back. Its check that the item still
  holds what the step before left is made on the thread, in the write's transaction, once
  the writes before it are stored;
- anything that needs the stored state first (closing the window or the library, coming
  back to the item, any other edit of the item: what calls the editor's ``flush``; an undo
  while an edit not yet on the undo stack is being stored) waits for the writes to finish,
  the window painting meanwhile and the user's input held, and their results are taken in
  at once; switching to another item does not wait (the write goes on while it shows);
- a stored edit goes on the undo stack as if made on this thread (``UpdateFields``, its
  first redo skipped), and the window hears of it (``notify``) as of any other edit;
- the thread's connection shares the window library's ``commits``
  (:mod:`briefbook.library.own_commits`): the window never takes its own save for another
  window's edit and reloads;
- a refusal (another window changed the item, the text too long) is handed back as the
  error the library raised, to be said where a save on this thread would say it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtCore import QEventLoop

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
    record: Any = None  # the item as stored
    # an undo or redo (``UpdateFields``): already on the undo stack, so never replaced by a
    # newer edit, nor waited for by the next undo
    step: bool = False
    left: dict[str, Any] | None = None  # a step's fields must still hold these, else it is refused
    # a step's own check of ``left`` (refuse_if_changed's arguments), in its words: a book's sections
    check: Callable[..., None] | None = None
    ready: Callable[[Write], None] | None = None  # on the GUI thread, just before it is stored
    on_done: Callable[[Write], None] | None = None  # on the GUI thread, once stored or refused
    commits: Any = None  # the window library's OwnCommits (library.own_commits)


def wait_for(thread: threading.Thread, done: Callable[[], bool] | None = None) -> None:
    """Until ``thread`` ends (or ``done()``), the window going on meanwhile: its timers run and
    it repaints, and what the user types or clicks waits in the queue until then."""
    if not thread.is_alive() or QCoreApplication.instance() is None:
        return
    from PySide6.QtCore import QEventLoop  # made on the first wait, not with the window's first screen

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


def update_elsewhere(
    path: Path,
    kind: str,
    item_id: str,
    values: dict[str, Any],
    expected: str | None,
    commits: Any = None,
):
    """``Library.update`` of a long text on a thread with its own connection, the window going on
    meanwhile (:func:`wait_for`): a book's long text section, stored before what follows.
    Returns the updated record, or raises the library's refusal here. ``commits``: the window
    library's (its own save is not another window's)."""
    write = Write(path, kind, item_id, {}, dict(values), expected, commits=commits)
    thread = threading.Thread(target=store, args=(write,), name="long-text-save")
    thread.start()
    wait_for(thread)
    thread.join()
    if write.error is not None:
        raise write.error
    return write.record


def store(write: Write) -> None:  # on the thread
    """Store ``write`` on a connection of its own; a refusal is kept in ``write.error``."""
    from briefbook.library import Library
    from briefbook.library.edits import refuse_if_changed

    try:
        with Library.open(write.path, backup=False, commits=write.commits) as library:
            if write.left is None:
                updated = library.update(
                    write.kind, write.item_id, expected_updated_at=write.expected, **write.new
                )
            else:
                with library.transaction():  # (checked and written in one: nothing comes between)
                    check = write.check or refuse_if_changed
                    check(library, write.kind, write.item_id, write.left, write.new)
                    updated = library.update(write.kind, write.item_id, **write.new)
            write.updated_at, write.record = updated.updated_at, updated
    except BaseException as error:  # handed back to the GUI thread, said there
        write.error = error


class BackgroundWrites(QObject):
    """The window's writes of long texts, one at a time in the order given; each one's
    ``on_done(write)`` (or the queue's) on the GUI thread once it is back."""

    _arrived = Signal()

    def __init__(
        self,
        on_done: Callable[[Write], None] | None = None,
        parent: QObject | None = None,
        commits: Callable[[], Any] | None = None,
    ):
        super().__init__(parent)
        self.on_done = on_done
        self.commits = commits  # the window library's OwnCommits, asked as each write starts
        self.current: Write | None = None
        self.queue: deque[Write] = deque()
        self._last: Write | None = None  # the write taken in last
        self._thread: threading.Thread | None = None
        self._done: list[Write] = []
        self._lock = threading.Lock()
        self._typing: TypingAfterSteps | None = None  # on the application while steps are held
        self._arrived.connect(self._take_in)

    @property
    def waiting(self) -> Write | None:
        """The write given last, not yet begun."""
        return self.queue[-1] if self.queue else None

    def writes(self) -> list[Write]:
        """Under way and waiting, in order."""
        return ([self.current] if self.current is not None else []) + list(self.queue)

    def busy(self, item_id: str | None = None) -> bool:
        """A write (of ``item_id``) is under way or waiting."""
        return any(item_id is None or w.item_id == item_id for w in self.writes())

    def holds_steps(self) -> bool:
        """An undo or redo is under way or waiting (what the editor shows is not yet its text)."""
        return any(w.step for w in self.writes())

    def holds_edits(self) -> bool:
        """An edit not yet on the undo stack is under way or waiting (an undo must wait for it)."""
        return any(not w.step for w in self.writes())

    def submit(self, write: Write) -> None:
        """Store ``write`` now, or after those under way and waiting; an edit replaces an edit of
        the same fields of the same item given just before it and not yet begun (the last wins)."""
        last = self.waiting
        if self.current is None and last is None:
            self._start(write)
        elif (
            last is not None
            and not last.step
            and not write.step
            and (last.item_id, set(last.new)) == (write.item_id, set(write.new))
        ):
            self.queue[-1] = write
        else:
            self.queue.append(write)
        self._watch_typing()

    def _watch_typing(self) -> None:
        """The application's filter of keys and clicks, there only while an undo or redo is held.

        An application-wide filter in Python is called for every event of every object (each
        paint, timer, layout request): installed for the whole session it cost the window's
        first screen 25 ms (its first events made PySide build their Python classes and enums)
        and every event after it a call into Python, to stop typing during a step that is
        nearly never under way."""
        app = QCoreApplication.instance()
        if app is None:
            return
        held = self.holds_steps()
        if held and self._typing is None:
            self._typing = TypingAfterSteps(self)
            app.installEventFilter(self._typing)
        elif not held and self._typing is not None:
            app.removeEventFilter(self._typing)
            self._typing.deleteLater()
            self._typing = None

    def wait(self, until: Callable[[], bool] | None = None) -> None:
        """Until every write is stored or refused (or ``until()``), each taken in (``on_done``)
        before returning.

        Meanwhile the window goes on (its timers run, it repaints: joining the thread held it
        still 0.3-1 s at an undo, a close or a switch back to the item); what the user types or
        clicks meanwhile waits in the queue until the writes are in, so that nothing acts on
        an item half stored."""
        while until is None or not until():
            thread = self._thread
            if thread is None:
                if not self.queue:
                    return
                self._next()
                continue
            wait_for(thread, lambda t=thread: self._thread is not t or (until is not None and until()))
            if self._thread is thread and (until is None or not until()):
                thread.join()
                self._take_in()

    def _start(self, write: Write) -> None:
        if write.ready is not None:
            write.ready(write)
        if write.commits is None and self.commits is not None:
            write.commits = self.commits()
        self.current = write
        self._thread = threading.Thread(target=self._store, args=(write,), name="long-text-save")
        self._thread.start()

    def _next(self) -> None:
        """Begin the write waiting first; an edit of the item just stored, from what that one left
        (its version, so that it is never taken for another window's)."""
        if self.current is not None or not self.queue:
            return
        following, last = self.queue.popleft(), self._last
        if (
            last is not None
            and last.error is None
            and not last.step
            and not following.step
            and last.item_id == following.item_id
        ):
            following.old = {k: last.new.get(k, v) for k, v in following.old.items()}
            following.expected = last.updated_at
        self._start(following)

    def _store(self, write: Write) -> None:  # on the thread
        if write.error is None:  # (refused before it began: not tried)
            store(write)
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
            self.current, self._last = None, write
            try:
                on_done = write.on_done or self.on_done
                if on_done is not None:
                    on_done(write)  # (before the next begins: an undo after it starts from what it left)
            finally:
                self._next()
                self._watch_typing()


def queue_of(model: Any) -> BackgroundWrites:
    """The window's one queue of long-text writes (``model.writes``), made when first asked for:
    the edits of every editor and the undo stack's steps are stored in the order made."""
    if model.writes is None:
        model.writes = BackgroundWrites(
            parent=model, commits=lambda: model.library.commits if model.is_open else None
        )
    return model.writes


_TYPING = {QEvent.Type.KeyPress, QEvent.Type.InputMethod, QEvent.Type.MouseButtonPress}


class TypingAfterSteps(QObject):
    """A key or click in a field of an editor while an undo or redo is being stored waits for it.

    The editor shows the step's text once it is stored; a key typed before went into the text
    from before the undo, and the save that followed mixed the two (the bench's Thai point: the
    stored text was not the saved one). The undo itself and everything outside the fields (the
    menus, the lists, another undo) go on; only typing into a field waits, as all input did."""

    def __init__(self, writes: BackgroundWrites):
        super().__init__(writes)
        self.writes = writes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TYPING and self.writes.holds_steps() and _in_a_field(watched):
            self.writes.wait(until=lambda: not self.writes.holds_steps())
        return False


def _in_a_field(watched: QObject) -> bool:
    from briefbook.ui.editors.fields import FieldWidget  # (loaded with the first editor)

    widget = watched
    while widget is not None:
        if isinstance(widget, FieldWidget):
            return True
        widget = widget.parent()
    return False
