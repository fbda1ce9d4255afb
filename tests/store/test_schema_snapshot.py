"""The schema every open compares a file with is this version's, as the migrations build it."""

from __future__ import annotations

from briefbook.store import schema, schema_check, schema_snapshot
from briefbook.store.quick_open import CURRENT_MIGRATIONS


def test_the_snapshot_is_what_the_migrations_build() -> None:
    """A new migration changes the schema: run ``schema_check.write_snapshot()``, then ``ruff format``."""
    current = tuple(schema.known_migrations())
    assert schema_snapshot.MIGRATIONS == current == CURRENT_MIGRATIONS
    assert schema_check.built_entries(current) == schema_snapshot.ENTRIES
    first = schema_check.built_entries(current[:1])[("table", schema_check.MIGRATIONS_TABLE)]
    assert first == schema_snapshot.MIGRATIONS_TABLE_ENTRY
    assert schema_snapshot.ENTRIES[("table", schema_check.MIGRATIONS_TABLE)] == first  # no step changes it


def test_the_snapshot_is_used_for_this_version_only() -> None:
    current = tuple(CURRENT_MIGRATIONS)
    assert schema_check.expected_entries(current) is schema_snapshot.ENTRIES
    older = current[:5]
    assert schema_check.expected_entries(older) == schema_check.built_entries(older)
    assert schema_check.expected_entries(older) != schema_snapshot.ENTRIES
