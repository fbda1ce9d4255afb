"""The Library front object is made of modules with one subject each (STYLE.md 15).

``library/api.py`` holds the file (opening, transactions, backups, ``check``); what
users do with the items lives in mixins named for it. These tests keep it so: a method
put back into the wrong module, or a module grown past a few hundred lines, fails here.
The old import paths stay working for callers written against ``api``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import briefbook.library
from briefbook.library import api
from briefbook.library.api import Library

LIBRARY_DIR = Path(briefbook.library.__file__).parent
MAX_LINES = 400

HOMES = {
    "briefbook.library.api": ["open", "create", "transaction", "backup_now", "backup_if_due", "check"],
    "briefbook.library.queries": ["get", "get_many", "find", "list", "ids", "count"],
    "briefbook.library.edits": ["add", "update", "why_not_deletable", "delete", "undelete"],
    "briefbook.library.revisions": ["revisions", "restore_revision", "_keep_revision"],
    "briefbook.library.search_index": ["search", "snippets", "rebuild_index", "_index", "_refresh_old_index"],
    "briefbook.library.settings": ["setting", "set_setting"],
    "briefbook.library.photos": ["set_photo", "photo", "remove_photo"],
}


@pytest.mark.parametrize(("module", "name"), [(m, n) for m, names in HOMES.items() for n in names])
def test_each_operation_lives_in_the_module_named_for_it(module: str, name: str) -> None:
    method = getattr(Library, name)
    method = getattr(method, "__func__", method)
    assert method.__module__ == module


def test_no_library_module_grows_past_a_few_hundred_lines() -> None:
    long = {
        p.name: n
        for p in sorted(LIBRARY_DIR.glob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_operation_is_defined_twice_among_the_mixins() -> None:
    """Two mixins with one method name would leave the choice to the order of the bases."""
    seen: dict[str, str] = {}
    twice = []
    for cls in Library.__mro__[:-1]:
        for name in vars(cls):
            if name.startswith("__"):
                continue
            if name in seen:
                twice.append((name, seen[name], cls.__name__))
            seen[name] = cls.__name__
    assert twice == []


def test_the_old_import_paths_still_work() -> None:
    from briefbook.library.edits import stale_message
    from briefbook.library.search_index import INDEX_VERSION, INDEX_VERSION_KEY, index_body
    from briefbook.library.stamps import now

    assert api.stale_message is stale_message and api.index_body is index_body and api.now is now
    assert (api.INDEX_VERSION, api.INDEX_VERSION_KEY) == (INDEX_VERSION, INDEX_VERSION_KEY)
