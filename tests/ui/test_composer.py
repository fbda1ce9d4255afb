"""The book composer: sections, meeting briefs, undo, warnings, preview, new/copy, print."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from briefbook.assemble import preflight
from briefbook.demo.loader import load_demo
from briefbook.library import Book, Library, Meeting, TalkingPoint
from briefbook.library.books import sections
from briefbook.ui.composer import (
    BookComposer,
    book_actions,
    book_bar,
    new_book_dialog,
    printing,
    sections_panel,
    view,
)
from briefbook.ui.composer.meeting_panel import candidate_points
from briefbook.ui.composer.new_book_dialog import NewBookAnswer
from briefbook.ui.context import UiContext
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer


def _unexpected(name):
    def fail(*args, **kwargs):
        raise AssertionError(f"a modal dialog opened in a test: {name}")

    return fail


@pytest.fixture(autouse=True)
def composer_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The composer's own dialogs fail unless a test answers them; nothing opens a real viewer."""
    monkeypatch.setattr(sections_panel, "ask_text_section", _unexpected("ask_text_section"))
    monkeypatch.setattr(book_actions, "ask_copy", _unexpected("ask_copy"))
    monkeypatch.setattr(book_bar, "ask_copy", _unexpected("ask_copy"))
    monkeypatch.setattr(printing, "ask_print", _unexpected("ask_print"))
    monkeypatch.setattr(new_book_dialog, "ask_new_book", _unexpected("ask_new_book"))


@pytest.fixture
def demo(library: Library) -> Library:
    load_demo(library)
    return library


@pytest.fixture
def composer(qtbot, demo: Library, tmp_path: Path):
    context = UiContext(LibraryModel(demo), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1300, 800)) as widget:
        yield widget


def stored(composer: BookComposer):
    return sections(composer.context.library.get(Book, composer.book.id))


def row_of(composer: BookComposer, kind: str) -> int:
    return next(i for i, s in enumerate(composer.sections) if s.kind == kind)


def preview_part(composer: BookComposer, heading: str) -> str:
    """The preview's text under ``heading`` (up to the next heading of its level or higher)."""
    doc = composer.preview.browser.document()
    block, lines, level = doc.begin(), [], 0
    while block.isValid():
        block_level = block.blockFormat().headingLevel()
        if level and block_level and block_level <= level:
            break
        if level:
            lines.append(block.text())
        elif block_level and block.text() == heading:
            level = block_level
        block = block.next()
    return "\n".join(lines)


def preview_headings(composer: BookComposer, level: int = 1) -> list[str]:
    doc = composer.preview.browser.document()
    block, found = doc.begin(), []
    while block.isValid():
        if block.blockFormat().headingLevel() == level:
            found.append(block.text())
        block = block.next()
    return found


def wait_preview(qtbot, composer: BookComposer) -> None:
    """Wait until the preview and the warnings show the book as it is now."""
    with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
        pass


def test_the_demo_book_is_shown_with_its_sections(composer: BookComposer, demo: Library):
    book = demo.list(Book)[0]
    assert composer.book.id == book.id
    assert composer.bar.book_id() == book.id
    model = composer.model
    assert model.rowCount() == len(sections(book))
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == [s.title for s in sections(book)]
    meetings = model.index(row_of(composer, "meetings"), 0)
    assert model.rowCount(meetings) == demo.count(Meeting, where={"event_id": book.event_id})
    assert composer.tree.isExpanded(meetings)


