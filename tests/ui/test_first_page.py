"""At start the first table shows its rows before the library loads: the very rows, and texts, the
open library shows next; a file the open would refuse or change waits for the open and its message."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefbook.ui import app, error_hook, library_recovery
from briefbook.ui.first_page import show_first_page
from briefbook.ui.labels import KIND_ORDER
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.library.first_page_library import build

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _cells(model) -> list[list[tuple]]:
    """Every text and value a user can see in the table, row by row."""
    return [
        [tuple(model.index(r, c).data(role) for role in ROLES) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _ids(model) -> list[str]:
    return [model.record_at(r).id for r in range(model.rowCount())]


def _read_again(qtbot, view, seeded) -> None:
    """Wait for the open library's own first load (on the search thread) to replace the rows."""
    qtbot.waitUntil(
        lambda: not view.model.searching and view.model.record_at(0) is not seeded, timeout=10_000
    )


def _sidebar(window) -> list:
    """Every entry of the sidebar (the events under "Events" too) and which one is chosen."""
    tree, out = window.sidebar, []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        out.append(
            (item.text(0), item.isExpanded(), [item.child(j).text(0) for j in range(item.childCount())])
        )
    return [out, tree.currentItem().text(0) if tree.currentItem() else None]


def _combos(view) -> list:
    return [
        [combo.itemText(i) for i in range(combo.count())] + [combo.currentIndex()]
        for combo in view.filters.combos.values()
    ]


@pytest.fixture
def scripts_library(tmp_path: Path) -> Path:
    return build(tmp_path / "chữ viết.briefbook")


def _window(qtbot) -> MainWindow:
    window = MainWindow(Settings(), extensions=False)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("kind", KIND_ORDER)
def test_the_rows_shown_first_are_the_rows_the_open_library_shows(qtbot, scripts_library: Path, kind) -> None:
    window = _window(qtbot)
    window.settings.last_view = kind
    assert show_first_page(window, scripts_library)
    view = window.current_view()
    assert not window.model.is_open and view.model.rowCount() > 0
    first, first_ids, status = _cells(view.model), _ids(view.model), view.status.text()
    around = (window.windowTitle(), window.library_label.text(), _sidebar(window), _combos(view))
    header = view.table.horizontalHeader()
    indicator = (header.isSortIndicatorShown(), header.sortIndicatorSection(), header.sortIndicatorOrder())
    seeded = view.model.record_at(0)
    assert window.open_library(scripts_library)
    _read_again(qtbot, view, seeded)
    assert window.current_view() is view and view.model.rowCount() == len(first_ids)
    assert _ids(view.model) == first_ids
    assert _cells(view.model) == first
    assert view.status.text() == status
    assert (window.windowTitle(), window.library_label.text(), _sidebar(window), _combos(view)) == around
    assert (
        header.isSortIndicatorShown(),
        header.sortIndicatorSection(),
        header.sortIndicatorOrder(),
    ) == indicator
    view.close()
    window.close()


def test_confidential_and_secret_rows_show_under_each_level_filter_as_the_open_library_shows(
    qtbot, scripts_library: Path
) -> None:
    window = _window(qtbot)
    assert show_first_page(window, scripts_library)
    view = window.current_view()
    seeded = {r.id: r for r in (view.model.record_at(i) for i in range(view.model.rowCount()))}
    levels = {r.classification for r in seeded.values()}
    assert {"Confidential", "Secret"} <= levels
    assert window.open_library(scripts_library)
    _read_again(qtbot, view, view.model.record_at(0))
    for level in ("Public", "Internal", "Confidential", "Secret"):
        view.filters.set_choice("classification", level)
        qtbot.waitUntil(lambda: not view.model.searching, timeout=10_000)
        shown = [view.model.record_at(i) for i in range(view.model.rowCount())]
        assert shown and all(r.classification == level for r in shown)
        assert [seeded[r.id] for r in shown] == shown  # each one exactly as it was shown first


