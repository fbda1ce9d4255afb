"""Every connection to a library file treats the file as data, never as code.

A library may come from someone else. SQLite lets a file carry code of its own:
triggers and views run on ordinary statements, and functions named in the
schema (CHECK constraints, defaults, index expressions) run on every write.
:func:`harden` closes those doors on each connection, before anything is read:

* ``PRAGMA trusted_schema = OFF``: functions and virtual tables named by the
  schema may only be SQLite's innocuous built-ins.
* SQLite's *defensive* mode (no ``writable_schema``, no direct edits of the
  schema table or of shadow tables) where Python offers it:
  ``Connection.setconfig(SQLITE_DBCONFIG_DEFENSIVE)`` arrived in Python 3.12.
  Python 3.11's ``sqlite3`` has no way to set it (no ``setconfig``, no access to
  the C handle short of poking at the object's memory with ctypes, which we will
  not do), so there the authorizer below does the same job for the statements
  we run.
* An authorizer that refuses any action taken on behalf of a trigger or a view
  (SQLite names the trigger or view as the action's source), and refuses
  ``PRAGMA writable_schema`` and the creation of triggers and views. BriefBook's
  own schema has neither triggers nor views, so nothing of ours is refused;
  a file's own code cannot run even if it ever got past the schema check of
  :mod:`briefbook.store.schema_check`, which refuses such files on open.

The authorizer runs when a statement is prepared, not on every row, and
sqlite3 caches prepared statements, so its cost is one Python call per action
of each new statement.
"""

from __future__ import annotations

import sqlite3

_DENIED_PRAGMAS = {"writable_schema"}
_DENIED_ACTIONS = {
    sqlite3.SQLITE_CREATE_TRIGGER,
    sqlite3.SQLITE_CREATE_TEMP_TRIGGER,
    sqlite3.SQLITE_CREATE_VIEW,
    sqlite3.SQLITE_CREATE_TEMP_VIEW,
}
SQLITE_DBCONFIG_DEFENSIVE = 1010  # sqlite3.h; sqlite3.SQLITE_DBCONFIG_DEFENSIVE in Python 3.12+


def _authorize(action: int, arg1: str | None, arg2: str | None, database: str | None, source: str | None):
    if source is not None:  # done on behalf of a trigger or a view: the file's code
        return sqlite3.SQLITE_DENY
    if action in _DENIED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in _DENIED_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def harden(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Make ``conn`` treat its file as data only (see the module's docstring); returns it."""
    conn.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", SQLITE_DBCONFIG_DEFENSIVE), True)
    conn.set_authorizer(_authorize)
    return conn


def connect(target: str, **kwargs) -> sqlite3.Connection:
    """``sqlite3.connect`` followed by :func:`harden`."""
    return harden(sqlite3.connect(target, **kwargs))
