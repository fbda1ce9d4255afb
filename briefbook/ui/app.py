"""Start BriefBook's window: ``briefbook-gui [LIBRARY]`` or ``python main.py [LIBRARY]``."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from briefbook.ui import error_hook, i18n
from briefbook.ui.first_page import forget_first_page, show_first_page
from briefbook.ui.fonts import install_fonts
from briefbook.ui.library_files import startup_library
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import APPLICATION, ORGANISATION, Settings

log = logging.getLogger("briefbook")
STALE_EXPORT_S = 60  # a temporary export file this old is left over (an export takes seconds)


def create_window(settings: Settings, requested: str | Path | None = None) -> MainWindow:
    """The main window with the library to start with (on a first start: the demo library)."""
    window = MainWindow(settings)
    window.restore_state()
    try:
        path = startup_library(settings, requested)
    except Exception as error:  # the demo could not be created: the window still opens
        error_hook.report(error, window)
        return window
    window.open_library(path)
    return window


def finish_start(window: MainWindow, settings: Settings, requested: str | Path | None) -> None:
    """The slow half of starting, once the window is on screen: the first table, the library, extensions.

    The first table's first page is shown before the library loads where the file
    allows it (:mod:`briefbook.ui.first_page`); the library opens in the next turn of
    the event loop, once that page is painted.
    """
    try:
        path = startup_library(settings, requested)
    except Exception as error:  # the demo could not be created: the window stays usable
        error_hook.report(error, window)
        path = None
    if path is not None and show_first_page(window, path):
        QTimer.singleShot(0, lambda: open_and_extend(window, settings, path))
    else:
        open_and_extend(window, settings, path)


def open_and_extend(window: MainWindow, settings: Settings, path: Path | None) -> None:
    """Open the library at ``path`` (if any), then load the extensions and tidy the export folder."""
    error_hook.setup_logging()
    if path is not None and not window.open_library(path):
        forget_first_page(window)  # refused after all: the rows read first go too
    QTimer.singleShot(0, window.install_extensions)  # the composer: after the first table is filled
    QTimer.singleShot(0, lambda: clean_export_folder(settings))


def clean_export_folder(settings: Settings) -> None:
    """Remove what exports killed half-way left in the export folder, on a worker thread.

    Files younger than :data:`STALE_EXPORT_S` are spared: another BriefBook may be
    exporting there right now. A folder that is gone or unreachable is no error.
    """
    folder = settings.export_folder
    if folder is None:
        return

    def work() -> None:
        from briefbook.export import cleanup_stale_exports

        try:
            removed = cleanup_stale_exports(folder, older_than=STALE_EXPORT_S)
        except OSError as error:
            log.info("could not clean up the export folder %s: %s", folder, error)
            return
        for path in removed:
            log.info("removed a temporary file a stopped export left: %s", path)

    QThreadPool.globalInstance().start(work)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = existing or QApplication(argv)
    app.setApplicationDisplayName("BriefBook")
    install_fonts(app)
    error_hook.install(log_now=False)  # the log file opens once the first table is shown
    settings = Settings()
    i18n.apply_language(settings.language)
    # Qt takes its own options out of the arguments it was given; an application made
    # before (a test, a bench) was not given ours: read them from ``argv`` then.
    given = argv if existing is not None else app.arguments()
    arguments = [a for a in given[1:] if not a.startswith("-")]
    window = MainWindow(settings, extensions=False)
    window.restore_state()
    window.show()  # at once; the library (and the code that reads it) loads right after
    QTimer.singleShot(0, lambda: finish_start(window, settings, arguments[0] if arguments else None))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
