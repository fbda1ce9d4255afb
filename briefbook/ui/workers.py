"""Long work off the GUI thread: exporting a book, and assembling it for the preview.

:class:`ExportJob` runs :func:`briefbook.export.export_book` in a child
process (:mod:`briefbook.export_process`) and turns what it reports into signals;
Cancel ends that process. :class:`BookAnalyzer` assembles a book and runs its preflight on one
background thread (newest request wins), so a 500-meeting book never freezes
the composer.

Neither shares the window's SQLite connection: each opens its own
``Library`` on the same file (WAL: readers never block the writer) and
closes it when done.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from briefbook.assemble import assemble_with_warnings
from briefbook.errors import BriefBookError
from briefbook.export import ExportOptions
from briefbook.export_process import ExportProcess
from briefbook.library import Library
from briefbook.ui.export_messages import export_message

log = logging.getLogger("briefbook")

POLL_MS = 25  # how often the window reads what the export's process sent
IDLE_S = 20.0  # the preview thread closes its connection and ends after this long without work


def unexpected_message() -> str:
    """What the user reads when something we did not foresee broke (the traceback goes to the log)."""
    from briefbook.ui.error_hook import log_path, setup_logging

    setup_logging()
    return QCoreApplication.translate(
        "Workers",
        "BriefBook ran into an unexpected problem and could not finish the export. "
        "Your library is safe.\n\nThe details were written to %1.",
    ).replace("%1", str(log_path()))


# -- export ----------------------------------------------------------------------------------


class ExportJob(QObject):
    """One export in a child process (:mod:`briefbook.export_process`): :meth:`start`, :meth:`cancel`.

    The window only polls the child's pipe every :data:`POLL_MS` (a few
    microseconds each), so an export never holds the window's GIL. Exactly one of
    ``finished``, ``failed``, ``cancelled`` arrives, then ``done``.
    """

    progress = Signal(str, int, int)  # stage ("assemble", "pdf", "docx"), done, total
    finished = Signal(list)  # the paths written, as strings
    failed = Signal(str)  # a message in plain words, already translated
    cancelled = Signal()
    done = Signal()

    def __init__(
        self,
        library_path: Path,
        book_id: str,
        target: Path,
        options: ExportOptions,
        parent: QObject | None = None,
        read_only: bool = False,
    ):
        super().__init__(parent)
        self.target = Path(target)
        self.child = ExportProcess(Path(library_path), book_id, self.target, options, read_only)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._read)
        self._running = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def start(self) -> None:
        self._running = True
        self.child.start()
        self._poll.start()

    def cancel(self) -> None:
        """Stop the export: its process ends; ``cancelled`` follows (no file is changed)."""
        self.child.cancel()

    def is_running(self) -> bool:
        return self._running

    def stop(self, timeout_ms: int = 30_000) -> None:
        """Cancel and wait for the child process (the window is closing)."""
        if self._running:
            self.child.stop(timeout_ms / 1000)
            self._read()

    def _read(self) -> None:
        latest = None
        for message in self.child.messages():
            if message[0] == "progress":
                latest = message
                continue
            if latest is not None:
                self.progress.emit(*latest[1:])
                latest = None
            self._end(message)
            return
        if latest is not None:  # only the newest progress of this turn is worth showing
            self.progress.emit(*latest[1:])

    def _end(self, message: tuple) -> None:
        self._running = False
        self._poll.stop()
        what = message[0]
        if what == "finished":
            self.finished.emit(message[1])
        elif what == "cancelled":
            self.cancelled.emit()
        elif what == "failed":
            log.info("Export failed: %s", message[1])
            self.failed.emit(export_message(message[1]))
        else:
            text = unexpected_message()
            log.error("Export failed unexpectedly: %s", message[1])
            self.failed.emit(text)
        self.done.emit()


# -- preview and preflight --------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisRequest:
    ticket: int
    path: Path | None
    book_id: str
    releasable: bool


_STOP = object()


class _Gone:
    """Whether the analyser's owner is being destroyed; emits only while it is not.

    The lock makes "check, then emit" one step against :meth:`mark`, which runs on the GUI
    thread while the owner is destroyed: an emit either finishes before the owner goes, or
    does not start.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._gone = False

    def mark(self) -> None:
        with self._lock:
            self._gone = True

    def deliver(self, signal, result: tuple) -> bool:
        with self._lock:
            if self._gone:
                return False
            try:
                signal.emit(result)
            except RuntimeError:  # the C++ object is already gone
                self._gone = True
                return False
            return True


