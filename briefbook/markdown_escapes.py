"""Markdown's escapes read as the characters they stand for.

The editor's writer (Qt's) stores "[NFR]" as "\\[NFR]", "R&D" as "R\\&D" and a "*" typed as
text as "\\*". A talking point's or statement's name is the first line of its Markdown, so
wherever such a name or text is shown as plain text, its escapes are read. (A module of its
own: the window's table cells need it before :mod:`briefbook.text` has loaded.)
"""

from __future__ import annotations

import re

ASCII_PUNCTUATION = r"!-/:-@\[-`{-~"  # (a character class's body: CommonMark's ASCII punctuation)
# A backslash before ASCII punctuation (CommonMark's escapes).
MARKDOWN_ESCAPE = re.compile(rf"\\([{ASCII_PUNCTUATION}])")


def read_escapes(text: str) -> str:
    """``text`` with each Markdown escape read as its character: a message or a list that
    quoted a point's name showed the writer's backslashes ("Talking point “\\[NFR] …”")."""
    return MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text
