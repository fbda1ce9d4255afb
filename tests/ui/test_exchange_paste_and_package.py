"""File → Import pasted text… and File → Export package…'s choices, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from briefbook.exchange.package_file import read_package
from briefbook.library import Book, Event, Library, Meeting, Statement
from briefbook.ui.exchange import import_preview, package_export, package_preview, paste_text
from briefbook.ui.exchange.import_preview import ImportDialog
from briefbook.ui.exchange.package_export import PackageExportDialog
from briefbook.ui.exchange.paste_text import PasteTextDialog

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"  # shared/ sits beside the repository
SEED = sorted((SEEDS if SEEDS.is_dir() else Path("/work/shared/seeds")).glob("000_*.txt"))


def _proposed(dialog: ImportDialog) -> list[tuple]:
    """What a preview proposes; the ids made afresh for new items are replaced by their places."""
    assert dialog.proposal is not None
    made = {i.record.id: f"#{n}" for n, i in enumerate(dialog.proposal.items) if i.action == "new"}
    return [
        (i.kind, i.action, i.accepted, i.note, {k: made.get(v, v) for k, v in vars(i.record).items()})
        for i in dialog.proposal.items
    ]


@pytest.mark.skipif(not SEED, reason="the shared seed article is not on this machine")
def test_pasted_seed_article_proposes_what_the_file_does(
    window, library: Library, qtbot, monkeypatch
) -> None:
    from_file = ImportDialog(window, SEED[0])
    qtbot.addWidget(from_file)
    text = SEED[0].read_text(encoding="utf-8")
    shown = []
    monkeypatch.setattr(paste_text, "ask_pasted_text", lambda parent: text)
    monkeypatch.setattr(ImportDialog, "exec", lambda self: shown.append(self) or 0)
    window.exchange_actions.import_text.trigger()
    pasted = shown[0]
    qtbot.addWidget(pasted)
    assert pasted.path is None and pasted.kind.currentData() == "statements"
    assert not pasted.kind.isEnabled()  # pasted text is an article: statements only
    assert len(_proposed(from_file)) >= 4
    assert _proposed(pasted) == _proposed(from_file)
    assert pasted.proposal.questions == from_file.proposal.questions
    assert pasted.source.text() == from_file.source.text()
    assert [r.text(2) for r in pasted.rows()] == [r.text(2) for r in from_file.rows()]
    before = library.count(Statement)
    pasted.apply()
    assert library.count(Statement) == before + sum(
        1 for i in pasted.proposal.items if i.kind == "statement" and i.accepted and i.action == "new"
    )


def test_pasted_text_over_the_article_limit_is_refused_in_words(window, qtbot, monkeypatch) -> None:
    from briefbook.exchange.article_text import MAX_ARTICLE

    monkeypatch.setattr(import_preview, "run_busy", lambda work, parent, label: work())
    big = "Ông Lê Anh Tuấn cho biết: “Hợp tác.”\n\n" * (MAX_ARTICLE // 30)
    dialog = ImportDialog(window, None, text=big)
    qtbot.addWidget(dialog)
    assert "larger than 10 MB" in dialog.messages.text()
    assert not dialog.import_button.isEnabled() and dialog.proposal is None


def test_paste_box_is_plain_text_and_needs_some(window, qtbot) -> None:
    box = PasteTextDialog(window)
    qtbot.addWidget(box)
    assert not box.ok.isEnabled()
    box.box.setPlainText("   \n ")
    assert not box.ok.isEnabled()
    box.box.setPlainText("Bộ trưởng nhấn mạnh: “Hợp tác là then chốt.”")
    assert box.ok.isEnabled()


def _second_event(library: Library) -> dict:
    """Another event, with a Confidential meeting and a Secret one, beside the fixture's."""
    event = library.add(Event(title="ອາຊຽນ Summit, Vientiane", city="ວຽງຈັນ"))
    conf = library.add(Meeting(event_id=event.id, title="Song phương Lào", classification="Confidential"))
    secret = library.add(Meeting(event_id=event.id, title="Gặp riêng", classification="Secret"))
    public = library.add(Meeting(event_id=event.id, title="Phiên toàn thể"))
    return {"event": event, "conf": conf, "secret": secret, "public": public}


def _ids(path: Path) -> set[str]:
    return {item.content["id"] for item in read_package(path).items}


