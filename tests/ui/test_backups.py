"""File → Backups, a damaged library at start-up, another process's changes, a read-only library."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from briefbook.library import Library, TalkingPoint, Topic
from briefbook.store import backup_catalog
from briefbook.store.backup import backup_folder, list_backups
from briefbook.ui import app, backups_dialog, i18n, library_recovery, live_refresh
from briefbook.ui.app import create_window
from briefbook.ui.backup_messages import backup_message
from briefbook.ui.backups_dialog import BackupsDialog
from briefbook.ui.settings import Settings
from tests.ui.conftest import rows_arrived

DATE = re.compile(r"\d\d/\d\d/\d{4} \d\d:\d\d")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def rows(dialog: BackupsDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.topLevelItem(i).text(c) for c in range(3)] for i in range(table.topLevelItemCount())]


def titles(view) -> list[str]:
    """What the table shows, once the rows asked for (off the GUI thread) have arrived."""
    rows_arrived(view)
    return [view.model.record_at(r).title for r in range(view.model.rowCount())]


def texts(view) -> list[str]:
    rows_arrived(view)
    return [view.model.record_at(r).text for r in range(view.model.rowCount())]


@pytest.fixture
def dialog(qtbot, window):
    dlg = BackupsDialog(window)
    qtbot.addWidget(dlg)
    return dlg


# -- the Backups window ----------------------------------------------------------------------------


@pytest.fixture
def ten_minutes_later(filled, monkeypatch: pytest.MonkeyPatch) -> None:
    """The library was made more than the backup interval ago: the window's open backup is due."""
    real = time.time
    monkeypatch.setattr(backup_catalog, "clock", lambda: real() + 601)


def test_the_window_backs_up_on_open_off_its_gui_thread(qtbot, ten_minutes_later, window, library_path):
    window.open_backup.join(10)
    found = list_backups(library_path)
    assert [b.reason for b in found] == ["open"] and window.model.library.last_backup == found[0].path
    window.open_library(library_path)  # nothing changed since: no second backup
    window.open_backup.join(10)
    assert len(list_backups(library_path)) == 1


def test_the_dialog_lists_the_backups_and_back_up_now_adds_one(
    ten_minutes_later, window, dialog, library_path
):
    assert window.actions["backups"].isEnabled() and window.actions["backups"].text() == "&Backups…"
    window.open_backup.join(10)
    dialog.reload()
    found = list_backups(library_path)
    assert len(found) == 1  # made when the window opened the library
    shown = rows(dialog)
    assert len(shown) == 1
    when, size, why = shown[0]
    assert DATE.fullmatch(when) and size.endswith(" KB") and why == "When the library was opened"
    assert str(backup_folder(library_path)) in dialog.folder_label.text()

    dialog.backup_button.click()
    shown = rows(dialog)
    assert len(shown) == 2 == len(list_backups(library_path))
    assert shown[0][2] == "Made by you"
    assert dialog.table.currentItem() is dialog.table.topLevelItem(0)  # the new one is selected
    assert dialog.status.text().startswith("Backed up: ") and "KB" in dialog.status.text()
    assert window.model.library.last_backup == list_backups(library_path)[0].path


def test_the_dialog_speaks_vietnamese_with_its_dates(ten_minutes_later, window, dialog):
    window.open_backup.join(10)
    dialog.reload()
    i18n.apply_language("vi")
    dialog.retranslate()
    assert dialog.windowTitle() == "Bản sao lưu của test.briefbook"
    assert dialog.backup_button.text() == "&Sao lưu ngay"
    when, _size, why = rows(dialog)[0]
    assert DATE.fullmatch(when) and why == "Khi mở thư viện"
    assert dialog.table.headerItem().text(0) == "Thời điểm tạo"
    assert (
        backup_message("The disk is full. No backup was made.")
        == "Ổ đĩa đã đầy. Chưa tạo được bản sao lưu nào."
    )


