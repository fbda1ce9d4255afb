"""Run in a process of its own (``python -m tests.ui.fonts_probe LIBRARY``), on a fontconfig
that hides the system's fonts: which characters of the names the window shows it cannot
draw, before and after it loads the fonts BriefBook ships. Prints one JSON object."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from briefbook.render.font_chain import is_ignorable


def missing(font: QFont, text: str) -> list[str]:
    """The characters of ``text`` no family of ``font`` (its list, then Qt's fallbacks) has."""
    metrics = QFontMetrics(font)
    return [
        f"U+{ord(c):04X}"
        for c in text
        if not c.isspace() and not is_ignorable(c) and not metrics.inFontUcs4(ord(c))
    ]


def main(library: Path, names: dict[str, str]) -> dict:
    app = QApplication.instance() or QApplication(["fonts_probe"])
    out: dict = {"system_families": QFontDatabase.families()}
    out["before"] = {script: missing(app.font(), text) for script, text in names.items()}
    from briefbook.ui.fonts import install_fonts
    from briefbook.ui.main_window import MainWindow
    from briefbook.ui.settings import Settings

    out["families"] = install_fonts(app)
    # Each shipped family is the one loaded from BriefBook's files (the system's are hidden).
    out["exact"] = {f: QFontDatabase.hasFamily(f) for f in out["families"][1:]}
    window = MainWindow(Settings())
    assert window.open_library(library)
    window.show()
    view = window.show_view("person")
    # The table fills from the library off the GUI thread, as the event loop runs: wait for it
    # by the clock, not by a count of turns (200 turns could pass before a loaded machine ran
    # the reading thread at all, and every name was "not shown").
    deadline = time.monotonic() + 60
    while view.model.rowCount() < len(names) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    shown = {}
    for row in range(view.model.rowCount()):
        for column in range(view.model.columnCount()):
            value = view.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                shown[value] = row
    table, editor = {}, {}
    for script, text in names.items():
        if text not in shown:
            table[script] = ["not shown"]
            continue
        table[script] = missing(view.table.font(), text)
        view.select(view.model.record_at(shown[text]).id)
        field = view.editor.field("name")
        shown_in_editor = field.input.text() == text
        editor[script] = missing(field.input.font(), text) if shown_in_editor else ["not in the editor"]
    out["table"], out["editor"] = table, editor
    window.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), json.loads(sys.argv[2]))))
