"""The order of a table's rows where the library does not sort them: search hits sorted by a column.

The library sorts whole lists (stored sort keys, ``ORDER BY``); a text filter's hits
come in rank order and are sorted here, the same way ``Library.list`` would.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cmp_to_key

from PySide6.QtCore import QCollator, QLocale

from briefbook.ui.columns import CHOICE_FIELDS, REFERENCES
from briefbook.ui.table_cells import DATE_FIELDS


def vietnamese_collator() -> QCollator:
    """Qt's Vietnamese alphabetical order (ICU), numbers by value: the order of every list.

    The core's :func:`briefbook.collation.sort_key` gives the same order to the
    command line, the exports and the library's ``ORDER BY`` (tests compare them).
    """
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setNumericMode(True)
    return collator


def hit_sort_key(field: str, levels: Callable[[], list[str]], name: Callable[[str, str], str]) -> Callable:
    """How search hits are sorted by ``field``: as ``Library.list`` sorts the whole list.

    ``levels()``: the library's classification levels, lowest first; ``name(kind, id)``:
    the name a linked item is shown by.
    """
    if field in DATE_FIELDS or field in CHOICE_FIELDS or field == "position":
        return lambda r: (getattr(r, field) is None, getattr(r, field) or "")
    if field == "classification":
        order = levels()
        return lambda r: order.index(r.classification) if r.classification in order else len(order)
    collate = cmp_to_key(vietnamese_collator().compare)
    if field in REFERENCES:
        kind = REFERENCES[field]
        return lambda r: collate(name(kind, getattr(r, field)) if getattr(r, field) else "")
    if field == "speaker_name":  # a linked speaker by the person's name, as Library.list sorts
        return lambda r: collate(r.speaker_name or r.speaker_label)
    return lambda r: collate(str(getattr(r, field) or ""))
