"""The first page read before the library loads is exactly what the Library reads (and writes nothing)."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from briefbook.library import Library
from briefbook.library.first_page import FirstPageReader
from briefbook.library.records import RECORD_TYPES
from tests.library.first_page_library import LEVELS, build


@pytest.fixture(scope="module")
def scripts_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("first-page") / "scripts.briefbook")


def _seen(records: list) -> list[dict]:
    """Every field of each record, and the linked speaker's name the lists show."""
    return [
        {**{f.name: getattr(r, f.name) for f in fields(r)}, "_label": getattr(r, "speaker_label", None)}
        for r in records
    ]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_each_order_and_level_reads_the_rows_the_library_reads(scripts_library: Path, kind: str) -> None:
    cls = RECORD_TYPES[kind]
    with Library.open(scripts_library) as lib:
        expected_levels = lib.classification_levels()
        wanted = {}
        for order in [None, *cls.field_names()]:
            for descending in (False, True):
                for where in [None, *({"classification": level} for level in LEVELS)]:
                    if where and "classification" not in cls.field_names():
                        continue
                    page = lib.page(kind, where=where, order_by=order, descending=descending, limit=5)
                    wanted[(order, descending, where and where["classification"])] = (
                        _seen(page.records),
                        page.cursor,
                        lib.count(kind, where=where),
                    )
        names = _seen(lib.list(kind))
        numbers = lib.point_numbers([r.id for r in lib.list("talking_point")])
    before = _digest(scripts_library)
    reader = FirstPageReader.open(scripts_library)
    assert reader is not None
    with reader:
        assert reader.classification_levels() == expected_levels == list(LEVELS)
        for (order, descending, level), (records, cursor, total) in wanted.items():
            where = {"classification": level} if level else None
            page = reader.page(kind, where=where, order_by=order, descending=descending, limit=5)
            assert (_seen(page.records), page.cursor) == (records, cursor), (order, descending, where)
            assert reader.count(kind, where=where) == total
        assert _seen(reader.list(kind)) == names
        assert reader.point_numbers(list(numbers)) == numbers
    assert _digest(scripts_library) == before  # read only
    assert not [
        p
        for p in scripts_library.parent.iterdir()
        if p.name != scripts_library.name and "backups" not in p.name
    ]


def test_the_reader_cannot_write(scripts_library: Path) -> None:
    reader = FirstPageReader.open(scripts_library)
    assert reader is not None
    with reader, pytest.raises(sqlite3.Error):
        reader.db.execute("DELETE FROM talking_points")
    with Library.open(scripts_library) as lib:
        assert lib.count("talking_point") == 16
