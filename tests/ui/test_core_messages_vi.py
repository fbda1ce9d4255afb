"""Every message the core can show in the window reads as Vietnamese in the Vietnamese window.

The core writes English (CLI, log); the window translates the known shapes
(:mod:`briefbook.ui.messages`, :mod:`briefbook.ui.exchange_messages`,
:mod:`briefbook.ui.export_messages`, the preflight's :func:`warning_text`).
``core_message_cases`` makes real instances of them, as a user does; here each
is shown as the window shows it, in Vietnamese, and must keep no English word
(names, titles and file names, which the cases list, stay as written). In
English the window shows the core's own words.
"""

from __future__ import annotations

import re

import pytest

from briefbook.ui import i18n
from briefbook.ui.backup_messages import backup_message
from briefbook.ui.composer.warnings import warning_text
from briefbook.ui.export_messages import export_message
from briefbook.ui.messages import _exchange_message, user_message
from tests.ui.core_message_cases import CASES, Ctx, Shown

# English words a Vietnamese sentence never holds (Vietnamese syllables such as "to", "in",
# "an", "do", "a" are left out of the list on purpose).
ENGLISH = set(
    """
    the is are was were be been not of and or with from this that these has have had it its for
    by as can cannot here there which what than into does your you will would must should no
    give choose only above below left out file files folder package library level levels item
    items import imported export exported name names book ceiling raise first field text row
    rows column columns card cards date point points talking statement statements person people
    topic meeting event edit keep mine theirs take damaged read write when where before after
    number whole between section sections page pages copy version picture photo image document
    split more already probably merge fills differs kept question answer dropped new one two at
    then up use unknown nothing anyone may show shown shows shareable sharing release marked
    cleared draft belongs another own has characters font fonts print they them their
    public internal confidential secret organisation phone
    """.split()
)


def english_left(shown: str, data: set[str]) -> list[str]:
    """The English words left in ``shown`` once the names and file names in ``data`` are taken out."""
    for part in sorted(data, key=len, reverse=True):
        if part:
            shown = shown.replace(part, " ")
    return [w for w in re.findall(r"[^\W\d_]+", shown) if w.lower() in ENGLISH]


def window_text(shown: Shown) -> str:
    if shown.via == "export":
        return export_message(shown.text)
    if shown.via == "backup":
        return backup_message(shown.text)
    if shown.via == "preflight":
        assert shown.warning is not None
        return warning_text(shown.warning)
    return user_message(shown.text)


def _made(name: str, library, filled, tmp_path, monkeypatch) -> tuple[list[Shown], set[str]]:
    ctx = Ctx(library, filled, tmp_path, monkeypatch)
    ctx.data.update({str(tmp_path), *{str(v.id) for v in filled.values()}})
    for record in filled.values():
        ctx.data.update(str(getattr(record, f)) for f in ("title", "name", "text") if getattr(record, f, ""))
    made = CASES[name](ctx)
    assert made, name
    return made, ctx.data


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_core_message_is_shown_in_vietnamese(name, qapp, library, filled, tmp_path, monkeypatch):
    made, data = _made(name, library, filled, tmp_path, monkeypatch)
    i18n.apply_language("vi")
    try:
        shown = [(m.text, window_text(m)) for m in made]
    finally:
        i18n.apply_language("en")
    left = [f"{text}\n  → {vi}\n  {english_left(vi, data)}" for text, vi in shown if english_left(vi, data)]
    assert not left, "\n".join(left)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_english_window_keeps_the_core_words(name, qapp, library, filled, tmp_path, monkeypatch):
    """The newer templates say things the window's way ("in Books", no --ceiling); in English the
    window shows the core's own sentence. (The older tables in messages.py and export_messages.py
    word a few in English too, on purpose: no id, no 'decompression bomb'.)"""
    made, _ = _made(name, library, filled, tmp_path, monkeypatch)
    i18n.apply_language("en")
    for m in made:
        newer = _exchange_message(m.text)
        if newer is not None:
            assert newer == m.text


