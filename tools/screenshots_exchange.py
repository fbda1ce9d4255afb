"""Screenshots of the import preview and the exchange conflict view, on the demo library.

    QT_QPA_PLATFORM=offscreen python tools/screenshots_exchange.py [--language en]

The import preview reads the first seed article (or tests/exchange/articles/vi_quotes.txt);
the conflict view shows a talking point changed both in the demo library and in a package
made from a copy of it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import ROOT, open_demo_window


def main() -> None:
    app, window, out, suffix = open_demo_window(__doc__.splitlines()[0])
    from briefbook.exchange.packages import export_package, import_package
    from briefbook.library import Event, Library, TalkingPoint
    from briefbook.ui.exchange.conflict_view import ConflictDialog
    from briefbook.ui.exchange.import_preview import ImportDialog

    seeds = ROOT.parent / "shared" / "seeds"
    article = next(
        iter(sorted(seeds.glob("*.txt"))), ROOT / "tests" / "exchange" / "articles" / "vi_quotes.txt"
    )
    dialog = ImportDialog(window, article)
    dialog.resize(1100, 620)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / f"import-preview{suffix}.png"))
    dialog.close()

    library = window.model.library
    event = library.list(Event)[0]
    point = next(p for p in library.list(TalkingPoint) if p.classification == "Public")
    folder = Path(tempfile.mkdtemp())
    export_package(library, [event.id], folder / "a.bbpkg")
    with Library.create(folder / "colleague.briefbook") as other:
        import_package(other, folder / "a.bbpkg")
        other.update(
            TalkingPoint,
            point.id,
            text=point.text + "\n\nĐồng thời đề nghị các nước ASEAN sớm phê chuẩn Công ước.",
        )
        export_package(other, [event.id], folder / "colleague.bbpkg")
    library.update(TalkingPoint, point.id, text=point.text.replace("đánh giá cao", "hoan nghênh"))
    import_package(library, folder / "colleague.bbpkg")
    view = ConflictDialog(window)
    view.resize(1200, 560)
    view.show()
    app.processEvents()
    view.grab().save(str(out / f"conflict-view{suffix}.png"))
    view.close()
    print(out / f"import-preview{suffix}.png", out / f"conflict-view{suffix}.png")


if __name__ == "__main__":
    main()
