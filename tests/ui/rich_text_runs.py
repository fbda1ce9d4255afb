"""What a reader of an editor's text sees, run by run, to compare two documents."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def runs(document: QTextDocument) -> list[tuple[str, int, bool, bool, str, bool]]:
    """(text, paragraph, bold, italic, link, code) for each run of one format (pieces merged)."""
    out: list[list] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            key = [
                block.blockNumber(),
                fmt.fontWeight() > 400,
                fmt.fontItalic(),
                fmt.anchorHref(),
                fmt.fontFixedPitch(),
            ]
            if out and out[-1][1:] == key:
                out[-1][0] += fragment.text()
            else:
                out.append([fragment.text(), *key])
            it += 1
        block = block.next()
    return [tuple(run) for run in out]
