"""A long text just shown whole in the editor: how long until it is laid out, the GUI thread's
worst wait meanwhile, and how much of it is laid out at all.

    QT_QPA_PLATFORM=offscreen python bench/layout_after_show.py [--kb 1000] [--rounds 3]

A user opened a talking point of 1 MB (``huge_item``'s "ul": one bulleted list with nested
items; and its "vi": one long Vietnamese paragraph, opened in pieces). Once the editor shows
the text whole (``MarkdownEdit.loading`` false), the editor's slices (``layout_steps``) and
Qt's own steps lay it out. For each text this prints, from that moment: the time until the
last block is laid out and the editor's slices have stopped; the worst wait of the GUI thread
meanwhile (a 5 ms heartbeat's longest gap, less its interval); the blocks left with no line
(a block Qt counts as laid out but never broke into lines shows nothing: blank text and a
document too short to scroll to it), and the document's height against the same text laid
out whole in one go.

Floor: Qt's own steps alone (the editor's slices switched off), on the same text and window.
The median of the rounds (worst wait: the worst), with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from export import SENTENCES
from huge_item import Heartbeat, list_text, point_text, wait_until


def _unlaid(document) -> int:
    block, count = document.firstBlock(), 0
    while block.isValid():
        count += block.layout().lineCount() == 0
        block = block.next()
    return count


def _whole_height(document) -> float:
    """The height of ``document``'s text laid out at once at its width (a copy, off screen)."""
    copy = document.clone()
    copy.setTextWidth(document.textWidth())
    copy.documentLayout().blockBoundingRect(copy.lastBlock())  # (lays all of it out)
    return copy.size().height()


def one_round(app, beat, text: str, slices: bool) -> tuple[float, float, int, float, float]:
    from briefbook.ui.editors import layout_steps
    from briefbook.ui.editors.markdown_edit import MarkdownEdit

    real = layout_steps.LayoutSteps.step
    if not slices:
        layout_steps.LayoutSteps.step = lambda self: None
    try:
        edit = MarkdownEdit()
        edit.resize(700, 500)
        edit.show()
        app.processEvents()
        edit.set_markdown(text)
        wait_until(lambda: not edit.loading, timeout=600)
        beat.reset()
        began = time.perf_counter()
        document = edit.document()

        def done() -> bool:
            running = edit._laying_out is not None and edit._laying_out.running()
            return not running and document.lastBlock().layout().lineCount() > 0

        wait_until(done, timeout=120)
        took, worst = time.perf_counter() - began, beat.worst
        app.processEvents()
        unlaid, height, whole = _unlaid(document), document.size().height(), _whole_height(document)
        edit.deleteLater()
        app.processEvents()
        return took, worst, unlaid, height, whole
    finally:
        layout_steps.LayoutSteps.step = real


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    beat = Heartbeat()
    chars = args.kb * 1000 - 1000
    texts = {"ul": list_text(SENTENCES, chars, 7), "vi": point_text(SENTENCES, chars, 7)}
    rows: dict[tuple[str, bool], list] = {(name, s): [] for name in texts for s in (False, True)}
    print(f"load at start: {os.getloadavg()[0]:.2f}", flush=True)
    for _ in range(args.rounds):
        for name, text in texts.items():
            for slices in (False, True):
                rows[name, slices].append(one_round(app, beat, text, slices))
    print(f"load at end: {os.getloadavg()[0]:.2f}")
    print("| text | laid out by | time s (median) | worst wait ms | blocks with no line | height / whole |")
    print("|---|---|---|---|---|---|")
    for (name, slices), runs in rows.items():
        took = statistics.median(r[0] for r in runs)
        worst = max(r[1] for r in runs) * 1000
        unlaid = max(r[2] for r in runs)
        ratio = min(r[3] / r[4] for r in runs)
        who = "editor's slices" if slices else "Qt alone (floor)"
        print(f"| {name} | {who} | {took:.2f} | {worst:.0f} | {unlaid} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
