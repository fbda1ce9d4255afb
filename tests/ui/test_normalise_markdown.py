"""Qt's Markdown, wrapped at 80 columns, joined back into paragraphs (normalise_markdown):
the same text as joining line by line, and each paragraph joined once (a 1 MB paragraph's
12,000 wrapped lines were each added to the paragraph so far, copying it every time)."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextDocument

from briefbook.text import clean
from briefbook.ui.editors.markdown_text import (
    _BLOCK_START,
    _CLOSED_AT_END,
    _CLOSING_PUNCTUATION,
    _OPENED_AT_END,
    FEATURES,
    normalise_markdown,
)
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.rich_text_runs import runs


def _line_by_line(markdown: str) -> str:
    """The rule, one line at a time (as it was written before)."""
    out: list[str] = []
    for line in clean(markdown).split("\n"):
        line = line.rstrip()
        previous = out[-1] if out else ""
        if previous.strip() and line.strip() and not _BLOCK_START.match(line) and not previous.endswith("\\"):
            end, line = previous.rstrip(), line.strip()
            glued = _OPENED_AT_END.search(end) or (
                _CLOSING_PUNCTUATION.match(line) and _CLOSED_AT_END.search(end)
            )
            out[-1] = end + ("" if glued else " ") + line
        else:
            out.append(line)
    return "\n".join(out).strip("\n")


PIECES = [
    "mot",
    "hai ba",
    "",
    " ",
    "  ",
    "\t",
    "- a",
    "1. b",
    "# h",
    "> q",
    "x\\",
    "y  ",
    "z ",
    "| t |",
    "```",
    "ไทย",
    "a *",
    "b**",
    "[l](u)",
    ". c",
    ", d",
    "```",
]


def test_joined_as_line_by_line_on_any_lines() -> None:
    rng = random.Random(7)
    pieces = [p for p in PIECES if p != "```"]  # (code's lines are kept as they are: below)
    for _ in range(3000):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert normalise_markdown(text) == _line_by_line(text), repr(text)


def test_the_lines_of_a_fenced_block_are_kept_as_they_are() -> None:
    rng = random.Random(11)
    pieces = [p for p in PIECES if p != "```"]
    for _ in range(1000):
        code = [rng.choice(pieces) for _ in range(rng.randint(0, 6))]
        before = rng.choice(["mot", "- a", "> q", ""])
        text = "\n".join([before, "", "```", *code, "```", "hai ba", "ไทย"])
        expected = _line_by_line(before) + "\n\n" + "\n".join(["```", *code, "```", "", "hai ba ไทย"])
        assert normalise_markdown(text) == expected.lstrip("\n"), repr(text)


def test_a_long_wrapped_paragraph_is_one_line() -> None:
    lines = "\n".join(["mot hai ba"] * 12_000)
    assert normalise_markdown(lines + "\n\n- a\n- b\n") == " ".join(["mot hai ba"] * 12_000) + "\n\n- a\n- b"


MARKS = [
    "**{}**",
    "*{}*",
    "[{}](https://example.org/)",
    "`{}`",
    "***{}***",
    "**{}**.",
    "*{}*,",
    "[{}](https://e.org/);",
]


def test_marks_where_qt_wraps_the_line_are_kept(qapp) -> None:
    # Qt's writer breaks after a fragment's opening marks ("… *" newline "word*") and before a
    # fragment that does not fit ("**word**" newline "."): joined with a space, the emphasis was
    # lost (literal asterisks in the book) or a space came before the full stop.
    lost = []
    for width in range(60, 90):
        for mark in MARKS:
            for word in ("chức", "Việt Nam", "ประเทศไทย"):
                for item in ("", "- "):
                    prefix = ("Hội nghị " * 12)[:width].rstrip()
                    source = f"{item}{prefix} {mark.format(word)} và các bên liên quan"
                    editor = MarkdownEdit()
                    editor.set_markdown(source)
                    back = QTextDocument()
                    back.setMarkdown(editor.markdown(), FEATURES)
                    if runs(back) != runs(editor.document()):
                        lost.append((source, editor.markdown()))
    assert lost == []


def test_spaces_typed_where_the_writer_wraps_stay_in_the_paragraph(qtbot) -> None:
    """Three spaces typed where Qt's writer wraps at 80 columns: it wrote "x  " and a newline,
    which was kept as a hard break, and read back (by the editor, by the book) as two
    paragraphs or a line break. A line's end is only ever a wrap in the writer's Markdown."""
    from briefbook.assemble.markdown_parse import parsed_blocks

    text = "word " * 15 + "x   y" + " word" * 10
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown(text)
    edit.textCursor().insertText("Việt ")
    saved = edit.markdown()
    assert "\n" not in saved
    document = QTextDocument()
    document.setMarkdown(saved, FEATURES)
    assert document.blockCount() == 1
    (block,) = parsed_blocks(saved, "body")
    assert "\n" not in "".join(run.text for run in block.runs)


def test_a_bar_the_writer_wraps_to_a_line_start_stays_in_the_paragraph(qtbot) -> None:
    """ "Lào | Campuchia" typed where Qt's writer wraps at 80 columns: the wrapped line began with
    "|" and was kept apart as if a table row (the editor's CommonMark has no tables), so the text
    got a line break the user never typed and its name ended before the "|"."""
    from briefbook.library import TalkingPoint

    lead = "Việt Nam và Thái Lan cùng ký biên bản ghi nhớ về hợp tác phòng chống lừa đảo"
    wrapped = 0
    for width in range(len(lead) - 12, len(lead) + 1):
        text = f"{lead[:width].rstrip()} | Lào | Campuchia | Myanmar cam kết chia sẻ thông tin."
        edit = MarkdownEdit()
        qtbot.addWidget(edit)
        edit.set_markdown(text)
        edit.textCursor().insertText(" Ồ")  # typed at the end: the text is saved again
        saved = edit.markdown()
        assert saved == text + " Ồ", width
        assert TalkingPoint(text=saved).display_name.rstrip("…") == saved[:120]  # past the "|"
        document = QTextDocument()
        document.setPlainText(saved)
        wrapped += "\n|" in document.toMarkdown(FEATURES)  # the writer did wrap before a "|"
    assert wrapped
