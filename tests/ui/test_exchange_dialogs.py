"""File → Import…, Import package… and the conflict view, driven as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from briefbook.exchange.packages import export_package, import_package
from briefbook.library import Library, Person, Statement, TalkingPoint, Topic
from briefbook.ui.exchange import conflict_view, import_preview, package_preview
from briefbook.ui.exchange.conflict_view import ConflictDialog
from briefbook.ui.exchange.import_preview import ImportDialog
from briefbook.ui.exchange.package_preview import PackageDialog, plan_in_background
from tests.exchange.make_docs import talking_points_docx

ARTICLE = Path(__file__).parents[1] / "exchange" / "articles" / "vi_quotes.txt"


def test_file_menu_has_the_exchange_actions(window) -> None:
    names = {a.objectName() for a in window.actions.menus["file"].actions()}
    assert {"action_import_file", "action_import_package", "action_conflicts"} <= names


def test_import_preview_accept_edit_drop(window, library: Library, qtbot, monkeypatch) -> None:
    dialog = ImportDialog(window, ARTICLE)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "statements"
    assert dialog.source.text() == "VOV"
    rows = dialog.rows()
    assert [r.text(1) for r in rows].count("Prior statement") == 4
    # Drop the second statement, edit the first one's text.
    statements = [r for r in rows if r.text(1) == "Prior statement"]
    statements[1].setCheckState(0, Qt.CheckState.Unchecked)
    dialog.tree.setCurrentItem(statements[0])
    monkeypatch.setattr(
        import_preview, "edit_proposed", lambda parent, item: {"text": "Đã sửa trước khi nhập."}
    )
    dialog.edit_current()
    assert "Đã sửa trước khi nhập." in statements[0].text(2)
    assert library.count(Statement) == 1  # nothing written yet (the fixture's own statement)
    dialog.source.setText("VOV, 25/10/2025")
    dialog.apply()
    texts = {s.text for s in library.list(Statement)}
    assert "Đã sửa trước khi nhập." in texts and len(texts) == 1 + 3
    assert {s.source for s in library.list(Statement) if s.text != "Chia sẻ thông tin"} == {"VOV, 25/10/2025"}


def test_import_preview_talking_points_and_cancel(window, library: Library, qtbot, tmp_path) -> None:
    path = talking_points_docx(tmp_path / "points.docx")
    dialog = ImportDialog(window, path)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "talking-points"
    assert "2 new" not in dialog.summary.text() and "new" in dialog.summary.text()
    dialog.reject()
    assert library.count(Topic) == 1 and library.count(TalkingPoint) == 1


def test_broken_file_shows_a_message_not_a_traceback(window, qtbot, tmp_path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip at all")
    dialog = ImportDialog(window, bad)
    qtbot.addWidget(dialog)
    assert "not a Word document" in dialog.messages.text()
    assert not dialog.import_button.isEnabled()


def _conflicting(library: Library, filled: dict, tmp_path: Path) -> Path:
    """A package from another library in which the fixture's talking point was changed too."""
    export_package(library, [filled["event"].id], tmp_path / "a.bbpkg")
    other = Library.create(tmp_path / "other.briefbook")
    import_package(other, tmp_path / "a.bbpkg")
    other.update(TalkingPoint, filled["point"].id, text="Bản của đồng nghiệp.")
    other.add(Person(name="Người mới từ gói"))
    export_package(other, [filled["event"].id] + [p.id for p in other.list(Person)], tmp_path / "b.bbpkg")
    other.close()
    library.update(TalkingPoint, filled["point"].id, text="Bản của tôi.")
    return tmp_path / "b.bbpkg"


def test_package_preview_then_conflict_view(
    window, library: Library, filled: dict, qtbot, tmp_path, monkeypatch
) -> None:
    package = _conflicting(library, filled, tmp_path)
    plan = plan_in_background(library.path, package, window)
    dialog = PackageDialog(window, plan)
    qtbot.addWidget(dialog)
    assert "1 new" in dialog.summary.text() and "1 conflicts" in dialog.summary.text()
    groups = [dialog.tree.topLevelItem(n).text(0) for n in range(dialog.tree.topLevelItemCount())]
    assert any(g.startswith("Added") for g in groups) and any(g.startswith("Conflicts") for g in groups)
    dialog.apply()
    assert library.count(Person, where={"name": "Người mới từ gói"}) == 1
    view = ConflictDialog(window)
    qtbot.addWidget(view)
    assert view.list.count() == 1
    assert "Bản của tôi." in view.mine.toPlainText() and "Bản của đồng nghiệp." in view.theirs.toPlainText()
    monkeypatch.setattr(conflict_view, "ask_edited_text", lambda parent, mine, theirs: "Bản đã thống nhất.")
    view.settle("edit")
    assert (
        view.list.count() == 0 and library.get(TalkingPoint, filled["point"].id).text == "Bản đã thống nhất."
    )


def test_menu_actions_open_with_patched_file_pickers(
    window, library: Library, filled, qtbot, tmp_path, monkeypatch
) -> None:
    package = _conflicting(library, filled, tmp_path)
    monkeypatch.setattr(package_preview, "choose_package_file", lambda parent: package)
    opened = []
    monkeypatch.setattr(PackageDialog, "exec", lambda self: opened.append(self.plan.summary()) or 0)
    window.exchange_actions.import_package.trigger()
    assert opened and opened[0]["conflict"] == 1
    monkeypatch.setattr(package_preview, "choose_package_file", lambda parent: tmp_path / "missing.bbpkg")
    messages = []
    monkeypatch.setattr(package_preview.error_hook, "show_message", lambda p, t, text: messages.append(text))
    window.exchange_actions.import_package.trigger()
    assert messages and "no package file" in messages[0]
