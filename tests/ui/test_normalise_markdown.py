"""Qt's Markdown, wrapped at 80 columns, joined back into paragraphs (normalise_markdown):
the same text as joining line by line, and each paragraph joined once (a 1 MB paragraph's
12,000 wrapped lines were each added to the paragraph so far, copying it every time)."""

from __future__ import annotations

import random

from briefbook.text import clean
from briefbook.ui.editors.rich_text import _BLOCK_START, normalise_markdown


def _line_by_line(markdown: str) -> str:
    """The rule, one line at a time (as it was written before)."""
    out: list[str] = []
    for line in clean(markdown).split("\n"):
        line = line.rstrip() if not line.endswith("  ") else line
        previous = out[-1] if out else ""
        if (
            previous.strip()
            and line.strip()
            and not _BLOCK_START.match(line)
            and not previous.endswith(("\\", "  "))
        ):
            out[-1] = previous.rstrip() + " " + line.strip()
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
]


def test_joined_as_line_by_line_on_any_lines() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "\n".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        assert normalise_markdown(text) == _line_by_line(text), repr(text)


def test_a_long_wrapped_paragraph_is_one_line() -> None:
    lines = "\n".join(["mot hai ba"] * 12_000)
    assert normalise_markdown(lines + "\n\n- a\n- b\n") == " ".join(["mot hai ba"] * 12_000) + "\n\n- a\n- b"
