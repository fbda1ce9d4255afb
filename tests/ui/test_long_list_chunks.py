"""A long text that is one list is read a chunk at a time, and opens as it opened read whole.

Qt reads one list in time growing with the square of its items, holding Python's lock: a 1 MB
list held the window 0.4-1.2 s in the one ``setMarkdown`` that read it. The loader now reads it
in chunks cut at top-level items (``list_chunks``); the editor must show the same items, lists,
numbers and formats, and save the text unchanged byte for byte. Texts a cut could change
(another list begun, a heading, a rule) are read whole, as before."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextDocument

from briefbook.ui.editors import list_chunks, list_runs, long_text
from briefbook.ui.editors.rich_text import FEATURES, MarkdownEdit, normalise_markdown
from tests.ui.test_long_text import THAI, VIETNAMESE


def _written(markdown: str) -> str:
    """``markdown`` in the editor's own spelling (what it saves), written until it stays so
    (Qt writes a numbered item's nested items two spaces in, which it then reads as a list of
    their own: the second writing is the first's)."""
    for _ in range(3):
        document = QTextDocument()
        document.setMarkdown(markdown, FEATURES)
        markdown, was = (
            normalise_markdown(long_text.markdown_writer.to_markdown(document, FEATURES)),
            markdown,
        )
        if markdown == was:
            break
    return markdown


def a_list(pool: list[str], chars: int, mark: str, seed: int = 3, extra=None) -> str:
    """One list of ``mark`` items ("-", "*", "1.", "1)"), with formats, links, nested items
    and lazy lines; ``extra(rng, n)`` may give a line to put before item ``n``."""
    rng, lines, size = random.Random(seed), [], 0
    while size < chars:
        n = len(lines)
        if extra is not None and (line := extra(rng, n)):
            lines.append(line)
        bullet = mark if mark in "-*+" else f"{n + 1}{mark[-1]}"
        words = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        line = f"{bullet} {words}"
        roll = rng.random()
        if roll < 0.1:
            line += f"\n    - {rng.choice(pool)}\n    - **{rng.choice(pool)}**"
        elif roll < 0.15:
            line += f" *{rng.choice(pool)[:20]}* [UNODC](https://unodc.org)"
        elif roll < 0.18:
            line += f"\ndòng tiếp {rng.choice(pool)[:30]}"  # a lazy line, part of the item
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def _structure(document: QTextDocument) -> list[tuple]:
    """Every block: its text, its list (numbered in order of appearance), style, indent,
    suffix, item number, and its fragments' text, weight, italics and link."""
    out, lists = [], {}
    block = document.begin()
    while block.isValid():
        listed = block.textList()
        where = ()
        if listed is not None:
            fmt = listed.format()
            where = (
                lists.setdefault(list_runs.run_key(listed), len(lists)),  # (a run of groups: one list)
                fmt.style(),
                fmt.indent(),
                fmt.numberSuffix(),
                fmt.start() + listed.itemNumber(block),  # (its number, as shown)
            )
        runs = []
        it = block.begin()
        while not it.atEnd():
            f = it.fragment()
            c = f.charFormat()
            runs.append((f.text(), c.fontWeight(), c.fontItalic(), c.anchorHref()))
            it += 1
        out.append((block.text(), block.blockFormat().headingLevel(), where, tuple(runs)))
        block = block.next()
    return out


def _open(qtbot, text: str, reads: list[int]) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    del reads[:]
    edit.set_markdown(text)
    qtbot.waitUntil(lambda: not edit.loading, timeout=120_000)
    return edit


def _whole(qtbot, monkeypatch, text: str) -> MarkdownEdit:
    monkeypatch.setattr(long_text, "LONG", 10_000_000)
    whole = MarkdownEdit()
    qtbot.addWidget(whole)
    whole.set_markdown(text)
    assert not whole.loading
    monkeypatch.setattr(long_text, "LONG", 20_000)
    return whole


@pytest.fixture
def reads(monkeypatch) -> list[int]:
    """The length of each text the loader gives Qt's reader."""
    seen: list[int] = []
    real = long_text.read_markdown

    def counted(document, markdown, features):
        seen.append(len(markdown))
        real(document, markdown, features)

    monkeypatch.setattr(long_text, "read_markdown", counted)
    return seen


def _read_in_chunks_as_whole(qtbot, monkeypatch, reads: list[int], text: str) -> None:
    """``text`` opens read in chunks and shows and saves what it did read whole."""
    edit = _open(qtbot, text, reads)
    assert len(reads) > 5 and max(reads) < 2 * list_chunks.CHUNK  # never the whole list at once
    whole = _whole(qtbot, monkeypatch, text)
    assert _structure(edit.document()) == _structure(whole.document())
    assert edit.toPlainText() == whole.toPlainText()
    assert edit.markdown() == whole.markdown()
    assert edit.markdown() == text  # saved again unchanged: the same bytes
    assert not edit.isReadOnly() and not edit.document().isModified()
    assert not edit.document().isUndoAvailable()


@pytest.mark.parametrize("mark", ["-", "*", "1.", "1)"])
@pytest.mark.parametrize("pool", [VIETNAMESE, THAI], ids=["vi", "th"])
def test_a_long_list_is_read_in_chunks_and_shows_and_saves_what_it_did_read_whole(
    qtbot, monkeypatch, reads, mark, pool
):
    text = _written(a_list(pool, 150_000, mark))
    _read_in_chunks_as_whole(qtbot, monkeypatch, reads, text)


def test_a_list_as_typed_not_in_the_editors_spelling_opens_as_read_whole(qtbot, monkeypatch, reads):
    text = a_list(VIETNAMESE, 120_000, "3.")  # numbers from 1 with "3." marks: Qt numbers by place
    text = text.replace("\n    - ", "\n  - ", 50)  # nested items at other indents
    edit = _open(qtbot, text, reads)
    assert max(reads) < 2 * list_chunks.CHUNK
    whole = _whole(qtbot, monkeypatch, text)
    assert _structure(edit.document()) == _structure(whole.document())
    assert edit.markdown() == whole.markdown()


def _every(n: int, line: str):
    return lambda rng, number: line if number and number % n == 0 else None


@pytest.mark.parametrize(
    "mark, extra, whole",
    [
        ("-", _every(150, "## Một mục"), True),  # a heading ends the list: another begins after it
        ("-", _every(150, "* * *"), True),  # a rule
        ("-", _every(150, "> một trích dẫn"), True),
        ("-", _every(150, "+ một danh sách khác"), False),  # another bullet: another list, and
        ("1.", _every(150, "1) một danh sách khác"), False),  # the next item begins a third
        ("-", _every(150, "1. một danh sách số"), False),
        ("-", _every(150, "  + lồng ở chỗ khác"), False),
    ],
    ids=["heading", "rule", "quote", "plus", "delimiter", "numbered", "nested-other"],
)
def test_a_long_text_a_cut_could_change_opens_as_read_whole(qtbot, monkeypatch, reads, mark, extra, whole):
    """Read whole where a chunk holds more than lists; else in chunks, each list of several
    kept apart or joined as read whole."""
    text = a_list(VIETNAMESE, 120_000, mark, extra=extra)
    edit = _open(qtbot, text, reads)
    assert (max(reads) == len(text)) == whole  # (whole: after a chunk not as it would be)
    at_once = _whole(qtbot, monkeypatch, text)
    assert _structure(edit.document()) == _structure(at_once.document())
    assert edit.toPlainText() == at_once.toPlainText()
    assert edit.markdown() == at_once.markdown()


@pytest.mark.parametrize(
    "text",
    [
        "Mở đầu\n" + "- mục\n" * 10_000,  # not a list from its first line
        "- mục\n\n" * 10_000,  # loose: Qt decides from the whole list
        "- mục\n" * 5_000 + "[a]: https://unodc.org\n" + "- mục [a]\n" * 5_000,  # a reference
        "- mục\n" * 5_000 + "  ```\n  code\n  ```\n" + "- mục\n" * 5_000,  # code
        "- mục\n" * 5_000 + "| a | b |\n|---|---|\n| 1 | 2 |\n" + "- mục\n" * 5_000,  # a table
    ],
    ids=["paragraph-first", "loose", "reference", "code", "table"],
)
def test_texts_never_cut(text):
    assert list_chunks.chunks(text) is None


def test_no_cut_after_a_line_ending_in_a_backslash():
    text = "".join(f"- mục {n}\\\n" if n % 2 else f"- mục {n}\n" for n in range(10_000))
    cut = list_chunks.chunks(text)
    assert cut is not None and "\n".join(cut) == text
    assert all(not c.endswith("\\") for c in cut[:-1])


@pytest.mark.parametrize("mark", ["-", "1.", "1)"])
@pytest.mark.parametrize("pool", [VIETNAMESE, THAI], ids=["vi", "th"])
def test_a_long_loose_list_is_read_in_chunks_and_shows_and_saves_what_it_did_read_whole(
    qtbot, monkeypatch, reads, mark, pool
):
    """Qt read a loose list of 1 MB in one ``setMarkdown`` call (0.4-1.2 s in one go); the
    assertion on ``reads`` fails on the old code (one read of the whole text)."""
    text = _loosened(_written(a_list(pool, 150_000, mark)))
    assert "\n\n" in text and list_chunks.chunks(text) is not None
    _read_in_chunks_as_whole(qtbot, monkeypatch, reads, text)


def _loosened(text: str) -> str:
    """A blank line before each top-level item but the first."""
    return "\n".join(
        ("\n" + line) if n and list_chunks._ITEM.match(line) else line
        for n, line in enumerate(text.split("\n"))
    )


@pytest.mark.parametrize(
    "text",
    [
        "- mục\n\n" * 3_000 + "- mục\n- mục\n" + "- mục\n\n" * 3_000,  # one item without a blank line before
        "- mục\n\n" * 3_000 + "- mục\n\n\n" + "- mục\n\n" * 3_000,  # two blank lines
        "- mục\n\n" * 3_000 + "- mục\n\n  tiếp\n\n" + "- mục\n\n" * 3_000,  # an item's second paragraph
        "- mục\n\n" * 3_000 + "* mục\n\n" + "- mục\n\n" * 3_000,  # another list
    ],
    ids=["tight-pair", "two-blanks", "paragraph", "other-bullet"],
)
def test_loose_lists_a_cut_could_change_are_never_cut(text):
    assert list_chunks.chunks(text.rstrip("\n")) is None


def test_a_loose_list_is_cut_only_at_blank_lines_between_its_items():
    text = "\n\n".join(f"{n}. mục {n}\n   - lồng" for n in range(1, 3_000))
    cut = list_chunks.chunks(text)
    assert cut is not None and "\n\n".join(cut) == text
    assert all(c.count("\n\n") >= 1 and c.startswith(tuple("0123456789")) for c in cut)
