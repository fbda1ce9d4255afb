"""The package preview says why an update is held as a conflict (a lower level, a higher
ceiling, a marker taken off): it is not "changed on both sides", as its group says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from briefbook.exchange.packages import export_package, import_package, preview_import
from briefbook.library import Library, TalkingPoint
from briefbook.ui.exchange.package_preview import PackageDialog


def test_the_preview_names_a_lowered_level(qtbot, library: Library, filled: dict, tmp_path: Path) -> None:
    point = filled["point"]
    library.update(TalkingPoint, point.id, classification="Secret")
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    other = Library.create(tmp_path / "other.briefbook")
    import_package(other, tmp_path / "p.bbpkg")
    other.update(TalkingPoint, point.id, classification="Public")
    export_package(other, [filled["event"].id], tmp_path / "back.bbpkg")
    dialog = PackageDialog(None, preview_import(library, tmp_path / "back.bbpkg"))
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "packageNotes").text()
    assert "would lower its classification from Secret to Public" in note
