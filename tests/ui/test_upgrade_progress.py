"""The first open of a library from an older BriefBook: a progress window says what is happening,
the window keeps running, and it cannot be closed half-way (all of it ran on the GUI thread
before, with no word to the user)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from briefbook.library import Event, Library
from briefbook.store.migrate import schema_version
from briefbook.store.schema import known_migrations
from briefbook.ui import i18n, upgrade_progress
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.conftest import _deleted
from tests.ui.upgrade_watch import watching_progress

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _old_library(tmp_path: Path) -> Path:
    """A library written at schema 0006 (its index of version 5 is compared on open)."""
    path = tmp_path / "cũ.briefbook"
    shutil.copy(FIXTURES / "library-0006_meeting_their_positions.briefbook", path)
    return path


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
    closed: list[bool] = []

    def close_half_way(dialog) -> None:
        if not closed:
            closed.append(window.close())  # a user closing the window half-way
            dialog.close()  # or the progress window itself

    with watching_progress(close_half_way) as seen:
        assert window.open_library(path)
    assert seen["ticks"] >= 5  # the event loop ran during the update
    labels = seen["labels"]
    assert labels and all(t.startswith("Updating your library to this version of BriefBook…") for t in labels)
    assert any("search index" in t for t in labels)
    assert closed == [False] and window.isVisible()  # closing was refused meanwhile
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
    try:
        with watching_progress() as seen, _window_on(qtbot, path):
            pass
    finally:
        i18n.apply_language("en")
    labels = seen["labels"]
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