def test_package_dialog_exports_only_the_chosen_event_under_the_ceiling(
    window, library: Library, filled: dict, qtbot, tmp_path, monkeypatch
) -> None:
    other = _second_event(library)
    asked = {}

    def choose(window_, lib, selected, items):
        dialog = PackageExportDialog(window_, lib, selected, items)
        qtbot.addWidget(dialog)
        asked["default"] = dialog.what.currentData()
        asked["levels"] = [dialog.ceiling.itemData(n) for n in range(dialog.ceiling.count())]
        asked["start"] = dialog.ceiling.currentData()
        dialog.what.setCurrentIndex(dialog.what.findData(other["event"].id))
        dialog.ceiling.setCurrentIndex(dialog.ceiling.findData("Confidential"))
        return dialog.choice()

    monkeypatch.setattr(package_export, "ask_package_choice", choose)
    target = tmp_path / "out.bbpkg"
    names = []
    monkeypatch.setattr(
        package_preview, "choose_package_target", lambda parent, suggested: names.append(suggested) or target
    )
    window.exchange_actions.export_package.trigger()
    assert asked["levels"] == library.classification_levels()  # no "no ceiling" entry
    assert asked["start"] == "Public"  # an event starts at the lowest level
    ids = _ids(target)
    assert other["event"].id in ids and other["conf"].id in ids and other["public"].id in ids
    assert other["secret"].id not in ids  # above the ceiling
    assert filled["event"].id not in ids and filled["meeting"].id not in ids  # not the chosen event
    assert filled["point"].id not in ids
    package = read_package(target)
    assert package.ceiling == "Confidential" and not package.for_sharing
    assert names == ["ອາຊຽນ Summit, Vientiane.bbpkg"]


def test_package_dialog_defaults_to_the_book_in_view_and_its_ceiling(
    window, library: Library, filled: dict, qtbot, tmp_path, monkeypatch
) -> None:
    book = library.add(Book(event_id=filled["event"].id, title="Sổ tay Bangkok", ceiling="Internal"))
    other = _second_event(library)
    composer = window.show_view("book")
    composer.set_book(book.id)
    assert package_export.in_view(window) == book.id
    dialog = PackageExportDialog(window, library, package_export.in_view(window))
    qtbot.addWidget(dialog)
    assert dialog.what.currentData() == book.id and dialog.ceiling.currentData() == "Internal"
    dialog.sharing.setChecked(True)
    choice = dialog.choice()
    monkeypatch.setattr(package_export, "ask_package_choice", lambda *a: choice)
    target = tmp_path / "book.bbpkg"
    monkeypatch.setattr(package_preview, "choose_package_target", lambda parent, suggested: target)
    window.exchange_actions.export_package.trigger()
    package = read_package(target)
    assert package.for_sharing and package.ceiling == "Internal" and package.roots == [book.id]
    ids = _ids(target)
    assert book.id in ids and filled["event"].id in ids
    assert other["event"].id not in ids and filled["topic"].id in ids
    assert all(i.content["fields"].get("event_id") in ("", None, filled["event"].id) for i in package.items)


def test_package_dialog_cancel_writes_nothing(window, filled, qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(PackageExportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(
        package_preview, "choose_package_target", lambda *a: pytest.fail("no file is asked after Cancel")
    )
    window.exchange_actions.export_package.trigger()
    assert not list(tmp_path.glob("*.bbpkg"))


def test_in_view_follows_a_selected_meeting_to_its_event(window, filled: dict) -> None:
    view = window.show_view("meeting")
    view.select(filled["meeting"].id)
    assert package_export.in_view(window) == filled["event"].id


def test_package_dialog_can_export_the_items_selected_in_a_list(
    window, library: Library, filled: dict, qtbot, tmp_path, monkeypatch
) -> None:
    view = window.show_view("person")
    view.select(filled["thai"].id)
    assert package_export.selected_items(window) == [filled["thai"].id]
    dialog = PackageExportDialog(window, library, package_export.in_view(window), [filled["thai"].id])
    qtbot.addWidget(dialog)
    assert dialog.what.currentData() != package_export.ITEMS  # the default stays an event or book
    dialog.what.setCurrentIndex(dialog.what.findData(package_export.ITEMS))
    choice = dialog.choice()
    assert choice.roots == [filled["thai"].id]
    monkeypatch.setattr(package_export, "ask_package_choice", lambda *a: choice)
    names = []
    target = tmp_path / "people.bbpkg"
    monkeypatch.setattr(
        package_preview, "choose_package_target", lambda parent, suggested: names.append(suggested) or target
    )
    window.exchange_actions.export_package.trigger()
    ids = _ids(target)
    assert filled["thai"].id in ids and filled["event"].id not in ids and filled["person"].id not in ids
    assert names == ["สีหศักดิ์ พวงเกตุแก้ว (Sihasak Phuangketkeow).bbpkg"]
