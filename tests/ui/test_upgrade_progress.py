"""The first open of a library from an older BriefBook: a progress window says what is happening,
the window keeps running, and it cannot be closed half-way (all of it ran on the GUI thread
before, with no word to the user)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefbook.library import Event, Library
from briefbook.store.migrate import schema_version
from briefbook.store.schema import known_migrations
from briefbook.ui import i18n, upgrade_progress
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.conftest import _deleted

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _old_library(tmp_path: Path) -> Path:
    """A library written at schema 0006 (its index of version 5 is compared on open)."""
    path = tmp_path / "cũ.briefbook"
    shutil.copy(FIXTURES / "library-0006_meeting_their_positions.briefbook", path)
    return path


def _progress_window():
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == "upgradeProgress"), None)


def _slow_index(monkeypatch, seconds: float = 0.6) -> None:
    """The backup and the index's update, as slow as on a big library (10 s and 3-4 s at 100,000
    items); this file's index, made before index versions were kept, is rebuilt."""
    from briefbook.library.search_index import SearchIndexMixin
    from briefbook.store import migrate

    real_backup, real_rebuild = migrate.backup_before_migration, SearchIndexMixin.rebuild_index

    def slow_backup(*args, **kwargs):
        time.sleep(seconds)
        return real_backup(*args, **kwargs)

    def slow_rebuild(self, *args, **kwargs):
        time.sleep(seconds)
        return real_rebuild(self, *args, **kwargs)

    monkeypatch.setattr(migrate, "backup_before_migration", slow_backup)
    monkeypatch.setattr(SearchIndexMixin, "rebuild_index", slow_rebuild)


def test_an_old_library_opens_with_progress_and_the_window_keeps_running(qtbot, tmp_path, monkeypatch):
    path = _old_library(tmp_path)
    _slow_index(monkeypatch)
    window = MainWindow(Settings())
    window.show()
    seen: dict[str, object] = {"ticks": 0, "labels": [], "closed": None}

    def tick() -> None:  # runs only if the GUI thread is free while the library is updated
        seen["ticks"] = int(seen["ticks"]) + 1
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if w.objectName() == "upgradeProgress"), None
        )
        if dialog is not None and dialog.isVisible():
            seen["labels"].append(dialog.labelText())  # type: ignore[union-attr]
            if seen["closed"] is None:
                seen["closed"] = window.close()  # a user closing the window half-way
                dialog.close()  # or the progress window itself

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    try:
        assert window.open_library(path)
    finally:
        timer.stop()
    assert int(seen["ticks"]) >= 5  # the event loop ran during the update
    labels = seen["labels"]
    assert labels and all(t.startswith("Updating your library to this version of BriefBook…") for t in labels)
    assert any("search index" in t for t in labels)
    assert seen["closed"] is False and window.isVisible()  # closing was refused meanwhile
    assert not upgrade_progress.in_progress()
    library = window.model.library
    assert schema_version(library.db) == known_migrations()[-1]
    assert [e.title for e in library.list(Event)] == ["Hội nghị Bangkok"]
    assert list((tmp_path / "cũ.backups").glob("*.briefbook"))  # backed up first
    assert window.close()  # once done, it closes
    _deleted(window)


def test_the_progress_window_speaks_vietnamese(qtbot, tmp_path, monkeypatch):
    path = _old_library(tmp_path)
    _slow_index(monkeypatch, 0.3)
    i18n.apply_language("vi")
    labels: list[str] = []

    def look() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if w.objectName() == "upgradeProgress"), None
        )
        if dialog is not None and dialog.isVisible():
            labels.append(dialog.labelText())

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    try:
        with _window_on(qtbot, path):
            pass
    finally:
        timer.stop()
        i18n.apply_language("en")
    assert labels and "Updating" not in labels[-1] and "thư viện" in labels[-1].lower()


def _window_on(qtbot, path: Path):
    from contextlib import contextmanager

    @contextmanager
    def shown():
        window = MainWindow(Settings())
        window.show()
        assert window.open_library(path)
        try:
            yield window
        finally:
            _deleted(window)

    return shown()


def test_a_library_that_is_up_to_date_opens_without_the_progress_window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "mới.briefbook"
    Library.create(path).close()
    opened = []
    monkeypatch.setattr(upgrade_progress, "open_with_progress", lambda *a: opened.append(a))
    with _window_on(qtbot, path) as window:
        assert window.model.library is not None and opened == []


def test_an_error_during_the_update_is_reported_and_the_file_is_left_at_a_step(
    qtbot, tmp_path, monkeypatch, dialogs
):
    path = _old_library(tmp_path)

    from briefbook.library.search_index import SearchIndexMixin

    def broken(self, *args, **kwargs):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(SearchIndexMixin, "rebuild_index", broken)
    window = MainWindow(Settings())
    window.show()
    try:
        try:
            window.open_library(path)
        except RuntimeError as error:  # an unexpected error reaches the window's error hook
            assert "disk went away" in str(error)
        assert not upgrade_progress.in_progress()
    finally:
        _deleted(window)
    monkeypatch.undo()
    with Library.open(path, backup=False) as library:  # the next open finishes the work
        assert schema_version(library.db) == known_migrations()[-1]
