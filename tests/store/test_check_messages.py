"""A damaged file's check messages quote its bytes, which need not be UTF-8.

The property test of damaged libraries (tests/safety/test_properties.py) found a
one-byte change that made ``PRAGMA quick_check`` answer with a byte 0x80 in its
message: read as text it raised ``UnicodeDecodeError``, which no caller takes for
damage, so the open crashed instead of refusing the file.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from briefbook.store.guard import check_messages

ROOT = Path(__file__).resolve().parents[2]


def test_bytes_that_are_not_utf8_are_read_as_replacement_characters() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises((UnicodeDecodeError, sqlite3.OperationalError)):  # as the open met it
        conn.execute("SELECT CAST(X'6F6B80' AS TEXT)").fetchone()
    assert check_messages(conn, "SELECT CAST(X'6F6B80' AS TEXT)") == ["ok\ufffd"]
    assert conn.text_factory is str  # only those rows: the connection reads text as before
    assert check_messages(conn, "PRAGMA quick_check") == ["ok"]


def test_every_check_of_a_file_reads_its_messages_through_check_messages() -> None:
    direct = re.compile(r"execute\(\s*f?[\"']PRAGMA (quick_check|integrity_check)")
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "briefbook").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert found == []
