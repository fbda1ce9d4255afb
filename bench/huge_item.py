"""A talking point of 1 MB in the window: the GUI thread's waits while it opens.

    QT_QPA_PLATFORM=offscreen python bench/huge_item.py [--rounds 5] [--kb 1000]

A user pasted a whole report (about 1 MB; a field holds at most 1,000,000 characters)
into one talking point. For a 1 MB Vietnamese point, a 1 MB Thai point and a 1 MB
Vietnamese report with a heading, a nested bulleted list and a numbered list every
0.4-40 KB ("li"), and a 1 MB report that is one bulleted list with nested items ("ul"),
each of 999,000 characters at ``--kb 1000`` (room for the key typed), in the real main
window on a library made from nothing (an event, a meeting, a topic, the point, a book of
the event), this prints the GUI thread's worst wait (a 5 ms QTimer heartbeat's longest
gap, less its interval):

- **editor**: from showing the point in the talking points' editor until its text field
  holds the whole text (``field.edit.loading`` false, the document's text complete);
- **type**: one key typed in the middle of the opened text (the wait until it is shown);
- **save**: that edit saved as after a pause in typing (the Markdown written, the library
  updated) until it is stored;
- **undo**, **redo**: Edit > Undo of that edit, then Redo, until the editor shows the text;
- **switch**: the key taken back and another item chosen at once (the save that switching
  forces, ``flush``) until the edit is stored;
- **resize**: the window made narrower and wider again, the point open in the editor
  (the text laid out again at the new width), the worst of the two;
- **history**: the point's earlier versions (its "History…" dialog; the newest version is
  the 1 MB text before the key was taken back) from opening until the preview shows it whole;
- **preview**: from choosing the point's book in the composer until its preview is
  built (the composer's analysis runs on its own thread; its preview on this one).

Floor: the same window doing the same with a 2 KB point of the same text. The cases are
measured alternating (floor, vi, th, li, ul, floor, ...) in one run; the median and worst of
the rounds are printed with the machine's load at start and end.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from export import SENTENCES, THAI


def structured_text(pool: list[str], chars: int, seed: int) -> str:
    """A report with headings and lists: sections of a heading, a paragraph of 0.4-40 KB, a
    nested bulleted list and a numbered one, up to ``chars`` characters."""
    rng, parts, size, section = random.Random(seed), [], 0, 0
    while True:
        section += 1
        paragraph = point_text(pool, rng.choice([400, 4_000, 20_000, 40_000]), seed + section)
        part = (
            f"## Mục {section}: {rng.choice(pool)[:30]}\n\n{paragraph}\n\n"
            f"- {rng.choice(pool)}\n- **{rng.choice(pool)}**\n  - {rng.choice(pool)}\n\n"
            f"1. {rng.choice(pool)}\n2. {rng.choice(pool)}"
        )
        if size + len(part) + 2 > chars:
            return "\n\n".join(parts)
        parts.append(part)
        size += len(part) + 2


def list_text(pool: list[str], chars: int, seed: int) -> str:
    """A report that is one bulleted list: items of 1-3 sentences, every tenth or so with two
    nested items, up to ``chars`` characters."""
    rng, lines, size = random.Random(seed), [], 0
    while True:
        line = "- " + " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.1:
            line += f"\n  - {rng.choice(pool)}\n  - {rng.choice(pool)}"
        if size + len(line) + 1 > chars:
            return "\n".join(lines)
        lines.append(line)
        size += len(line) + 1


def point_text(pool: list[str], chars: int, seed: int) -> str:
    rng, out, size = random.Random(seed), [], 0
    while size < chars:
        out.append(rng.choice(pool))
        size += len(out[-1]) + 1
    return " ".join(out)[:chars].rstrip()


class Heartbeat:
    """The longest gap between ticks of a 5 ms timer: the GUI thread's worst wait."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.worst, self.last = 0.0, time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.005)
        self.last = now

    def reset(self) -> None:
        self.worst, self.last = 0.0, time.perf_counter()


class Held:
    """How long the user's input is held: the time spent in ``background_save.wait_for`` (the
    window paints and its timers run there, so the heartbeat does not see it, but what is typed
    or clicked waits in the queue). **close held**: what closing the window does before it
    goes (the window on screen meanwhile)."""

    def __init__(self):
        from briefbook.ui.editors import background_save

        self.total, real = 0.0, background_save.wait_for
        self.window = None  # set: only the waits while it is on screen count (a closing one hides)

        def timed(*args, **kwargs):
            if self.window is not None and not self.window.isVisible():
                return real(*args, **kwargs)
            started = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - started

        background_save.wait_for = timed