def test_the_export_dialog_says_the_ceiling_refusal_in_vietnamese(qtbot, library, filled, tmp_path, dialogs):
    """A new event's book is exported at Secret while another window lowered its ceiling to Internal:
    the export process refuses, and the dialog says why and what to do, in Vietnamese."""
    from PySide6.QtGui import QUndoStack

    from briefbook.library import Book, Event, Library, Meeting, Person
    from briefbook.library.books import new_book
    from briefbook.ui.context import UiContext
    from briefbook.ui.export_dialog import ExportDialog
    from briefbook.ui.notifier import LibraryModel
    from briefbook.ui.settings import Settings

    event = library.add(Event(title="Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM-59)", city="Viêng Chăn"))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp song phương với Lào", kind="bilateral"))
    laos = library.add(Person(name="ທອງສະລິດ ມັງໜໍ່ເມກ", position="Bộ trưởng Ngoại giao Lào"))
    library.set_participant(meeting.id, laos.id, "counterpart")
    book = new_book(library, event.id, ceiling="Secret")
    i18n.apply_language("vi")
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    dialog = ExportDialog(context, library.get(Book, book.id), False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ceiling.setCurrentIndex(dialog.ceiling.findData("Secret"))
    dialog.path_edit.setText(str(tmp_path / "AMM-59.pdf"))
    with Library.open(library.path, backup=False) as other:  # the composer, in another window
        other.update(Book, book.id, ceiling="Internal")
    with qtbot.waitSignal(dialog.export_failed, timeout=120_000):
        dialog.export_button.click()
    shown = dialog.message.text()
    assert shown.startswith(f"Tài liệu “{book.title}” chỉ được chứa nội dung có độ mật đến Nội bộ")
    assert shown.endswith(
        "nâng mức mật tối đa của tài liệu lên Tối mật trong mục Tài liệu "
        "(thẻ “Thông tin tài liệu”, ô “Mức mật tối đa”)."
    )
    assert english_left(shown, {book.title}) == [] and "briefbook" not in shown
    assert dialogs.messages[-1] == ("Không xuất được", shown)
    assert not list(tmp_path.glob("AMM-59*"))
    dialog.close()


def test_the_changes_tab_names_kinds_and_dates_in_vietnamese(qapp, library, filled, tmp_path):
    from PySide6.QtGui import QUndoStack

    from briefbook.assemble import assemble
    from briefbook.exchange.changes import compare, included
    from briefbook.export import ExportOptions, export_book
    from briefbook.library import Book, TalkingPoint
    from briefbook.library.books import new_book
    from briefbook.ui.composer.changes_panel import ChangesPanel
    from briefbook.ui.context import UiContext
    from briefbook.ui.notifier import LibraryModel
    from briefbook.ui.settings import Settings

    book = new_book(library, filled["event"].id, ceiling="Internal")
    export_book(library, book.id, tmp_path / "v1.docx", ExportOptions(formats=("docx",)))
    library.update(TalkingPoint, filled["point"].id, text="Việt Nam kiên quyết chống lừa đảo.")
    library.add(TalkingPoint(topic_id=filled["topic"].id, text="Điểm mới.", status="cleared"))
    document = assemble(library, library.get(Book, book.id), ceiling="Internal")
    i18n.apply_language("vi")
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    panel = ChangesPanel(context)
    try:
        panel.show_changes(compare(library.last_export(book.id), included(document, library)))
        shown = panel.view.toPlainText()
        assert "Luận điểm" in shown and "Talking point" not in shown, shown
        heading = panel.heading.text()  # the export's time in the window's one date format
        assert re.search(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2} UTC", heading) and not re.search(
            r"\d{4}-\d{2}", heading
        ), heading
    finally:
        panel.deleteLater()
        i18n.apply_language("en")
