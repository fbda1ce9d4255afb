"""Bringing a library from an older version to this one: a verified backup first, then each step.

Each schema step runs in its own transaction with its record, so a step cut short by a
crash or a kill leaves the library at the step before; the backup is kept like a manual
one, so the user can always go back to the file as it was before the upgrade.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefbook.errors import LibraryFileError
from briefbook.store.connection import Database
from briefbook.store.schema_check import MIGRATIONS_TABLE, known_migrations, recorded_steps


def migrate(
    db: Database, path: Path, *, fresh: bool, progress: Callable[[str, int, int], None] | None = None
) -> None:
    """Back up, then apply the pending steps one by one (each in its own transaction, with its
    record: a step cut short by a crash or a kill leaves the library at the step before)."""
    applied = applied_migrations(db)
    pending = pending_migrations(db)
    if not pending:
        return
    from briefbook.store.schema import MIGRATIONS  # (with sqlite-utils, which runs the steps)

    report = progress if progress is not None and not fresh else (lambda stage, done, total: None)
    if not fresh:
        report("backup", 0, 1)
        db.upgrade_backup = backup_before_migration(db, path, applied[-1] if applied else "unversioned")
    for done, _name in enumerate(pending):
        report("migrate", done, len(pending))
        MIGRATIONS.apply(db.utils(), stop_before=pending[done + 1 :])
    report("migrate", len(pending), len(pending))


def backup_before_migration(db: Database, path: Path, version: str) -> Path:
    """Back the library up (online backup API, verified) into its backups folder before it is migrated.

    The copy is kept like a manual backup (30 days at least) and ``briefbook
    backups`` lists it; ``version`` is the schema it holds (for the log).
    """
    from briefbook.store.backup import backup_library

    try:
        return backup_library(db, path.parent / f"{path.stem}.backups", reason="before-upgrade")
    except Exception as exc:
        raise LibraryFileError(
            f"The library {path} needs to be updated for this version of BriefBook (it is at "
            f"schema {version}), but it could not be backed up first ({exc}). It has not been changed."
        ) from None


def applied_migrations(db: Database) -> list[str]:
    """The steps the file records as applied, in order (sqlite-utils' ``Migrations.applied``)."""
    if not db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone():
        return []
    return recorded_steps(db.conn)


def pending_migrations(db: Database) -> list[str]:
    """The steps of this version the file has not had, in order (``Migrations.pending``)."""
    applied = set(applied_migrations(db))
    return [name for name in known_migrations() if name not in applied]


def schema_version(db: Database) -> str:
    applied = applied_migrations(db)
    return applied[-1] if applied else ""
