"""A level's label that names another level is not printed: a copy's banner always says its level.

Found by a user's walk (review2): a library file whose levels were edited by hand, so that
Secret's Vietnamese label read "Công khai" (Public's), passed 'briefbook check' as healthy,
and a Secret book exported from it carried "CÔNG KHAI" on every page. The levels commands
refuse such a label; a file from elsewhere is read the same way now: a label that is
another level's name or label is dropped, and the level is printed by its own name.
"""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, TalkingPoint
from briefbook.library.books import new_book


def _relabel(library: Library, name: str, labels: dict) -> None:
    with library.transaction():
        library.db.execute(
            "UPDATE classification_levels SET labels = ? WHERE name = ?", [json.dumps(labels), name]
        )


def test_a_label_naming_another_level_is_not_used(library: Library) -> None:
    _relabel(library, "Secret", {"vi": "Công khai", "en": "Public"})
    assert library.level_label("Secret", "vi") == "Secret"
    assert library.level_label("Secret", "en") == "Secret"
    assert library.level_label("Public", "vi") != library.level_label("Secret", "vi")
    assert library.level_label("Confidential", "vi") == "Mật"  # the others keep theirs


def test_a_secret_book_never_says_public(library: Library, filled: dict, tmp_path: Path) -> None:
    _relabel(library, "Secret", {"vi": "  công   KHAI ", "en": "Secret"})
    library.update(TalkingPoint, filled["point"].id, classification="Secret")
    book = new_book(library, filled["event"].id, ceiling="Secret", language="vi")
    export_book(library, book.id, tmp_path / "b.pdf", ExportOptions(formats=("pdf",)))
    first = PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    assert "CÔNG KHAI" not in first and "SECRET" in first
