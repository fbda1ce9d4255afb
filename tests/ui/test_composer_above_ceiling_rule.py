"""The composer marks an item above the ceiling by the export's own rule (levels.rank_of).

It ranked levels by their exact name, so a level stored in another case ("confidential", from a
file) or a ceiling so stored read as unknown: an Internal item was marked "above the ceiling" and
could not be ticked in a book whose ceiling the export reads as Internal, and an item of a level
the library does not know was marked left out of a book at the highest level, which the export
prints (it counts an unknown level as the highest)."""

from __future__ import annotations

from briefbook.library import Book, Library, Person
from briefbook.library.levels import rank_of
from briefbook.ui.composer.shown_book import ShownBookMixin


class _Shown(ShownBookMixin):
    def __init__(self, library: Library, book) -> None:
        self.library, self.book = library, book
        self.context = type("C", (), {"model": type("M", (), {"is_open": True})()})()


def _above(library: Library, ceiling: str, people: list[Person]) -> set[str]:
    return _Shown(library, Book(title="Sổ", event_id="", ceiling=ceiling))._above_ceiling(people)


def test_the_composer_and_the_export_rank_a_level_alike(library: Library) -> None:
    scheme = library.levels()
    top = scheme[-1].name
    people = [
        Person(id="a", name="ສົມພອນ", classification="internal"),  # another case
        Person(id="b", name="ប្រាក់", classification="No such level"),
        Person(id="c", name="عبدالله", classification=scheme[0].name),
    ]
    assert _above(library, "internal", people) == {"b"}  # (the unknown level as the highest)
    assert _above(library, top, people) == set()  # (the export prints all three)
    assert _above(library, scheme[0].name, people) == {"a", "b"}
    assert rank_of(scheme, "No such level") == len(scheme) - 1
    assert rank_of(scheme, "  INTERNAL ") == rank_of(scheme, "Internal")
