"""One export in a process of its own, so that a long export never stalls the window.

reportlab's C code holds Python's GIL for tens to hundreds of milliseconds at a
time; in a thread of the window's process that froze the window (up to 380 ms on a
500-meeting book). In a separate process (``multiprocessing``, *spawn*: a fresh
interpreter, the same on every system) the window's process only reads a few
messages from a pipe.

The child (:func:`run_export`) sends over its end of the pipe::

    ("progress", stage, done, total)     at most every PROGRESS_EVERY_S, and at each stage's end
    ("finished", [paths])                the files written
    ("failed", message)                  a BriefBookError, in the core's words (the window translates)
    ("unexpected", traceback text)       a bug: the window logs it and says so plainly
    ("cancelled",)                       stopped on request

Cancel ends the child: the parent sends it SIGTERM (:meth:`ExportProcess.cancel`),
which raises :class:`Terminated` in the child wherever it is; the renderers write
through a temporary file and rename it only when complete, so unwinding leaves no
half-written file (and a child that had to be killed outright leaves only a
temporary file, which the next export into that folder removes). This module is
core code: no Qt, so the child never loads the window's libraries.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from briefbook.errors import BriefBookError, Cancelled

PROGRESS_EVERY_S = 0.05
GONE_WAIT_S = 5.0  # a child whose pipe closed without a word has this long to exit
REAP_WAIT_S = 60.0  # the reaper thread waits this long for a child that said its last word
STALE_AFTER_S = 3600  # an export's temporary file older than this is left over from a crash


class Terminated(BaseException):
    """Raised in the child by SIGTERM: not an ``Exception``, so no ``except Exception`` swallows it."""


def _terminate(_signum: int, _frame: Any) -> None:
    raise Terminated


def run_export(
    library_path: str, book_id: str, target: str, options: Any, channel: Connection, read_only: bool = False
) -> None:
    """The child's work: one ``export_book``, its progress and its end sent over ``channel``.

    ``read_only``: the window's library is read-only, so the child's is too (it records no
    export in a library the window may not change, whoever may write the file)."""
    signal.signal(signal.SIGTERM, _terminate)
    last = ["", 0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != last[0] or done >= total or now - last[1] >= PROGRESS_EVERY_S:
            last[0], last[1] = stage, now
            channel.send(("progress", stage, done, total))

    try:
        from briefbook.export import cleanup_stale_exports, export_book
        from briefbook.library import Library

        cleanup_stale_exports(Path(target).parent, older_than=STALE_AFTER_S)
        library = Library.open(library_path, backup=False, read_only=read_only)
        try:
            paths = export_book(
                library, book_id, Path(target), options, progress=progress, cancel=threading.Event()
            )
        finally:
            library.close()
    except (Terminated, Cancelled):
        channel.send(("cancelled",))
    except BriefBookError as error:
        channel.send(("failed", str(error)))
    except Exception:
        channel.send(("unexpected", traceback.format_exc()))
    else:
        channel.send(("finished", [str(p) for p in paths]))
    finally:
        channel.close()


class ExportProcess:
    """The parent's side: start the child, read what it sent (never blocking), cancel it."""

    def __init__(self, library_path: Path, book_id: str, target: Path, options: Any, read_only: bool = False):
        context = multiprocessing.get_context("spawn")
        self._mine, theirs = context.Pipe(duplex=False)
        self.process = context.Process(
            target=run_export,
            args=(str(library_path), book_id, str(target), options, theirs, read_only),
            name="briefbook-export",
            daemon=True,
        )
        self._theirs = theirs
        self._gone_at: float | None = None  # when its end of the pipe was found closed
        self.ended: tuple | None = None  # the last message once the child is done
        self._reaper: threading.Thread | None = None

    def start(self) -> None:
        self.process.start()
        self._theirs.close()  # the child holds its end now: EOF tells us it is gone

    def messages(self) -> list[tuple]:
        """Everything the child sent since the last call; a child that died adds its own end.

        Never waits (the window calls it from a timer): a child that said its last word
        is still closing its library and its interpreter, sometimes for a few hundred
        milliseconds on a busy machine, so it is reaped by a thread of its own
        (:meth:`_reap`); one whose pipe closed without a word is looked at again at the
        next call until it has exited (killed after :data:`GONE_WAIT_S`).
        """
        out: list[tuple] = []
        if self.ended is not None:
            return out
        try:
            while self._mine.poll():
                message = self._mine.recv()
                out.append(message)
                if message[0] != "progress":
                    self.ended = message
                    break
        except (EOFError, OSError):  # its end is closed: it said all it will say
            if self._gone_at is None:
                self._gone_at = time.monotonic()
        if self.ended is None and (self._gone_at is not None or not self.process.is_alive()):
            if self.process.is_alive():  # on its way out: its exit code comes at a later call
                if time.monotonic() - (self._gone_at or 0.0) < GONE_WAIT_S:
                    return out
                self.process.kill()
                self.process.join(5)
            code = self.process.exitcode
            killed = code is not None and code < 0  # ended by a signal: by our cancel, or the system's
            self.ended = ("cancelled",) if killed else ("unexpected", f"exit code {code}")
            out.append(self.ended)
        if self.ended is not None:
            self._mine.close()
            self._reap()
        return out

    def _reap(self) -> None:
        """Wait for the child to exit on a thread of its own (``join`` there, never in the window)."""
        if self._reaper is None and self.process.is_alive():
            self._reaper = threading.Thread(
                target=self.process.join, args=(REAP_WAIT_S,), name="briefbook-export-reaper", daemon=True
            )
            self._reaper.start()

    def wait(self, timeout: float) -> int | None:
        """Wait up to ``timeout`` seconds for the child to exit; its exit code, or None.

        Once the reaper runs, only it may wait on the child: two threads in ``join`` race
        for the one exit status, and the loser comes back at once with no exit code.
        """
        deadline = time.monotonic() + timeout
        if self._reaper is not None:
            self._reaper.join(timeout)
        if self.process.exitcode is None and (self._reaper is None or not self._reaper.is_alive()):
            self.process.join(max(0.0, deadline - time.monotonic()))
        return self.process.exitcode

    def cancel(self) -> None:
        """Ask the child to stop (SIGTERM: it unwinds and says "cancelled").

        A child that said its last word is past stopping, and the reaper may be waiting on
        it: asking whether it is alive would race the reaper for its exit status (and could
        signal a pid the system has given to another process), so it is left to exit.
        """
        if self.ended is not None:  # (only then is there a reaper)
            return
        if self.process.is_alive():
            self.process.terminate()

    def stop(self, timeout: float = 10.0) -> None:
        """Cancel and wait for the child; kill it if it does not end in ``timeout`` seconds."""
        self.cancel()
        if self.wait(timeout) is None:
            self.process.kill()
            self.wait(5)
