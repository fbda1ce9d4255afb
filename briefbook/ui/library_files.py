"""Which library file to open: the last one, a chosen one, a new one, or the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from briefbook.paths import LIBRARY_SUFFIX, data_dir, default_library_path
from briefbook.ui.settings import Settings


def demo_library_path() -> Path:
    return data_dir() / f"demo{LIBRARY_SUFFIX}"


def ensure_demo_library(path: Path) -> Path:
    """Create the demo library at ``path`` unless a file is already there."""
    if not path.exists() or path.stat().st_size == 0:
        from briefbook.demo.loader import create_demo_library

        create_demo_library(path)
    return path


def startup_library(settings: Settings, requested: str | Path | None = None) -> Path:
    """The library to open at start: the one asked for, else the last one, else the
    default one; on the very first start the demo library is created there."""
    if requested:
        return Path(requested)
    last = settings.last_library
    if last is not None and last.exists():
        return last
    default = default_library_path()
    if default.exists():
        return default
    return ensure_demo_library(default)


def _filter(parent: QWidget) -> str:
    return QCoreApplication.translate("Dialogs", "BriefBook libraries (*%1);;All files (*)").replace(
        "%1", LIBRARY_SUFFIX
    )


def ask_open_path(parent: QWidget) -> Path | None:
    """Ask for a library to open (patched in tests)."""
    from PySide6.QtWidgets import QFileDialog  # its class and enums: when the user asks

    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Open library"), str(Path.home()), _filter(parent)
    )
    return Path(path) if path else None


def ask_new_path(parent: QWidget) -> Path | None:
    """Ask where to create a new library (patched in tests)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Dialogs", "New library"),
        str(Path.home() / f"library{LIBRARY_SUFFIX}"),
        _filter(parent),
    )
    if not path:
        return None
    result = Path(path)
    return result if result.suffix else result.with_suffix(LIBRARY_SUFFIX)
