"""Take the README's screenshots of the real window.

Run under a display (Xvfb works)::

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 python tools/screenshots.py --language vi

It opens the demo library in a private data folder, shows the views a user
sees first and saves PNGs under docs/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _portrait(name: str) -> bytes:
    """A plain portrait card with initials (the demo library holds no real photos)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (300, 380), (96, 125, 139))
    draw = ImageDraw.Draw(image)
    draw.ellipse((90, 60, 210, 180), fill=(207, 216, 220))
    draw.rounded_rectangle((50, 200, 250, 380), radius=60, fill=(207, 216, 220))
    out = io.BytesIO()
    image.save(out, "JPEG")
    return out.getvalue()


def open_demo_window(description: str):
    """Parse --language/--out, open the demo library in a private data folder, show the window.

    Returns (app, window, output folder, file-name suffix); shared by the screenshot tools.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--language", default="vi", choices=("vi", "en"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    os.environ["BRIEFBOOK_DATA_DIR"] = tempfile.mkdtemp(prefix="briefbook-shots-")

    from PySide6.QtWidgets import QApplication

    from briefbook.ui import i18n
    from briefbook.ui.app import create_window
    from briefbook.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    settings = Settings()
    settings.language = args.language
    i18n.apply_language(args.language)
    window = create_window(settings)
    window.resize(1400, 860)
    window.move(0, 0)
    window.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    return app, window, out, "" if args.language == "vi" else "-en"


def main() -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication

    app, window, out, suffix = open_demo_window(__doc__.splitlines()[0])

    def settle(ms: int = 300) -> None:
        loop_end = QTimer()
        loop_end.setSingleShot(True)
        loop_end.start(ms)
        while loop_end.isActive():
            app.processEvents()

    def arrived(view):
        """The view once the rows it asked for are shown (the search thread reads them)."""
        import time

        while view.rows_pending:
            app.processEvents()
            time.sleep(0.002)
        return view

    def shot(name: str, whole_screen: bool = False) -> None:
        settle()
        if whole_screen and QGuiApplication.platformName() == "xcb":  # popups are windows of their own
            picture = QGuiApplication.primaryScreen().grabWindow(0).copy(window.frameGeometry())
        else:
            picture = window.grab()
        picture.save(str(out / f"{name}{suffix}.png"))
        print("saved", out / f"{name}{suffix}.png")

    view = arrived(window.show_view("talking_point"))
    view.select(view.model.record_at(1).id)
    shot("main-window")
    view = arrived(window.show_view("person"))  # the people in Vietnamese alphabetical order
    view.table.sortByColumn(view.model.column_of("name"), Qt.SortOrder.AscendingOrder)
    arrived(view).select(view.model.record_at(0).id)
    shot("people-sorted")
    library = window.context.library
    with_photo = next((p for p in library.list("person") if library.photo(p.id)), None)
    target = with_photo or library.list("person")[0]
    if with_photo is None:  # the demo has no photos: an invented portrait card, for the picture only
        library.set_photo(target.id, _portrait(target.name))
    view.select(target.id)
    arrived(view)
    shot("person-editor")
    view = arrived(window.show_view("meeting"))
    view.select(view.model.record_at(1).id)
    arrived(view)
    shot("meeting-editor")
    window.search_field.setText("online scams" if suffix else "lua dao")
    window.run_search()
    settle(800)
    shot("search")
    window.show_view("talking_point")
    window.show_quick_jump()
    window.quick_jump().edit.setText("thai")
    settle(600)
    shot("quick-jump", whole_screen=True)
    window.quick_jump().hide()

    helper = window.show_help()  # F1: the offline help page
    helper.resize(820, 860)
    settle(600)
    helper.grab().save(str(out / f"help{suffix}.png"))
    print("saved", out / f"help{suffix}.png")
    helper.close()

    from briefbook.store.backup import backup_library
    from briefbook.ui.backups_dialog import BackupsDialog

    window.show_view("talking_point")
    backup_library(library.path, reason="auto")  # as after ten minutes of work, for the picture
    dialog = BackupsDialog(window)
    dialog.show()
    dialog.back_up_now()  # the user's own backup, and the status line it leaves
    settle()
    dialog.grab().save(str(out / f"backups{suffix}.png"))
    print("saved", out / f"backups{suffix}.png")
    dialog.close()
    window.close()


if __name__ == "__main__":
    main()
