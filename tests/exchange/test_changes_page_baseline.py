"""A copy's "changes since version N" page compares with the last copy of its own kind.

Found by a review: the page compared with the last export of any kind, so a Public copy
made for sharing said "since version 1" when version 1 was the Secret internal copy its
reader never received, and listed its changes against that text. Now N is the last copy
at the same ceiling with the same for-sharing choice (``copy_changes.baseline``); with none,
the page says so in words.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document as WordDocument
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.exchange.copy_changes import baseline
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, TalkingPoint
from briefbook.library.books import new_book

SECRET = ExportOptions(formats=("pdf",), ceiling="Secret", changes_page=True)
FIRST_SHARED = "Chưa có bản nào trước đây của sổ tay này ở mức Công khai, bản được phép chia sẻ"
EDIT = "Việt Nam kiên quyết chống lừa đảo xuyên biên giới."
SHARED = ExportOptions(formats=("pdf",), ceiling="Public", releasable=True, changes_page=True)


def _page(path: Path) -> str:
    """The changes page's words, one space apart, from its heading (the page after the contents)."""
    words = " ".join(PdfReader(path).pages[2].extract_text().split())
    return words[words.index("Những thay đổi") :]


def test_each_kind_of_copy_compares_with_its_own_last_copy(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book_id = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Secret").id
    library.add(TalkingPoint(topic_id=filled["topic"].id, text="PLUGHSECRET kín.", classification="Secret"))
    export_book(library, book_id, tmp_path / "v1.pdf", SECRET)  # version 1: Secret, internal
    export_book(library, book_id, tmp_path / "v2.pdf", SHARED)  # version 2: the first Public copy
    page = _page(tmp_path / "v2.pdf")
    assert page.startswith(
        "Những thay đổi Chưa có bản nào trước đây của sổ tay này ở mức Công khai, bản được phép chia sẻ"
    )
    assert "phiên bản 1" not in page and "PLUGHSECRET" not in page

    library.update(
        TalkingPoint, filled["point"].id, text="Việt Nam kiên quyết chống lừa đảo xuyên biên giới."
    )
    export_book(library, book_id, tmp_path / "v3.pdf", SHARED)  # its reader holds version 2
    page = _page(tmp_path / "v3.pdf")
    assert page.startswith("Những thay đổi từ phiên bản 2 Đã sửa"), page[:200]
    assert "xuyên biên giới" in page

    export_book(library, book_id, tmp_path / "v4.pdf", SECRET)  # its reader holds version 1
    page = _page(tmp_path / "v4.pdf")
    assert page.startswith("Những thay đổi từ phiên bản 1 Đã sửa"), page[:200]
    assert "phiên bản 3" not in page


def test_the_same_copy_again_compares_with_the_copy_of_its_kind_before(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """Exported again unchanged, a copy is the same version: its page is that version's page
    (since the copy of its kind before it), never "nothing changed since" itself."""
    book_id = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Secret").id
    export_book(library, book_id, tmp_path / "v1.pdf", SHARED)
    export_book(library, book_id, tmp_path / "v2.pdf", SECRET)
    library.update(
        TalkingPoint, filled["point"].id, text="Việt Nam kiên quyết chống lừa đảo xuyên biên giới."
    )
    export_book(library, book_id, tmp_path / "v3.pdf", SHARED)
    export_book(library, book_id, tmp_path / "v3-again.pdf", SHARED)
    assert library.last_export(book_id)["version"] == 3
    for name in ("v3.pdf", "v3-again.pdf"):
        page = _page(tmp_path / name)
        assert page.startswith("Những thay đổi từ phiên bản 1 Đã sửa"), (name, page[:200])


def test_baseline_filters_by_ceiling_and_choice(library: Library, filled: dict, tmp_path: Path) -> None:
    book_id = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Secret").id
    assert baseline(library, book_id, "Public", True, "") is None
    export_book(library, book_id, tmp_path / "v1.pdf", ExportOptions(formats=("pdf",), ceiling="Public"))
    assert baseline(library, book_id, "Public", True, "") is None  # not for sharing: another kind
    assert baseline(library, book_id, "Secret", False, "") is None  # another ceiling
    assert baseline(library, book_id, "Public", False, "")["version"] == 1


def test_an_english_docx_says_it_is_the_first_copy_of_its_kind(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book_id = new_book(library, filled["event"].id, title="Book", ceiling="Secret").id
    export_book(library, book_id, tmp_path / "v1.pdf", SECRET)
    options = ExportOptions(
        formats=("docx",), ceiling="Confidential", language="en", releasable=True, changes_page=True
    )
    export_book(library, book_id, tmp_path / "v2.docx", options)
    text = "\n".join(p.text for p in WordDocument(str(tmp_path / "v2.docx")).paragraphs)
    assert (
        "There is no earlier copy of this book at Confidential made for sharing: this is the first, "
        "with no copy of its kind to compare it with." in text
    ), text[:2000]
    assert "since version 1" not in text


def test_cli_export_changes_for_sharing_after_a_secret_copy(library_path: Path, tmp_path: Path) -> None:
    _register()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--library", str(library_path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("demo")
    with Library.open(library_path) as lib:
        book_id = lib.list("book")[0].id
    run("export", book_id, "-o", str(tmp_path / "secret.pdf"), "--ceiling", "Confidential")
    run(
        "export",
        book_id,
        "-o",
        str(tmp_path / "shared.pdf"),
        "--ceiling",
        "Public",
        "--for-sharing",
        "--changes",
    )
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(tmp_path / "shared.pdf").pages).split())
    assert FIRST_SHARED in text
    assert "Những thay đổi từ phiên bản" not in text
