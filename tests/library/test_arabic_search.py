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
        ("فيصل", "فیصل"),  # typed on a Persian keyboard: its yeh
        ("كريم", "کریم"),  # and its keheh
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


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("ສອນ\u200bໄຊ", "ສອນໄຊ"),  # a zero-width space inside a pasted Lao name
        ("ສອນໄຊ", "ສອນ\u200bໄຊ"),  # and typed into the search
        ("សុខ\u200bចិន្ដា", "សុខចិន្ដា"),
        ("Phu\u00adong", "Phuong"),  # a soft hyphen from Word
        ("Ngu\u2060yen", "nguyen"),
    ],
)
def test_invisible_characters_inside_a_word_do_not_hide_it(
    library: Library, written: str, typed: str
) -> None:
    person = library.add(Person(name=written, position="Bộ trưởng"))
    assert [h.id for h in library.search(typed)] == [person.id]
    assert [h.id for h in library.search(written)] == [person.id]
    assert library.check() == []


def test_an_index_of_the_previous_version_is_brought_up_to_date_on_open(
    library: Library, library_path
) -> None:
    # Made by version "4", which kept a name's zero-width space: the entry is indexed again
    # on open (compared entry by entry, no rebuild), and the name is found.
    person = library.add(Person(name="ສອນ\u200bໄຊ"))
    with library.transaction():
        library.db.execute("UPDATE search_trigrams SET text = replace(text, 'ສອນໄຊ', ?)", ["ສອນ\u200bໄຊ"])
        library.db.execute("UPDATE settings SET value = '4' WHERE key = ?", [INDEX_VERSION_KEY])
    assert library.search("ສອນໄຊ") == []
    library.close()
    with Library.open(library_path) as lib:
        assert [h.id for h in lib.search("ສອນໄຊ")] == [person.id]
        assert lib.setting(INDEX_VERSION_KEY) == INDEX_VERSION and lib.check() == []
