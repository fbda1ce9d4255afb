"""The "changes since version N" page prints only what the book itself may print.

Found by a user's walk (review2): the page named a new talking point by its first line
when that line was a passage not for release, named a statement by its linked speaker
when the speaker was above the ceiling, and printed the word diff of a person's fields
the book never prints (internal notes) or prints only at Confidential and above
(sensitivities), in a Public copy made for sharing.

Each copy's page compares with the last copy of its own kind (its ceiling and its
for-sharing choice: ``copy_changes.baseline``), so these cases start from a Public copy for
sharing; a Public copy whose only earlier export was Secret says it has none of its kind.
"""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from briefbook.exchange.copy_changes import book_changes
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, Person, Statement, TalkingPoint
from briefbook.library.books import new_book


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _shared_with_changes(library: Library, book_id: str, path: Path, *, changes: bool = True) -> str:
    export_book(
        library,
        book_id,
        path,
        ExportOptions(formats=("pdf",), ceiling="Public", releasable=True, changes_page=changes),
    )
    return _text(path)


def _shared(library: Library, book_id: str, path: Path) -> None:
    """The copy for sharing its readers hold: the baseline of the next one's page."""
    _shared_with_changes(library, book_id, path, changes=False)


_NONE_OF_ITS_KIND = "Chưa có bản nào trước đây của sổ tay này ở mức Công khai, bản được phép chia sẻ"


def _book(library: Library, filled: dict) -> str:
    return new_book(library, filled["event"].id, title="Sổ tay", ceiling="Secret").id


