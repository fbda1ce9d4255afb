"""A book's free-text section of 1 MB in the composer: the GUI thread's waits as it is edited.

    QT_QPA_PLATFORM=offscreen python bench/huge_section.py [--rounds 3] [--kb 1000]

A user pasted a whole report (about 1 MB) into a text section of a book (the composer's
text editor; the section's text is stored in the book's sections). For a Vietnamese text of
990,000 characters at ``--kb 1000`` (the book's sections, JSON, hold at most 1,000,000),
in the real main window on a library made from nothing
(an event and its book, the section added to the book's own), this prints the GUI thread's
worst wait (a 5 ms QTimer heartbeat's longest gap, less its interval):

- **open**: from choosing the section until its text is whole in the editor;
- **type**: one key typed in the middle;
- **save**: that edit saved as after a pause in typing, until the book's sections are stored;
- **undo**, **redo**: Edit > Undo of that edit, then Redo, until the book's sections hold
  the text again and the editor shows it.

and how long the user's input was held at each (**save held**, **undo held**, **redo held**:
the time in ``background_save.wait_for``, where the window paints and its timers run, so the
heartbeat does not see it, but what is typed or clicked waits).

Floor: the same with a section of 2 KB. The two are measured alternating in one run; the
median and worst of the rounds are printed with the machine's load at start and end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from export import SENTENCES
from huge_item import Heartbeat, Held, point_text, wait_until


def build(path: Path, kb: int) -> dict[str, tuple[str, str, int]]:
    from briefbook.library import Book, Event, Library
    from briefbook.library.books import Section, new_book

    out = {}
    with Library.create(path) as lib:
        for name, text in (
            ("floor", point_text(SENTENCES, 2_000, 1)),
            ("long", point_text(SENTENCES, kb * 1000 - 10_000, 2)),
        ):
            event = lib.add(Event(title=f"Hội nghị {name}", city="Bangkok", start_date="2025-12-17"))
            book = new_book(lib, event.id, title=f"Sổ tay {name}")
            sections = json.loads(lib.get(Book, book.id).sections)
            section = Section(kind="text", title="Báo cáo", text=text)
            sections.append(section.to_dict())
            lib.update(Book, book.id, sections=json.dumps(sections, ensure_ascii=False))
            out[name] = (book.id, section.id, len(text))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kb", type=int, default=1000)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from briefbook.library import Book
    from briefbook.library.books import sections as sections_of
    from briefbook.ui import error_hook
    from briefbook.ui.main_window import MainWindow
    from briefbook.ui.settings import Settings

    app = QApplication(sys.argv[:1])  # noqa: F841 (the window needs it alive)
    folder = Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    os.environ["BRIEFBOOK_DATA_DIR"] = str(folder / "data")
    error_hook.show_message = lambda *a, **k: print("message:", a[1:], file=sys.stderr)
    path = folder / "sections.briefbook"
    items = build(path, args.kb)
    window = MainWindow(Settings(folder / "settings.ini"))

    def stored_text(book_id: str, section_id: str) -> str | None:
        stored = [s for s in sections_of(window.model.library.get(Book, book_id)) if s.id == section_id]
        return stored[0].text if stored else None

    window.resize(1280, 800)
    assert window.open_library(path)
    window.show()
    wait_until(lambda: False, timeout=1.0)
    beat, held = Heartbeat(), Held()
    print(f"load at start: {os.getloadavg()}")
    cases = ("open", "type", "save", "undo", "redo", "save held", "undo held", "redo held")
    rows = {name: {case: [] for case in cases} for name in items}
    for _ in range(args.rounds):
        for name, (book_id, section_id, _length) in items.items():
            composer = window.show_view("book")
            composer.set_book(book_id)
            wait_until(lambda c=composer: c._document is not None and not c.preview.is_building())
            wait_until(lambda: False, timeout=0.3)
            field = composer.text_editor.text_field
            beat.reset()
            composer.sections_panel.select(section_id)
            wait_until(lambda f=field: not f.edit.loading and f.value())
            wait_until(lambda: False, timeout=0.3)
            rows[name]["open"].append(beat.worst)
            cursor = QTextCursor(field.edit.document())
            cursor.setPosition(field.edit.document().characterCount() // 2)
            field.edit.setTextCursor(cursor)
            field.edit.setFocus()
            beat.reset()
            QTest.keyClick(field.edit, "a")
            wait_until(lambda: False, timeout=0.2)
            rows[name]["type"].append(beat.worst)
            before = window.undo_stack.index()
            opened = field.value()
            beat.reset()
            held.total = 0.0
            field.save_soon()
            wait_until(lambda b=before, f=field: window.undo_stack.index() > b and not f.edit.kept.waiting)
            wait_until(lambda: False, timeout=0.3)
            rows[name]["save"].append(beat.worst)
            rows[name]["save held"].append(held.total)
            edited = field.value()
            assert stored_text(book_id, section_id) == edited, name
            for case, text in (("undo", opened), ("redo", edited)):
                beat.reset()
                held.total = 0.0
                window.undo() if case == "undo" else window.redo()
                wait_until(
                    lambda t=text, f=field, b=book_id, s=section_id: (
                        stored_text(b, s) == t and not f.edit.loading and f.value() == t
                    )
                )
                wait_until(lambda: False, timeout=0.3)
                rows[name][case].append(beat.worst)
                rows[name][f"{case} held"].append(held.total)
            field.edit.setFocus()
            QTest.keyClick(field.edit, Qt.Key.Key_End)
            composer.set_book(items["floor" if name != "floor" else "long"][0])
            wait_until(lambda: False, timeout=1.0)
            print(
                f"{name}: " + ", ".join(f"{c} {1000 * rows[name][c][-1]:.0f} ms" for c in cases),
                flush=True,
            )
    print(f"load at end: {os.getloadavg()}")
    print("worst GUI wait (held: input held) per round, median (worst) of the rounds:")
    for name, (_b, _s, chars) in items.items():
        cells = [
            f"{c} {1000 * statistics.median(v):.0f} ms ({1000 * max(v):.0f})" for c, v in rows[name].items()
        ]
        print(f"  {name:5} {chars:>9,} chars: " + ", ".join(cells))
    window.close()


if __name__ == "__main__":
    main()
