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


def test_the_steps_an_open_knows_are_the_ones_registered_not_a_copied_list() -> None:
    """Opening a library asks store/schema.py for the steps (without sqlite-utils): a step
    registered there is applied, whatever a hand-kept list elsewhere says."""
    from briefbook.store.schema import MIGRATIONS

    @MIGRATIONS(name="9998_probe_step")
    def _probe(db) -> None:  # pragma: no cover (only its name is asked)
        pass

    try:
        assert schema_check.known_migrations()[-1] == "9998_probe_step"
        assert schema_check.expected_entries(tuple(CURRENT_MIGRATIONS)) is not schema_snapshot.ENTRIES
    finally:
        MIGRATIONS._migrations.pop()
    assert schema_check.known_migrations() == list(CURRENT_MIGRATIONS)
