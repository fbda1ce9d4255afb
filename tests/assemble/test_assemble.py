"""Assembly: the editorial decisions of a briefing book, checked on the document model."""

from __future__ import annotations

import pytest

from briefbook.assemble import assemble, preflight
from briefbook.assemble.markdown import blocks
from briefbook.document.model import (
    Contents,
    Cover,
    Document,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Profile,
    Reference,
    Table,
)
from briefbook.library import Book, Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import (
    SECTION_KINDS,
    MeetingChoice,
    Section,
    copy_book,
    new_book,
    save_sections,
    sections,
)


def text_of(document: Document) -> str:
    """Every piece of text in the document, as a renderer would see it."""
    out: list[str] = []

    def runs(rs) -> None:
        out.append("".join(r.text for r in rs))

    def lists(lb: ListBlock) -> None:
        for item in lb.items:
            runs(item.runs)
            if item.children:
                lists(item.children)

    for b in document.blocks:
        if isinstance(b, Heading):
            out.append(b.text)
        elif isinstance(b, Paragraph | Reference):
            runs(b.runs)
        elif isinstance(b, ListBlock):
            lists(b)
        elif isinstance(b, Table):
            for row in [*b.header, *b.rows]:
                for cell in row:
                    for p in cell:
                        runs(p.runs)
        elif isinstance(b, Profile):
            out.append(b.name)
            for p in b.lines:
                runs(p.runs)
        elif isinstance(b, Cover):
            out += [b.title, b.subtitle, b.event, b.place_and_dates, b.recipient, b.classification]
    return "\n".join(out)


@pytest.fixture
def book(library: Library, filled: dict) -> Book:
    return new_book(library, filled["event"].id, title="Sổ tay", recipient="Thứ trưởng", copy_number="01")


def test_default_book_has_every_section_in_order(library: Library, book: Book) -> None:
    kinds = [s.kind for s in sections(book)]
    assert kinds == list(SECTION_KINDS[:-1])  # every kind but the free-text one
    document = assemble(library, book)
    assert isinstance(document.blocks[0], Cover) and isinstance(document.blocks[1], Contents)
    assert document.blocks[0].recipient == "Thứ trưởng" and document.blocks[0].copy_number.endswith("01")
    titles = [h.text for h in document.headings(1)]
    assert titles[:2] == ["Chương trình", "Thành phần đoàn và đại biểu"]
    assert "Phiên khai mạc" in [h.text for h in document.headings(2)]
    assert document.meta.title == "Sổ tay" and document.meta.language == "vi"


def test_a_meeting_brief_has_what_a_principal_reads(library: Library, filled: dict, book: Book) -> None:
    library.add(
        TalkingPoint(topic_id=filled["topic"].id, kind="reactive", text="Nếu được hỏi...", status="cleared")
    )
    library.add(
        TalkingPoint(
            topic_id=filled["topic"].id, kind="qa", question="Hỏi gì?", text="Đáp gì.", status="cleared"
        )
    )
    text = text_of(assemble(library, book))
    for expected in ("Khái quát cuộc gặp", "Nội dung cần nêu",
                     "Quan điểm, đề nghị dự kiến của phía bạn và trả lời của ta", "Nếu được hỏi...",
                     "Hỏi và đáp", "Hỏi gì?", "Đáp gì.", "Thông tin tham khảo", "Sihasak Phuangketkeow",
                     "Thành phần", "Phía bạn", "Đề cương số 1/1"):  # fmt: skip
        assert expected in text, expected
    # The statement is printed once, in the annex; the brief refers to it (and to the
    # topic brief holding the background) with a live link and its page.
    assert text.count("Chia sẻ thông tin") == 1 and text.count("Hợp tác ở Đông Nam Á") == 1


def test_markdown_becomes_runs_and_markup_stays_literal(library: Library, filled: dict, book: Book) -> None:
    library.update(TalkingPoint, filled["point"].id, text='**R&D** <b>x</b> </para> <img src="/etc/passwd">')
    text = text_of(assemble(library, book))
    assert 'R&D <b>x</b> </para> <img src="/etc/passwd">' in text
    (para,) = blocks("Hello **bold** and *it*")
    assert [(r.text, r.bold, r.italic) for r in para.runs] == [
        ("Hello ", False, False), ("bold", True, False), (" and ", False, False), ("it", False, True)
    ]  # fmt: skip
    (lst,) = blocks("1. one\n2. two\n   - nested")
    assert lst.ordered and lst.items[1].children is not None