def test_restore_brings_back_the_earlier_state(qtbot, dialog, window, filled, library_path, monkeypatch):
    dialog.backup_button.click()  # the state before the edit
    before_edit = list_backups(library_path)[0]
    view = window.show_view("topic")
    view.select(filled["topic"].id)
    field = view.editor.field("title")
    field.input.setText("Công ước Hà Nội (đã sửa)")
    field.flush()
    assert "Công ước Hà Nội (đã sửa)" in titles(view)
    assert window.undo_stack.canUndo()

    asked = []
    monkeypatch.setattr(backups_dialog, "confirm_restore", lambda *args: asked.append(args[2]) or True)
    row = [b.path for b in dialog.backups].index(before_edit.path)
    dialog.table.setCurrentItem(dialog.table.topLevelItem(row))
    dialog.restore_button.click()

    assert asked and "backed up first" in asked[0]
    assert window.model.is_open and window.model.library.path == library_path
    view = window.current_view()
    assert "Công ước Hà Nội" in titles(view) and "Công ước Hà Nội (đã sửa)" not in titles(view)
    assert not window.undo_stack.canUndo()  # its steps belonged to the replaced content
    assert window.model.library.get("topic", filled["topic"].id).title == "Công ước Hà Nội"
    # The library as it was before the restore is itself a backup, edit included.
    pre_restore = [b for b in list_backups(library_path) if b.reason == "before-restore"]
    assert len(pre_restore) == 1
    with Library.open(pre_restore[0].path, backup=False, read_only=True) as kept:
        assert kept.get("topic", filled["topic"].id).title == "Công ước Hà Nội (đã sửa)"
    assert "Before a restore" in [r[2] for r in rows(dialog)]
    assert dialog.status.text().startswith("The library is now as it was on ")


def test_a_cancelled_restore_changes_nothing(dialog, window, library_path, monkeypatch):
    dialog.backup_button.click()
    library = window.model.library
    before = len(list_backups(library_path))
    monkeypatch.setattr(backups_dialog, "confirm_restore", lambda *args: False)
    dialog.restore_button.click()
    assert window.model.library is library
    assert len(list_backups(library_path)) == before


def test_file_backups_opens_the_dialog(window, monkeypatch):
    opened = []
    monkeypatch.setattr(backups_dialog, "show_backups", lambda win: opened.append(win))
    window.actions["backups"].trigger()
    assert opened == [window]


# -- a damaged library at start-up -----------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A library with a good backup, then cut short (as a disk error or a killed copy leaves it)."""
    path = tmp_path / "desk.briefbook"
    with Library.create(path) as lib:
        lib.add(Topic(title="Bảo hộ công dân"))
        lib.backup_now()
    path.write_bytes(path.read_bytes()[: 3 * 4096])
    return path


def test_a_damaged_library_at_start_up_offers_the_newest_good_backup(qtbot, damaged, dialogs, monkeypatch):
    damaged_bytes = damaged.read_bytes()
    asked = []
    monkeypatch.setattr(
        library_recovery, "ask_open_backup", lambda parent, title, text: asked.append(text) or True
    )
    window = create_window(Settings(), damaged)
    qtbot.addWidget(window)
    try:
        assert len(asked) == 1
        assert "desk.briefbook" in asked[0] and "A good backup from" in asked[0]
        assert "briefbook --library" not in asked[0]  # no command-line advice in the window
        assert window.model.is_open and window.model.library.path == damaged
        assert "Bảo hộ công dân" in titles(window.show_view("topic"))
        # The damaged file was kept, byte for byte, beside the backups; the user was told where.
        aside = [p for p in backup_folder(damaged).iterdir() if ".damaged." in p.name]
        assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes
        assert dialogs.messages[-1][0] == "Backup opened" and str(aside[0]) in dialogs.messages[-1][1]
    finally:
        window.close()


