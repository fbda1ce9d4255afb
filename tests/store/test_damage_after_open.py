"""Damage met after the open is said in words: "damaged", not a UnicodeDecodeError.

The open refuses a library whose schema holds bytes that are not UTF-8 (``5f5d233``,
tests/store/test_schema_bytes.py). But a library already open can meet them later: the
schema is damaged while it is open (another program, a sync tool, the disk), and the next
statement makes SQLite read it again; its message quotes those bytes, and Python raises
``UnicodeDecodeError`` from the statement. The command line said nothing of use
(a traceback), and the window "an unexpected problem".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import cli
from briefbook.library import Library
from briefbook.library.records import Topic
from briefbook.store.database import undecodable_damage


def damage_schema(path: Path) -> None:
    """Another connection writes a schema entry holding the byte 0x80, and says so."""
    other = sqlite3.connect(path)
    try:
        version = other.execute("PRAGMA schema_version").fetchone()[0]
        other.execute("PRAGMA writable_schema=ON")
        other.execute(
            "UPDATE sqlite_master SET sql = CAST(x'43524541544520805441424c4520782879293b' AS BLOB)"
            " WHERE name = 'revisions'"
        )
        other.execute(f"PRAGMA schema_version={version + 1}")
        other.commit()
    finally:
        other.close()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    with Library.create(tmp_path / "l.briefbook") as lib:
        lib.add(Topic(title="Hợp tác với ສປປ ລາວ"))
    return tmp_path / "l.briefbook"


def test_a_query_after_the_damage_raises_what_is_recognised_as_damage(library: Path) -> None:
    lib = Library.open(library, backup=False)
    try:
        damage_schema(library)
        with pytest.raises(UnicodeDecodeError) as raised:
            lib.db.execute("SELECT count(*) FROM topics").fetchone()
        assert undecodable_damage(raised.value)
    finally:
        lib.close()


def test_a_decoding_error_of_other_bytes_is_not_taken_for_damage() -> None:
    with pytest.raises(UnicodeDecodeError) as raised:
        b"Word document \x80".decode()
    assert not undecodable_damage(raised.value)


def test_the_command_line_says_damaged(library: Path, monkeypatch) -> None:
    real_open = Library.open

    def open_then_damage(*args, **kwargs):  # the damage comes after the open's own checks
        opened = real_open(*args, **kwargs)
        damage_schema(library)
        return opened

    monkeypatch.setattr(Library, "open", open_then_damage)
    result = CliRunner().invoke(cli, ["--library", str(library), "list", "topic"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "damaged" in result.output and "Traceback" not in result.output
    assert "UnicodeDecodeError" not in result.output and "0x80" not in result.output
