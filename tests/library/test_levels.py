"""Classification levels are data: one parser, renames everywhere at once, confirmed changes,
labels per language. An unknown or missing level never means "no ceiling"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.errors import Conflict, ValidationError
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

_register()
FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize(
    "typed",
    ["Internal", "internal", "INTERNAL", " Internal ", "Internal\u200b", "\ufeffinternal", "Inter\u00adnal",
     "\u00a0internal\t", "ｉｎｔｅｒｎａｌ", "lưu hành nội bộ", "LƯU  HÀNH NỘI BỘ", "internal\u200d"],
)  # fmt: skip
def test_a_level_is_found_however_it_is_typed(library: Library, typed: str) -> None:
    assert library.parse_level(typed) == "Internal"


@pytest.mark.parametrize("typed", ["", "   ", "\u200b", "Internl", "Intern", "Top secret", "*", "None"])
def test_an_unknown_or_empty_level_is_refused_with_the_levels_listed(library: Library, typed: str) -> None:
    with pytest.raises(ValidationError, match="Public, Internal, Confidential, Secret"):
        library.parse_level(typed)


def test_items_and_books_store_the_librarys_spelling(library: Library) -> None:
    event = library.add(Event(title="Hội nghị", classification=" confidential "))
    assert library.get(Event, event.id).classification == "Confidential"
    book = new_book(library, event.id, ceiling="mật")
    assert library.get(Book, book.id).ceiling == "Confidential"
    with pytest.raises(ValidationError, match="not a classification level"):
        library.add(Topic(title="x", classification="Secrett"))


@pytest.fixture
def book(library: Library) -> Book:
    event = library.add(Event(title="Hội nghị Viêng Chăn", classification="Internal"))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp song phương"))
    topic = library.add(Topic(title="Hợp tác"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="Điểm CÔNGKHAI", status="cleared"))
    library.add(
        TalkingPoint(topic_id=topic.id, text="Điểm TỐIMẬT", status="cleared", classification="Secret")
    )
    return new_book(library, event.id, title="Sổ tay", ceiling="Internal")


@pytest.mark.parametrize("ceiling", ["internal", "Internal ", "INTERNAL\u200b", "lưu hành nội bộ"])
def test_an_export_ceiling_typed_any_way_leaves_out_secret(
    library: Library, book: Book, tmp_path: Path, ceiling: str
) -> None:
    from pypdf import PdfReader

    export_book(library, book.id, tmp_path / "b.pdf", ExportOptions(formats=("pdf",), ceiling=ceiling))
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "b.pdf").pages)
    assert "CÔNGKHAI" in text and "TỐIMẬT" not in text


@pytest.mark.parametrize("ceiling", ["intern", "Top Secret", "  "])
def test_an_unknown_export_ceiling_is_refused_and_nothing_written(
    library: Library, book: Book, tmp_path: Path, ceiling: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match="Public, Internal, Confidential, Secret"):
        export_book(library, book.id, out / "b.pdf", ExportOptions(ceiling=ceiling or "\u200b"))
    assert list(out.iterdir()) == []


def test_a_book_without_a_ceiling_is_not_exported(library: Library, book: Book, tmp_path: Path) -> None:
    library.update(Book, book.id, ceiling="")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match="no classification ceiling"):
        export_book(library, book.id, out / "b.pdf")
    assert list(out.iterdir()) == []


def test_the_cli_refuses_an_unknown_ceiling_with_exit_1(
    library_path: Path, book: Book, tmp_path: Path
) -> None:
    target = str(tmp_path / "b.pdf")
    result = CliRunner().invoke(
        cli, ["--library", str(library_path), "export", book.id, "-o", target, "--ceiling", "nope"]
    )
    assert result.exit_code == 1 and "Public, Internal, Confidential, Secret" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "b.pdf").exists()


def test_renaming_a_level_renames_it_everywhere(library: Library, book: Book) -> None:
    person = library.add(Person(name="Bà A", classification="Internal"))
    library.rename_level("internal", "Restricted")
    assert library.classification_levels() == ["Public", "Restricted", "Confidential", "Secret"]
    assert library.get(Person, person.id).classification == "Restricted"
    assert library.get(Event, book.event_id).classification == "Restricted"
    assert library.get(Book, book.id).ceiling == "Restricted"  # the ceiling still holds
    assert library.level_label("Restricted", "vi") == "Lưu hành nội bộ"  # the key and labels stay
    with pytest.raises(Conflict, match="already a level"):
        library.rename_level("Restricted", " secret ")
    with pytest.raises(Conflict, match="never ambiguous"):  # Confidential's Vietnamese label
        library.rename_level("Restricted", "mật")
    with pytest.raises(Conflict, match="never ambiguous"):
        library.set_level_label("Secret", "vi", "Mật")
    with pytest.raises(Conflict, match="never ambiguous"):
        library.set_classification_levels(["Public", "Restricted", "Mật", "Confidential", "Secret"])


def test_names_come_before_labels_and_keys(library: Library) -> None:
    library.rename_level("Public", "Open")
    library.rename_level("Confidential", "Public")  # a key ("public") and a name now differ
    assert library.parse_level("public") == "Public"
    assert library.parse_level("công khai") == "Open"  # the label still finds its level


def test_a_renamed_ceiling_still_leaves_out_secret(library: Library, book: Book, tmp_path: Path) -> None:
    from pypdf import PdfReader

    library.rename_level("Internal", "Nội bộ")
    export_book(library, book.id, tmp_path / "b.pdf", ExportOptions(formats=("pdf",)))
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "b.pdf").pages)
    assert "CÔNGKHAI" in text and "TỐIMẬT" not in text


def test_removing_or_reordering_levels_in_use_needs_confirmation(library: Library, book: Book) -> None:
    before = library.classification_levels()
    with pytest.raises(Conflict, match="'Internal' is removed.*become 'Confidential'.*--yes"):
        library.set_classification_levels(["Public", "Confidential", "Secret"])
    with pytest.raises(Conflict, match="order of levels in use changes"):
        library.set_classification_levels(["Public", "Secret", "Internal", "Confidential"])
    assert library.classification_levels() == before  # nothing changed
    # Adding a level, or changing case, changes nothing in use: no confirmation.
    library.set_classification_levels(["public", "Internal", "Hạn chế", "Confidential", "Secret"])
    assert library.classification_levels() == ["Public", "Internal", "Hạn chế", "Confidential", "Secret"]
    changes = library.set_classification_levels(["Public", "Confidential", "Secret"], confirm=True)
    assert changes and "Internal" in changes[0]
    assert library.get(Event, book.event_id).classification == "Confidential"  # items move up
    assert library.get(Book, book.id).ceiling == "Public"  # a ceiling moves down


def test_the_highest_level_in_use_cannot_be_removed(library: Library, book: Book) -> None:
    with pytest.raises(Conflict, match="no higher level"):
        library.set_classification_levels(["Public", "Internal", "Confidential"], confirm=True)
    assert library.classification_levels()[-1] == "Secret"


def test_a_vietnamese_book_prints_its_banner_in_vietnamese(library: Library, book: Book) -> None:
    from briefbook.assemble import assemble

    assert assemble(library, book.id).meta.banner == "LƯU HÀNH NỘI BỘ"
    library.update(Book, book.id, language="en")
    assert assemble(library, book.id).meta.banner == "INTERNAL"
    library.set_level_label("Internal", "vi", "Nội bộ")
    library.update(Book, book.id, language="vi")
    assert assemble(library, book.id).meta.banner == "NỘI BỘ"


def test_an_old_library_gets_keys_and_labels(tmp_path: Path) -> None:
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "library-0001_initial.briefbook", path)
    with Library.open(path) as lib:
        assert [lv.key for lv in lib.levels()] == ["public", "internal", "confidential", "secret"]
        assert [lv.label("vi") for lv in lib.levels()] == ["Công khai", "Lưu hành nội bộ", "Mật", "Tối mật"]


def test_levels_on_the_command_line(tmp_path: Path) -> None:
    library_path = tmp_path / "cli.briefbook"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--library", str(library_path), *args])

    with Library.create(library_path) as lib:
        event = lib.add(Event(title="E", classification="Internal"))
        new_book(lib, event.id, ceiling="Internal")
    assert "Lưu hành nội bộ" in run("levels").output
    refused = run("levels", "set", "Public", "Confidential", "Secret")
    assert refused.exit_code == 1 and "--yes" in refused.output and "'Internal' is removed" in refused.output
    assert "Restricted" in run("levels", "rename", "INTERNAL", "Restricted").output
    assert "Hạn chế" in run("levels", "label", "restricted", "vi", "Hạn chế").output
    done = run("levels", "set", "Public", "Confidential", "Secret", "--yes")
    assert done.exit_code == 0 and "become 'Confidential'" in done.output
