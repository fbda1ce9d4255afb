"""All of the Markdown, in every field, in both formats: nested lists at any depth,
numbered lists, pipe tables and block quotes never lose a word.

Each field of each kind of item holds a document that uses every construct; each
word is unique to its field and construct (``zq`` + field + construct + n), so a
word missing from a file says exactly which field dropped which construct.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from briefbook.assemble import assemble
from briefbook.assemble.markdown import blocks, items, runs
from briefbook.document.model import ListBlock, Table
from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import Section, new_book, save_sections
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template


def document_for(tag: str) -> str:
    """Markdown using every construct, each word tagged with the field it is in."""

    def word(construct: str, n: int) -> str:
        return f"zq{tag}{construct}{n}"

    return "\n".join(
        [
            f"{word('para', 1)} **{word('bold', 1)}** *{word('ital', 1)}*.",
            "",
            f"- {word('bullet', 1)}",
            f"  - {word('nested', 2)}",
            f"    - {word('deep', 3)}",
            f"      1. {word('deeper', 4)}",
            f"         - {word('deepest', 5)}",
            f"- {word('bullet', 6)}",
            "",
            f"1. {word('number', 1)}",
            f"2. {word('number', 2)}",
            f"   1. {word('subnumber', 3)}",
            "",
            f"| {word('head', 1)} | {word('head', 2)} |",
            "|---|---|",
            f"| {word('cell', 1)} | **{word('cell', 2)}** |",
            f"| {word('cell', 3)} | {word('cell', 4)} |",
            "",
            f"> {word('quote', 1)}",
            f"> - {word('quotelist', 2)}",
            "",
            f"{word('tail', 1)}",
        ]
    )


def words_of(text: str) -> set[str]:
    return set(re.findall(r"zq\w+", text))


FIELDS = {
    "event": ("scene_setter", "objectives"),
    "meeting": ("purpose", "objectives"),
    "topic": ("background",),
    "point": ("text", "question"),
    "statement": ("text",),
    "person": ("biography", "interests"),
    "section": ("text",),
}


def tag(kind: str, field: str) -> str:
    return (kind + field).replace("_", "")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, set[str]]:
    folder = tmp_path_factory.mktemp("markdown")
    expected: set[str] = set()

    def text(kind: str, field: str) -> str:
        doc = document_for(tag(kind, field))
        expected.update(words_of(doc))
        return doc

    with Library.create(folder / "md.briefbook") as lib:
        event = lib.add(Event(title="Markdown event", **{f: text("event", f) for f in FIELDS["event"]}))
        meeting = lib.add(
            Meeting(
                event_id=event.id,
                title="Markdown meeting",
                **{f: text("meeting", f) for f in FIELDS["meeting"]},
            )
        )
        topic = lib.add(Topic(title="Markdown topic", **{f: text("topic", f) for f in FIELDS["topic"]}))
        for kind in ("key_message", "reactive", "press_line", "qa"):
            lib.add(
                TalkingPoint(
                    topic_id=topic.id,
                    kind=kind,
                    status="cleared",
                    text=text("point", "text" + kind),
                    question=text("point", "question" + kind) if kind == "qa" else "",
                )
            )
        person = lib.add(
            Person(
                name="Markdown Person",
                position="Minister",
                **{f: text("person", f) for f in FIELDS["person"]},
            )
        )
        statement = lib.add(
            Statement(speaker_id=person.id, date="2025-12-17", text=text("statement", "text"))
        )
        lib.set_participant(meeting.id, person.id, "counterpart")
        lib.link_topic(meeting.id, topic.id)
        lib.link_topic(statement.id, topic.id)
        book = new_book(lib, event.id, language="en", ceiling="Secret")
        from briefbook.library.books import sections

        chosen = [
            *sections(lib.get(type(book), book.id)),
            Section("text", "Markdown notes", text=text("section", "text")),
        ]
        save_sections(lib, book.id, chosen)
        document = assemble(lib, book.id)
    template = load_template("formal-a4")
    pages: dict[str, int] = {}
    render_pdf(document, template, folder / "md.pdf", page_numbers=pages)
    render_docx(document, template, folder / "md.docx", page_numbers=pages)
    return folder, expected


def test_every_word_of_every_field_is_in_the_pdf(exported) -> None:
    folder, expected = exported
    text = subprocess.run(["pdftotext", str(folder / "md.pdf"), "-"], capture_output=True, text=True).stdout
    missing = sorted(expected - words_of(text))
    assert not missing, missing


def test_every_word_of_every_field_is_in_the_docx(exported) -> None:
    folder, expected = exported
    with zipfile.ZipFile(folder / "md.docx") as z:
        xml = z.read("word/document.xml").decode()
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    missing = sorted(expected - words_of(text))
    assert not missing, missing


def test_the_constructs_become_real_blocks() -> None:
    found = blocks(document_for("x"))
    kinds = [type(b).__name__ for b in found]
    assert kinds.count("ListBlock") == 3 and "Table" in kinds  # the quote holds a list
    bullets = next(b for b in found if isinstance(b, ListBlock))
    deepest = bullets.items[0].children.items[0].children.items[0].children
    assert deepest.ordered and deepest.items[0].children.items[0].runs[0].text == "zqxdeepest5"
    table = next(b for b in found if isinstance(b, Table))
    assert len(table.header) == 1 and len(table.rows) == 2
    assert any(b.style == "quote" for b in found if hasattr(b, "style"))


def test_a_point_keeps_its_sub_list_and_numbers() -> None:
    (point,) = items("Main point\n\n1. first\n2. second\n   - detail")
    assert point.runs[0].text == "Main point"
    assert point.children.ordered and [i.runs[0].text for i in point.children.items] == ["first", "second"]
    assert point.children.items[1].children.items[0].runs[0].text == "detail"
    assert len(items("- a\n- b")) == 2


def test_inline_runs_keep_numbers_and_depth() -> None:
    text = "".join(r.text for r in runs("1. one\n2. two\n   - sub\n     - subsub"))
    indent = "\u00a0" * 4  # (no-break spaces: the PDF keeps them at a line's start)
    assert text == f"1. one\n2. two\n{indent}– sub\n{indent * 2}· subsub"


def test_every_list_paragraph_of_the_docx_has_its_numbering(exported) -> None:
    folder, _ = exported
    with zipfile.ZipFile(folder / "md.docx") as z:
        xml = z.read("word/document.xml").decode()
    paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml)
    lists = [p for p in paragraphs if re.search(r'<w:pStyle w:val="List(Bullet|Number)2?"', p)]
    assert len(lists) > 40
    assert all("<w:numPr>" in p for p in lists)
    levels = {int(m) for p in lists for m in re.findall(r'<w:ilvl w:val="(\d)"', p)}
    assert {0, 1, 2, 3, 4} <= levels
