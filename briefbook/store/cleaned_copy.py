"""A cleaned copy of a library that was refused for its schema: BriefBook's tables and their data only.

The original is never written to (its bytes stay the same); the work happens on
a private copy in a temporary folder (:func:`briefbook.store.hot_journal.private_copy`).
A new library is made with exactly the schema BriefBook creates at the file's
recorded version, and each of our tables is filled from the copy with *our*
SQL: only columns both have, each cast to the type our schema declares, a
missing value replaced by our default. Nothing of the file's schema comes
across: no trigger, no view, no extra table, no CHECK of its own, no search
index (rebuilt from the items), no photo as it was (each is re-encoded, see
:mod:`briefbook.library.photos`). What could not be carried over is listed.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from briefbook.errors import LibraryFileError, NewerVersionError
from briefbook.store.guard import harden
from briefbook.store.hot_journal import private_copy
from briefbook.store.schema import MIGRATIONS, known_migrations
from briefbook.store.schema_check import MIGRATIONS_TABLE, history_problem, migration_history

_NOT_COPIED_PREFIXES = ("search_", "sqlite_")


@dataclass
class CleanedCopy:
    path: Path
    notes: list[str] = field(default_factory=list)  # what was left out, in words


def cleaned_copy_path(source: Path) -> Path:
    """``<name> (cleaned).briefbook`` beside the original, or in the data folder if that one is read-only."""
    folder = source.parent if os.access(source.parent, os.W_OK) else _data_dir()
    stem, suffix = source.stem, source.suffix or ".briefbook"
    candidate = folder / f"{stem} (cleaned){suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} (cleaned {n}){suffix}"
        n += 1
    return candidate


def _data_dir() -> Path:
    from briefbook.paths import data_dir

    return data_dir()


def make_cleaned_copy(source: str | Path, target: str | Path | None = None) -> CleanedCopy:
    """Write a cleaned copy of ``source`` to ``target`` (default: :func:`cleaned_copy_path`)."""
    source = Path(source)
    target = Path(target) if target else cleaned_copy_path(source)
    if target.exists():
        raise LibraryFileError(f"There is already a file at {target}; choose another name.")
    result = CleanedCopy(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.cleaning")
    try:
        with private_copy(source) as copy:
            _fill(copy, partial, result.notes)
        os.replace(partial, target)
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    _finish(target, result.notes)
    return result


def _fill(copy: Path, partial: Path, notes: list[str]) -> None:
    src = harden(sqlite3.connect(copy))  # read-write: SQLite may finish a journal in the copy
    try:
        if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise LibraryFileError("The file is damaged, so no cleaned copy can be made of it.")
        applied, problems = migration_history(src)
        if not applied or problems:
            raise LibraryFileError(
                "The file does not say which version of BriefBook wrote it, so no cleaned copy can be made."
            )
        if any(name not in known_migrations() for name in applied):
            raise NewerVersionError("The file was written by a newer version of BriefBook; update BriefBook.")
        problem = history_problem(applied)
        if problem:
            raise LibraryFileError(f"No cleaned copy can be made: {problem}.")
        for kind, name in src.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).fetchall():
            src.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')  # our private copy only
            notes.append(f"left out the {kind} '{name}'")
        src.commit()
        their_tables = {
            r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        }
    finally:
        src.close()
    dest = harden(sqlite3.connect(partial, isolation_level=None))
    try:
        db = Database(dest, execute_plugins=False)
        following = known_migrations()[len(applied)] if len(applied) < len(known_migrations()) else None
        MIGRATIONS.apply(db, stop_before=following) if following else MIGRATIONS.apply(db)
        dest.execute("PRAGMA foreign_keys = OFF")
        dest.execute("ATTACH DATABASE ? AS src", [str(copy)])
        dest.execute("BEGIN")
        ours = [r[0] for r in dest.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]
        for table in ours:
            if table == MIGRATIONS_TABLE or table.startswith(_NOT_COPIED_PREFIXES):
                continue
            if table not in their_tables:
                notes.append(f"the file had no table '{table}'")
                continue
            _copy_table(dest, table, notes)
        for table, rowid, _parent, _fk in dest.execute("PRAGMA main.foreign_key_check").fetchall():
            dest.execute(f'DELETE FROM main."{table}" WHERE rowid = ?', [rowid])
            notes.append(f"left out a row of '{table}' that refers to something not in the file")
        dest.execute("COMMIT")
        dest.execute("DETACH DATABASE src")
        for extra in sorted(their_tables - set(ours) - {MIGRATIONS_TABLE}):
            if not extra.startswith(_NOT_COPIED_PREFIXES):
                notes.append(f"left out the table '{extra}', which BriefBook does not make")
    finally:
        dest.close()


def _copy_table(dest: sqlite3.Connection, table: str, notes: list[str]) -> None:
    """Fill ``main.table`` from ``src.table`` with our SQL: shared columns, our types, our defaults."""
    theirs = {r[1] for r in dest.execute(f'PRAGMA src.table_info("{table}")')}
    columns, values = [], []
    for _cid, name, decl, notnull, default, _pk in dest.execute(f'PRAGMA main.table_info("{table}")'):
        if name not in theirs:
            if notnull and default is None:
                notes.append(f"the table '{table}' had no column '{name}', which it needs")
                return
            notes.append(f"the table '{table}' had no column '{name}' (the default is used)")
            continue
        decl = (decl or "").upper()
        cast = {"TEXT": "TEXT", "INTEGER": "INTEGER", "BLOB": "BLOB"}.get(decl)
        expr = f'CAST("{name}" AS {cast})' if cast and cast != "BLOB" else f'"{name}"'
        if default is not None:
            expr = f"COALESCE({expr}, {default})"  # ``default`` is our schema's SQL, not the file's
        columns.append(f'"{name}"')
        values.append(expr)
    total = dest.execute(f'SELECT count(*) FROM src."{table}"').fetchone()[0]
    if total:  # the file's rows replace what the migrations seeded (the default levels)
        dest.execute(f'DELETE FROM main."{table}"')
    cursor = dest.execute(
        f'INSERT OR IGNORE INTO main."{table}" ({", ".join(columns)}) '
        f'SELECT {", ".join(values)} FROM src."{table}"'
    )
    if cursor.rowcount < total:
        notes.append(f"left out {total - cursor.rowcount} of {total} rows of '{table}' that do not fit")


def _finish(target: Path, notes: list[str]) -> None:
    """Bring the copy to this version, re-encode its photos, rebuild its search index."""
    from briefbook.library import Library
    from briefbook.library.photos import prepare_photo

    with Library.open(target, backup=False) as lib:
        rows = lib.db.execute("SELECT person_id, data FROM photos").fetchall()
        with lib.transaction():
            for person_id, data in rows:
                try:
                    photo = prepare_photo(bytes(data or b""))
                except Exception:  # a photo we cannot read is left out, not trusted
                    lib.db.execute("DELETE FROM photos WHERE person_id = ?", [person_id])
                    notes.append(f"left out a photo BriefBook cannot read (person {person_id})")
                    continue
                lib.db["photos"].update(person_id, vars(photo))
        lib.rebuild_index()
