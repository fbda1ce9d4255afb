"""A library refused for its shape: the window says why and offers a cleaned copy."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from briefbook.library import Library, Topic
from briefbook.ui import library_recovery


def _hostile(tmp_path: Path) -> Path:
    path = tmp_path / "received.briefbook"
    with Library.create(path) as lib:
        lib.add(Topic(title="Công ước Hà Nội"))
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE canary (what TEXT)")
    conn.execute("CREATE TRIGGER spy AFTER UPDATE ON topics BEGIN INSERT INTO canary VALUES (1); END")
    conn.commit()
    conn.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_window_offers_a_cleaned_copy_and_leaves_the_original(window, dialogs, tmp_path, monkeypatch):
    path = _hostile(tmp_path)
    before = _digest(path)
    asked = []
    monkeypatch.setattr(
        library_recovery, "ask_open_cleaned_copy", lambda parent, title, text: asked.append(text) or True
    )
    assert window.open_library(path)
    assert len(asked) == 1 and "trigger 'spy'" in asked[0] and "(cleaned)" in asked[0]
    assert "briefbook --library" not in asked[0]
    opened = Path(window.model.library.path)
    assert opened.name == "received (cleaned).briefbook"
    assert dialogs.messages[-1][0] == "Cleaned copy opened" and "trigger 'spy'" in dialogs.messages[-1][1]
    assert [t.title for t in window.model.library.list(Topic)] == ["Công ước Hà Nội"]
    assert _digest(path) == before


def test_saying_no_opens_nothing_and_changes_nothing(window, dialogs, tmp_path, monkeypatch, library_path):
    path = _hostile(tmp_path)
    before = _digest(path)
    monkeypatch.setattr(library_recovery, "ask_open_cleaned_copy", lambda *args: False)
    assert not window.open_library(path)
    assert window.model.library.path == library_path
    assert _digest(path) == before and not (tmp_path / "received (cleaned).briefbook").exists()