def test_until_the_library_opens_the_rows_are_for_looking_only(qtbot, scripts_library: Path) -> None:
    window = _window(qtbot)
    assert show_first_page(window, scripts_library)
    view = window.current_view()
    view.table.selectRow(1)
    assert view.editor.item_id is None
    assert not view.model.canFetchMore()
    assert not window.actions["new_item"].isEnabled() and not window.actions["delete"].isEnabled()


def test_the_start_shows_the_first_page_then_opens_the_library(qtbot, scripts_library: Path) -> None:
    window = _window(qtbot)
    app.finish_start(window, window.settings, scripts_library)
    view = window.current_view()
    assert view is not None and view.model.rowCount() > 0 and not window.model.is_open
    ids = _ids(view.model)
    seeded = view.model.record_at(0)
    qtbot.waitUntil(lambda: window.model.is_open and window._extensions_installed, timeout=30_000)
    _read_again(qtbot, window.current_view(), seeded)
    assert _ids(window.current_view().model) == ids
    window.close()


def _newer(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '9999_x', 'x')"
        )
    conn.close()
    return path


def test_a_library_from_a_newer_version_gets_its_message_before_any_row_is_shown(
    qtbot, scripts_library: Path, monkeypatch
) -> None:
    window = _window(qtbot)
    seen = []

    def show_message(parent, title, text):
        view = window.current_view()
        seen.append((text, view.model.rowCount() if view is not None else 0))

    monkeypatch.setattr(error_hook, "show_message", show_message)
    app.finish_start(window, window.settings, _newer(scripts_library))
    assert len(seen) == 1 and "newer version of BriefBook" in seen[0][0] and seen[0][1] == 0
    assert not window.model.is_open and window.current_view() is None


def test_a_library_that_needs_a_migration_is_migrated_by_the_full_open_before_rows_show(
    qtbot, tmp_path: Path
) -> None:
    old = tmp_path / "cũ.briefbook"
    shutil.copy(FIXTURES / "library-0008_stored_sort_keys.briefbook", old)
    window = _window(qtbot)
    assert not show_first_page(window, old)
    assert window.current_view() is None
    app.finish_start(window, window.settings, old)
    assert window.model.is_open  # opened (backed up, migrated) by the full open, at once
    assert list((tmp_path / "cũ.backups").glob("*.briefbook"))
    window.close()


def _respell(path: Path, table: str, words: str, spelled: str) -> None:
    """Our table's SQL with ``words`` spelled otherwise (a no-break space is a letter to SQLite)."""
    conn = sqlite3.connect(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    assert words in sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql.replace(words, spelled, 1), table])
    conn.commit()
    conn.close()


def _run(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "change",
    [
        lambda path: _run(path, "ALTER TABLE topics ADD COLUMN extra TEXT"),
        lambda path: _respell(
            path, "talking_points", "classification TEXT NOT NULL", "classification TEXT NOT\u00a0NULL"
        ),
        lambda path: _respell(
            path, "talking_points", "CREATE TABLE talking_points", 'CREATE TABLE "talking_points"'
        ),
        lambda path: _run(path, 'CREATE TABLE "notes\u00a0" (x)'),
    ],
    ids=["extra-column", "no-break-space-in-a-type", "quoted-name", "no-break-space-in-a-table-name"],
)
def test_a_file_the_open_refuses_shows_no_row_first(
    qtbot, scripts_library: Path, monkeypatch, change
) -> None:
    """A table of ours in another shape, or one we do not make: the first page's look refuses it as
    the full open's schema check does, so no row of it is shown behind the refusal; once the user
    said no to a cleaned copy the window is as if nothing had been shown."""
    change(scripts_library)
    asked = []
    monkeypatch.setattr(library_recovery, "ask_open_cleaned_copy", lambda *a: asked.append(a) or False)
    window = _window(qtbot)
    assert not show_first_page(window, scripts_library)
    app.finish_start(window, window.settings, scripts_library)
    assert window.current_view() is None and not window.model.is_open  # nothing shown first
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert not window.model.is_open and window.current_view() is None and window.view_stack.count() == 0
