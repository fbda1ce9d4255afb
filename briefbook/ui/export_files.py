"""Where an export goes and how its files open: the Documents folder, the save dialog, the system's programs.

The save dialog and the opening are patched in tests (no test may open a window or a program).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    """The user's Documents folder (their home folder when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def ask_export_path(parent: QWidget, start: Path, formats: tuple[str, ...]) -> Path | None:
    """Where to export (a file dialog; patched in tests)."""
    filters = []
    if "pdf" in formats:
        filters.append(QCoreApplication.translate("ExportDialog", "PDF document (*.pdf)"))
    if "docx" in formats:
        filters.append(QCoreApplication.translate("ExportDialog", "Word document (*.docx)"))
    title = QCoreApplication.translate("ExportDialog", "Export to")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start), ";;".join(filters))
    return Path(path) if path else None


def open_path(path: Path) -> bool:
    """Open a file or folder in the system's program for it (patched in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
