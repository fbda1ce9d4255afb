"""Unexpected errors: a short dialog in plain words, the traceback in the log, and carry on.

``install()`` sets ``sys.excepthook`` (PySide6 reports exceptions raised in
slots and virtual methods through it). ``guarded`` wraps a slot so that its
error is reported the same way and the slot returns ``None``.
``show_message`` is the one place that opens the dialog; tests patch it.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from briefbook.errors import BriefBookError
from briefbook.paths import data_dir

log = logging.getLogger("briefbook")
F = TypeVar("F", bound=Callable[..., Any])
_handler: logging.Handler | None = None


def log_path() -> Path:
    return data_dir() / "briefbook.log"


def setup_logging() -> Path:
    """Log to ``briefbook.log`` in the data folder (re-pointed if the data folder changed)."""
    global _handler
    path = log_path()
    if _handler is not None and getattr(_handler, "baseFilename", "") == str(path):
        return path
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
    from logging.handlers import RotatingFileHandler  # only once there is something to log (7 ms)

    _handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    return path


def show_message(parent: QWidget | None, title: str, text: str) -> None:
    """The error dialog (patched in tests so that nothing modal can hang)."""
    from PySide6.QtWidgets import QMessageBox  # its class and enums: when there is something to say

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("ErrorHook", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def report(error: BaseException, parent: QWidget | None = None, tb: TracebackType | None = None) -> None:
    """Tell the user about ``error``; log the traceback of anything unexpected."""
    parent = parent or QApplication.activeWindow()
    error = _damage_in_words(error, parent)
    if error is None:
        return
    if isinstance(error, BriefBookError):
        log.info("%s: %s", type(error).__name__, error)
        from briefbook.ui.messages import user_message  # the message tables: at the first error

        show_message(parent, QCoreApplication.translate("ErrorHook", "BriefBook"), user_message(error))
        return
    setup_logging()
    log.error("Unexpected error", exc_info=(type(error), error, tb or error.__traceback__))
    show_message(
        parent,
        QCoreApplication.translate("ErrorHook", "Something went wrong"),
        QCoreApplication.translate(
            "ErrorHook",
            "BriefBook ran into an unexpected problem and could not finish what you asked. "
            "Your library is safe and you can keep working.\n\nThe details were written to %1.",
        ).replace("%1", str(log_path())),
    )


_damage_told: set[tuple[str, int]] = set()  # (path, open library) whose damage was said


def _damage_in_words(error: BaseException, parent: QWidget | None) -> BaseException | None:
    """SQLite's message about a damaged library that Python could not decode (met by a query
    after the open): said as the damage it is, with the newest good backup if there is one,
    once per library (``None``: said already; the sidebar, the table and the filters each
    meet it as they read the library again)."""
    from briefbook.store.database import explain, undecodable_damage

    if not undecodable_damage(error):
        return error
    log.info("damage met after the open: %r", error)
    library = None
    for widget in [parent, *QApplication.topLevelWidgets()]:
        model = getattr(widget, "model", None)
        if getattr(model, "is_open", False):
            library = model.library
            break
    if library is None:
        return error
    told = (str(library.path), id(library))  # (opened again, a library may be told again)
    if told in _damage_told:
        return None
    _damage_told.add(told)
    return explain(error, library.path)


def log_unexpected(error: BaseException) -> Path:
    """Write an unexpected error's traceback to the log (no dialog: the caller says it in place)."""
    setup_logging()
    log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
    return log_path()


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    try:
        report(error, tb=tb)
    except Exception:  # the hook must never raise itself
        sys.__excepthook__(kind, error, tb)


def install(*, log_now: bool = True) -> None:
    """Report uncaught exceptions; ``log_now=False``: the log file is opened later (at start, once
    the first table is shown), by :func:`setup_logging` or by the first error reported."""
    if log_now:
        setup_logging()
    sys.excepthook = _excepthook


def guarded(fn: F) -> F:
    """Decorate a slot: an exception is reported (dialog + log) and the slot returns None.

    Extra arguments a signal sends (``clicked(bool)``) are dropped when the
    function does not take them.
    """
    params = list(inspect.signature(fn).parameters.values())
    takes_any = any(p.kind is p.VAR_POSITIONAL for p in params)
    n_positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*(args if takes_any else args[:n_positional]), **kwargs)
        except Exception as error:
            report(error)
            return None

    return wrapper  # type: ignore[return-value]
