"""Long work off the GUI thread: exporting a book, and assembling it for the preview.

:class:`ExportJob` runs :func:`briefbook.export.export_book` in an
:class:`ExportWorker` on a ``QThread`` and turns the core's plain-Python
progress callback into signals; Cancel sets the ``threading.Event`` the core
checks. :class:`BookAnalyzer` assembles a book and runs its preflight on one
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
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from briefbook.assemble import assemble_with_warnings
from briefbook.errors import BriefBookError, Cancelled
from briefbook.export import ExportOptions, cleanup_stale_exports, export_book
from briefbook.library import Library
from briefbook.ui.export_messages import export_message

log = logging.getLogger("briefbook")

PROGRESS_EVERY_S = 0.05  # at most this often a progress signal crosses to the GUI thread
IDLE_S = 20.0  # the preview thread closes its connection and ends after this long without work
STALE_AFTER_S = 3600  # an export's temporary file older than this is left over from a crash


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


class ExportWorker(QObject):
    """Runs one export on the thread it was moved to. Create through :class:`ExportJob`."""

    progress = Signal(str, int, int)  # stage ("assemble", "pdf", "docx"), done, total
    finished = Signal(list)  # the paths written, as strings
    failed = Signal(str)  # a message in plain words, already translated
    cancelled = Signal()

    def __init__(self, library_path: Path, book_id: str, target: Path, options: ExportOptions):
        super().__init__()
        self.library_path, self.book_id, self.target, self.options = library_path, book_id, target, options
        self.cancel_event = threading.Event()
        self._last: tuple[str, float] = ("", 0.0)

    def _progress(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        last_stage, last_time = self._last
        if stage != last_stage or done >= total or now - last_time >= PROGRESS_EVERY_S:
            self._last = (stage, now)
            self.progress.emit(stage, done, total)

    @Slot()
    def run(self) -> None:
        try:
            # Temporary files an export killed half-way left here (not one running now).
            cleanup_stale_exports(self.target.parent, older_than=STALE_AFTER_S)
            library = Library.open(self.library_path, backup=False)
            try:
                paths = export_book(
                    library,
                    self.book_id,
                    self.target,
                    self.options,
                    progress=self._progress,
                    cancel=self.cancel_event,
                )
            finally:
                library.close()
        except Cancelled:
            self.cancelled.emit()
        except BriefBookError as error:
            log.info("Export failed: %s", error)
            self.failed.emit(export_message(error))
        except Exception as error:
            message = unexpected_message()
            log.error("Export failed unexpectedly", exc_info=error)
            self.failed.emit(message)
        else:
            self.finished.emit([str(p) for p in paths])


class ExportJob(QObject):
    """One export on its own ``QThread``: :meth:`start`, :meth:`cancel`; the worker's signals, forwarded.

    Exactly one of ``finished``, ``failed``, ``cancelled`` arrives, then ``done``.
    """

    progress = Signal(str, int, int)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(
        self,
        library_path: Path,
        book_id: str,
        target: Path,
        options: ExportOptions,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.target = Path(target)
        self.worker = ExportWorker(Path(library_path), book_id, self.target, options)
        self.thread = QThread()
        self.thread.setObjectName("briefbook-export")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self._running = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def start(self) -> None:
        self._running = True
        self.thread.start()

    def cancel(self) -> None:
        """Ask the export to stop; ``cancelled`` follows when it has (no file is changed)."""
        self.worker.cancel_event.set()

    def is_running(self) -> bool:
        return self._running

    def stop(self, timeout_ms: int = 30_000) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        self.cancel()
        self.thread.quit()
        self.thread.wait(timeout_ms)

    def _end(self) -> None:
        self._running = False
        self.thread.quit()
        self.thread.wait()

    def _finished(self, paths: list) -> None:
        self._end()
        self.finished.emit(paths)
        self.done.emit()

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        self.done.emit()

    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        self.done.emit()


# -- preview and preflight --------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisRequest:
    ticket: int
    path: Path | None
    book_id: str
    releasable: bool


_STOP = object()


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
                try:
                    self._deliver.emit(result)
                except RuntimeError:  # the composer is gone (window closed): nobody to tell
                    return
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
