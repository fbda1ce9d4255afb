"""Print the share of keyboard-reachable inputs that screen readers can name and describe.

    QT_QPA_PLATFORM=offscreen python tools/accessibility_share.py [-v]

Opens the demo library, shows every view with its first item in the editor (the
composer included, every tab page) and the export dialog, and asks Qt's
accessibility layer for each input's name and description (tests/ui/a11y.py).
``-v`` lists the inputs that lack one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="briefbook-a11y-"))
    os.environ["BRIEFBOOK_DATA_DIR"] = str(data / "data")
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from briefbook.demo.loader import load_demo
    from briefbook.library import Book, Library
    from briefbook.ui.export_dialog import ExportDialog
    from briefbook.ui.labels import KIND_ORDER
    from briefbook.ui.main_window import MainWindow
    from briefbook.ui.settings import Settings
    from tests.ui.a11y import walk

    library = Library.create(data / "demo.briefbook")
    load_demo(library)
    library.close()
    window = MainWindow(Settings())
    window.resize(1400, 900)
    window.open_library(data / "demo.briefbook")
    window.show()
    seen: dict[int, tuple[str, str, str, str]] = {}

    def collect(what: str, root) -> None:
        for found in walk(root):
            seen.setdefault(id(found.widget), (what, found.where, found.name, found.description))

    for kind in KIND_ORDER:
        view = window.show_view(kind)
        app.processEvents()
        if hasattr(view, "select") and view.model.rowCount():
            view.select(view.model.record_at(0).id)
        collect(kind, window)
    dialog = ExportDialog(window.context, window.model.library.list(Book)[0], False)
    dialog.show()
    collect("export dialog", dialog)
    rows = list(seen.values())
    named = sum(1 for r in rows if r[2])
    described = sum(1 for r in rows if r[3])
    print(
        f"{len(rows)} inputs: named {named} ({100 * named / len(rows):.1f}%), "
        f"described {described} ({100 * described / len(rows):.1f}%)"
    )
    if "-v" in sys.argv:
        for what, where, name, description in rows:
            if not name or not description:
                print(f"  {what}: {where} name={name!r} description={description[:40]!r}")
    os._exit(0)  # skip Qt's teardown of the composer's threads: only the figure matters here


if __name__ == "__main__":
    main()