@pytest.mark.parametrize("ceiling", ["Public", "Internal", "Confidential", "Secret"])
def test_nothing_above_the_ceiling_appears_and_the_banner_is_the_highest_included(
    library: Library, filled: dict, book: Book, ceiling: str
) -> None:
    levels = library.classification_levels()
    topic = filled["topic"]
    for level in levels:
        library.add(
            TalkingPoint(topic_id=topic.id, text=f"POINT-{level}", classification=level, status="cleared")
        )
        statement = library.add(Statement(text=f"STATEMENT-{level}", classification=level))
        library.link_topic(statement.id, topic.id)  # on the event's topic: the book's to include
        person = library.add(Person(name=f"PERSON-{level}", classification=level))
        library.set_participant(filled["meeting"].id, person.id)
    document = assemble(library, book, ceiling=ceiling)
    text = text_of(document)
    allowed = levels[: levels.index(ceiling) + 1]
    for level in levels:
        for prefix in ("POINT", "STATEMENT", "PERSON"):
            assert (f"{prefix}-{level}" in text) == (level in allowed), (prefix, level)
    banner = library.level_label(ceiling, book.language).upper()  # in the book's language
    assert document.meta.banner == banner and banner == {"vi": VI_LABELS[ceiling]}.get(book.language, banner)
    assert document.blocks[0].classification == banner


VI_LABELS = {"Public": "CÔNG KHAI", "Internal": "LƯU HÀNH NỘI BỘ", "Confidential": "MẬT", "Secret": "TỐI MẬT"}


def test_a_whole_meeting_above_the_ceiling_is_left_out(library: Library, filled: dict, book: Book) -> None:
    library.update(Meeting, filled["meeting"].id, classification="Secret")
    document = assemble(library, book, ceiling="Confidential")
    assert "Phiên khai mạc" not in text_of(document)
    assert any(
        w.code == "above_ceiling" and w.item_id == filled["meeting"].id
        for w in preflight(library, book, ceiling="Confidential")
    )


def test_drafts_are_marked_or_left_out(library: Library, filled: dict, book: Book) -> None:
    marked = assemble(library, book, drafts="mark")
    assert marked.meta.draft and "[DỰ THẢO]" in text_of(marked)
    omitted = assemble(library, book, drafts="omit")
    assert not omitted.meta.draft and "kiên quyết" not in text_of(omitted)
    library.update(TalkingPoint, filled["point"].id, status="cleared")
    cleared = assemble(library, book, drafts="mark")
    assert not cleared.meta.draft and "kiên quyết" in text_of(cleared)


def test_preflight_warnings(library: Library, filled: dict, book: Book) -> None:
    library.add(Meeting(event_id=filled["event"].id, title="Gặp song phương", kind="bilateral"))
    codes = {(w.code, w.item_id) for w in preflight(library, book)}
    assert ("draft_included", filled["point"].id) in codes
    assert ("person_without_photo", filled["thai"].id) in codes
    assert ("person_without_position", filled["thai"].id) in codes
    assert any(code == "meeting_without_points" for code, _ in codes)
    assert any(code == "empty_section" for code, _ in codes)  # no scene-setter, no loose topics


def test_sections_can_be_left_out_reordered_renamed_and_added(library: Library, book: Book) -> None:
    parts = sections(book)
    by_kind = {s.kind: s for s in parts}
    by_kind["programme"].include = False
    by_kind["delegation"].title = "Thành phần"
    parts.remove(by_kind["statements"])
    parts.insert(2, by_kind["statements"])
    parts.append(Section("text", "Ghi chú hậu cần", text="Xe đón lúc **7:30**."))
    book = save_sections(library, book.id, parts)
    document = assemble(library, book)
    h1 = [h.text for h in document.headings(1)]
    assert "Chương trình" not in h1
    assert h1[0] == "Phụ lục: phát biểu trước đây" and "Thành phần" in h1 and h1[-1] == "Ghi chú hậu cần"
    assert "Xe đón lúc 7:30." in text_of(document)
    assert book.version == 0  # an edit is not a version: exports are (test_book_versions)


def test_a_meeting_brief_uses_the_chosen_points_in_order(library: Library, filled: dict, book: Book) -> None:
    topic = filled["topic"]
    second = library.add(TalkingPoint(topic_id=topic.id, text="Điểm thứ hai", status="cleared"))
    parts = sections(book)
    meetings = next(s for s in parts if s.kind == "meetings")
    meetings.choices[filled["meeting"].id] = MeetingChoice(talking_points=[second.id], statements=[])
    book = save_sections(library, book.id, parts)
    text = text_of(assemble(library, book))
    assert "Điểm thứ hai" in text and "kiên quyết" not in text.split("Đề cương theo chủ đề")[0]


def test_every_page_break_separates_sections(library: Library, book: Book) -> None:
    document = assemble(library, book)
    for before, after in zip(document.blocks, document.blocks[1:], strict=False):
        assert not (isinstance(before, PageBreak) and isinstance(after, PageBreak))
    anchors = [h.anchor for h in document.headings()]
    assert len(anchors) == len(set(anchors))