def wait_until(done, timeout: float = 120.0) -> None:
    """Run the event loop (the GIL free while idle) until ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.setInterval(2)
    end = time.perf_counter() + timeout
    check.timeout.connect(lambda: (done() or time.perf_counter() > end) and loop.quit())
    check.start()
    loop.exec()
    check.stop()


CHARACTERS: dict[str, int] = {}  # characters of each point's text as the editor holds it


def _characters(markdown: str) -> int:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownDialectCommonMark)
    return document.characterCount()


def build(path: Path, kb: int) -> dict:
    from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
    from briefbook.library.books import new_book

    cases = {
        "floor": point_text(SENTENCES, 2_000, 1),
        # (1,000 characters short of --kb: at 1,000,000 the key typed made the text one
        # character too long, and the library refused the save the bench timed)
        "vi": point_text(SENTENCES, kb * 1000 - 1000, 2),
        "th": point_text(THAI, kb * 1000 - 1000, 3),
        "li": structured_text(SENTENCES, kb * 1000 - 1000, 4),
        "ul": list_text(SENTENCES, kb * 1000 - 1000, 5),
    }
    out = {}
    with Library.create(path) as lib:
        for name, text in [("blank", "Một điểm ngắn."), *cases.items()]:
            event = lib.add(Event(title=f"Hội nghị {name}", city="Bangkok", start_date="2025-12-17"))
            meeting = lib.add(
                Meeting(
                    event_id=event.id,
                    title=f"Cuộc gặp {name}",
                    kind="bilateral",
                    starts_at="2025-12-17T09:00",
                )
            )
            topic = lib.add(Topic(title=f"Chủ đề {name}"))
            lib.link_topic(meeting.id, topic.id)
            point = lib.add(TalkingPoint(topic_id=topic.id, kind="key_message", text=text, status="cleared"))
            book = new_book(lib, event.id, title=f"Sổ tay {name}")
            out[name] = (point.id, book.id, len(text))
            CHARACTERS[name] = _characters(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--kb", type=int, default=1000, help="the long points' size, in thousands of characters"
    )
    parser.add_argument(
        "--names",
        default="floor,vi,th,li,ul",
        help="the points to measure, of floor,vi,th,li,ul (a 1 MB list opens in minutes: --kb 200)",
    )
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from briefbook.ui import error_hook
    from briefbook.ui.main_window import MainWindow
    from briefbook.ui.settings import Settings

    app = QApplication(sys.argv[:1])  # noqa: F841 (the window needs it alive)
    folder = Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    os.environ["BRIEFBOOK_DATA_DIR"] = str(folder / "data")
    error_hook.show_message = lambda *a, **k: print("message:", a[1:], file=sys.stderr)
    path = folder / "huge.briefbook"
    items = build(path, args.kb)
    window = MainWindow(Settings(folder / "settings.ini"))
    window.resize(1280, 800)
    assert window.open_library(path)
    window.install_extensions()
    window.show()
    wait_until(lambda: False, timeout=1.0)
    beat, held = Heartbeat(), Held()
    print(f"load at start: {os.getloadavg()}")
    names = tuple(n for n in args.names.split(",") if n)
    cases = ("editor", "resize", "type", "save", "undo", "redo", "switch", "history", "preview")
    cases += ("undo held", "redo held", "close held")
    rows: dict[str, dict[str, list[float]]] = {name: {case: [] for case in cases} for name in names}
    for _ in range(args.rounds):
        for name in names:
            point_id, book_id, length = items[name]
            # the editor: show the blank point, settle, then the measured one
            view = window.show_view("talking_point")
            editor = view.editor
            editor.show_item(items["blank"][0])
            wait_until(lambda: False, timeout=0.3)
            beat.reset()
            started = time.perf_counter()
            editor.show_item(point_id)
            field = editor.form.fields["text"]
            wait_until(
                lambda field=field, name=name: (
                    not getattr(field.edit, "loading", False)
                    and field.edit.document().characterCount() >= CHARACTERS[name]
                ),
                timeout=900.0,  # (a 1 MB list opens in minutes: Qt's lists grow in square time)
            )
            wait_until(lambda: False, timeout=0.2)  # what the window does just after
            rows[name]["editor"].append(beat.worst)
            took = time.perf_counter() - started
            beat.reset()
            for width in (1100, 1280):
                window.resize(width, 800)
                wait_until(lambda: False, timeout=1.0)
            rows[name]["resize"].append(beat.worst)
            # one key typed in the middle, then saved
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QTextCursor
            from PySide6.QtTest import QTest

            cursor = QTextCursor(field.edit.document())
            cursor.setPosition(field.edit.document().characterCount() // 2)
            field.edit.setTextCursor(cursor)
            field.edit.setFocus()
            beat.reset()
            QTest.keyClick(field.edit, "a")
            wait_until(lambda: False, timeout=0.2)
            rows[name]["type"].append(beat.worst)
            beat.reset()
            if hasattr(field, "save_soon"):  # what the pause in typing does
                field.save_soon()
                wait_until(lambda e=editor, f=field: not f.edit.kept.waiting and not e.writes.busy())
            else:  # (the code before: the pause in typing called flush)
                field.flush()
            wait_until(lambda: False, timeout=0.2)
            rows[name]["save"].append(beat.worst)
            assert not field.error, field.error  # stored, not refused
            wait_until(lambda: False, timeout=0.5)
            saved = editor.context.library.get("talking_point", point_id).text
            # Edit > Undo of that edit, then Redo: until the editor shows the text again
            for case, act in (("undo", window.undo), ("redo", window.redo)):
                beat.reset()
                held.total = 0.0
                act()
                rows[name][f"{case} held"].append(held.total)
                wait_until(lambda f=field: not getattr(f.edit, "loading", False), timeout=900.0)
                wait_until(lambda: False, timeout=0.2)
                rows[name][case].append(beat.worst)
                wait_until(lambda: False, timeout=0.5)
            # a save after a pause, under way when the window is closed (close flushes: it waits)
            cursor = QTextCursor(field.edit.document())
            cursor.setPosition(field.edit.document().characterCount() // 2)
            field.edit.setTextCursor(cursor)
            QTest.keyClick(field.edit, "b")
            if hasattr(field, "save_soon"):
                field.save_soon()
                wait_until(lambda f=field: not f.edit.kept.waiting)
            held.total = 0.0
            if hasattr(window, "store_before_closing"):  # what closing does before the window goes
                held.window = window
                assert window.store_before_closing()
                held.window = None
                window.show()
            else:  # (the code before: closing flushed, the window on screen)
                window.flush()
            rows[name]["close held"].append(held.total)
            QTest.keyClick(field.edit, Qt.Key.Key_Backspace)
            field.flush()
            editor.writes.wait()
            wait_until(lambda: False, timeout=0.5)
            stored = editor.context.library.get("talking_point", point_id).text
            if stored != saved:
                print(f"{name}: after undo and redo the stored text is not the saved one", flush=True)
            # the key taken back, and the point left at once for another (the save flush() forces)
            cursor = QTextCursor(field.edit.document())
            cursor.setPosition(field.edit.document().characterCount() // 2 + 1)
            field.edit.setTextCursor(cursor)
            field.edit.setFocus()
            QTest.keyClick(field.edit, Qt.Key.Key_Backspace)
            beat.reset()
            editor.show_item(items["blank"][0])
            wait_until(lambda e=editor: not e.writes.busy() if hasattr(e, "writes") else True)
            wait_until(lambda: False, timeout=0.2)
            rows[name]["switch"].append(beat.worst)
            stored = editor.context.library.get("talking_point", point_id).text
            if len(stored) != len(saved) - 1:  # the key taken back, stored
                loading = getattr(field.edit, "loading", False)
                print(f"{name}: the key taken back was not stored (loading: {loading})", flush=True)
            # what follows a save (the tables, the search index)
            wait_until(lambda: False, timeout=1.0)
            # the earlier versions' dialog, the newest version shown
            from briefbook.ui.revisions import RevisionsDialog

            beat.reset()
            versions = editor.context.library.revisions("talking_point", point_id, "text")
            dialog = RevisionsDialog(versions, "talking_point", "text", window)
            dialog.show()
            wait_until(lambda d=dialog: not getattr(d, "opening", False))
            wait_until(lambda: False, timeout=0.2)
            rows[name]["history"].append(beat.worst)
            shown = dialog.preview.document().characterCount()
            assert versions and shown >= _characters(versions[0].value) - 1, (name, shown, len(versions))
            dialog.close()
            dialog.deleteLater()
            # the composer's preview of the point's book
            composer = window.show_view("book")
            composer.set_book(items["blank"][1])
            wait_until(lambda c=composer: c._document is not None and not c.preview.is_building())
            wait_until(lambda: False, timeout=0.3)
            beat.reset()
            composer.set_book(book_id)
            wait_until(
                lambda composer=composer, length=length: (
                    composer._document is not None
                    and not composer.preview.is_building()
                    and "Sổ tay" in composer.preview.text()[:2000]
                    and len(composer.preview.text()) > length // 2
                )
            )
            wait_until(lambda: False, timeout=0.2)
            rows[name]["preview"].append(beat.worst)
            print(
                f"{name}: editor {1000 * rows[name]['editor'][-1]:.0f} ms (open {took:.2f} s), "
                f"type {1000 * rows[name]['type'][-1]:.0f} ms, save {1000 * rows[name]['save'][-1]:.0f} ms, "
                f"resize {1000 * rows[name]['resize'][-1]:.0f} ms, "
                f"undo {1000 * rows[name]['undo'][-1]:.0f} ms, redo {1000 * rows[name]['redo'][-1]:.0f} ms, "
                f"switch {1000 * rows[name]['switch'][-1]:.0f} ms, "
                f"input held: undo {1000 * rows[name]['undo held'][-1]:.0f} ms, "
                f"redo {1000 * rows[name]['redo held'][-1]:.0f} ms, "
                f"close {1000 * rows[name]['close held'][-1]:.0f} ms, "
                f"history {1000 * rows[name]['history'][-1]:.0f} ms, "
                f"preview {1000 * rows[name]['preview'][-1]:.0f} ms",
                flush=True,
            )
    print(f"load at end: {os.getloadavg()}")
    print("worst GUI wait per round, median (worst) of the rounds:")
    for name in names:
        chars = items[name][2]
        cells = [
            f"{what} {1000 * statistics.median(v):.0f} ms ({1000 * max(v):.0f})"
            for what, v in rows[name].items()
        ]
        print(f"  {name:5} {chars:>9,} chars: " + ", ".join(cells))
    window.close()


if __name__ == "__main__":
    main()
