"""What changed since the last export: recorded per export, listed, printed on a page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.exchange.changes import word_diff
from briefbook.exchange.copy_changes import book_changes
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, Statement, TalkingPoint
from briefbook.library.books import new_book

_register()


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _book(library: Library, filled: dict) -> str:
    return new_book(library, filled["event"].id, title="Sổ tay", ceiling="Confidential").id


def test_word_diff() -> None:
    assert word_diff("a b c d", "a x c d e") == [("=", "a"), ("-", "b"), ("+", "x"), ("=", "c d"), ("+", "e")]


def test_word_diff_is_of_the_words_a_reader_sees() -> None:
    old = "Việt Nam **ủng hộ** [Công ước Hà Nội](https://un.org/x) và R\\&D \\[NFR]"
    new = "Việt Nam **phản đối** [Công ước Hà Nội](https://un.org/x) và R\\&D \\[NFR]"
    assert word_diff(old, new) == [
        ("=", "Việt Nam"),
        ("-", "ủng hộ"),
        ("+", "phản đối"),
        ("=", "Công ước Hà Nội và R&D [NFR]"),
    ]
    # Only the look changed: the words that changed it, in words (no asterisks).
    assert word_diff("Việt Nam ủng hộ", "Việt Nam **ủng hộ**") == [
        ("=", "Việt Nam"),
        ("-", "ủng hộ"),
        ("+", "ủng hộ"),
    ]
    # Only what a reader does not see (a link's address): the raw words, rather than no change.
    assert word_diff("[Công ước](https://a.org)", "[Công ước](https://b.org)") == [
        ("=", "[Công"),
        ("-", "ước](https://a.org)"),
        ("+", "ước](https://b.org)"),
    ]


def test_added_edited_removed_since_the_last_export(library: Library, filled: dict, tmp_path: Path) -> None:
    book_id = _book(library, filled)
    assert book_changes(library, book_id).since_version is None
    export_book(library, book_id, tmp_path / "v1.pdf", ExportOptions(formats=("pdf",)))
    assert book_changes(library, book_id).empty
    topic = filled["topic"]
    library.update(TalkingPoint, filled["point"].id, text="Việt Nam kiên quyết chống **lừa đảo** qua mạng.")
    new = library.add(TalkingPoint(topic_id=topic.id, text="Điểm mới về Công ước."))
    library.delete(Statement, filled["statement"].id)
    found = book_changes(library, book_id)
    assert found.since_version == 1
    assert [i for i, _ in found.added] == [new.id], [(e.kind, e.name) for _, e in found.added]
    assert [e.item_id for e in found.edited] == [filled["point"].id]
    assert ("-", "trực tuyến.") in found.edited[0].diff and ("+", "qua mạng.") in found.edited[0].diff
    assert [i for i, _ in found.removed] == [filled["statement"].id]
    export_book(library, book_id, tmp_path / "v2.pdf", ExportOptions(formats=("pdf",), changes_page=True))
    text = _pdf_text(tmp_path / "v2.pdf")
    assert "Những thay đổi từ phiên bản 1" in text and "Điểm mới về Công ước" in text
    assert "[trực tuyến.]" in text
    assert book_changes(library, book_id).since_version == 2 and book_changes(library, book_id).empty


def test_changes_page_never_prints_what_may_not_leave(library: Library, filled: dict, tmp_path: Path) -> None:
    book_id = _book(library, filled)
    point = library.add(TalkingPoint(topic_id=filled["topic"].id, text="Công khai.\n\n[NFR] PLUGHWORD"))
    export_book(library, book_id, tmp_path / "v0.pdf", ExportOptions(formats=("pdf",)))  # internal: NFR in
    # The copy for sharing its readers hold: the next one's page compares with it (its kind),
    # never with the internal copy above (copy_changes.baseline).
    export_book(library, book_id, tmp_path / "v1.pdf", ExportOptions(formats=("pdf",), releasable=True))
    library.update(TalkingPoint, point.id, text="Công khai, đã sửa.\n\n[NFR] PLUGHWORD KHÁC")
    library.update(TalkingPoint, filled["point"].id, classification="Secret")  # now above the ceiling
    export_book(
        library,
        book_id,
        tmp_path / "share.pdf",
        ExportOptions(formats=("pdf",), releasable=True, changes_page=True),
    )
    text = _pdf_text(tmp_path / "share.pdf")
    assert "Những thay đổi từ phiên bản 2" in text and "đã sửa" in text
    assert "PLUGHWORD" not in text and "kiên quyết" not in text


def _cli(library_path: Path) -> Callable[..., Result]:
    """``briefbook --library LIBRARY ...`` as a function of the rest of the command."""
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, ["--library", str(library_path), *args], catch_exceptions=False)


def test_cli_book_changes_and_export_option(library_path: Path, tmp_path: Path) -> None:
    run = _cli(library_path)
    assert run("demo").exit_code == 0
    with Library.open(library_path) as lib:
        book_id = lib.list("book")[0].id
        point = lib.list(TalkingPoint)[0]
    first = "There is no earlier copy of this book at Confidential: everything in it is new."
    assert first in run("book", "changes", book_id).output
    assert run("export", book_id, "-o", str(tmp_path / "a.pdf"), "--format", "pdf").exit_code == 0
    assert "Nothing has changed" in run("book", "changes", book_id).output
    run("edit", point.id, "--set", "text=Văn bản mới hoàn toàn.")
    out = run("book", "changes", book_id).output
    assert "~ edited" in out and "{+" in out and "[-" in out
    result = run("export", book_id, "-o", str(tmp_path / "b.pdf"), "--format", "pdf", "--changes")
    assert result.exit_code == 0, result.output
    assert "Văn bản mới hoàn toàn." in _pdf_text(tmp_path / "b.pdf").split("Chương trình")[1]


def _changes_after(library_path: Path, tmp_path: Path, before: str, after: str) -> str:
    """``book changes`` of the demo book after its first point's text went from ``before`` to
    ``after`` (exported in between): the diff line as the command prints it."""
    run = _cli(library_path)
    assert run("demo").exit_code == 0
    with Library.open(library_path) as lib:
        book_id = lib.list("book")[0].id
        point = lib.list(TalkingPoint)[0]
    assert run("edit", point.id, "--set", f"text={before}").exit_code == 0
    assert run("export", book_id, "-o", str(tmp_path / "a.pdf"), "--format", "pdf").exit_code == 0
    assert run("edit", point.id, "--set", f"text={after}").exit_code == 0
    out = run("book", "changes", book_id).output
    return next(line for line in out.splitlines()[1:] if line.startswith("    ")).strip()  # (then the
    # point's other fields, cut to a few words after the last change)


def test_changes_show_a_lists_numbers_and_bullets_as_the_book_draws_them(
    library_path: Path, tmp_path: Path
) -> None:
    before = "Mục tiêu:\n\n1. Ký Công ước\n2. Hồi hương công dân\n   - qua Thái Lan\n\n- hợp tác"
    after = "Mục tiêu:\n\n1. Ký Công ước\n2. Hồi hương công dân sớm\n   - qua Thái Lan\n\n- hợp tác"
    line = _changes_after(library_path, tmp_path, before, after)
    # The numbers and bullets the reader sees ("2.", the second level's "–", "•"), never a "-".
    assert line.startswith("Mục tiêu: 1. Ký Công ước 2. Hồi hương công dân {+sớm+} – qua Thái Lan • hợp"), (
        line
    )


def test_changes_show_a_word_made_bold_in_an_edit_that_changes_other_words(
    library_path: Path, tmp_path: Path
) -> None:
    line = _changes_after(
        library_path,
        tmp_path,
        "Việt Nam ủng hộ Công ước Hà Nội.",
        "Việt Nam **ủng hộ** Công ước Hà Nội 2024.",
    )
    # The reader sees "ủng hộ" turn bold and "2024" come in: both shown, without asterisks.
    assert line.startswith("Việt Nam [-ủng hộ-] {+ủng hộ+} Công ước Hà [-Nội.-] {+Nội 2024.+} "), line