def test_compose_a_book(qtbot, composer: BookComposer, monkeypatch):
    model = composer.model
    # Leave a section out, and take it in again.
    programme = model.index(row_of(composer, "programme"), 0)
    assert model.setData(programme, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not next(s for s in stored(composer) if s.kind == "programme").include
    assert model.index(row_of(composer, "programme"), 0).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    model.setData(
        model.index(row_of(composer, "programme"), 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert next(s for s in stored(composer) if s.kind == "programme").include

    # Reorder by drag and drop: the biographies dropped before the programme.
    before = [s.kind for s in stored(composer)]
    source = model.index(row_of(composer, "biographies"), 0)
    data = model.mimeData([source])
    target_row = row_of(composer, "programme")
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, target_row, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, target_row, 0, QModelIndex())
    after = [s.kind for s in stored(composer)]
    expected = [k for k in before if k != "biographies"]
    expected.insert(expected.index("programme"), "biographies")
    assert after == expected
    # ... and by moveRows: the programme to the end; the cover stays first
    # (tests/ui/test_composer_cover_first.py).
    model.moveRows(QModelIndex(), row_of(composer, "programme"), 1, QModelIndex(), model.rowCount())
    assert [s.kind for s in stored(composer)] == [k for k in expected if k != "programme"] + ["programme"]
    expected = [s.kind for s in stored(composer)]
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), model.rowCount())
    assert [s.kind for s in stored(composer)] == expected
    # A section cannot be dropped among the meetings.
    meetings = model.index(row_of(composer, "meetings"), 0)
    assert not model.canDropMimeData(
        model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, 0, 0, meetings
    )

    # Rename (what the tree's editor does).
    row = row_of(composer, "objectives")
    assert model.setData(model.index(row, 0), "  Mục tiêu của Đoàn  ", Qt.ItemDataRole.EditRole)
    assert stored(composer)[row].title == "Mục tiêu của Đoàn"
    assert not model.setData(model.index(row, 0), "   ", Qt.ItemDataRole.EditRole)  # no empty titles

    # A free-text section, after the selected one; then removed again.
    composer.tree.setCurrentIndex(model.index(row, 0))
    monkeypatch.setattr(
        sections_panel, "ask_text_section", lambda parent, default: ("Ghi chú an ninh", "**Không** mang <b>")
    )
    composer.sections_panel.add_text_section()
    added = stored(composer)[row + 1]
    assert (added.kind, added.title, added.text) == ("text", "Ghi chú an ninh", "**Không** mang <b>")
    assert composer.tree.currentIndex().data() == "Ghi chú an ninh"
    assert composer.details.currentWidget() is composer.text_editor
    composer.sections_panel.remove_section()
    assert "text" not in [s.kind for s in stored(composer)]


def test_meetings_of_the_brief_section_are_chosen_and_ordered(composer: BookComposer):
    model = composer.model

    def meetings_index():
        return model.index(row_of(composer, "meetings"), 0)

    def items():
        return next(s for s in stored(composer) if s.kind == "meetings").items

    parent = meetings_index()
    every = [
        model.index(r, 0, parent).data(Qt.ItemDataRole.UserRole + 1) for r in range(model.rowCount(parent))
    ]
    assert len(every) >= 4 and items() is None
    model.setData(model.index(1, 0, parent), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert items() == [every[0], *every[2:]]
    shown = [
        model.index(r, 0, meetings_index()).data(Qt.ItemDataRole.UserRole + 1) for r in range(len(every))
    ]
    assert shown == [every[0], *every[2:], every[1]]  # the left-out meeting last, unticked
    # Ticked again, it goes back to its place in time: all meetings, so "every meeting" (None).
    last = model.index(len(every) - 1, 0, meetings_index())
    model.setData(last, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert items() is None
    # Dragged into another order: an explicit list.
    model.moveRows(meetings_index(), 2, 1, meetings_index(), 0)
    assert items() == [every[2], every[0], every[1], *every[3:]]
    data = model.mimeData([model.index(0, 0, meetings_index())])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, meetings_index())  # and back
    assert items() is None


def test_choose_the_talking_points_of_a_meeting(qtbot, composer: BookComposer, demo: Library):
    model = composer.model
    parent = model.index(row_of(composer, "meetings"), 0)
    meeting_id = None
    for r in range(model.rowCount(parent)):
        candidate = model.index(r, 0, parent).data(Qt.ItemDataRole.UserRole + 1)
        if len(candidate_points(demo, candidate)) >= 3:
            meeting_id, index = candidate, model.index(r, 0, parent)
            break
    assert meeting_id, "the demo has a meeting with three talking points"
    composer.tree.setCurrentIndex(index)
    panel = composer.meeting_panel
    assert composer.details.currentWidget() is panel and composer.tabs.currentWidget() is composer.details
    points = panel.points
    assert points.all_box.isChecked() and points.list.count() == len(candidate_points(demo, meeting_id))
    ids = points.ids()

    points.all_box.setChecked(False)  # choose one by one: the same points, now an explicit list
    qtbot.waitUntil(
        lambda: next(s for s in stored(composer) if s.kind == "meetings").choices.get(meeting_id) is not None
    )
    choice = next(s for s in stored(composer) if s.kind == "meetings").choices[meeting_id]
    assert choice.talking_points == ids and choice.statements is None

    points = composer.meeting_panel.points  # reloaded after the change
    points.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(
        lambda: (
            ids[1]
            not in (
                next(s for s in stored(composer) if s.kind == "meetings").choices[meeting_id].talking_points
            )
        )
    )
    assert points.ids() == [ids[0], *ids[2:], ids[1]]  # the unticked point goes last
    assert points.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)  # drag the third one first
    qtbot.waitUntil(
        lambda: (
            next(s for s in stored(composer) if s.kind == "meetings").choices[meeting_id].talking_points[0]
            == ids[2]
        )
    )
    choice = next(s for s in stored(composer) if s.kind == "meetings").choices[meeting_id]
    assert choice.talking_points == [ids[2], ids[0], *ids[3:]]

    # The preview follows: the left-out point is not in this meeting's brief any more.
    wait_preview(qtbot, composer)
    brief = preview_part(composer, demo.get(Meeting, meeting_id).title)
    kept = plain(demo.get(TalkingPoint, ids[0]).text)
    left_out = plain(demo.get(TalkingPoint, ids[1]).text)
    assert kept in brief and left_out not in brief

    composer.meeting_panel.points.all_box.setChecked(True)  # back to "all that apply"
    qtbot.waitUntil(
        lambda: meeting_id not in next(s for s in stored(composer) if s.kind == "meetings").choices
    )


