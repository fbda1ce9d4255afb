"""A text that is one list of N items, opened in the editor and in History: time and worst wait.

    QT_QPA_PLATFORM=offscreen python bench/one_list.py [--items 5000,12000] [--rounds 3] [--loose]

A user pasted a long list (a report's findings, one a line) into one talking point. Each
item added to one ``QTextList`` walks every item already in it (Qt's ``markBlocksDirty``),
so building one list of n items costs time in n squared, however it is sliced. For a
bulleted list with a nested pair every tenth item (the shape of ``huge_item.py``'s "ul"), of
each N, this prints the whole time from ``set_markdown`` until the editor's text is whole
(``MarkdownEdit.loading`` false) and from choosing the version in History (its dialog) until
its preview is whole, with the GUI thread's worst wait meanwhile (a 5 ms heartbeat's longest
gap, less its interval), and the ratio of the time at each N to the time at the first.
Linear time reads as the ratio of the items (12,000 / 5,000 = 2.4).

Floor: the ratio of the items. The median of the rounds, with the machine's load.
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
from huge_item import Heartbeat, wait_until


def _short(i: int) -> str:
    return SENTENCES[i % len(SENTENCES)][:40].rstrip()


def one_list(items: int, loose: bool = False) -> str:
    """A bulleted list of ``items`` items of a sentence's start, every tenth with two nested items
    (12,000 items: about 800 KB, as a field holds at most 1,000,000 characters); ``loose``: a
    blank line between its items (as pasted from an e-mail)."""
    lines = []
    for i in range(items):
        line = f"- {_short(i)} ({i})"
        if i % 10 == 3:
            line += f"\n  - {_short(i + 1)}\n  - {_short(i + 2)}"
        lines.append(line)
    return ("\n\n" if loose else "\n").join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", default="5000,12000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--loose", action="store_true", help="a blank line between the items")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from briefbook.library import Revision
    from briefbook.ui.editors.markdown_edit import MarkdownEdit
    from briefbook.ui.revisions import RevisionsDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    beat = Heartbeat()
    counts = [int(n) for n in args.items.split(",")]
    rows: dict[int, dict[str, list[tuple[float, float]]]] = {n: {"editor": [], "history": []} for n in counts}
    print(f"load at start: {os.getloadavg()[0]:.2f}", flush=True)
    for _ in range(args.rounds):
        for n in counts:
            text = one_list(n, args.loose)
            edit = MarkdownEdit()
            edit.resize(700, 500)
            edit.show()
            app.processEvents()
            beat.reset()
            began = time.perf_counter()
            edit.set_markdown(text)
            wait_until(lambda edit=edit: not edit.loading, timeout=600)
            rows[n]["editor"].append((time.perf_counter() - began, beat.worst))
            edit.deleteLater()
            app.processEvents()
            revision = Revision(1, "talking_point", "p", "text", text, "2026-12-01T10:00:00+00:00")
            beat.reset()
            began = time.perf_counter()
            dialog = RevisionsDialog([revision], "talking_point", "text")
            dialog.show()
            wait_until(lambda dialog=dialog: not dialog.opening, timeout=600)
            rows[n]["history"].append((time.perf_counter() - began, beat.worst))
            dialog.deleteLater()
            app.processEvents()
    first = counts[0]
    print(f"load at end: {os.getloadavg()[0]:.2f}")
    print("| items | chars | step | time s (median) | × time at first N | worst wait ms |")
    print("|---|---|---|---|---|---|")
    for n in counts:
        for step in ("editor", "history"):
            times = [t for t, _ in rows[n][step]]
            base = statistics.median(t for t, _ in rows[first][step])
            worst = max(w for _, w in rows[n][step])
            print(
                f"| {n} | {len(one_list(n, args.loose))} | {step} | {statistics.median(times):.2f} | "
                f"{statistics.median(times) / base:.1f} (items {n / first:.1f}) | {worst * 1000:.0f} |"
            )


if __name__ == "__main__":
    main()
