"""A person's sensitivities left out of a book below their level are named by the preflight.

Found by a user's walk (review2): a counterpart's sensitivities are printed only at
Confidential and above, whatever the profile's own level, and a Public or Internal book
left them out without a word, while every other item above the ceiling is named.
"""

from __future__ import annotations

from briefbook.assemble import preflight
from briefbook.library import Library, Person
from briefbook.library.books import new_book


def _names(library: Library, filled: dict, ceiling: str) -> list[str]:
    book = new_book(library, filled["event"].id, ceiling=ceiling)
    return [w.message for w in preflight(library, book) if w.item_id == filled["thai"].id]


def test_sensitivities_below_their_level_are_named(library: Library, filled: dict) -> None:
    library.update(Person, filled["thai"].id, sensitivities="Không nhắc tới vụ việc năm 2024.")
    messages = _names(library, filled, "Internal")
    said = [m for m in messages if "sensitivities" in m.lower()]
    assert len(said) == 1, messages
    assert "Sihasak Phuangketkeow" in said[0] and "Confidential" in said[0]


def test_nothing_is_said_when_they_are_printed_or_empty(library: Library, filled: dict) -> None:
    assert not [m for m in _names(library, filled, "Internal") if "sensitivities" in m.lower()]
    library.update(Person, filled["thai"].id, sensitivities="Không nhắc tới vụ việc năm 2024.")
    assert not [m for m in _names(library, filled, "Confidential") if "sensitivities" in m.lower()]
