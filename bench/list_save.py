"""A save of a 1 MB talking point that is one bulleted list: the GUI thread's worst wait.

    QT_QPA_PLATFORM=offscreen python bench/list_save.py [--keys 5]

A user pasted a whole report that is one bulleted list (999,000 characters, items of 1-3
sentences, every tenth or so with two nested items: ``huge_item.list_text``) into one
talking point. Shown in the window, such a text takes minutes to open (Qt builds a list
in time growing with the square of its items), so ``huge_item.py`` measures it at 200 KB;
this measures the save at full size in a text field that is not shown: for each key typed
in the middle, the worst gap of a 5 ms QTimer heartbeat (less its interval) from the save
after the pause in typing (``MarkdownField.save_soon``) until the field hands its text on
(``committed``; the library's write is not part of it). Its Markdown is written ahead first,
as the window does once a text is open. Floor: the same with a 2 KB list. Prints the
median and worst over the keys, with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from export import SENTENCES
from huge_item import Heartbeat, list_text, wait_until


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from briefbook.ui.editors.rich_text import MarkdownField

    app = QApplication(sys.argv[:1])  # noqa: F841 (the field needs it alive)
    print(f"load at start: {os.getloadavg()}")
    for name, chars in (("floor", 2_000), ("ul", 999_000)):
        field = MarkdownField("text")
        field.set_value(list_text(SENTENCES, chars, 5))
        wait_until(lambda f=field: not f.edit.loading, 600)
        kept = field.edit.kept
        written = lambda f=field, k=kept: (  # noqa: E731
            not k.writer.wanted(f.edit.document()) or not k.writer.missing(k._units())
        )
        wait_until(written, 600)
        got: list[str] = []
        field.committed.connect(lambda _f, value, got=got: got.append(value))
        beat, waits = Heartbeat(), []
        for key in range(args.keys):
            document = field.edit.document()
            cursor = QTextCursor(document)
            cursor.setPosition(min(document.characterCount() - 1, document.characterCount() // 2 + key * 997))
            cursor.insertText("a")
            wait_until(lambda: False, 0.1)
            beat.reset()
            before = len(got)
            field.save_soon()
            wait_until(lambda b=before, got=got: len(got) > b, 60)
            wait_until(lambda: False, 0.1)
            waits.append(beat.worst)
            field.set_value(got[-1])  # stored: the library's text comes back
        print(
            f"  {name:5} {chars:>9,} chars: save's worst wait median "
            f"{1000 * statistics.median(waits):.0f} ms, worst {1000 * max(waits):.0f} ms",
            flush=True,
        )
    print(f"load at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