def test_biographies_list_everyone_mentioned(library: Library, filled: dict, book: Book) -> None:
    document = assemble(library, book)
    names = [b.name for b in document.blocks if isinstance(b, Profile)]
    assert "Lê Anh Tuấn" in names and "สีหศักดิ์ พวงเกตุแก้ว" in names


def test_an_empty_book_and_a_book_with_everything_above_the_ceiling(library: Library) -> None:
    event = library.add(Event(title="Trống"))
    empty = new_book(library, event.id)
    document = assemble(library, empty)
    assert isinstance(document.blocks[0], Cover) and document.meta.banner == "CÔNG KHAI"
    secret = library.add(Event(title="Mật", classification="Secret"))
    library.add(Meeting(event_id=secret.id, title="Gặp kín", classification="Secret"))
    book = new_book(library, secret.id, ceiling="Public")
    document = assemble(library, book)
    assert "Gặp kín" not in text_of(document) and "Mật" not in document.meta.subject


def test_copy_book(library: Library, filled: dict, book: Book) -> None:
    copied = copy_book(library, book.id, title="Năm sau")
    assert copied.id != book.id and copied.title == "Năm sau" and copied.version == 0
    assert [s.kind for s in sections(copied)] == [s.kind for s in sections(book)]
    other = library.add(Event(title="Sự kiện khác"))
    moved = copy_book(library, book.id, event_id=other.id)
    assert moved.event_id == other.id


def test_english_book_uses_english_words_and_dates(library: Library, filled: dict) -> None:
    library.update(Meeting, filled["meeting"].id, starts_at="2025-12-17T09:00")
    book = new_book(library, filled["event"].id, language="en")
    text = text_of(assemble(library, book))
    assert "Points to make" in text and "09:00, 17 December 2025" in text
    vi = new_book(library, filled["event"].id, language="vi")
    assert "09:00, 17/12/2025" in text_of(assemble(library, vi))


def test_passages_not_for_release_are_left_out_of_shared_exports(
    library: Library, filled: dict, book: Book
) -> None:
    library.update(
        Topic,
        filled["topic"].id,
        background="Công khai.\n\n[NFR] Nguồn tin nội bộ, không trích dẫn.\n\n"
        "- ý công khai\n- [Không công bố] ý mật",
    )
    library.add(
        TalkingPoint(topic_id=filled["topic"].id, text="[not for release] Chỉ nói riêng.", status="cleared")
    )
    internal = text_of(assemble(library, book))
    assert "Nguồn tin nội bộ" in internal and "ý mật" in internal and "Chỉ nói riêng" in internal
    shared = text_of(assemble(library, book, releasable=True))
    assert "Công khai." in shared and "ý công khai" in shared
    for secret in ("Nguồn tin nội bộ", "ý mật", "Chỉ nói riêng", "NFR"):
        assert secret not in shared
    assert any(w.code == "not_for_release" for w in preflight(library, book, releasable=True))


def test_a_participant_in_two_meetings_is_listed_with_both(library: Library) -> None:
    """The participants table named only a person's first session: the Lao minister chairing
    the plenary lost the bilateral without a word."""
    event = library.add(Event(title="ASEAN Foreign Ministers' Meeting", city="Vientiane"))
    plenary = library.add(Meeting(event_id=event.id, title="Plenary session", starts_at="2026-07-20T09:00"))
    bilateral = library.add(
        Meeting(
            event_id=event.id, title="Bilateral with Lao PDR", kind="bilateral", starts_at="2026-07-20T14:00"
        )
    )
    minister = library.add(Person(name="ສະເຫຼີມໄຊ ກົມມະສິດ", name_romanised="Saleumxay Kommasith"))
    library.set_participant(plenary.id, minister.id, "chair")
    library.set_participant(bilateral.id, minister.id, "counterpart")
    book = new_book(library, event.id, language="en", ceiling="Internal")
    tables = [b for b in assemble(library, book.id).blocks if isinstance(b, Table)]
    rows = [
        row
        for t in tables
        for row in t.rows
        if "ສະເຫຼີມໄຊ ກົມມະສິດ" in "".join(r.text for p in row[0] for r in p.runs)
    ]
    assert len(rows) == 1
    sessions = ["".join(r.text for r in p.runs) for p in rows[0][2]]
    assert sessions == ["Plenary session", "Bilateral with Lao PDR"]


@pytest.mark.parametrize("stored", ["2026-07-20T09:00", "2026-07-20 09:00"])
def test_a_meeting_time_is_printed_however_an_older_library_stored_it(stored: str) -> None:
    from briefbook.assemble.words import format_time

    assert format_time(stored, "en") == "09:00, 20 July 2026"
    assert format_time(stored, "vi") == "09:00, 20/07/2026"
    assert format_time("2026-07-20", "en") == "20 July 2026"