def test_undo_and_redo_of_a_reorder(composer: BookComposer):
    stack = composer.context.stack
    before = [s.kind for s in stored(composer)]
    composer.tree.setCurrentIndex(composer.model.index(row_of(composer, "delegation"), 0))
    composer.sections_panel.move_current(+1)
    moved = [s.kind for s in stored(composer)]
    assert moved != before and moved.index("delegation") == before.index("delegation") + 1
    assert composer.tree.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == "delegation"
    assert stack.undoText().startswith("Move “")
    stack.undo()
    assert [s.kind for s in stored(composer)] == before
    assert [s.kind for s in composer.sections] == before  # the tree follows the undo
    stack.redo()
    assert [s.kind for s in stored(composer)] == moved


def test_book_settings_are_saved_and_undone(composer: BookComposer, demo: Library):
    field = composer.form.fields["recipient"]
    field.input.setText("Bộ trưởng")
    field.flush()
    assert demo.get(Book, composer.book.id).recipient == "Bộ trưởng"
    title = composer.form.fields["title"]
    title.input.setText("")
    title.flush()
    assert title.error and demo.get(Book, composer.book.id).title  # required: refused at the field
    composer.context.stack.undo()
    assert demo.get(Book, composer.book.id).recipient != "Bộ trưởng"


def test_warnings_follow_the_book_and_open_their_item(qtbot, composer: BookComposer, demo: Library):
    book = demo.get(Book, composer.book.id)
    warnings = composer.warnings
    initial = warnings.list.count()
    assert initial == len(preflight(demo, book))
    # A ceiling of "Public" leaves out what is above it: more warnings, about items.
    ceiling = composer.form.fields["ceiling"]
    ceiling.input.setCurrentIndex(ceiling.input.findData("Public"))
    ceiling.flush()
    wait_preview(qtbot, composer)
    expected = preflight(demo, demo.get(Book, book.id))
    assert [
        warnings.list.item(i).data(Qt.ItemDataRole.UserRole + 2) for i in range(warnings.list.count())
    ] == [w.item_id for w in expected]
    above = next(i for i, w in enumerate(expected) if w.code == "above_ceiling" and w.item_id)
    item = warnings.list.item(above)
    assert "above the ceiling" in item.text()
    with qtbot.waitSignal(composer.itemRequested) as signal:
        warnings.list.itemClicked.emit(item)
    assert signal.args == [expected[above].kind, expected[above].item_id]
    composer.context.stack.undo()
    wait_preview(qtbot, composer)
    assert warnings.list.count() == initial


