"""Screenshots of the book composer and the export dialog, from the real window.

Run under a display (Xvfb works)::

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 python tools/screenshots_composer.py --language vi

It opens the demo library in a private data folder, shows Books (the composer
with its warnings and preview) and the export dialog, and saves
docs/screenshots/composer.png and export-dialog.png (``-en`` for English).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def main() -> None:
    from screenshots import open_demo_window

    from briefbook.ui.composer import BookComposer

    app, window, out, suffix = open_demo_window(__doc__.splitlines()[0])

    def settle(seconds: float = 0.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    composer = window.show_view("book")
    assert isinstance(composer, BookComposer)
    composer.splitter.setSizes([330, 380, 560])
    settle(1.5)
    model = composer.model
    meetings = next(r for r, s in enumerate(composer.sections) if s.kind == "meetings")
    composer.tree.setCurrentIndex(model.index(1, 0, model.index(meetings, 0)))  # a meeting's points
    settle(1.5)
    window.grab().save(str(out / f"composer{suffix}.png"))
    print("saved", out / f"composer{suffix}.png")

    dialog = composer.export_book()
    documents = Path(os.environ["BRIEFBOOK_DATA_DIR"]) / "Documents"
    documents.mkdir()
    dialog.path_edit.setText(str(documents / dialog.target().name))
    done = []
    dialog.exported.connect(done.append)
    dialog.export_failed.connect(done.append)
    dialog.start_export()
    while not done:
        settle(0.1)
    settle(0.5)
    dialog.grab().save(str(out / f"export-dialog{suffix}.png"))
    print("saved", out / f"export-dialog{suffix}.png")
    dialog.close()
    window.close()


if __name__ == "__main__":
    main()