def test_a_damaged_library_is_left_untouched_when_the_user_says_no(qtbot, damaged, dialogs, monkeypatch):
    before = listing(damaged.parent)
    monkeypatch.setattr(library_recovery, "ask_open_backup", lambda *args: False)
    window = create_window(Settings(), damaged)
    qtbot.addWidget(window)
    try:
        assert not window.model.is_open
        assert listing(damaged.parent) == before  # not a byte changed, no file added
        assert not window.actions["backups"].isEnabled()
    finally:
        window.close()


def test_a_damaged_library_without_a_backup_is_explained(window, dialogs, tmp_path, library_path):
    broken = tmp_path / "broken.briefbook"
    with Library.create(broken) as lib:
        lib.add(Topic(title="x"))
    broken.write_bytes(broken.read_bytes()[:50])
    before = digest(broken)
    assert not window.open_library(broken)
    title, text = dialogs.messages[-1]
    assert title == "The library cannot be opened" and "cut short" in text and "no good backup" in text
    assert digest(broken) == before
    assert window.model.library.path == library_path  # the open library stays open


def test_a_library_from_a_newer_briefbook_says_update(window, dialogs, tmp_path):
    newer = tmp_path / "newer.briefbook"
    Library.create(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '9999_future', 'x')"
        )
    conn.close()
    before = listing(tmp_path)
    assert not window.open_library(newer)
    title, text = dialogs.messages[-1]
    assert title == "Please update BriefBook" and "update BriefBook" in text
    assert listing(tmp_path) == before


# -- another process changes the library -----------------------------------------------------------


def test_another_process_s_change_appears_after_the_timer_tick(qtbot, window, filled, library_path):
    view = window.show_view("talking_point")
    view.select(filled["point"].id)
    assert window.watcher.timer.interval() == 2000
    assert not window.watcher.check()  # nothing happened elsewhere yet
    other = Library.open(library_path, backup=False)  # as another BriefBook process would
    other.add(TalkingPoint(topic_id=filled["topic"].id, text="Thêm từ một cửa sổ khác"))
    other.update("talking_point", filled["point"].id, text="Việt Nam kiên quyết chống lừa đảo.")
    other.close()
    assert "Thêm từ một cửa sổ khác" not in texts(view)
    assert window.watcher.check()
    assert "Thêm từ một cửa sổ khác" in texts(view)
    assert view.editor.item_id == filled["point"].id  # the selection is kept
    assert view.model.record_at(view.table.currentIndex().row()).id == filled["point"].id
    assert view.editor.field("text").value() == "Việt Nam kiên quyết chống lừa đảo."


def test_the_refresh_waits_while_the_user_types(qtbot, window, filled, library_path, monkeypatch):
    view = window.show_view("topic")
    view.select(filled["topic"].id)
    with Library.open(library_path, backup=False) as other:
        other.add(Topic(title="Chủ đề từ cửa sổ khác"))
    monkeypatch.setattr(live_refresh, "user_is_editing", lambda win: True)
    assert not window.watcher.check()
    assert window.watcher.pending and "Chủ đề từ cửa sổ khác" not in titles(view)
    monkeypatch.setattr(live_refresh, "user_is_editing", lambda win: False)
    assert window.watcher.check()  # the change seen before is applied now
    assert "Chủ đề từ cửa sổ khác" in titles(view)


def test_typing_in_an_editor_counts_as_editing_but_the_search_field_does_not(qtbot, window, filled):
    view = window.show_view("topic")
    view.select(filled["topic"].id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
    view.editor.field("title").input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.editor.field("title").input, timeout=30_000)
    assert not live_refresh.user_is_editing(window)  # (nothing typed there since it was saved)
    view.editor.field("title").input.insert(" mới")
    assert live_refresh.user_is_editing(window)
    window.search_field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_field, timeout=30_000)
    assert not live_refresh.user_is_editing(window)
    view.filters.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.filters.text, timeout=30_000)
    assert not live_refresh.user_is_editing(window)


