"""The export dialog's run: the export started on its own thread, its progress, Cancel, the outcome.

A mixin of :class:`~briefbook.ui.export_dialog.ExportDialog`. The export runs in an
:class:`~briefbook.ui.workers.ExportJob` (its own thread and its own connection to the
library), so the window stays responsive however big the book. When it is done, "Open"
and "Show in folder"; when it fails, the message in plain words (the renderers write
atomically, so the previous file is intact). Closing the dialog during an export
cancels it first.

Its strings keep the ``ExportDialog`` translation context (literal
``QCoreApplication.translate("ExportDialog", ...)``, which ``pyside6-lupdate`` reads): a
``self.tr`` here would file them under this mixin's name at the next rebuild of the
``.ts`` and lose their Vietnamese.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMenu

from briefbook.errors import BriefBookError
from briefbook.ui import error_hook
from briefbook.ui.export_files import open_path
from briefbook.ui.export_messages import export_message
from briefbook.ui.export_target import resolve_target
from briefbook.ui.workers import ExportJob


class ExportRunMixin:
    """Starting, following, cancelling and ending the export (see the module's docstring)."""

    # -- running ------------------------------------------------------------------------------------

    def _running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.formats,
            self.path_edit,
            self.browse_button,
            self.template,
            self.ceiling,
            self.drafts,
            self.language,
            self.sharing,
            self.changes_page,
            self.export_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setText(
            QCoreApplication.translate("ExportDialog", "Cancel")
            if running
            else QCoreApplication.translate("ExportDialog", "Close")
        )
        self.open_button.setVisible(bool(self.written) and not running)
        self.folder_button.setVisible(bool(self.written) and not running)
        self.progress.setVisible(running or bool(self.written))
        self._update_state()

    @error_hook.guarded
    def start_export(self) -> None:
        if self._running():
            return
        try:
            target = resolve_target(
                self.path_edit.text(), self.file_title(), self.chosen_formats(), self._base_folder
            )
        except BriefBookError as error:
            self._path_error(export_message(error))
            return
        self.path_edit.setText(str(target))  # what will be written, in full
        path = self.context.library.path
        if path is None:
            self._show_error(
                QCoreApplication.translate(
                    "ExportDialog", "This library is not stored in a file; it cannot be exported."
                )
            )
            return
        self.written = []
        self.message.setText("")
        self.message.setStyleSheet("")
        self.progress.setValue(0)
        self.stage.setText(QCoreApplication.translate("ExportDialog", "Starting…"))
        read_only = self.context.model.read_only
        self.job = ExportJob(Path(path), self.book.id, target, self.options(), self, read_only)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.job.done.connect(self._done)
        self._set_running(True)
        self.job.start()

    def cancel_export(self) -> None:
        if self._running() and self.job is not None:
            self.job.cancel()
            self.stage.setText(QCoreApplication.translate("ExportDialog", "Cancelling…"))
            self.cancel_button.setEnabled(False)

    def cancel_or_close(self) -> None:
        if self._running():
            self.cancel_export()
        else:
            self.close()

    def _progress(self, stage: str, done: int, total: int) -> None:
        formats = self.chosen_formats()
        spans = {"assemble": (0.0, 0.05)}
        if formats == ("pdf", "docx"):
            spans.update(pdf=(0.05, 0.75), docx=(0.75, 1.0))
        else:
            spans.update({formats[0]: (0.05, 1.0)})
        start, end = spans.get(stage, (0.0, 1.0))
        fraction = start + (end - start) * (done / total if total else 1.0)
        self.progress.setValue(int(1000 * min(1.0, fraction)))
        self.stage.setText(
            {
                "assemble": QCoreApplication.translate("ExportDialog", "Putting the book together…"),
                "pdf": QCoreApplication.translate("ExportDialog", "Writing the PDF…"),
                "docx": QCoreApplication.translate("ExportDialog", "Writing the Word file…"),
            }.get(stage, "")
        )

    def _finished(self, paths: list) -> None:
        self.written = [Path(p) for p in paths]
        self._update_state()  # the note under the file name speaks of these files now
        self.progress.setValue(1000)
        self.stage.setText(QCoreApplication.translate("ExportDialog", "Done."))
        self.message.setStyleSheet("color: #1b5e20;")
        folder = self.written[0].parent if self.written else ""
        names = ", ".join(p.name for p in self.written)
        text = QCoreApplication.translate("ExportDialog", "The book was exported: %1, in the folder %2.")
        text = text.replace("%1", names).replace("%2", str(folder))
        if self.context.model.read_only:  # as the command line says (cli.export_cmds)
            text += " " + QCoreApplication.translate(
                "ExportDialog",
                "The library is read-only, so this export is not recorded: it has no version number, "
                "and the next 'changes since' page compares with the last recorded export.",
            )
        self.message.setText(text)
        if self.context.settings is not None and self.written:
            self.context.settings.export_folder = self.written[0].parent
        self._open_menu()
        self.context.model.notify("book", self.book.id, "updated")  # its "last exported" changed
        self.exported.emit([str(p) for p in self.written])

    def _failed(self, message: str) -> None:
        self.stage.setText(QCoreApplication.translate("ExportDialog", "The export did not finish."))
        self._show_error(message)
        self.export_failed.emit(message)

    def _cancelled(self) -> None:
        self.stage.setText(QCoreApplication.translate("ExportDialog", "Cancelled."))
        self.progress.setValue(0)
        self.message.setStyleSheet("")
        self.message.setText(
            QCoreApplication.translate("ExportDialog", "The export was cancelled; no file was changed.")
        )
        self.export_cancelled.emit()

    def _done(self) -> None:
        self.cancel_button.setEnabled(True)
        self._set_running(False)
        if self._close_when_done:
            self.close()

    def _show_error(self, message: str) -> None:
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(message)
        if not self._close_when_done:
            error_hook.show_message(
                self, QCoreApplication.translate("ExportDialog", "Export failed"), message
            )

    # -- when it is done ---------------------------------------------------------------------------------

    def _open_menu(self) -> None:
        if len(self.written) > 1:
            menu = QMenu(self.open_button)
            for path in self.written:
                kind = (
                    QCoreApplication.translate("ExportDialog", "PDF")
                    if path.suffix.lower() == ".pdf"
                    else QCoreApplication.translate("ExportDialog", "Word file")
                )
                menu.addAction(f"{kind}: {path.name}", lambda p=path: open_path(p))
            self.open_button.setMenu(menu)
        else:
            self.open_button.setMenu(None)

    def _open_first(self) -> None:
        if self.written and self.open_button.menu() is None:
            open_path(self.written[0])

    def show_folder(self) -> None:
        if self.written:
            open_path(self.written[0].parent)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running():
            self._close_when_done = True
            self.cancel_export()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self._running():  # Esc or the window's close button during an export: cancel first
            self._close_when_done = True
            self.cancel_export()
            return
        super().reject()
