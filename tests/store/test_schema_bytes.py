"""A library whose schema holds a byte that is not UTF-8 is refused as damaged.

SQLite's message about a damaged schema quotes the schema's bytes; when they are not
UTF-8, Python raises ``UnicodeDecodeError`` from the statement instead of a
``DatabaseError``, and the open crashed with it instead of refusing the file (the
property test of damaged libraries found it, by a one-byte change).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.errors import LibraryFileError
from briefbook.library import Library
from briefbook.store import quick_open


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    lib = Library.create(tmp_path / "p.briefbook")
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    data = bytearray(lib.path.read_bytes())
    at = data.find(b"CREATE TABLE")
    assert at > 0
    data[at + 7] = 0x80  # "CREATE \x80ABLE …" in the schema table
    target = tmp_path / "damaged.briefbook"
    target.write_bytes(bytes(data))
    return target


def test_the_open_refuses_it_untouched(damaged: Path) -> None:
    before = damaged.read_bytes()
    with pytest.raises(LibraryFileError, match="damaged|cannot be read|not a BriefBook"):
        Library.open(damaged, backup=False)
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in damaged.parent.iterdir()) == ["damaged.briefbook", "p.briefbook"]


def test_the_windows_first_page_leaves_it_to_the_full_open(damaged: Path) -> None:
    assert quick_open.open_current(damaged) is None
