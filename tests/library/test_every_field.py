"""Every field of every kind can be changed through the Library API (cases from the record definitions)."""

from __future__ import annotations

import pytest

from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES
from tests.field_cases import CASES, case_id, new_value, seed


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_update_changes_the_field(library: Library, case: tuple[str, str]) -> None:
    kind, name = case
    made = seed(library)
    value = new_value(library, made, kind, name)
    assert value != getattr(made[kind], name)
    updated = library.update(kind, made[kind].id, **{name: value})
    assert getattr(updated, name) == value
    assert getattr(library.get(kind, made[kind].id), name) == value


def test_every_kind_and_field_is_a_case() -> None:
    assert {k for k, _ in CASES} == set(RECORD_TYPES)
    assert len(CASES) == sum(len(cls.data_fields()) for cls in RECORD_TYPES.values())


def test_a_field_named_like_the_arguments_is_a_field() -> None:
    """``kind`` and ``item_id`` are positional-only: a record's own ``kind`` is just a field."""
    import inspect

    params = inspect.signature(Library.update).parameters
    assert params["kind"].kind is inspect.Parameter.POSITIONAL_ONLY
    assert params["item_id"].kind is inspect.Parameter.POSITIONAL_ONLY
