"""Each table's columns: the fields in their order, and the named constants (an IntEnum per kind),
which the window's first screen does not make (briefbook/ui/columns.py)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from enum import IntEnum
from pathlib import Path

import pytest

from briefbook.ui import columns

ROOT = Path(__file__).resolve().parents[2]
NAMES = {
    "event": "EventColumn",
    "meeting": "MeetingColumn",
    "person": "PersonColumn",
    "organisation": "OrganisationColumn",
    "topic": "TopicColumn",
    "talking_point": "TalkingPointColumn",
    "statement": "StatementColumn",
    "book": "BookColumn",
}


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_each_kind_has_its_named_constants_in_its_fields_order(kind: str) -> None:
    enum = getattr(columns, NAMES[kind])
    assert issubclass(enum, IntEnum) and enum.__name__ == enum.__qualname__ == NAMES[kind]
    assert [(m.name.lower(), int(m)) for m in enum] == [(f, i) for i, f in enumerate(columns.FIELDS[kind])]
    assert enum is getattr(columns, NAMES[kind])  # made once
    member = list(enum)[-1]
    assert pickle.loads(pickle.dumps(member)) is member


def test_the_columns_are_those_the_tables_showed() -> None:
    from briefbook.ui.columns import BookColumn, PersonColumn, StatementColumn, TalkingPointColumn

    assert (TalkingPointColumn.POSITION, TalkingPointColumn.TEXT, TalkingPointColumn.TOPIC_ID) == (0, 1, 2)
    assert (TalkingPointColumn.STATUS, TalkingPointColumn.LANGUAGE) == (4, 6)
    assert (PersonColumn.NAME_ROMANISED, PersonColumn.ORGANISATION_ID) == (1, 3)
    assert (StatementColumn.SPEAKER_NAME, StatementColumn.TEXT, StatementColumn.CLASSIFICATION) == (0, 2, 5)
    assert BookColumn.LAST_EXPORT_AT == 5
    with pytest.raises(AttributeError):
        columns.ProfileColumn  # noqa: B018


PROBE = """
import json
import briefbook.ui.app, briefbook.ui.collection_view, briefbook.ui.first_page, briefbook.library.first_page
from briefbook.ui import columns
print(json.dumps(sorted(name for name in vars(columns) if name.endswith("Column"))))
"""


def test_the_first_screen_makes_no_column_enum(tmp_path: Path) -> None:
    """Counted, never timed: an IntEnum class costs about 0.7 M instructions to make."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
