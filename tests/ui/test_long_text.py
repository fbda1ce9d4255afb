"""A whole report pasted into one talking point (1 MB): the editor and the preview open
it a piece at a time, and nothing of it is lost or written half."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextListFormat

from briefbook.library import Event, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.ui.editors import long_text
from tests.ui.conftest import main_window_on

VIETNAMESE = [
    "Việt Nam đánh giá cao việc tổ chức hội nghị và các sáng kiến quốc tế chống lừa đảo trực tuyến.",
    "Chia sẻ thông tin, tình báo và bằng chứng điện tử nhanh chóng, hiệu quả là then chốt.",
    "Viet Nam stands ready to work with partners to implement the Hanoi Convention.",
]
THAI = [
    "ประเทศไทยให้ความสำคัญกับความร่วมมือระหว่างประเทศในการต่อต้านการฉ้อโกงออนไลน์",
    "การแลกเปลี่ยนข้อมูลและหลักฐานอิเล็กทรอนิกส์อย่างรวดเร็วเป็นกุญแจสำคัญ",
]
WORD = "Xuanthu"  # one word, in the middle of the text


def report(pool: list[str], chars: int) -> str:
    """A text of ``chars`` characters at most, of ``pool``'s sentences, ``WORD`` in its middle.

    The length so far is kept as it grows: summing the sentences again at each one took
    2-3 s for a 999,000-character text, in the set-up of each of some forty tests."""
    rng, half, length = random.Random(7), [], 0
    while length < chars // 2:
        half.append(rng.choice(pool))
        length += len(half[-1]) + 1
    text = " ".join(half) + f" {WORD} " + " ".join(reversed(half))
    return text[: chars - 1].rstrip()


@pytest.fixture(params=["vi", "th"])
def huge(request, qtbot, library, library_path):
    """A window on a library made from nothing: an event, a meeting, a Thai-named topic and
    a talking point of nearly 1,000,000 characters (the most a field holds), in a book."""
    text = report(VIETNAMESE if request.param == "vi" else THAI, 999_000)
    event = library.add(Event(title="Hội nghị Bangkok", city="Bangkok", start_date="2025-12-17"))
    meeting = library.add(Meeting(event_id=event.id, title="Song phương", kind="bilateral"))
    topic = library.add(Topic(title="ความร่วมมือ — hợp tác"))
    library.link_topic(meeting.id, topic.id)
    point = library.add(TalkingPoint(topic_id=topic.id, kind="key_message", text=text, status="cleared"))
    book = new_book(library, event.id, title="Sổ tay Bangkok")
    with main_window_on(qtbot, library_path) as window:
        yield window, point, text, book


def step(window, action: str) -> None:
    """Edit > Undo (or Redo), then until it is stored: an undo of a long text is stored off the
    window's thread, after the writes before it, and the window goes on meanwhile."""
    window.actions[action].trigger()
    writes = getattr(window.model, "writes", None)
    if writes is not None:
        writes.wait()


def open_point(window, point):
    view = window.show_view("talking_point")
    assert view.select(point.id)
    return view.editor.field("text")


def test_a_huge_point_opens_read_only_until_whole_and_one_word_edited_saves_the_rest(qtbot, huge, library):
    window, point, text, _book = huge
    field = open_point(window, point)
    stamp = library.get(TalkingPoint, point.id).updated_at
    assert field.edit.loading  # opening in pieces, across turns of the event loop
    assert field.edit.isReadOnly() and not field.bar.isEnabled()
    assert field.opening_note.isVisibleTo(field) and "as soon as it is whole" in field.opening_note.text()
    field.flush()  # what focus-out does meanwhile: nothing is written half
    assert field.value() == text
    assert library.get(TalkingPoint, point.id).updated_at == stamp
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=120_000)
    assert not field.edit.isReadOnly() and field.bar.isEnabled()
    assert not field.opening_note.isVisibleTo(field)  # (a short text never shows it)
    document = field.edit.document()
    assert document.blockCount() > 100  # pieces, each laid out on its own
    assert field.edit.markdown() == text  # whole, the pieces joined by their spaces

    found = document.find(WORD)
    assert not found.isNull()
    field.edit.setTextCursor(found)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "Halong")  # types over the selected word
    field.flush()
    assert library.get(TalkingPoint, point.id).text == text.replace(WORD, "Halong")


