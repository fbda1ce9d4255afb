"""The window says "damaged" in words when a query meets a damaged schema after the open.

SQLite's message quotes the schema's bytes; not UTF-8, Python raises UnicodeDecodeError
from the statement, and the window's error hook showed "BriefBook ran into an unexpected
problem" for it (tests/store/test_damage_after_open.py makes the damage).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.store.backup import backup_library, list_backups
from briefbook.ui import backups_dialog, error_hook
from briefbook.ui.backups_dialog import BackupsDialog
from tests.store.test_damage_after_open import damage_schema

# The backup made on open read the newest backup's change counter, and its thread died of
# the UnicodeDecodeError a damaged backup gave (no backup was made on that open).
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")


def test_a_slot_meeting_the_damage_says_damaged(qtbot, window, library_path: Path, dialogs) -> None:
    damage_schema(library_path)

    @error_hook.guarded
    def count() -> int:  # any action of the window reading the library on its thread
        return window.model.library.db.execute("SELECT count(*) FROM topics").fetchone()[0]

    assert count() is None
    (_title, text), *_ = dialogs.messages
    assert "damaged" in text and str(library_path) in text
    assert "unexpected" not in text and "0x80" not in text


def test_the_damage_is_said_once_as_each_view_meets_it(qtbot, window, library_path: Path, dialogs) -> None:
    damage_schema(library_path)
    for _ in range(3):  # the sidebar, the table and the filters read again, each meeting it
        try:
            window.model.library.db.execute("SELECT count(*) FROM topics")
        except UnicodeDecodeError as error:
            error_hook._excepthook(type(error), error, error.__traceback__)
    assert len(dialogs.messages) == 1 and "damaged" in dialogs.messages[0][1]


def test_the_backups_window_restoring_a_damaged_backup_says_so(
    qtbot, window, library_path: Path, dialogs, monkeypatch
) -> None:
    made = backup_library(window.model.library)
    damage_schema(made)  # the backup's schema now holds a byte that is not UTF-8
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert [b.path for b in list_backups(library_path)] == [made]
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    monkeypatch.setattr(backups_dialog, "confirm_restore", lambda *args: True)
    before = library_path.read_bytes()
    dialog.restore_selected()
    status = dialog.status.text() if hasattr(dialog, "status") else ""
    said = status + " ".join(text for _, text in dialogs.messages)
    assert "damaged" in said, said
    assert library_path.read_bytes() == before