def test_the_preview_shows_the_book_and_follows_an_exclude(qtbot, composer: BookComposer, demo: Library):
    book = demo.get(Book, composer.book.id)
    meetings_title = next(s.title for s in sections(book) if s.kind == "meetings")
    text = composer.preview.text()
    assert book.title in text and meetings_title in text
    point = next(p for p in demo.list(TalkingPoint) if p.status == "cleared" and "**" not in p.text)
    snippet = point.text.split("\n")[0][:50]
    assert snippet in text
    shown = preview_headings(composer)
    titles = [s.title for s in sections(book) if s.include and s.kind != "cover"]
    assert len(shown) >= 5 and shown == [t for t in titles if t in shown]  # the book's order
    model = composer.model
    model.setData(
        model.index(row_of(composer, "meetings"), 0),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    wait_preview(qtbot, composer)
    assert snippet not in composer.preview.text() or snippet in _topic_briefs_text(demo, book)
    assert meetings_title not in composer.preview.text()


def plain(markdown: str) -> str:
    """The first words of a Markdown text as the preview shows them."""
    return markdown.split("\n")[0].replace("**", "").replace("*", "")[:40]


def _topic_briefs_text(library: Library, book: Book) -> str:
    from briefbook.assemble import assemble

    return str(assemble(library, book))


def test_markup_typed_by_a_user_is_shown_as_typed(qtbot, composer: BookComposer, monkeypatch):
    monkeypatch.setattr(
        sections_panel, "ask_text_section", lambda parent, default: ("<b>R&D</b> ]]>", "x <i>y</i> & z")
    )
    composer.sections_panel.add_text_section()
    wait_preview(qtbot, composer)
    text = composer.preview.text()
    assert "<b>R&D</b> ]]>" in text and "x <i>y</i> & z" in text


def test_new_copy_and_delete_books(qtbot, composer: BookComposer, demo: Library, monkeypatch):
    first = composer.book
    monkeypatch.setattr(
        new_book_dialog,
        "ask_new_book",
        lambda parent, library, event_id, language: NewBookAnswer(event_id, "Internal", language, ""),
    )
    composer.bar.new_button.click()
    assert demo.count(Book) == 2 and composer.book.id != first.id
    assert [s.kind for s in sections(composer.book)][:2] == ["cover", "contents"]
    assert composer.bar.book_id() == composer.book.id
    composer.context.stack.undo()
    assert demo.count(Book) == 1 and composer.book.id == first.id

    composer.set_book(first.id)
    seen = {}

    def answer(parent, library, book):
        seen["book"] = book.id
        return book.event_id, "Bản sao cho vòng hai"

    monkeypatch.setattr(book_actions, "ask_copy", answer)
    composer.bar.copy_button.click()
    assert seen["book"] == first.id
    copy = composer.book
    assert copy.title == "Bản sao cho vòng hai" and copy.id != first.id
    assert [s.kind for s in sections(copy)] == [s.kind for s in sections(first)]
    composer.bar.delete_button.click()
    assert demo.count(Book) == 1 and composer.book.id == first.id
    composer.context.stack.undo()
    assert demo.count(Book) == 2


def test_the_main_window_shows_the_composer_for_books(qtbot, window, library, filled):
    from briefbook.library.books import new_book

    book = new_book(library, filled["event"].id)
    widget = window.show_view("book")
    assert isinstance(widget, BookComposer)
    qtbot.waitUntil(lambda: widget.book is not None, timeout=60_000)
    window.open_item("book", book.id)
    assert widget.book.id == book.id
    assert window.actions["export_book"] in window.actions.menus["file"].actions()
    requested = []
    widget.itemRequested.connect(lambda kind, item_id: requested.append((kind, item_id)))
    widget.itemRequested.emit("topic", filled["topic"].id)
    assert window.current_key == "topic"
    widget.analyzer.shutdown()


def visible_texts(root) -> set[str]:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTabWidget, QWidget

    found: set[str] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.add(widget.text())
        elif isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            found.update(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            found.update(widget.tabText(i) for i in range(widget.count()))
        found.add(widget.toolTip())
    return {s for s in found if s.strip()}


def test_the_composer_speaks_vietnamese(qtbot, composer: BookComposer, demo: Library):
    from dataclasses import asdict

    from briefbook.ui import i18n

    texts = {}
    for language in ("en", "vi"):
        assert i18n.apply_language(language)
        QCoreApplication.processEvents()
        seen: set[str] = set()
        for tab in range(2):
            composer.tabs.setCurrentIndex(tab)
            seen |= visible_texts(composer)
        model = composer.model
        seen.update(str(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)).split(": ")[:1])
        seen.add(composer.warnings.heading.text())
        seen.update(composer.warnings.list.item(i).text() for i in range(composer.warnings.list.count()))
        texts[language] = seen
    data = {
        str(v)
        for kind in ("book", "event", "meeting", "person")
        for r in demo.list(kind)
        for v in asdict(r).values()
    }
    data |= {book_bar.event_label(e) for e in demo.list("event")}
    same = {s for s in texts["en"] & texts["vi"] if s not in data and not s.replace("…", "").isdigit()}
    assert same <= {"formal-a4", "compact-a5", "•", "1.", "B", "I"}, same
    assert "Cảnh báo trước khi xuất" in composer.warnings.heading.text()


def _action(menu, start: str):
    """The menu's action whose text (without its & mnemonic) starts with ``start``."""
    found = [a for a in menu.actions() if a.text().replace("&", "").startswith(start)]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def test_right_click_menus_do_what_the_buttons_ticks_and_double_click_do(
    qtbot, composer: BookComposer, demo: Library
):
    model, panel = composer.model, composer.sections_panel
    row = row_of(composer, "meetings")
    section = model.index(row, 0)
    menu = panel.context_menu(section)
    assert not any(a.text().replace("&", "").startswith("Open") for a in menu.actions())
    assert _action(menu, "Include").isChecked()
    _action(menu, "Include").trigger()  # leave the section out
    assert not next(s for s in stored(composer) if s.kind == "meetings").include
    _action(panel.context_menu(model.index(row, 0)), "Include").trigger()  # and back in
    assert next(s for s in stored(composer) if s.kind == "meetings").include
    first = model.index(0, 0)
    assert not _action(panel.context_menu(first), "Move up").isEnabled()
    order = [s.id for s in stored(composer)]
    _action(panel.context_menu(model.index(1, 0)), "Move down").trigger()  # the cover stays first
    assert [s.id for s in stored(composer)] == [order[0], order[2], order[1], *order[3:]]

    # A meeting under the section: "Open" asks for its editor, as a double-click does.
    meeting = model.index(0, 0, model.index(row_of(composer, "meetings"), 0))
    meeting_id = meeting.data(Qt.ItemDataRole.UserRole + 1)
    with qtbot.waitSignal(composer.itemRequested) as asked:
        _action(panel.context_menu(meeting), "Open").trigger()
    assert asked.args == ["meeting", meeting_id]

    # The brief's points: "All that apply" switched off from the menu, then an entry left out
    # and moved, as the box, the tick and a drag do.
    composer.tree.setCurrentIndex(meeting)
    points = composer.meeting_panel.points
    ids = points.ids()
    assert len(ids) >= 2
    every = _action(points.context_menu(points.list.item(0)), "All that apply")
    assert every.isChecked() and not any(a.text().startswith("Move") for a in every.parent().actions())
    every.trigger()
    qtbot.waitUntil(
        lambda: next(s for s in stored(composer) if s.kind == "meetings").choices.get(meeting_id) is not None
    )
    points = composer.meeting_panel.points
    _action(points.context_menu(points.list.item(0)), "Move down").trigger()
    qtbot.waitUntil(
        lambda: (
            next(s for s in stored(composer) if s.kind == "meetings").choices[meeting_id].talking_points
            == [ids[1], ids[0], *ids[2:]]
        )
    )
    points = composer.meeting_panel.points
    _action(points.context_menu(points.list.item(0)), "Include").trigger()
    qtbot.waitUntil(
        lambda: (
            ids[1]
            not in next(s for s in stored(composer) if s.kind == "meetings")
            .choices[meeting_id]
            .talking_points
        )
    )
    with qtbot.waitSignal(composer.itemRequested) as asked:
        _action(
            composer.meeting_panel.points.context_menu(composer.meeting_panel.points.list.item(0)), "Open"
        ).trigger()
    assert asked.args[0] == "talking_point"


def test_an_export_noted_on_the_book_is_shown_without_assembling_it_again(
    qtbot, composer: BookComposer, demo: Library, monkeypatch
):
    """The export dialog's "last exported" note re-assembled the whole book (seconds for a big one)."""
    asked: list[str] = []
    request = composer.analyzer.request
    monkeypatch.setattr(
        composer.analyzer,
        "request",
        lambda library, book_id, **kw: asked.append(book_id) or request(library, book_id, **kw),
    )
    book_id = composer.book.id
    demo.update(Book, book_id, last_export_at="2025-12-16T21:05:00Z")  # what the export's process writes
    composer.context.model.notify("book", book_id, "updated")  # what the dialog says when it is done
    qtbot.wait(view.PREVIEW_PAUSE_MS + 200)  # past the pause after which an analysis would start
    assert asked == []
    assert composer.book.last_export_at == "2025-12-16T21:05:00Z"
    assert "last exported" in composer.form.status.text()
    demo.update(Book, book_id, title="Sổ tay mới")  # a real change still reads and assembles the book again
    composer.context.model.notify("book", book_id, "updated")
    qtbot.waitUntil(lambda: asked == [book_id], timeout=60_000)
    assert composer.book.title == "Sổ tay mới"
