"""A statement linked to a person is named after the person in the library's own lists.

The release gate wants a linked speaker shown through the person, so such a
statement's ``speaker_name`` is empty; lists, search, pickers and the deleted list
named it "(speaker)" before.
"""

from __future__ import annotations

from briefbook.library import Library, Person, Statement


def _linked(library: Library) -> tuple[Person, Statement]:
    person = library.add(Person(name="أحمد بن علي", name_romanised="Ahmed bin Ali"))
    statement = library.add(
        Statement(speaker_id=person.id, speaker_name="", date="2026-07-20", text="Hợp tác chống lừa đảo")
    )
    return person, statement


def test_lists_get_and_search_name_the_person(library: Library) -> None:
    _person, statement = _linked(library)
    want = "أحمد بن علي (Ahmed bin Ali), 2026-07-20: Hợp tác chống lừa đảo"
    assert statement.display_name == want
    assert library.get(Statement, statement.id).display_name == want
    assert [s.display_name for s in library.list(Statement)] == [want]
    assert library.get_many(Statement, [statement.id])[0].display_name == want
    assert library.find(statement.id).display_name == want
    hits = library.search("hop tac", kinds=("statement",))
    assert [h.title for h in hits] == [want]
    assert library.check() == []


def test_a_free_text_speaker_wins_and_no_speaker_stays_marked(library: Library) -> None:
    person, _ = _linked(library)
    free = library.add(
        Statement(speaker_id=person.id, speaker_name="H.E. Ahmed", date="2026-07-21", text="x")
    )
    nobody = library.add(Statement(text="y"))
    assert free.display_name.startswith("H.E. Ahmed, 2026-07-21")
    assert nobody.display_name == "(speaker): y"


def test_renaming_or_deleting_the_person_keeps_the_index_in_step(library: Library) -> None:
    person, statement = _linked(library)
    library.update(Person, person.id, name="أحمد", name_romanised="")
    assert library.search("hop tac")[0].title.startswith("أحمد, 2026-07-20")
    assert library.check() == []
    snapshot = library.delete(Person, person.id)
    assert library.get(Statement, statement.id).display_name.startswith("(speaker), 2026-07-20")
    assert library.search("hop tac")[0].title.startswith("(speaker)")
    assert library.check() == []
    library.undelete(snapshot)
    assert library.search("hop tac")[0].title.startswith("أحمد, 2026-07-20")
    assert library.check() == []


def test_the_deleted_list_names_the_person(library: Library) -> None:
    _person, statement = _linked(library)
    library.delete(Statement, statement.id)
    assert library.deleted_items()[0].title.startswith("أحمد بن علي (Ahmed bin Ali), 2026-07-20")


def test_preflight_names_the_person(library: Library, filled: dict) -> None:
    from briefbook.assemble import preflight
    from briefbook.library.books import new_book

    statement = filled["statement"]
    library.update(Statement, statement.id, speaker_name="", classification="Secret")
    book = new_book(library, filled["event"].id, title="Sổ tay")
    above = [w for w in preflight(library, book, ceiling="Internal") if w.item_id == statement.id]
    assert above and "Lê Anh Tuấn, 2025-12-17" in above[0].message and "(speaker)" not in above[0].message


def test_the_command_line_names_the_person(library: Library, library_path) -> None:
    from click.testing import CliRunner

    from briefbook.cli.main import _register, cli
    from briefbook.library import Topic

    _register()
    _person, statement = _linked(library)
    topic = library.add(Topic(title="Công ước Hà Nội"))
    library.close()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--library", str(library_path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    name = "أحمد بن علي (Ahmed bin Ali), 2026-07-20"
    assert name in run("link", statement.id, topic.id)
    assert name in run("search", "hop tac")
    assert name in run("list", "statement")
    run("delete", statement.id, "--force")
    assert name in run("deleted")


def test_an_index_made_before_is_rebuilt_once_on_open(library: Library, library_path) -> None:
    from briefbook.library.api import INDEX_VERSION, INDEX_VERSION_KEY, index_body
    from briefbook.store import search as fts

    _person, statement = _linked(library)
    with library.transaction():  # as an earlier version left it: "(speaker)" and no version
        fts.index_item(
            library.db, "statement", statement.id, "(speaker), 2026-07-20: x", index_body(statement)
        )
        library.db.execute("DELETE FROM settings WHERE key = ?", [INDEX_VERSION_KEY])
    library.close()
    with Library.open(library_path, read_only=True) as lib:  # read-only: left as it is
        assert lib.search("hop tac")[0].title.startswith("(speaker)")
    with Library.open(library_path) as lib:
        assert lib.search("hop tac")[0].title.startswith("أحمد بن علي")
        assert lib.setting(INDEX_VERSION_KEY) == INDEX_VERSION and lib.check() == []


def test_sorting_by_speaker_uses_the_persons_name(library: Library) -> None:
    person = library.add(Person(name="Bùi Thanh Sơn"))
    library.add(Statement(speaker_name="Cao Văn", text="c"))
    library.add(Statement(speaker_id=person.id, text="b"))
    library.add(Statement(speaker_name="An Nguyễn", text="a"))
    assert [s.text for s in library.list(Statement, order_by="speaker_name")] == ["a", "b", "c"]
    assert [s.text for s in library.list(Statement, order_by="speaker_name", descending=True)] == [
        "c",
        "b",
        "a",
    ]