def test_a_hidden_view_catches_up_when_shown(qtbot, window, filled, library_path):
    people = window.show_view("person")
    window.show_view("topic")
    with Library.open(library_path, backup=False) as other:
        other.update("person", filled["person"].id, name="Lê Anh Tuấn (Thứ trưởng)")
    assert window.watcher.check()
    assert window.show_view("person") is people
    names = [people.model.record_at(r).name for r in range(people.model.rowCount())]
    assert "Lê Anh Tuấn (Thứ trưởng)" in names


# -- a read-only library ---------------------------------------------------------------------------


def test_a_read_only_library_shows_the_banner_and_refuses_edits(qtbot, window, library, filled, library_path):
    assert not window.read_only_banner.isVisibleTo(window)
    assert window.open_library(library_path, read_only=True)
    assert window.model.read_only
    assert window.read_only_banner.isVisibleTo(window)
    assert "This library is read-only: changes cannot be saved." in window.read_only_banner.label.text()
    view = window.show_view("topic")
    assert not window.actions["new_item"].isEnabled() and not window.actions["delete"].isEnabled()
    view.select(filled["topic"].id)
    field = view.editor.field("title")
    assert field.input.isReadOnly() and not field.input.isClearButtonEnabled()
    assert not view.editor.field("classification").input.isEnabled()
    assert not window.show_view("talking_point").model.can_reorder()  # no dragging to reorder
    window.show_view("topic")
    field.input.setText("Sửa trên tệp chỉ đọc")  # as if typed: the edit is refused, plainly
    field.flush()
    assert field.error == "The library file is read-only; changes cannot be saved."
    assert library.get("topic", filled["topic"].id).title == "Công ước Hà Nội"
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()

    i18n.apply_language("vi")
    window.read_only_banner.retranslate()
    assert "Thư viện này chỉ cho phép đọc" in window.read_only_banner.label.text()

    assert window.open_library(library_path)  # writable again: the banner goes, the editors work
    assert not window.read_only_banner.isVisibleTo(window)
    view.select(filled["topic"].id)
    assert not view.editor.field("title").input.isReadOnly()
    assert window.actions["new_item"].isEnabled()


# -- background connections and start-up -----------------------------------------------------------


def test_the_search_thread_never_makes_a_backup(qtbot, window, library, filled, library_path):
    library.add(Topic(title="Lừa đảo qua mạng"))  # changed since the window's backup on opening
    before = len(list_backups(library_path))
    window.search_field.setText("lua dao")
    window.run_search()
    view = window.current_view()
    qtbot.waitUntil(lambda: not view.searching, timeout=60_000)
    assert filled["point"].id in [hit.id for hit in view.model.hits]
    assert len(list_backups(library_path)) == before


def test_start_up_cleans_up_what_killed_exports_left(qtbot, tmp_path, library, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    stale = folder / ".Bangkok-abcd1234.pdf.part"
    fresh = folder / ".Bangkok-efgh5678.pdf.part"
    finished = folder / "Bangkok.pdf"
    for path in (stale, fresh, finished):
        path.write_bytes(b"%PDF")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(finished, (old, old))
    settings = Settings()
    settings.export_folder = folder
    scheduled = []
    clean = app.clean_export_folder
    monkeypatch.setattr(app, "clean_export_folder", lambda s: scheduled.append(s) or clean(s))
    window = create_window(settings, library.path)
    qtbot.addWidget(window)
    window.show()
    app.finish_start(window, settings, library.path)
    assert scheduled == []  # not while starting: after the window is shown and the library open
    qtbot.waitUntil(lambda: scheduled == [settings], timeout=30_000)
    QThreadPool.globalInstance().waitForDone(5000)
    assert not stale.exists() and fresh.exists() and finished.exists()
    window.close()
