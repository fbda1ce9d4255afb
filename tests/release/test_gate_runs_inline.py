"""The release gate reads a run in a list inline (most of a book's values are runs), and the
record of what an export included and the fonts to embed do too: each must find exactly
what the generic walk over every field finds, problem for problem, path for path."""

from __future__ import annotations

import pytest

from briefbook import release
from briefbook.document.model import (
    Cover,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Metadata,
    Origin,
    Paragraph,
    Profile,
    Run,
    Table,
)
from briefbook.exchange import changes
from briefbook.render import docx_fonts
from briefbook.render.template import load_template

LEVELS = ["Public", "Internal", "Confidential", "Secret"]
PUBLIC = Origin("Public", kind="topic", item_id="t1", name="T")
SECRET = Origin("Secret", kind="meeting", item_id="m1", name="M")
NFR = Origin("Public", True, kind="person", item_id="p1", name="P")


def _leaky() -> Document:
    runs = [
        Run("ok"),
        Run("no origin at all"),
        Run("secret", origin=SECRET),
        Run("  "),
        Run("nfr", origin=NFR),
        Run("", link="https://secret.example", origin=SECRET),
        Run("   ", link="  "),
        Run(["text", "in a list"], origin=SECRET),  # type: ignore[arg-type]
        Run("bold holds text", bold="leaked words", origin=SECRET),  # type: ignore[arg-type]
        Run("ok", italic=True, link="#anchor"),
    ]
    blocks = [
        Cover("Title", origins={"title": PUBLIC}),
        Heading(1, "Heading", "h", origin=PUBLIC),
        Paragraph(runs, origin=PUBLIC),
        Paragraph(list(runs)),  # no block origin: runs without their own have none
        ListBlock([ListItem(runs, children=ListBlock([ListItem(runs)]), more=[Paragraph(runs)])], origin=NFR),
        Table([[[Paragraph(runs)]]], [[[Paragraph(runs, origin=SECRET)], []]], origin=PUBLIC),
        Profile("Name", None, [Paragraph(runs)], origin=PUBLIC),
    ]
    return Document(Metadata(title="Title", origins={"title": PUBLIC}), blocks)


@pytest.mark.parametrize("ceiling", ["Public", "Confidential", "Secret"])
@pytest.mark.parametrize("sharing", [False, True])
def test_the_gate_finds_what_the_generic_walk_finds(monkeypatch, ceiling, sharing):
    document = _leaky()
    inline = release.problems(document, LEVELS, ceiling, sharing=sharing)
    monkeypatch.setattr(release, "_RUN_INLINE", False)
    generic = release.problems(document, LEVELS, ceiling, sharing=sharing)
    assert inline == generic
    assert any(p.reason == "no origin" for p in inline)
    if ceiling != "Secret":
        assert any(p.where.endswith("].bold") for p in inline)  # text where a flag should be
        assert any(p.where.endswith("].link") for p in inline)


def test_the_run_fast_paths_are_on_for_todays_run():
    """If Run gains a field, the fast paths switch off (and this test says so)."""
    assert release._RUN_INLINE and changes._RUN_TEXT_ONLY and docx_fonts._RUN_TEXT_ONLY


class _Library:
    """Only what included() asks of a library: the items by kind (here it records the ask)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, list[str]]] = []

    def get_many(self, kind, ids):
        self.asked.append((kind, list(ids)))
        return []


def test_included_and_the_fonts_read_runs_as_the_generic_walk(monkeypatch):
    document = _leaky()
    monkeypatch.setattr(changes, "RECORD_TYPES", {k: k for k in changes.TEXT_KINDS})
    inline, generic = _Library(), _Library()
    changes.included(document, inline)
    fonts_inline = list(docx_fonts._strings(document))
    monkeypatch.setattr(changes, "_RUN_TEXT_ONLY", False)
    monkeypatch.setattr(docx_fonts, "_RUN_TEXT_ONLY", False)
    changes.included(document, generic)
    assert inline.asked == generic.asked
    assert {kind for kind, _ids in inline.asked} == {"topic", "meeting", "person"}
    assert fonts_inline == list(docx_fonts._strings(document))
    assert "leaked words" in fonts_inline  # text where a flag should be: read by the walk
    assert docx_fonts.used_fonts(document, load_template("formal-a4"))