def test_enter_inside_a_piece_starts_a_real_paragraph(qtbot, huge, library):
    window, point, text, _book = huge
    field = open_point(window, point)
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=120_000)
    cursor = field.edit.document().find(WORD)
    cursor.setPosition(cursor.selectionStart())
    field.edit.setTextCursor(cursor)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    field.flush()
    # The space before the break ends the first paragraph, kept as in a short text ("&#32;":
    # tests/ui/test_trailing_space.py); it was dropped in a piece (test_long_text_trailing_spaces).
    assert library.get(TalkingPoint, point.id).text == text.replace(f" {WORD}", f"&#32;\n\n{WORD}")
    step(window, "undo")
    assert library.get(TalkingPoint, point.id).text == text


def test_another_item_shown_while_a_huge_one_opens_stops_it(qtbot, huge, library):
    window, point, text, _book = huge
    field = open_point(window, point)
    assert field.edit.loading
    other = library.add(TalkingPoint(topic_id=point.topic_id, kind="proactive", text="Điểm **ngắn**."))
    view = window.show_view("talking_point")
    view.editor.show_item(other.id)
    assert not field.edit.loading and not field.edit.isReadOnly()
    assert field.edit.toPlainText() == "Điểm ngắn."
    qtbot.wait(100)
    assert field.edit.toPlainText() == "Điểm ngắn."  # no piece of the other text arrives later
    assert library.get(TalkingPoint, point.id).text == text


def test_the_preview_shows_a_huge_point_whole_in_pieces(qtbot, huge):
    window, _point, text, book = huge
    composer = window.show_view("book")
    composer.set_book(book.id)
    qtbot.waitUntil(
        lambda: (
            composer._document is not None
            and not composer.preview.is_building()
            and WORD in composer.preview.text()
        ),
        timeout=120_000,
    )
    document = composer.preview.browser.document()
    assert document.blockCount() > 100  # the point in pieces
    shown = composer.preview.text().replace("\n", " ")
    assert text in shown


def test_pieces_of_a_paragraph_are_joined_and_a_list_made_of_one_stays_a_list(qtbot):
    from briefbook.ui.editors.rich_text import MarkdownEdit

    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    text = report(VIETNAMESE, 60_000)
    edit.set_markdown(text + "\n\nĐoạn hai.")
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    assert edit.markdown() == text + "\n\nĐoạn hai."
    block = edit.document().findBlockByNumber(3)
    assert long_text.continues(block)
    cursor = QTextCursor(block)
    cursor.createList(QTextListFormat.Style.ListDisc)  # the bullets button on one piece
    written = edit.markdown()
    assert written.count("\n- ") == 1  # the piece made a list item is one, between paragraphs
    assert written.replace("\n\n- ", " ").replace("\n\n", " ", 1) == text + "\n\nĐoạn hai."


def test_the_markdown_is_written_once_per_state_of_the_text_and_again_after_any_change(qtbot, monkeypatch):
    from PySide6.QtGui import QFont, QTextCharFormat

    from briefbook.ui.editors import markdown_writer
    from briefbook.ui.editors.rich_text import MarkdownEdit

    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown("Một hai ba")
    calls = []
    real = markdown_writer.to_markdown
    monkeypatch.setattr(markdown_writer, "to_markdown", lambda *a: calls.append(1) or real(*a))
    assert edit.markdown() == edit.markdown() == "Một hai ba"
    assert len(calls) == 1  # a save asks two or three times: written once
    cursor = edit.document().find("hai")
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.mergeCharFormat(bold)  # a change of format only
    assert edit.markdown() == "Một **hai** ba"
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" bốn")
    assert edit.markdown() == "Một **hai** ba bốn"
    assert len(calls) == 3


def test_a_long_text_holding_the_writers_marker_opens_whole_and_saves_unchanged(qtbot):
    from briefbook.ui.editors import markdown_writer
    from briefbook.ui.editors.rich_text import MarkdownEdit

    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    text = report(VIETNAMESE, 30_000).replace(WORD, WORD + markdown_writer.MARK)
    edit.set_markdown(text)
    assert not edit.loading and edit.document().blockCount() == 1  # not in pieces
    assert edit.markdown() == text
