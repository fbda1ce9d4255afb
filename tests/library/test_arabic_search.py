"""Arabic search without the hamza and the short vowels: ``احمد`` finds ``أحمد``.

A name is typed as the keyboard at hand allows; before, the hamza (and any harakat)
had to match exactly, so a search for احمد found nothing.
"""

from __future__ import annotations

import pytest

from briefbook.library import Library, Person, Statement
from briefbook.library.api import INDEX_VERSION, INDEX_VERSION_KEY
from briefbook.text import fold, fold_many, fold_with_map


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آمنة", "امنة"),
        ("ٱلقاهرة", "القاهرة"),
        ("مُحَمَّد", "محمد"),
        ("مصطفى", "مصطفي"),
    ],
)
def test_hamza_forms_and_harakat_fold_away(library: Library, written: str, typed: str) -> None:
    assert fold(written) == fold(typed) and fold_many([written, "x"]) == [fold(typed), "x"]
    person = library.add(Person(name=written, position="Đại sứ"))
    assert [h.id for h in library.search(typed)] == [person.id]
    assert [h.id for h in library.search(written)] == [person.id]  # as written, too
    assert library.check() == []


def test_the_snippet_marks_the_arabic_word_as_written(library: Library) -> None:
    statement = library.add(Statement(speaker_name="Ahmed", text="قال مُحَمَّد أحمد كلمة"))
    shown = library.search("احمد")[0]
    assert shown.id == statement.id and "[أحمد]" in shown.snippet
    folded, origin = fold_with_map("مُحَمَّد أحمد")
    assert folded == "محمد احمد" and origin(len("محمد ")) == len("مُحَمَّد ")


def test_other_scripts_keep_their_marks() -> None:
    assert fold("ดิ์") == "ดิ์" and fold("ສີສຸລິດ") == "ສີສຸລິດ" and fold("Lê Anh Tuấn") == "le anh tuan"


def test_a_library_indexed_with_the_old_folding_is_rebuilt_on_open(library: Library, library_path) -> None:
    person = library.add(Person(name="أحمد"))
    with library.transaction():  # the index as the earlier folding left it, with no version
        library.db.execute("UPDATE search_words SET title = 'أحمد' WHERE title = 'احمد'")
        library.db.execute("DELETE FROM settings WHERE key = ?", [INDEX_VERSION_KEY])
    assert library.search("احمد") == []
    library.close()
    with Library.open(library_path) as lib:
        assert [h.id for h in lib.search("احمد")] == [person.id]
        assert lib.setting(INDEX_VERSION_KEY) == INDEX_VERSION and lib.check() == []
