"""The italic faces are embedded exactly when some text of the book is set in italics: the
walk that reads a list's runs inline answers as the walk over every node did."""

from __future__ import annotations

import zipfile
from typing import Any

import pytest

from briefbook.document.model import (
    Document,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Run,
    Table,
    node_fields,
)
from briefbook.render import docx_fonts
from briefbook.render.docx import render_docx
from briefbook.render.template import load_template

_ITALIC = docx_fonts._ITALIC_STYLES


def _reference(node: Any) -> bool:
    """The walk before runs were read inline: every node, every field."""
    if isinstance(node, list | tuple):
        return any(_reference(v) for v in node)
    names = node_fields(type(node))
    if names is not None:
        if (
            getattr(node, "italic", False) is True
            or getattr(node, "style", None) in docx_fonts._ITALIC_STYLES
        ):
            return True
        return any(_reference(getattr(node, name)) for name in names if name not in docx_fonts._NOT_TEXT)
    return False


def _plain(n: int = 30) -> list:
    return [Paragraph([Run(f"Đoạn {i}", bold=i % 2 == 0), Run(" thường")]) for i in range(n)]


def _nested(inner: Run) -> ListBlock:
    return ListBlock([ListItem([Run("một")], children=ListBlock([ListItem([Run("hai"), inner])]))])


CASES = {
    "none": _plain(),
    "italic run": [*_plain(), Paragraph([Run("nghiêng", italic=True)])],
    "nested list": [*_plain(), _nested(Run("sâu", italic=True))],
    "nested list, none": [*_plain(), _nested(Run("sâu"))],
    "list item's more": [ListBlock([ListItem([Run("a")], more=[Paragraph([Run("b", italic=True)])])])],
    "table cell": [Table([[[Paragraph([Run("h")])]]], [[[Paragraph([Run("ô", italic=True)])]]])],
    "table, none": [Table([[[Paragraph([Run("h")])]]], [[[Paragraph([Run("ô")])]]])],
    "quote style": [*_plain(), Paragraph([Run("trích dẫn")], style="quote")],
    "note style in a cell": [Table([[[Paragraph([Run("h")])]]], [[[Paragraph([Run("n")], style="note")]]])],
    "a str subclass run text": [Paragraph([Run(type("S", (str,), {})("x"))])],
}


@pytest.mark.parametrize("name", CASES)
def test_the_inline_walk_answers_as_the_whole_walk(name):
    blocks = CASES[name]
    assert docx_fonts._has_italics(blocks) is _reference(blocks)


@pytest.mark.parametrize("name", ["nested list", "nested list, none", "table cell"])
def test_an_italic_deep_in_the_book_embeds_the_italic_faces(tmp_path, name):
    document = Document(Metadata(title="Sổ tay", language="vi"), CASES[name])
    out = render_docx(document, load_template("formal-a4"), tmp_path / "b.docx")
    with zipfile.ZipFile(out) as archive:
        table = archive.read("word/fontTable.xml").decode()
    assert ("embedItalic" in table) is _reference(CASES[name])