class BookAnalyzer(QObject):
    """Assemble a book and run its preflight on a background thread.

    ``analysed(ticket, document, warnings)`` or ``failed(ticket, message)``
    answers :meth:`request`; an answer to an older request than the newest is
    dropped. A library without a file is analysed on the calling thread.
    """

    analysed = Signal(int, object, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tickets = itertools.count(1)
        self.latest = 0
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._gone = _Gone()
        if parent is not None:
            # Once the composer is being destroyed, the thread must not emit on this object:
            # a signal emitted from a Python thread on a deleted QObject crashes the process.
            gone = self._gone
            parent.destroyed.connect(lambda *_: gone.mark())
        self._deliver.connect(self._on_result)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    _deliver = Signal(object)  # (ticket, document | None, warnings | None, message | None)

    def request(self, library: Library, book_id: str, *, releasable: bool = False) -> int:
        ticket = next(self._tickets)
        self.latest = ticket
        job = AnalysisRequest(ticket, getattr(library, "path", None), book_id, releasable)
        if job.path is None:
            self._deliver.emit(self._analyse(library, job))
            return ticket
        with self._lock:
            self._queue.put(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="briefbook-preview", daemon=True)
                self._thread.start()
        return ticket

    def forget(self) -> None:
        """Drop the answers still on their way (another library was opened)."""
        self.latest = next(self._tickets)

    def shutdown(self) -> None:
        """Stop the thread (it also stops by itself after IDLE_S without work)."""
        with self._lock:
            thread = self._thread
            if thread is not None:
                self._queue.put(_STOP)
        if thread is not None:
            thread.join(5)

    @staticmethod
    def _analyse(library: Library, job: AnalysisRequest) -> tuple:
        try:
            document, warnings = assemble_with_warnings(library, job.book_id, releasable=job.releasable)
        except BriefBookError as error:
            return (job.ticket, None, None, export_message(error))
        except Exception as error:  # a bug in assembly: log it, keep the window working
            log.error("Preview failed", exc_info=error)
            return (job.ticket, None, None, unexpected_message())
        return (job.ticket, document, warnings, None)

    def _next_job(self):
        """The newest waiting request, _STOP, or None when idle for IDLE_S (the thread then ends)."""
        try:
            job = self._queue.get(timeout=IDLE_S)
        except queue.Empty:
            with self._lock:
                if self._queue.empty():
                    self._thread = None
                    return None
            job = self._queue.get()
        while not self._queue.empty():  # only the newest request matters
            newer = self._queue.get()
            job = job if job is _STOP else newer
        if job is _STOP:
            with self._lock:
                self._thread = None
        return job

    def _work(self) -> None:
        library: Library | None = None
        try:
            while True:
                job = self._next_job()
                if job is None or job is _STOP:
                    return
                if job.ticket != self.latest:
                    continue
                try:
                    if library is None or library.path != job.path:
                        if library is not None:
                            library.close()
                            library = None
                        library = Library.open(job.path, backup=False)
                except BriefBookError as error:
                    result = (job.ticket, None, None, export_message(error))
                else:
                    result = self._analyse(library, job)
                if not self._gone.deliver(self._deliver, result):
                    return  # the composer is gone (window closed): nobody to tell
        finally:
            if library is not None:
                library.close()

    def _on_result(self, result: tuple) -> None:
        ticket, document, warnings, message = result
        if ticket != self.latest:
            return
        if message is not None:
            self.failed.emit(ticket, message)
        else:
            self.analysed.emit(ticket, document, warnings)