def test_a_new_point_whose_first_line_is_not_for_release_is_not_named(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book_id = _book(library, filled)
    _shared(library, book_id, tmp_path / "v1.pdf")
    library.add(
        TalkingPoint(topic_id=filled["topic"].id, text="[NFR] XYZZYFIRST bí mật\n\nĐoạn công khai sau.")
    )
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    assert "Đoạn công khai sau" in text  # the point is in the book, its first paragraph is not
    assert "Những thay đổi từ phiên bản 1" in text
    assert "XYZZYFIRST" not in text


def test_a_statement_is_not_named_by_a_speaker_above_the_ceiling(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book_id = _book(library, filled)
    _shared(library, book_id, tmp_path / "v1.pdf")
    secret = library.add(Person(name="သန်းဆွေ", name_romanised="QUUXSPEAKER", classification="Secret"))
    statement = library.add(
        Statement(speaker_id=secret.id, speaker_name="QUUXSPEAKER", date="2026-11-01", text="Lời công khai.")
    )  # a copy of the linked speaker's name kept on the statement is not printed either
    library.link_topic(statement.id, filled["topic"].id)
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    assert "Lời công khai" in text and "Những thay đổi từ phiên bản 1" in text
    assert "QUUXSPEAKER" not in text and "သန်းဆွေ" not in text


def test_a_public_speaker_still_names_the_statement(library: Library, filled: dict, tmp_path: Path) -> None:
    book_id = _book(library, filled)
    _shared(library, book_id, tmp_path / "v1.pdf")
    public = library.add(Person(name="Ghada Waly", name_romanised="Ghada Waly"))
    statement = library.add(Statement(speaker_id=public.id, date="2026-11-01", text="PLUGHQUOTE công khai."))
    library.link_topic(statement.id, filled["topic"].id)
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    page = text.split("Những thay đổi từ phiên bản 1", 1)[1]
    assert "Ghada Waly, 2026-11-01: PLUGHQUOTE" in " ".join(page.split())


def test_a_persons_notes_and_sensitivities_never_reach_the_changes_page(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book_id = _book(library, filled)
    thai = filled["thai"]
    library.update(Person, thai.id, notes="NOTESONE nội bộ", sensitivities="SENSONE kín", interests="golf")
    _shared(library, book_id, tmp_path / "v1.pdf")
    export_book(library, book_id, tmp_path / "v2.pdf", ExportOptions(formats=("pdf",)))  # Secret: all in
    library.update(Person, thai.id, notes="NOTESTWO", sensitivities="SENSTWO", interests="golf, cờ vua")
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    page = " ".join(text.split("Những thay đổi từ phiên bản 1", 2)[2].split())
    assert "cờ vua" in page  # the edit the book shows is still listed
    for word in ("NOTESONE", "NOTESTWO", "SENSONE", "SENSTWO"):
        assert word not in text, word


def test_an_edit_of_only_what_the_book_never_prints_is_not_listed(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book_id = _book(library, filled)
    export_book(library, book_id, tmp_path / "v1.pdf", ExportOptions(formats=("pdf",)))
    library.update(Person, filled["thai"].id, notes="Chỉ ghi chú nội bộ.")
    assert book_changes(library, book_id).empty


def test_a_record_made_before_this_rule_shows_no_words_of_a_person(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """An export recorded by an older BriefBook holds a person's notes in its text: an edit
    is listed by name, never with the words of that old text."""
    book_id = _book(library, filled)
    thai = filled["thai"]
    library.update(Person, thai.id, notes="OLDNOTES nội bộ")
    _shared(library, book_id, tmp_path / "v1.pdf")
    with library.db.atomic():  # the record as the older code wrote it: every field's text, no mark
        row = library.db.execute("SELECT id, items FROM export_records ORDER BY id DESC LIMIT 1").fetchone()
        items = json.loads(row[1])
        entry = items[thai.id]
        entry["text"] = entry["text"] + " OLDNOTES nội bộ"
        entry.pop("printed", None)
        library.db.execute("UPDATE export_records SET items = ? WHERE id = ?", [json.dumps(items), row[0]])
    library.update(Person, thai.id, interests="cờ vua")
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    assert "Những thay đổi từ phiên bản 1" in text and "Sihasak" in text
    assert "OLDNOTES" not in text


def test_a_point_lowered_since_a_secret_export_shows_no_word_of_its_secret_text(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """A point exported as Secret, then rewritten and lowered to Public: the Public copy's
    page never shows the words it had while it was Secret. Its page compares with the last
    Public copy for sharing (where the point was not), so the point is new there."""
    book_id = _book(library, filled)
    _shared(library, book_id, tmp_path / "v1.pdf")
    point = library.add(
        TalkingPoint(topic_id=filled["topic"].id, text="XYZZYOLD kế hoạch mật.", classification="Secret")
    )
    export_book(library, book_id, tmp_path / "v2.pdf", ExportOptions(formats=("pdf",)))
    library.update(TalkingPoint, point.id, text="Kế hoạch công khai mới.", classification="Public")
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    page = " ".join(text.split("Những thay đổi từ phiên bản 1", 2)[2].split())
    assert page.startswith("Mới • Nội dung trao đổi: Kế hoạch công khai mới."), page[:200]
    assert "XYZZYOLD" not in text and "mật" not in page.split("Kế hoạch công khai mới")[0]


def test_a_public_copy_after_only_a_secret_export_says_it_is_the_first_of_its_kind(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """Its reader never received the Secret copy: the page says there is no earlier copy of
    its kind rather than "since version 1", and lists nothing against the Secret text."""
    book_id = _book(library, filled)
    point = library.add(
        TalkingPoint(topic_id=filled["topic"].id, text="XYZZYOLD kế hoạch mật.", classification="Secret")
    )
    export_book(library, book_id, tmp_path / "v1.pdf", ExportOptions(formats=("pdf",)))
    library.update(TalkingPoint, point.id, text="Kế hoạch công khai mới.", classification="Public")
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    page = " ".join(text.split("Những thay đổi", 2)[2].split())
    assert page.startswith(_NONE_OF_ITS_KIND), page[:200]
    assert "phiên bản 1" not in text and "Đã sửa" not in page and "XYZZYOLD" not in text


def test_a_topic_renamed_and_lowered_then_dropped_is_not_named_by_its_secret_title(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    from briefbook.library import Meeting, Topic

    book_id = _book(library, filled)
    _shared(library, book_id, tmp_path / "v1.pdf")
    topic = library.add(Topic(title="PLUGHTITLE kín", classification="Secret", background="Nền."))
    library.link_topic(filled["meeting"].id, topic.id)
    export_book(library, book_id, tmp_path / "v2.pdf", ExportOptions(formats=("pdf",)))
    library.update(Topic, topic.id, title="Chủ đề công khai", classification="Public")
    library.unlink_topic(filled["meeting"].id, topic.id)
    assert library.get(Meeting, filled["meeting"].id)
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    assert "Những thay đổi từ phiên bản 1" in text
    assert "PLUGHTITLE" not in text


def test_a_page_whose_every_change_is_left_out_says_there_is_none(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """A point in the last Public copy is raised to Secret, and a Secret point added: every
    difference is above the copy's ceiling. The page printed its heading over an empty page."""
    book_id = _book(library, filled)
    _shared(library, book_id, tmp_path / "v1.pdf")
    library.update(TalkingPoint, filled["point"].id, classification="Secret")
    library.add(TalkingPoint(topic_id=filled["topic"].id, text="PLUGHSECRET kín.", classification="Secret"))
    export_book(library, book_id, tmp_path / "v2.pdf", ExportOptions(formats=("pdf",)))
    text = _shared_with_changes(library, book_id, tmp_path / "share.pdf")
    assert "PLUGHSECRET" not in text and "kiên quyết" not in text
    page = " ".join(text.split("Những thay đổi từ phiên bản 1", 2)[2].split())
    assert page.startswith("Không có thay đổi nào từ phiên bản 1."), page[:200]
